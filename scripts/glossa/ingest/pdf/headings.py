"""Blocks read as headings -> which stay headings, and at what level by their type: the bold
labels of a publisher's imprint page are its text (`imprint`); an appendix's label and its
title set apart are one heading (`labelled`); levels follow the headings' styles, those set
out into the left margin first, then type size, weight and slant (`style_levels`). The
numbering's levels, paper.yml's and the ids are the shared HeadingLevels' (ingest/headings.py).
"""

from __future__ import annotations

import re

from glossa.ingest.patterns import APPENDIX_LABEL, squash
from glossa.ingest.pdf.draft import Block
from glossa.ingest.pdf.lines import size_key
from glossa.ingest.pdf.stats import Stats
from glossa.model.reading import Dropped

# What an imprint page says: a licence, a copyright line, a book or serial number, a DOI.
IMPRINT = re.compile(r"\bISBN\b|\bISSN\b|©|Creative Commons|\breuse policy\b|\bdoi:\s?10\.",
                     re.I)

Style = tuple[bool, float, bool, bool]  # set out left, type size, bold, upright


def imprint(blocks: list[Block], dropped: dict[int, Dropped]) -> list[Block]:
    """The publisher's imprint, on a page before the paper's first listed section (its
    licence, copyright line, ISBN or DOI): its bold labels ("Contact information", "EU Science
    Hub", the report's number) are no sections of the paper; they are read as its text."""
    entries = {squash(d.text) for d in dropped.values() if d.why == "contents list"}
    first = next((b.lines[0].no for b in blocks if b.kind == "heading"
                  and squash(b.text) in entries), None)
    if first is None:
        return blocks
    page_of = {ln.no: ln.page for b in blocks for ln in b.lines}
    before = [b for b in blocks if b.lines[-1].no < first]
    text: dict[int, list[str]] = {}
    for b in before:
        text.setdefault(page_of[b.lines[0].no], []).extend(ln.text for ln in b.lines)
    imprinted = {p for p, t in text.items() if IMPRINT.search(" ".join(t))}
    for b in before:
        if b.kind == "heading" and {page_of[ln.no] for ln in b.lines} <= imprinted:
            b.kind = "paragraph"
    return blocks


def labelled(blocks: list[Block]) -> list[Block]:
    """An appendix's label read as a heading of its own, over its title set apart in other
    type ("Appendix V" / ": Comments from the Department of Energy"): one heading."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == b.kind == "heading" \
                and APPENDIX_LABEL.match(prev.text.strip()) \
                and b.lines[0].text.startswith(":") and b.lines[0].page == prev.lines[-1].page:
            prev.lines.extend(b.lines)
            continue
        out.append(b)
    return out


def style_levels(blocks: list[Block], stats: Stats) -> dict[Style, int]:
    """Each heading style's level, the first style level 2. Headings set out into the left
    margin (when the paper has several) are marked so (level -2), and come first."""
    out_left = [b for b in blocks if b.kind == "heading" and b.level != -1
                and b.lines[0].x0 < stats.left.get((b.lines[0].page, 0), 0) - b.lines[0].size]
    hanging = len(out_left) >= 2
    for b in out_left if hanging else ():
        b.level = -2
    styles = sorted({style_of(b) for b in blocks if b.kind == "heading" and b.level != -1},
                    reverse=True)
    return {s: min(6, 2 + k) for k, s in enumerate(styles)}


def style_of(b: Block) -> Style:
    ln = b.lines[0]
    return (b.level == -2, size_key(ln.size), ln.bold, not ln.italic)
