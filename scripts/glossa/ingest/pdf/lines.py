"""A printed line (PdfLine) -> what it is on its own, before any stage weighs its neighbours:
the tests and patterns of single lines that the PDF reader's stages share (a caption, a
source line, a bullet, a page number, a note's raised number), the key that type sizes are
counted by, and printed lines joined into one text."""

from __future__ import annotations

import re

from glossa.ingest.joining import join_lines
from glossa.ingest.pdf.layout import PdfLine

BULLET = re.compile(r"^([•▪●◦○■□‣⁃∙·\uf0a7\uf0b7\uf0d8\uf076\uf0fc➢►-])\s*(?=\S)")
ITEM_LABEL = re.compile(r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]")
NUMBERED_ITEM = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\([ivx]+\))\s+(?=\S)")
CAPTION = re.compile(r"^(?:Figure|Table|Chart|Map|Box|Exhibit|Graph)\s+[A-Z]?[\d.-]+[A-Z]?\b")
SOURCE_LINE = re.compile(r"^(?:Sources?|Notes?)\s*:", re.I)
# A place and its postcode close an address, never a heading ("Washington, D.C. 20548").
POSTAL_ADDRESS = re.compile(r",\s*(?:[A-Z]\.?){2}\.?\s+\d{5}(?:-\d{4})?$")
PAGE_NUMBER = re.compile(r"^(?:(?:page|p\.)\s*)?(?:[-–—]\s*)?"
                         r"(?:\d{1,4}|[ivxlc]{1,6}|[A-Z]{2,4}-\d{1,3})"
                         r"(?:\s*[-–—])?(?:\s+of\s+\d+)?$", re.I)


def size_key(size: float) -> float:
    """A type size to the half point: sizes are counted, and compared, by this."""
    return round(size * 2) / 2


def lone_glyph(ln: PdfLine) -> bool:
    """A bullet set apart from its item: a mark or two, no letter or figure."""
    text = ln.text.strip()
    return 0 < len(text) <= 2 and not any(c.isalnum() for c in text) and text not in "()[]"


def opens_with_raised_number(ln: PdfLine) -> bool:
    """The line opens with a raised number and goes on: a note's first line."""
    first = next((s for s in ln.spans if s.text.strip()), None)
    return first is not None and first.script == "sup" and first.text.strip().isdigit() \
        and len(ln.spans) > 1


def join_texts(parts: list[str]) -> str:
    """Printed lines joined into one text (a title set on several lines, a note)."""
    text = ""
    for part in parts:
        text = join_lines(text, part.strip(), set())
    return text
