"""Tables and charts, in three places of the PDF reader: while the body is read, a run of
printed lines split into cells is read as one table (`table_row`, `read_table`); over the
blocks read, what stands between a caption and its "Source:" line is the table or chart it
names (`captioned_tables`), and bold heads level with a table's first row are its column
heads (`column_heads`); when the Reading is made, a table's lines -> its rows, a clear grid
of cells, or its text as printed (`table_rows`, `grid`, `table_text`)."""

from __future__ import annotations

import re
from collections import Counter

from glossa.ingest.patterns import ends_sentence
from glossa.ingest.pdf.draft import Block
from glossa.ingest.pdf.layout import PdfLine
from glossa.ingest.pdf.lines import CAPTION, ITEM_LABEL, SOURCE_LINE, lone_glyph
from glossa.ingest.pdf.stats import Stats, column_width

FIGURE_CAPTION = re.compile(r"^(?:Figure|Chart|Map|Graph|Exhibit)\s")
CELL_WORDS = 6  # a line of a table or a chart holds a few words; a line of prose more


def table_row(lines: list[PdfLine], i: int, rows: Counter, stats: Stats) -> bool:
    """A row of cells: the printed line has two or more pieces, and a neighbour does
    too (one split line alone is a wide gap in prose)."""
    ln = lines[i]
    if stats.two_column and ln.page in stats.two_column:
        return False
    row = [x for x in lines[max(0, i - 3):i + 4] if (x.page, x.row) == (ln.page, ln.row)]
    first = min(row, key=lambda x: x.x0)
    if len(row) == 2 and (lone_glyph(first) or ITEM_LABEL.fullmatch(first.text)):
        return False  # a bullet or a label and its item
    key = (ln.page, ln.row)
    near = [x for x in lines[max(0, i - 6):i + 8] if (x.page, x.row) != key
            and x.page == ln.page and rows[(x.page, x.row)] >= 2]
    if not near:
        return False
    # Prose beside prose (a text box beside the text) is not a table: its lines are
    # long on both sides.
    region = [x for x in lines[max(0, i - 6):i + 12] if x.page == ln.page
              and rows[(x.page, x.row)] >= 2]
    long = sum(1 for x in region if len(x.text) >= 38)
    return long < 0.6 * len(region)


def read_table(lines: list[PdfLine], i: int, rows: Counter, stats: Stats
               ) -> tuple[Block, int]:
    """The table whose first row is `lines[i]`, and the index of the line after it: its
    rows down to a wide gap, the page's end, a caption or source line, or a line of prose."""
    table = Block("table", [])
    gap_limit = 3.0 * lines[i].size
    while i < len(lines):
        ln = lines[i]
        if table.lines:
            last = table.lines[-1]
            if ln.page != last.page or ln.top - last.bottom > gap_limit:
                break
            single = rows[(ln.page, ln.row)] < 2
            if single and (SOURCE_LINE.match(ln.text) or CAPTION.match(ln.text)):
                break
            if single and len(ln.text) > 90 and abs(ln.size - stats.body) < 0.6:
                break
        table.lines.append(ln)
        i += 1
    return table, i


def captioned_tables(blocks: list[Block], stats: Stats) -> list[Block]:
    """What stands between a table's or a figure's caption and its "Source:" line on the
    same page, when none of it is prose (every line narrow or of a few words), is the table
    or the chart:
    one block laid out as printed, not a paragraph per cell ("$25 million", "KS 13.4").
    A bold line right after the caption that does not end a sentence is the caption's
    second line."""
    def short(b: Block) -> bool:  # cells: narrow, or a few words (a row across columns)
        return all(ln.x1 - ln.x0 < 0.45 * column_width(stats, ln)
                   or len(ln.text.split()) <= CELL_WORDS for ln in b.lines)

    out: list[Block] = []
    k = 0
    while k < len(blocks):
        b = blocks[k]
        out.append(b)
        k += 1
        if b.kind != "caption" or not CAPTION.match(b.lines[0].text):
            continue
        page = b.lines[0].page
        end = next((j for j in range(k, len(blocks)) if blocks[j].kind == "caption"
                    or blocks[j].lines[0].page != page), None)
        if end is None or blocks[end].lines[0].page != page \
                or not SOURCE_LINE.match(blocks[end].lines[0].text):
            continue
        between = blocks[k:end]
        first = b.lines[0]
        if between and between[0].kind == "heading" and len(between) > 1 \
                and not ends_sentence(between[0].lines[-1].plain) \
                and first.x1 - first.x0 >= 0.75 * column_width(stats, first):
            b.lines.extend(between[0].lines)  # the caption's title, on its second line
            between = between[1:]
            k += 1
        # A chart's words may be one block, and set large or bold ("Million barrels per
        # day" over its axis): no section of a figure; a table has two rows or more.
        chart = FIGURE_CAPTION.match(first.text) is not None
        if len(between) < (1 if chart else 2) \
                or not all(short(x) and (chart or x.kind != "heading") for x in between):
            continue
        out.append(Block("table", [ln for x in between for ln in x.lines]))
        k = end
    return out


def column_heads(blocks: list[Block], stats: Stats) -> list[Block]:
    """A "heading" that sits level with a table's first row, or in type smaller than the
    body's right above it, is the table's column heads ("State or Area", "Year"), set in
    bold: a row of the table, not a section."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if b.kind == "table" and prev is not None and prev.kind == "heading":
            head, first = prev.lines[-1], b.lines[0]
            # level with the first row ("Intervention" beside "Definition"), or small above it
            level = (head.page, head.row) == (first.page, first.row)
            if level or (head.page == first.page and head.size < stats.body - 0.5
                         and first.top - head.bottom < head.size):
                out[-1] = Block("table", [*prev.lines, *b.lines])
                continue
        out.append(b)
    return out


def table_rows(lines: list[PdfLine]) -> list[list[PdfLine]]:
    """The table's rows (by page and row, top to bottom), each row's cells left to right."""
    rows: dict[tuple[int, int], list[PdfLine]] = {}
    for ln in lines:
        rows.setdefault((ln.page, ln.row), []).append(ln)
    return [sorted(cells, key=lambda ln: ln.x0) for _, cells in sorted(rows.items())]


def grid(lines: list[PdfLine]) -> list[list[str]] | None:
    """The table's cells as a grid, when the grid is clear: every row has the same number
    of cells, each cell within its column's span, and no cell wraps onto a second row."""
    rows = table_rows(lines)
    if len(rows) < 2 or len({len(r) for r in rows}) != 1 or len(rows[0]) < 2:
        return None
    for k in range(len(rows[0])):
        spans = [(r[k].x0, r[k].x1) for r in rows]
        lo = max(a for a, _ in spans)
        hi = min(b for _, b in spans)
        if lo > hi + 2 * rows[0][0].size:  # the column's cells do not line up
            return None
        if k + 1 < len(rows[0]) and max(b for _, b in spans) > min(r[k + 1].x0 for r in rows):
            return None
    return [[c.text for c in r] for r in rows]


def table_text(lines: list[PdfLine]) -> str:
    """A table as printed, for a preformatted block: a row a line (rows by baseline, top to
    bottom), each cell at its place across the page, at least two spaces between cells."""
    rows = table_rows(lines)
    left = min(ln.x0 for ln in lines)
    unit = 0.5 * max(1.0, sorted(ln.size for ln in lines)[len(lines) // 2])  # a character
    out = []
    for cells in rows:
        text = ""
        for c in cells:
            col = int((c.x0 - left) / unit)
            text += " " * max(2 if text else 0, col - len(text)) + c.text
        out.append(text.rstrip())
    return "\n".join(out)

