"""Lines under a caption, or short lines in a row -> a table's cells or a figure's words:
captioned spans (to their source line, or to the prose after them), cells, wide cells."""

from __future__ import annotations

import re
from collections.abc import Callable

from glossa.ingest.patterns import ends_sentence
from glossa.ingest.text.body.state import BodyState, next_text
from glossa.ingest.text.notes import note_start
from glossa.model.reading import Line, Paragraph

SUBTITLE = re.compile(r"^\([^()]*\)$")  # a caption's line in brackets: its subtitle
TABLE_CELLS = 8
WIDE_CELLS = 3  # short cells set between the lines of a table's prose column, at the least
SPAN_CAPTION = re.compile(r"^(?:Table|Figure|Exhibit|Chart|Map)\s+[A-Z]?-?\d+(?:\.\d+)*[.:]\s")
SPAN_SOURCE = re.compile(r"^(?:Sources?|Notes?|Data source)\s*:", re.I)
SPAN_REACH = 200
FIGURE = re.compile(r"^[-–—$€£(]?[\d.,%()$–-]*\d[\d.,%()a-z]*$|^[-–—]$")


class Tables(BodyState):
    """The body reader's tables: where one starts, which lines are its cells."""

    def _under_table_caption(self, ln: Line) -> bool:
        """Whether the block just read is a table's caption and `ln` is short enough to be
        a cell."""
        if self.draft is not None and self.draft.kind != "caption":
            return False
        blocks = self.result.blocks
        k = len(blocks) - 1
        while k >= 0 and isinstance(blocks[k], Paragraph) and blocks[k].kind == "caption" \
                and SUBTITLE.match(blocks[k].text):
            k -= 1  # "(in millions of dollars)" under the caption
        if self.draft is not None:
            caption = " ".join(self.draft.parts)
        elif k >= 0 and isinstance(blocks[k], Paragraph) and blocks[k].kind == "caption":
            caption = blocks[k].text
        else:
            return False
        return caption.startswith("Table") and len(ln.text) < 0.45 * self.width

    def _cell(self, text: str) -> bool:
        """A line that can be a table's cell: short, and no sentence of several words."""
        return len(text) <= max(30, int(0.45 * self.width)) and not (
            ends_sentence(text) and len(text.split()) > 3)

    def _table_starts(self, lines: list[Line], i: int) -> bool:
        """A table, its grid lost in the text: TABLE_CELLS short lines or more in a row on
        one page, each a block of its own (blank lines apart) or figures among them."""
        page = lines[i].page
        cells, figures, blanks, j = 0, 0, 0, i
        while j < len(lines) and cells < TABLE_CELLS:
            ln = lines[j]
            if ln.page != page:
                break
            if not ln.text:
                blanks += 1
            elif self._cell(ln.text) and not note_start(ln.text) or FIGURE.match(ln.text):
                cells += 1
                figures += bool(FIGURE.match(ln.text))
            else:
                break
            j += 1
        return cells >= TABLE_CELLS and (figures >= 2 or blanks >= cells - 1)


def captioned_spans(lines: list[Line], width: int,
                    heading: Callable[[str], bool] = lambda text: False) -> dict[int, int]:
    """Tables and figures under their caption ("Table 2. ...", "Figure 1: ..."): caption index
    -> index of the first line after them. What lies between is the table's cells or the
    figure's words, whose layout the text lost. A span ends at its source or notes line (which
    is read as text), within SPAN_REACH lines and two pages, with no line of prose (as wide as
    the column) between; without a source line, see `_cells_end`."""
    spans: dict[int, int] = {}
    i = 0
    while i < len(lines):
        if lines[i].text and SPAN_CAPTION.match(lines[i].text):
            end = None
            wide: bool | None = None  # a table with a column of prose, once asked
            for j in range(i + 1, min(len(lines), i + SPAN_REACH)):
                text = lines[j].text
                if len(text) >= 0.9 * width and not SPAN_SOURCE.match(text) and wide is None:
                    wide = _wide_cells(lines, i, width)
                if lines[j].page > lines[i].page + 1 or (text and SPAN_CAPTION.match(text)) \
                        or (len(text) >= 0.9 * width and not SPAN_SOURCE.match(text)
                            and not wide):
                    break
                if text and SPAN_SOURCE.match(text):
                    end = j
                    break
            if end is None:
                end = _cells_end(lines, i, width, heading)
            if end is not None:
                spans[i] = end
                i = end - 1
        i += 1
    return spans


def _wide_cells(lines: list[Line], i: int, width: int) -> bool:
    """Whether the lines under the caption at `i`, to its source line, are a table with a
    column of prose: short cells set between its lines, in the same block, again and again
    ("ETA provides job training, ..." / "formula grants" / "maintenance services. Within
    ETA, ..."); prose breaks a line short only at a paragraph's end."""
    interleaved = 0
    for j in range(i + 1, min(len(lines) - 1, i + SPAN_REACH)):
        text = lines[j].text
        if lines[j].page > lines[i].page + 1 or (text and SPAN_CAPTION.match(text)):
            return False
        if text and SPAN_SOURCE.match(text):
            return interleaved >= WIDE_CELLS
        if text and len(text) < 0.3 * width and len(lines[j - 1].text) >= 0.75 * width \
                and len(lines[j + 1].text) >= 0.75 * width:
            interleaved += 1
    return False


def _cells_end(lines: list[Line], i: int, width: int,
               heading: Callable[[str], bool]) -> int | None:
    """A table with no source line under its caption (line `i`). From the caption's block to
    the page's end (the next page's, when the caption ends its own), the next caption or a
    heading the contents list over prose, its cells are the blocks before the prose that
    closes the page, if any: the first block with a line as wide as the column after which
    half the lines or more are as wide (a cell may span the table's width: "Should offer
    training ..." / "DIST" / "Does" / "not"). The index of the first line after the table,
    when it holds TABLE_CELLS short lines or more in two blocks or more (a figure's caption
    over its picture and then prose holds none), and when its cells do not go on atop the
    next page."""
    j = i + 1
    while j < len(lines) and lines[j].text and lines[j].page == lines[i].page:
        j += 1  # the caption's own block
    page = lines[i].page
    nxt = next_text(lines, j - 1)
    if nxt is not None and nxt.page == page + 1:
        page += 1  # the caption closes its page, the table fills the next

    def over_prose(k: int) -> bool:  # a listed heading over prose, not a cell of its words
        below = [ln.text for ln in lines[k + 1:k + 8] if ln.text][:3]
        return heading(lines[k].text) and any(len(t) >= 0.9 * width for t in below)

    end = j
    while end < min(len(lines), i + SPAN_REACH) and lines[end].page <= page \
            and not (lines[end].text and (SPAN_CAPTION.match(lines[end].text)
                                          or over_prose(end))):
        end += 1
    if end == i + SPAN_REACH:
        return None  # no end in reach: not a table of one page
    if end < len(lines) and lines[end].page > page:
        # The page ended: a table whose cells go on atop the next page is no table of one
        # page (CRS: "Department of Energy" / "20,678" ...); left to the reading of cells.
        short = 0
        for ln in lines[end:end + SPAN_REACH]:
            if ln.page > lines[end].page or len(ln.text) >= 0.9 * width \
                    or (ln.text and SPAN_CAPTION.match(ln.text)):
                break
            short += bool(ln.text)
        if short >= TABLE_CELLS:
            return None
    starts = [k for k in range(j, end) if lines[k].text and (k == j or not lines[k - 1].text)]
    wide = {k: len(lines[k].text) >= 0.9 * width for k in range(j, end) if lines[k].text}
    for b in starts:  # the prose after the table, if any
        rest = [w for k, w in wide.items() if k >= b]
        block = [wide[k] for k in range(b, next((k for k in range(b, end)
                                                 if not lines[k].text), end))]
        if any(block) and sum(rest) >= len(rest) / 2:
            end = b
            break
    cells = sum(1 for k, w in wide.items() if k < end and not w)
    blocks = sum(1 for b in starts if b < end)
    return end if cells >= TABLE_CELLS and blocks >= 2 else None
