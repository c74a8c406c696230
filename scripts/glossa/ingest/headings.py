"""What both readers (PDF text and the PDF's layout) decide the same way about a heading:
its level from its numbering or from paper.yml, and its id."""

from __future__ import annotations

import re
import unicodedata

from glossa.ingest.patterns import squash

HEADING_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(?=[A-Z])")


def numbered(texts) -> bool:
    """Whether the paper numbers its headings ("1 Introduction", "2.1 Energy labels"): at
    least two of them are."""
    return sum(1 for t in texts if HEADING_NUMBER.match(t)) >= 2


def level_of(text: str, level: int, by_number: bool, wanted: dict[str, int]) -> int:
    """A heading's level: its numbering's depth when the paper numbers (depth 1 is level 2),
    else `level`; what paper.yml's `levels` says (`wanted`, keys squashed) wins."""
    m = HEADING_NUMBER.match(text) if by_number else None
    if m:
        level = min(6, 2 + m.group(1).count("."))
    return wanted.get(squash(text), level)


class HeadingIds:
    """Unique ids from heading texts, never one a paragraph has ("p12", "c3")."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.n = 0

    def make(self, text: str) -> str:
        self.n += 1
        slug = base = slug_of(text, self.n)
        k = 2
        while slug in self.used or slug.startswith(("p", "c")) and slug[1:].isdigit():
            slug, k = f"{base}-{k}", k + 1
        self.used.add(slug)
        return slug


def slug_of(text: str, n: int) -> str:
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:60].rstrip("-") or f"section-{n}"
