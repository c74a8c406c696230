"""A source -> a Reading: the readers (text/ for plain text, pdf/ for a PDF; source.py picks
one) and the stages they share (headings, joining, markers, boxes, leads, patterns).

The face of the text reader: `from glossa.ingest import Hints, ingest_text, normalise_text,
decode_source`.
"""

from __future__ import annotations

from glossa.ingest.decode import decode_source, normalise_text
from glossa.ingest.hints import Hints
from glossa.ingest.text.pipeline import ingest_text
from glossa.model.reading import Dropped, Paragraph

__all__ = ["Hints", "decode_source", "ingest_text", "normalise_text", "Dropped", "Paragraph"]
