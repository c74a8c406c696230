"""A PDF's body lines (furniture, front matter and page-foot notes taken out) -> its blocks:
headings, paragraphs, list items, tables, captions and asides (`read_blocks`, one pass over
the lines, each read as what it is); then a drop cap joined to the line it opens
(`drop_caps`).

A line set larger, or bold and standing alone, is a heading; a paragraph ends where the next
line is set apart (a wider gap than the paper's line spacing, a first-line indent) or starts
with a bullet; a page or column break does not end a paragraph whose last line runs to the
margin without closing its sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from glossa.ingest.patterns import ends_sentence
from glossa.ingest.pdf.draft import Block
from glossa.ingest.pdf.layout import PdfLine
from glossa.ingest.pdf.lines import (
    BULLET,
    CAPTION,
    ITEM_LABEL,
    NUMBERED_ITEM,
    POSTAL_ADDRESS,
    SOURCE_LINE,
    lone_glyph,
    size_key,
)
from glossa.ingest.pdf.margins import aside_run, place_side_heads, side_head
from glossa.ingest.pdf.stats import Stats, column, column_width
from glossa.ingest.pdf.tables import read_table, table_row


def read_blocks(lines: list[PdfLine], stats: Stats) -> list[Block]:
    """The body's blocks, in reading order (side heads placed before the text they stand
    beside)."""
    lines = place_side_heads(lines, stats)
    blocks: list[Block] = []
    prev: PdfLine | None = None
    rows = Counter((ln.page, ln.row) for ln in lines)
    by_row: dict[tuple[int, int], list[PdfLine]] = {}
    for ln in lines:
        by_row.setdefault((ln.page, ln.row), []).append(ln)
    i = 0
    while i < len(lines):
        ln = lines[i]
        cur = blocks[-1] if blocks else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        n = 1  # the lines this step reads
        if side_head(ln, stats):
            if cur and cur.kind == "heading" and cur.level == -1 and prev is not None \
                    and ln.top - prev.bottom < ln.size \
                    and 0.8 < ln.size / cur.lines[-1].size < 1.25:  # in the same type
                cur.lines.append(ln)
            else:
                blocks.append(Block("heading", [ln], level=-1))
        elif aside := aside_run(lines, i, by_row, stats):
            # A box set beside the text (an author block, a sidebar): kept as an aside.
            blocks.append(Block("aside", lines[i:i + aside]))
            n = aside
        elif (lone_glyph(ln) or ITEM_LABEL.fullmatch(ln.text)) and nxt is not None \
                and (nxt.page, nxt.row) == (ln.page, ln.row) and nxt.x0 > ln.x1:
            # A bullet set apart from its item's text (a symbol font's glyph, "!" or "§"
            # once its font is lost), or a label ("i.", "(b)"), which stays.
            blocks.append(Block("item", [ln, nxt], text_x=nxt.x0, glyph=lone_glyph(ln)))
            n = 2
        elif rows[(ln.page, ln.row)] >= 2 and table_row(lines, i, rows, stats):
            table, end = read_table(lines, i, rows, stats)
            blocks.append(table)
            n = end - i
        elif (CAPTION.match(ln.text) and (ln.bold or len(ln.text) < 150)) \
                or SOURCE_LINE.match(ln.text):
            blocks.append(Block("caption", [ln]))
        elif cur and _wraps(cur, prev, ln, stats):
            cur.lines.append(ln)
        elif _heading_like(ln, stats):
            if cur and _same_heading(cur, prev, ln):
                cur.lines.append(ln)
            else:
                blocks.append(Block("heading", [ln]))
        elif _item_starts(ln, prev):
            blocks.append(Block("item", [ln], text_x=_text_x(ln)))
        elif cur is not None and prev is not None and _continues(cur, prev, ln, stats):
            cur.lines.append(ln)
        else:
            kind = "paragraph"
            if cur is not None and cur.kind == "caption" and SOURCE_LINE.match(ln.text):
                kind = "caption"
            blocks.append(Block(kind, [ln]))
        prev = lines[i + n - 1]
        i += n
    return blocks


def _wraps(cur: Block, prev: PdfLine | None, ln: PdfLine, stats: Stats) -> bool:
    """A heading that filled its line, wrapped onto the next in the same type, indented
    under it or not ("... Technological Develop-" / "ment")."""
    return cur.kind == "heading" and cur.level != -1 and prev is cur.lines[-1] \
        and prev.page == ln.page and prev.bold == ln.bold \
        and abs(prev.size - ln.size) < 0.3 and 0 < ln.base - prev.base < 1.6 * ln.size \
        and prev.x1 - prev.x0 >= 0.8 * column_width(stats, prev) \
        and len(ln.text.split()) <= 12 and not ends_sentence(ln.text)


def _same_heading(cur: Block, prev: PdfLine | None, ln: PdfLine) -> bool:
    """A heading's next line, right below its last in the same type."""
    return cur.kind == "heading" and prev is not None and cur.level != -1 \
        and abs(cur.lines[-1].size - ln.size) < 0.3 \
        and cur.lines[-1].bold == ln.bold and prev is cur.lines[-1] \
        and 0 < ln.base - prev.base < 1.6 * ln.size and prev.page == ln.page


def _heading_like(ln: PdfLine, stats: Stats) -> int:
    """0 if not a heading line; else a rank: larger type first."""
    text = ln.text
    # Two letters at least ("37", "22.9%" are no headings), or a bill's number ("S. 121").
    if len(text) < 2 or not re.search(r"[^\W\d_].*[^\W\d_]|^[A-Z]\.\s?\d", text) \
            or CAPTION.match(text) or POSTAL_ADDRESS.search(text):
        return 0
    n_words = len(text.split())
    if ln.size >= stats.body * 1.12 and n_words <= 20 and not (
            n_words > 8 and text.endswith(".")):
        return 1
    if ln.bold and n_words <= 22 and not (ends_sentence(text) and not text.endswith("?")) \
            and ln.size >= 0.85 * stats.body:
        # Set in the body's size or smaller, a bold line is a heading when it starts at
        # the text's left edge or left of it (a table's bold header cells do not).
        left = stats.left.get((ln.page, column(ln, stats)))
        return int(left is None or -0.6 * ln.size < left - ln.x0 < 4 * ln.size)
    return 0


def _item_starts(ln: PdfLine, prev: PdfLine | None) -> bool:
    """A bullet opens the line; or a number or a letter ("2.", "(b)") after a line that
    ended its sentence or opened a list with a colon."""
    if BULLET.match(ln.text):
        return True
    if not NUMBERED_ITEM.match(ln.text) or prev is None:
        return False
    return ends_sentence(prev.plain) or prev.plain.endswith(":")


def _text_x(ln: PdfLine) -> float:
    """Where an item's text starts, after its bullet or number."""
    m = BULLET.match(ln.text) or NUMBERED_ITEM.match(ln.text)
    if not m:
        return ln.x0
    # The x of the first span that starts after the bullet.
    for s in ln.spans:
        if s.x0 > ln.x0 + 1:
            return s.x0
    return ln.x0 + 1.5 * ln.size


def _continues(cur: Block, prev: PdfLine, ln: PdfLine, stats: Stats) -> bool:
    """Whether `ln` goes on with the block `prev` ended."""
    if cur.kind in ("heading", "table", "aside"):
        return False
    if cur.kind == "caption":
        # A caption runs on to the next line close below it, in its own type.
        near = prev.page == ln.page and -0.3 * ln.size <= ln.top - prev.bottom \
            < 0.6 * ln.size and abs(ln.size - prev.size) < 0.6
        return near and not SOURCE_LINE.match(ln.text) and (
            not cur.lines[0].bold or (cur.lines[-1].bold and ln.bold))
    if abs(ln.size - prev.size) > 0.6:
        return False
    same_column = prev.page == ln.page and column(prev, stats) == \
        column(ln, stats) and ln.top > prev.top
    col = (ln.page, column(ln, stats))
    left = stats.left.get(col, ln.x0)
    if cur.kind == "item":
        if ln.x0 < cur.text_x - 0.5 * ln.size and same_column:
            return False
    if same_column:
        spacing = stats.spacing.get(size_key(ln.size), 1.2 * ln.size)
        if ln.base - prev.base > spacing + 0.22 * ln.size:
            return False  # set apart: a new paragraph
        if cur.kind == "paragraph" and ln.x0 > left + 0.8 * ln.size \
                and prev.x0 <= left + 0.8 * ln.size and ends_sentence(prev.plain):
            return False  # a first-line indent
        return True
    # A page or column break: the paragraph goes on when its last line ran to the
    # margin or left its sentence open, and the new line is not indented.
    prev_right = stats.right.get((prev.page, column(prev, stats)), prev.x1)
    full = prev.x1 > prev_right - 2.5 * prev.size
    if cur.kind == "item":
        return not ends_sentence(prev.plain) or full
    indented = ln.x0 > left + 0.8 * ln.size
    return (full or not ends_sentence(prev.plain)) and not indented \
        and not (ends_sentence(prev.plain) and not full)


def drop_caps(blocks: list[Block], stats: Stats) -> list[Block]:
    """A letter or two in type at least twice the body's, level with the top of a block's
    first line and to its left, is that line's first letter ("T" + "he Act of May 15")."""
    def cap(b: Block) -> bool:
        ln = b.lines[0]
        return len(b.lines) == 1 and ln.size >= 2 * stats.body and \
            re.fullmatch(r"[^\W\d_]{1,2}", ln.text.strip()) is not None

    def beside(c: PdfLine, b: Block) -> bool:
        first = b.lines[0]
        return b.kind in ("paragraph", "item") and first.page == c.page \
            and abs(first.top - c.top) <= stats.body and first.x0 >= c.x1 - 2

    out = list(blocks)
    k = 0
    while k < len(out):
        b = out[k]
        if cap(b):
            # (PDFium may write the capital after the whole page: any block of its page)
            target = next((j for j in range(len(out)) if j != k and beside(b.lines[0], out[j])),
                          None)
            if target is not None:
                t = out[target]
                out[target] = replace(t, lines=[b.lines[0], *t.lines], cap=True)
                del out[k]
                continue
        k += 1
    return out

