"""Lines beside the text column -> where they go: side heads (set in a wide left margin, in
larger type or bold) placed before the text line they stand beside, and the runs of short
lines that make a box beside the text (an author block, a sidebar), read as an aside."""

from __future__ import annotations

import re

from glossa.ingest.pdf.layout import PdfLine
from glossa.ingest.pdf.lines import CAPTION, PAGE_NUMBER, POSTAL_ADDRESS
from glossa.ingest.pdf.stats import Stats


def side_head(ln: PdfLine, stats: Stats) -> bool:
    """Whether the line is a side head, in the margin left of a one-column page's text."""
    left = stats.left.get((ln.page, 0))
    # Set in larger type or bold (not tiny: a logo's motto), in a wide margin left of the
    # text (a figure's labels there are not, nor a figure's caption set out into the
    # margin).
    return left is not None and ln.page not in stats.two_column \
        and ln.x1 < left - 6 and left > 120 and not PAGE_NUMBER.match(ln.text) \
        and not CAPTION.match(ln.text) and not POSTAL_ADDRESS.search(ln.text) \
        and (ln.size >= 1.12 * stats.body
             or (ln.bold and ln.size >= 0.7 * stats.body)) \
        and bool(re.search(r"[^\W\d_]{2,}", ln.text))


def place_side_heads(lines: list[PdfLine], stats: Stats) -> list[PdfLine]:
    """Side heads printed in the margin go before the text line they stand beside."""
    out: list[PdfLine] = []
    by_page: dict[int, list[PdfLine]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    for p in sorted(by_page):
        page = by_page[p]
        sides = [ln for ln in page if side_head(ln, stats)]
        if not sides:
            out += page
            continue
        rest = [ln for ln in page if ln not in sides]
        # A side head wrapped over several lines goes in whole, before the text line
        # beside its first line.
        groups: list[list[PdfLine]] = []
        for ln in sorted(sides, key=lambda ln: ln.top):
            if groups and ln.top - groups[-1][-1].bottom < ln.size:
                groups[-1].append(ln)
            else:
                groups.append([ln])
        merged: list[PdfLine] = []
        for ln in rest:
            while groups and groups[0][0].base <= ln.base + 1:
                merged += groups.pop(0)
            merged.append(ln)
        out += merged + [ln for g in groups for ln in g]
    return out


def aside_run(lines: list[PdfLine], i: int, by_row: dict[tuple[int, int], list[PdfLine]],
              stats: Stats) -> int:
    """How many lines from `i` make a box beside the text: three or more short lines on
    one left edge in the right part of a one-column page, one below the other, beside
    nothing but running text (a table's column stands beside short cells)."""
    ln = lines[i]
    left = stats.left.get((ln.page, 0))
    right = stats.right.get((ln.page, 0))
    if left is None or right is None or ln.page in stats.two_column \
            or ln.x0 < left + 0.45 * (right - left):
        return 0
    k = i + 1
    while k < len(lines) and lines[k].page == ln.page and abs(lines[k].x0 - ln.x0) < 2 \
            and 0 < lines[k].top - lines[k - 1].top < 3 * ln.size:
        k += 1
    run = lines[i:k]

    def beside_text_only(x: PdfLine) -> bool:
        return all(o is x or len(o.text) >= 40 for o in by_row[(x.page, x.row)])
    return k - i if k - i >= 3 and all(x.x1 <= right + 2 * x.size and beside_text_only(x)
                                       for x in run) else 0
