"""Headings that open a box rather than a section -> asides.

Reports end with blocks that are not part of the argument: who wrote it and how to reach
them, a disclaimer. Printed under a heading of their own, they would otherwise stand in the
table of contents beside the paper's sections (the publishers' own contents and web
versions leave them out). Their text is kept, as asides, the label as the first aside's
lead-in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from glossa.model.reading import Heading, Marker, Paragraph

# The labels of a report's boxes, whole heading text: "Author Information", "Author Contact
# Information", "Contact Information", "About the Authors", "Disclaimer".
BOX_LABEL = re.compile(r"^(?:Authors?(?:’s|'s|s’|s')?\s+(?:Contact\s+)?Information"
                       r"|Contact\s+Information|About\s+the\s+Authors?|Disclaimers?)$",
                       re.IGNORECASE)
# "Acknowledgments" is a box among boxes (after the author information, before the
# disclaimer); elsewhere a section, which papers list in their contents.
AMONG_BOXES = re.compile(r"^Acknowledge?ments?$", re.IGNORECASE)


def box_label(text: str, after_box: bool) -> bool:
    """Whether a line or heading of `text` opens a box; `after_box`: a box ends just
    before it."""
    text = text.strip()
    return bool(BOX_LABEL.match(text) or (after_box and AMONG_BOXES.match(text)))


def box_sections(blocks: list, markers: list[Marker]) -> list:
    """`blocks` with each box heading and the paragraphs, items and tables under it (up to
    the next heading, caption or other block) read as asides. A heading that holds a note's
    marker stays a heading; so does one with nothing under it."""
    marked = {m.block for m in markers}
    out: list = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        after_box = bool(out) and isinstance(out[-1], Paragraph) and out[-1].kind == "aside"
        if not (isinstance(b, Heading) and box_label(b.text, after_box)
                and b.id not in marked):
            out.append(b)
            i += 1
            continue
        j = i + 1
        while j < len(blocks) and isinstance(blocks[j], Paragraph) \
                and blocks[j].kind in ("paragraph", "item", "aside", "table", "grid") \
                and not (j == i + 1 and blocks[j].lead):
            j += 1
        if j == i + 1:  # nothing under it to hold the label: leave it as printed
            out.append(b)
            i += 1
            continue
        first = _by_columns(blocks[i + 1])
        out.append(replace(first, kind="aside", lead=b.text.strip(),
                           lines=(b.lines or (b.line,)) + (first.lines or (first.line,)),
                           line=b.line))
        out += [replace(_by_columns(p), kind="aside") for p in blocks[i + 2:j]]
        i = j
    return out


def _by_columns(p: Paragraph) -> Paragraph:
    """A grid in a box is names and job titles side by side ("Marc Labonte", "Ben
    Leubsdorf" over their titles): read a column at a time, each cell a line. Anything else
    as it is."""
    if p.kind != "grid":
        return p
    rows = [r.split("\t") for r in p.text.split("\n")]
    if len(p.lines) != sum(len(r) for r in rows):  # a cell of several lines: keep the rows
        return replace(p, text=p.text.replace("\t", "\n"))
    numbered, k = [], 0
    for r in rows:
        numbered.append(list(zip(r, p.lines[k:k + len(r)], strict=True)))
        k += len(r)
    cells = [row[c] for c in range(max(len(r) for r in rows)) for row in numbered
             if c < len(row)]
    return replace(p, text="\n".join(t for t, _ in cells), lines=tuple(n for _, n in cells))
