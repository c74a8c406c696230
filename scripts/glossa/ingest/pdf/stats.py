"""A PDF's printed lines -> the measures of its type that every later stage judges a line by
(Stats): the body's type size, the usual line spacing of each size, the left and right edges
of each page's text column, and which pages are set in two columns."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from glossa.ingest.pdf.layout import Layout, PdfLine
from glossa.ingest.pdf.lines import opens_with_raised_number, size_key


@dataclass(frozen=True)
class Stats:
    body: float  # the body's type size
    spacing: dict[float, float]  # type size -> usual baseline-to-baseline distance
    left: dict[tuple[int, int], float]  # (page, column) -> left edge of the text column
    right: dict[tuple[int, int], float]  # (page, column) -> right edge
    two_column: set[int]


def measure(layout: Layout, lines: list[PdfLine]) -> Stats:
    """The measures of the paper's type, from its lines (`lines`: those with text)."""
    body = _body_size(lines)
    left, right, two = _columns(layout, body)
    return Stats(body, _spacing(lines), left, right, two)


def _body_size(lines: list[PdfLine]) -> float:
    """The type most characters of running prose are set in (lines of 50 characters or
    more: a table's cells are shorter)."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        if len(ln.text) >= 50:
            sizes[size_key(ln.size)] += len(ln.text)
    if not sizes:
        for ln in lines:
            sizes[size_key(ln.size)] += len(ln.text)
    body = max(sizes, key=lambda s: sizes[s]) if sizes else 10.0
    # Lines opened by a raised number are notes: a paper with long notes may set more
    # characters in the notes' type than in the body's, which is the most common larger one.
    starts = Counter(size_key(ln.size) for ln in lines if opens_with_raised_number(ln))
    if sum(starts.values()) >= 2:
        note = starts.most_common(1)[0][0]
        larger = {s: k for s, k in sizes.items() if s > note and k >= 0.15 * sizes[note]}
        if body <= note and larger:
            body = max(larger, key=lambda s: larger[s])
    return body


def _spacing(lines: list[PdfLine]) -> dict[float, float]:
    """Each type size's usual distance from one baseline to the next, within a paragraph."""
    gaps: dict[float, list[float]] = {}
    prev: PdfLine | None = None
    for ln in lines:
        if prev is not None and prev.page == ln.page and size_key(prev.size) == \
                size_key(ln.size) and abs(prev.x0 - ln.x0) < 3 * ln.size:
            d = ln.base - prev.base
            if 0.9 * ln.size < d < 2.2 * ln.size:
                gaps.setdefault(size_key(ln.size), []).append(d)
        prev = ln
    # The usual spacing: a low quantile, which paragraph gaps do not pull up.
    return {s: sorted(g)[len(g) // 4] for s, g in gaps.items() if g}


def _columns(layout: Layout, body: float) -> tuple[dict[tuple[int, int], float],
                                                   dict[tuple[int, int], float], set[int]]:
    """The text column's left and right edges on each page, by (page, column); and the pages
    set in two columns."""
    left: dict[tuple[int, int], float] = {}
    right: dict[tuple[int, int], float] = {}
    two: set[int] = set()
    for p, page in enumerate(layout.pages):
        body_lines = [ln for ln in page.lines if abs(ln.size - body) < 0.6
                      and len(ln.text) > 20]
        narrow = [ln for ln in body_lines if ln.x1 - ln.x0 < 0.48 * page.width]
        halves = [[ln for ln in narrow if (ln.x0 < page.width / 2) == side]
                  for side in (True, False)]
        # Two columns: most of the body's lines are narrow, and each half of the page holds
        # a column of them.
        if len(narrow) > 0.7 * max(1, len(body_lines)) and all(len(half) >= 6
                                                               for half in halves):
            two.add(p)
        if len(body_lines) < 5:  # a page set in another type (a summary page): its own
            own = Counter(size_key(ln.size) for ln in page.lines if len(ln.text) > 20)
            if own:
                size = own.most_common(1)[0][0]
                body_lines = [ln for ln in page.lines if abs(ln.size - size) < 0.6
                              and len(ln.text) > 20] or body_lines
        for col in (0, 1):
            mine = [ln for ln in body_lines
                    if p not in two or (ln.x0 >= page.width / 2) == bool(col)]
            if not mine:
                continue
            x0s = Counter(round(ln.x0) for ln in mine)
            top = x0s.most_common(1)[0][1]
            # The text's left edge: where most lines start, or a little left of it where
            # nearly as many do.
            left[(p, col)] = min(x for x, k in x0s.items() if k >= max(1, min(2, top),
                                                                       top // 2))
            x1s = sorted(ln.x1 for ln in mine)
            right[(p, col)] = x1s[int(0.9 * (len(x1s) - 1))]
    return left, right, two


def column(ln: PdfLine, stats: Stats) -> int:
    """The column the line stands in: 0, or 1 for the right one of a two-column page."""
    if ln.page not in stats.two_column:
        return 0
    return int(ln.x0 >= page_mid(stats, ln.page))


def page_mid(stats: Stats, page: int) -> float:
    a, b = stats.left.get((page, 0)), stats.left.get((page, 1))
    return (a + b) / 2 if a is not None and b is not None else 306.0


def column_width(stats: Stats, ln: PdfLine) -> float:
    """The widest text column of the line's page."""
    widths = [stats.right[key] - stats.left[key] for key in stats.left
              if key[0] == ln.page and key in stats.right]
    return max(widths, default=ln.x1 - ln.x0) or 1.0
