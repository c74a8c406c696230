"""A PDF's lines, furniture dropped -> its front matter, and the lines that follow it.

The title is the largest type on the first page that holds words (not a logo), or, with no
larger type, the first bold line at its top; the lines right below it in large type are the
subtitle; short lines below them (a date, a byline) are front matter up to the first line of
text or heading. A first page with no body text (a cover) is front matter as a whole.
"""

from __future__ import annotations

import re

from glossa.ingest.patterns import ends_sentence
from glossa.ingest.pdf.layout import PdfLine
from glossa.ingest.pdf.lines import join_texts, size_key
from glossa.ingest.pdf.stats import Stats
from glossa.model.reading import FrontLine

DATE = re.compile(r"^(?:(?:Updated|Revised|Published)\s+)?(?:(?:January|February|March|April|May|"
                  r"June|July|August|September|October|November|December)\s+(?:\d{1,2},\s+)?"
                  r"\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
                  r"September|October|November|December)\s+\d{4})$")


def read_front(lines: list[PdfLine], stats: Stats
               ) -> tuple[list[FrontLine], str, str, list[PdfLine]]:
    """(front matter, title, subtitle, the lines after the front matter)."""
    if not lines:
        return [], "", "", lines
    first = lines[0].page
    page = [ln for ln in lines if ln.page == first]
    wordy = [ln for ln in page if len(re.findall(r"[^\W\d_]{2,}", ln.text)) >= 1
             and len(ln.text) >= 4 and not ln.text.lower().startswith(("http", "www."))]
    if not wordy:
        return [], "", "", lines
    big = max(ln.size for ln in wordy)
    if big >= stats.body * 1.15:
        start = next(ln for ln in page if ln in wordy and ln.size == big)
    else:
        # No larger type: the first bold line at the top of the page, set apart from the
        # text (a title in bold capitals in the body's size).
        top = sorted(wordy, key=lambda ln: ln.top)[:6]
        start = next((ln for ln in top if ln.bold and not ends_sentence(ln.text)
                      and len(ln.text.split()) >= 2), None)
        if start is None:
            return [], "", "", lines
        big = start.size
    title_lines = _group_from(page, start)
    rest = [ln for ln in page if ln not in title_lines]
    end = title_lines[-1]
    below = [ln for ln in rest if ln.top > end.top and ln.size >= stats.body * 1.15
             and ln.size < big and ln.top - end.bottom < 1.5 * big and not DATE.match(ln.text)]
    sub_lines = _group_from(page, below[0]) if below else []
    if not sub_lines:
        # The same large type, set apart by a wider gap: "MANAGING FOR RESULTS" / "Enhancing".
        after = [ln for ln in rest if ln.size == big and ln.top > end.top]
        if after and after[0].top - end.bottom < 3 * big:
            sub_lines = _group_from(page, after[0])
    if not sub_lines:
        # A bold line right below the title, in its size or larger: "U.S. Copyright Office
        # Summary" under a title in bold capitals.
        after = sorted((ln for ln in rest if ln.top > end.top), key=lambda ln: ln.top)
        if after and after[0].bold and after[0].size >= end.size - 0.5 and \
                after[0].top - end.bottom < 1.2 * big and not DATE.match(after[0].text) \
                and not ends_sentence(after[0].text):
            sub_lines = _group_from(page, after[0])
    upper = _display_above(page, title_lines, stats)
    if upper:
        # A title in display type right above the largest type ("REIMAGINING HUMAN
        # CONNECTIONS" over "TECHNOLOGY AND INNOVATION IN EDUCATION AT THE WORLD BANK"): the
        # title is read first; the larger type below it is its subtitle.
        title_lines, sub_lines = upper, title_lines
    claimed = {ln.no for ln in title_lines + sub_lines}
    # A cover: a first page with no sentence of the body's text on it.
    cover = not any(abs(ln.size - stats.body) < 0.6 and (len(ln.text) > 60 or ends_sentence(
        ln.plain)) and ln.no not in claimed for ln in page)
    front: list[FrontLine] = []
    title = join_texts([ln.text for ln in title_lines])
    subtitle = join_texts([ln.text for ln in sub_lines])
    keep: list[PdfLine] = []
    # Below the title, short lines (a date, a byline, a series) are front matter up to the
    # first line of text or heading.
    in_front = True
    last = max(title_lines + sub_lines, key=lambda ln: ln.top)
    for ln in lines:
        if ln.no in claimed:
            front.append(FrontLine(ln.no, ln.text, "title" if ln in title_lines else "subtitle"))
            continue
        on_first = ln.page == first
        if on_first and not cover and ln.top > last.top and in_front:
            in_front = len(ln.text) < 60 and not ends_sentence(ln.plain) and not (
                ln.bold and ln.size > stats.body + 0.5) and ln.top - last.bottom < 8 * big \
                and not _runs_on(ln, lines, stats)
        if on_first and (cover or ln.top < title_lines[0].top or (ln.top > last.top
                                                                   and in_front)):
            role = "date" if DATE.match(ln.text) else "other"
            front.append(FrontLine(ln.no, ln.text, role))
        else:
            keep.append(ln)
    return front, title, subtitle, keep


def _display_above(page: list[PdfLine], title: list[PdfLine], stats: Stats) -> list[PdfLine]:
    """The lines of a block in display type (near the title's size, far above the body's)
    set on the title's left edge and right above it, with no gap between: [] if none."""
    head, big = title[0], title[0].size
    block: list[PdfLine] = []
    cur = head
    while True:
        above = [ln for ln in page if ln not in title and ln not in block
                 and 0 <= cur.top - ln.bottom < 0.6 * big and ln.bottom <= cur.top + 1
                 and big > ln.size >= max(0.7 * big, 2 * stats.body)
                 and abs(ln.x0 - head.x0) < 0.5 * big and re.search(r"[^\W\d_]{2,}", ln.text)]
        if not above:
            break
        cur = max(above, key=lambda ln: ln.bottom)
        block.insert(0, cur)
    if not block or len(" ".join(ln.text for ln in block).split()) < 2:
        return []
    return block


def _runs_on(ln: PdfLine, lines: list[PdfLine], stats: Stats) -> bool:
    """Whether the body-size line `ln` is followed at the usual line spacing by another of
    its size on the same left edge: a paragraph's first line, not a line of front matter."""
    k = lines.index(ln)
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    spacing = stats.spacing.get(size_key(ln.size), 1.2 * ln.size)
    return nxt is not None and abs(ln.size - stats.body) < 0.6 and abs(nxt.size - ln.size) < 0.3 \
        and abs(nxt.x0 - ln.x0) < ln.size and 0 < nxt.base - ln.base < spacing + 0.22 * ln.size


def _group_from(page: list[PdfLine], start: PdfLine) -> list[PdfLine]:
    """`start` and the lines right below it in the same type: a title set on several lines."""
    out = [start]
    gap = 0.0  # the group's own line spacing: a wider gap ends it
    # (Down the page under the title, whatever order the text layer gives: a cover's title
    # may come before a label printed below it, and its second line after that.)
    below = sorted((ln for ln in page if ln.top > start.top and ln.x0 < start.x1
                    and ln.x1 > start.x0), key=lambda ln: ln.top)
    for ln in below:
        last = out[-1]
        step = ln.top - last.top
        if abs(ln.size - start.size) < 0.3 and 0 < step < 1.6 * start.size \
                and ln.bold == start.bold and not (gap and step > 1.3 * gap):
            gap = gap or step
            out.append(ln)
        elif ln.top > last.top:
            break
    return out

