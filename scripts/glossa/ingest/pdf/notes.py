"""A PDF's lines -> its notes, and the lines that are not notes: notes printed at page feet,
set smaller than the body and each opened by its number (`page_notes`, before the body is
read); or, when there are none, the notes listed at the end under a "Notes" heading
(`endnotes`, over the body's blocks). A note that runs onto the next page is joined there.
"""

from __future__ import annotations

import re

from glossa.ingest.headings import notes_heading_dropped
from glossa.ingest.patterns import ends_sentence, squash
from glossa.ingest.pdf.draft import Block
from glossa.ingest.pdf.layout import PdfLine
from glossa.ingest.pdf.lines import join_texts, opens_with_raised_number
from glossa.ingest.pdf.stats import Stats
from glossa.model.reading import Dropped, Note

CONTINUED = re.compile(r"^\(?\s*(?:\.{2,}|…)?\s*continued\s*(?:\.{2,}|…)?\s*\)?$", re.I)
NOTES_HEADING = frozenset(("notes", "endnotes", "end notes", "footnotes"))


def _note_number(ln: PdfLine) -> tuple[int, str] | None:
    """The note's number and the rest of its first line, when the line opens a note."""
    spans = [s for s in ln.spans if s.text.strip()]
    if not spans:
        return None
    first = spans[0]
    if first.script == "sup" and first.text.strip().isdigit():
        rest = ln.text[len(first.text.strip()):].lstrip()
        return int(first.text.strip()), rest
    m = re.match(r"^(\d{1,3})[.)]?\s+(?=\S)", ln.text)
    if m:
        return int(m.group(1)), ln.text[m.end():]
    return None


def page_notes(lines: list[PdfLine], stats: Stats, dropped: dict[int, Dropped]
               ) -> tuple[dict[int, Note], list[PdfLine]]:
    """Notes printed at page feet, smaller than the body, each opened by its number."""
    by_page: dict[int, list[PdfLine]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    notes: dict[int, list] = {}
    claimed: set[int] = set()
    expected = 1
    current: int | None = None
    for p in sorted(by_page):
        page = by_page[p]
        foot = _foot_zone(page, stats)
        head = _head_zone(page, stats, expected)
        foot = head + [ln for ln in foot if ln not in head]
        # A page's foot goes on with the last note only when that note was left open: marked
        # "(continued...)", or stopped mid-sentence.
        carry = current is not None and (notes[current][3] or not ends_sentence(
            notes[current][1][-1]))
        opened = False
        for k, ln in enumerate(foot):
            if head and k == len(head):
                # Past the list atop the page (a heading or the body between): the foot
                # goes on with its last note only if that was left open.
                opened = False
                carry = current is not None and not ends_sentence(notes[current][1][-1])
            if CONTINUED.match(ln.text) and current is not None:
                dropped[ln.no] = Dropped(ln.no, ln.text, "note continued on the next page")
                claimed.add(ln.no)
                notes[current][3] = True
                continue
            start = _note_number(ln)
            # The next number, or a little further; the first note may be any number when
            # it is raised (a paper cut from a longer one).
            if start and (start[0] == expected or (expected < start[0] <= expected + 2) or (
                    not notes and opens_with_raised_number(ln))):
                current = start[0]
                notes[current] = [ln.no, [start[1]], [ln.no], False, p]
                expected = current + 1
                claimed.add(ln.no)
                opened = True
            elif current is not None and (opened or carry):
                notes[current][1].append(ln.text)
                notes[current][2].append(ln.no)
                claimed.add(ln.no)
    if len(notes) < 1:
        return {}, lines
    out = {n: Note(n, join_texts(parts), no, lines=tuple(nos), page=page + 1)
           for n, (no, parts, nos, _, page) in notes.items()}
    return out, [ln for ln in lines if ln.no not in claimed]


def _foot_zone(page: list[PdfLine], stats: Stats) -> list[PdfLine]:
    """The lines below the page's last line of body type, set smaller than the body, from
    top to bottom; empty when the page has no foot."""
    def small(ln: PdfLine) -> bool:
        return ln.size < stats.body - 0.4
    if not page:
        return []
    by_top = sorted(page, key=lambda ln: (ln.top, ln.x0))
    i = len(by_top)
    while i > 0 and small(by_top[i - 1]):
        i -= 1
    if i < len(by_top):
        return by_top[i:]
    # Notes set in the body's own size: from the first line in the page's lower part that
    # opens with a raised number, to the foot.
    for k in range(len(by_top) // 3, len(by_top)):
        if opens_with_raised_number(by_top[k]) and by_top[k].x0 <= min(
                ln.x0 for ln in by_top[k:]) + 2 * by_top[k].size:
            return by_top[k:]
    return []


def _head_zone(page: list[PdfLine], stats: Stats, expected: int) -> list[PdfLine]:
    """A page that opens with the next note, set smaller than the body: a list of notes
    that goes on from the page before (an endnotes list over two pages, a text below it):
    its lines from the page's top while they are set small, top to bottom."""
    by_top = sorted(page, key=lambda ln: (ln.top, ln.x0))
    start = _note_number(by_top[0]) if by_top else None
    if not start or start[0] != expected or expected == 1:
        return []
    out = []
    for ln in by_top:
        if ln.size >= stats.body - 0.4:
            break
        out.append(ln)
    return out


def endnotes(blocks: list[Block], dropped: dict[int, Dropped]
             ) -> tuple[dict[int, Note], list[Block]]:
    """Notes listed at the end under a "Notes" heading, each opened by its number."""
    for k in range(len(blocks) - 1, -1, -1):
        b = blocks[k]
        if b.kind == "heading" and squash(b.text).rstrip(":") in NOTES_HEADING:
            lines = [ln for x in blocks[k + 1:] for ln in x.lines]
            notes: dict[int, list] = {}
            expected = 1
            for ln in lines:
                start = _note_number(ln)
                if start and start[0] == expected:
                    notes[expected] = [ln.no, [start[1]], [ln.no], ln.page]
                    expected += 1
                elif notes:
                    notes[expected - 1][1].append(ln.text)
                    notes[expected - 1][2].append(ln.no)
                else:
                    break
            if len(notes) >= 2:
                dropped.update(notes_heading_dropped(b.lines))
                return ({n: Note(n, join_texts(parts), no, lines=tuple(nos), page=page + 1)
                         for n, (no, parts, nos, page) in notes.items()}, blocks[:k])
    return {}, blocks

