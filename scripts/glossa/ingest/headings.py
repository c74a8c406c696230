"""A paper's headings -> each one's level and unique id, and the notes heading dropped: what
both readers (the text reader, text/, and the PDF's layout reader, pdf/) decide the same way
about a heading."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Protocol

from glossa.ingest.patterns import squash
from glossa.model.reading import Dropped

HEADING_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(?=[A-Z])")
NOTES_HEADING_WHY = "notes heading (the notes are listed at the end of the page)"


class HeadingLevels:
    """The levels and ids of one paper's headings (`texts`, in order), given one by one.

    A heading's level is its numbering's depth when the paper numbers its headings ("1
    Introduction", "2.1 Energy labels": two of them at least; depth 1 is level 2), else the
    level its reader gave it; what paper.yml's `levels` says wins. Its id is made from its
    text, unique in the paper, and never one a paragraph has ("p12", "c3").
    """

    def __init__(self, texts: Iterable[str], levels: dict[str, int]):
        self.by_number = sum(1 for t in texts if HEADING_NUMBER.match(t)) >= 2
        self.wanted = {squash(k): v for k, v in levels.items()}
        self.used: set[str] = set()
        self.n = 0

    def level(self, text: str, level: int) -> int:
        m = HEADING_NUMBER.match(text) if self.by_number else None
        if m:
            level = min(6, 2 + m.group(1).count("."))
        return self.wanted.get(squash(text), level)

    def id(self, text: str) -> str:
        self.n += 1
        slug = base = _slug(text, self.n)
        k = 2
        while slug in self.used or slug.startswith(("p", "c")) and slug[1:].isdigit():
            slug, k = f"{base}-{k}", k + 1
        self.used.add(slug)
        return slug


def _slug(text: str, n: int) -> str:
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:60].rstrip("-") or f"section-{n}"


class _Printed(Protocol):  # a line of either reader: a text Line, a PdfLine
    @property
    def no(self) -> int: ...

    @property
    def text(self) -> str: ...


def notes_heading_dropped(lines: Sequence[_Printed]) -> dict[int, Dropped]:
    """The heading over the notes listed at the end (its lines: a PDF may set it on two)
    -> its lines dropped, by line number: the notes are shown as notes, under no heading."""
    first, *rest = lines
    out = {first.no: Dropped(first.no, first.text, NOTES_HEADING_WHY)}
    out.update((ln.no, Dropped(ln.no, ln.text, "notes heading")) for ln in rest)
    return out
