"""The blocks, regrouped -> the Reading's blocks (Heading, Paragraph), its markers, and what
is wrong with the markers' order: each block's text with its markers taken out (`spans`),
a heading's level (its style's, then the shared HeadingLevels': numbering, paper.yml) and id,
a paragraph's id ("p12"), a table as a grid of cells or as printed, an item without its
bullet."""

from __future__ import annotations

from collections.abc import Container

from glossa.ingest.headings import HeadingLevels
from glossa.ingest.pdf.draft import Block
from glossa.ingest.pdf.headings import style_levels, style_of
from glossa.ingest.pdf.lines import BULLET
from glossa.ingest.pdf.spans import text_and_markers
from glossa.ingest.pdf.stats import Stats
from glossa.ingest.pdf.tables import grid, table_rows, table_text
from glossa.model.reading import Heading, Marker, MarkerIssue, Note, Paragraph

HEADING_WORDS = 30  # a heading's words, at the most, however many lines it takes


def finish(blocks: list[Block], notes: dict[int, Note], stats: Stats,
           vocabulary: Container[str], levels: dict[str, int]
           ) -> tuple[list[Heading | Paragraph], list[Marker], list[MarkerIssue]]:
    """The Reading's blocks, markers and marker issues; `levels` is paper.yml's."""
    highest = max(notes) if notes else 0
    level_by_style = style_levels(blocks, stats)
    out: list[Heading | Paragraph] = []
    markers: list[Marker] = []
    issues: list[MarkerIssue] = []
    n_para = 0
    headings = HeadingLevels((b.lines[0].text for b in blocks if b.kind == "heading"), levels)
    expected = 1
    for b in blocks:
        page = b.lines[0].page + 1
        nos = tuple(ln.no for ln in b.lines)
        if b.kind == "heading" and b.level != -1 \
                and sum(len(ln.text.split()) for ln in b.lines) > HEADING_WORDS:
            b.kind = "paragraph"  # lines of large type run on: a block of names, no heading
        if b.kind == "heading":
            text, found, _, _ = text_and_markers(b, highest, set())
            level = headings.level(text, 2 if b.level == -1 else level_by_style[style_of(b)])
            slug = headings.id(text)
            for n, offset, no, after in found:  # a note on a heading ("Elections1")
                expected = max(expected, n + 1)
                markers.append(Marker(n, slug, offset, no, after))
            out.append(Heading(level, text, b.lines[0].no, slug, lines=nos, page=page))
            continue
        n_para += 1
        pid = f"p{n_para}"
        if b.kind == "table":
            out.append(_table(b, pid, page))
            continue
        text, found, lead, styles = text_and_markers(b, highest, vocabulary)
        for n, offset, no, after in found:
            if n != expected:
                issues.append(MarkerIssue("out-of-order" if n < expected else "gap", n, no,
                                          after, expected))
            expected = max(expected, n + 1)
            markers.append(Marker(n, pid, offset, no, after))
        kind = {"item": "item", "caption": "caption", "aside": "aside"}.get(b.kind, "paragraph")
        if kind == "item":
            m = BULLET.match(text)
            if m:
                cut = m.end()
                text = text[cut:]
                markers[:] = [Marker(x.n, x.block, x.offset - cut, x.line, x.after)
                              if x.block == pid else x for x in markers]
                styles = tuple((a - cut, z - cut, t) for a, z, t in styles if a >= cut)
        out.append(Paragraph(pid, text, b.lines[0].no, lead=lead, kind=kind, lines=nos,
                             page=page, styles=styles))
    return out, markers, issues


def _table(b: Block, pid: str, page: int) -> Paragraph:
    """A table: a grid of rows and cells (a tab between cells) when the grid is clear, else
    its text as printed; its lines in the order they are laid out."""
    nos = tuple(ln.no for row in table_rows(b.lines) for ln in row)
    cells = grid(b.lines)
    if cells:
        return Paragraph(pid, "\n".join("\t".join(r) for r in cells), b.lines[0].no,
                         kind="grid", lines=nos, page=page)
    return Paragraph(pid, table_text(b.lines), b.lines[0].no, kind="table", lines=nos,
                     page=page)
