"""A PDF's printed lines -> a Reading, from the layout rather than from guesses on flat text.

    lines (pdflayout) -> type sizes -> furniture -> front matter -> page-foot notes
      -> side heads -> blocks (headings, paragraphs, items, tables, captions) -> markers

What the layout tells, and how it is used:

- the body's type size is the size most characters are set in; a line set larger, or bold
  and standing alone, is a heading; heading levels follow type size, then weight, then
  numbering ("2.1"); a line in a wide left margin beside the text is a side head;
- notes are the lines at a page's foot set smaller than the body, each opened by its
  number; a note that runs onto the next page ("(continued...)") is joined there;
- a marker is a run of digits set smaller than its line and raised above its baseline:
  no guessing among numbers;
- furniture is what stands at the top or foot of several pages (running heads, footers,
  addresses) and page numbers; it is dropped and listed with its reason;
- a paragraph ends where the next line is set apart (a wider gap than the paper's line
  spacing, a first-line indent) or starts with a bullet; a page or column break does not
  end a paragraph whose last line runs to the margin without closing its sentence;
- a printed line split by wide gaps into pieces is a table row: runs of such rows are a
  table, with its caption ("Table 2.") and its source line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field, replace

from glossa.ingest.boxes import box_sections
from glossa.ingest.headings import HeadingLevels, notes_heading_dropped
from glossa.ingest.hints import Hints
from glossa.ingest.joining import Vocabulary, join_lines
from glossa.ingest.patterns import (
    APPENDIX_LABEL,
    CONTENTS_HEADS,
    PAGE_REF,
    TOC_ENTRY,
    ends_sentence,
    squash,
)
from glossa.ingest.pdf import Layout, PdfLine
from glossa.model.reading import (
    Dropped,
    FrontLine,
    Heading,
    Marker,
    MarkerIssue,
    Note,
    Paragraph,
    Reading,
)

BULLET = re.compile(r"^([•▪●◦○■□‣⁃∙·\uf0a7\uf0b7\uf0d8\uf076\uf0fc➢►-])\s*(?=\S)")
ITEM_LABEL = re.compile(r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]")
NUMBERED_ITEM = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\([ivx]+\))\s+(?=\S)")
CAPTION = re.compile(r"^(?:Figure|Table|Chart|Map|Box|Exhibit|Graph)\s+[A-Z]?[\d.-]+[A-Z]?\b")
# What an imprint page says: a licence, a copyright line, a book or serial number, a DOI.
IMPRINT = re.compile(r"\bISBN\b|\bISSN\b|©|Creative Commons|\breuse policy\b|\bdoi:\s?10\.",
                     re.I)
HEADING_WORDS = 30  # a heading's words, at the most, however many lines it takes
FIGURE_CAPTION = re.compile(r"^(?:Figure|Chart|Map|Graph|Exhibit)\s")
# A place and its postcode close an address, never a heading ("Washington, D.C. 20548").
POSTAL_ADDRESS = re.compile(r",\s*(?:[A-Z]\.?){2}\.?\s+\d{5}(?:-\d{4})?$")
SOURCE_LINE = re.compile(r"^(?:Sources?|Notes?)\s*:", re.I)
CELL_WORDS = 6  # a line of a table or a chart holds a few words; a line of prose more
PAGE_NUMBER = re.compile(r"^(?:(?:page|p\.)\s*)?(?:[-–—]\s*)?"
                         r"(?:\d{1,4}|[ivxlc]{1,6}|[A-Z]{2,4}-\d{1,3})"
                         r"(?:\s*[-–—])?(?:\s+of\s+\d+)?$", re.I)
CONTINUED = re.compile(r"^\(?\s*(?:\.{2,}|…)?\s*continued\s*(?:\.{2,}|…)?\s*\)?$", re.I)
DIGITS = re.compile(r"\d")
UNREADABLE = 3.0  # points: type this small is no text for readers (a tab's label set at 2 pt)
NOTES_HEADING = frozenset(("notes", "endnotes", "end notes", "footnotes"))


@dataclass
class _Block:
    kind: str  # "heading", "paragraph", "item", "table", "caption"
    lines: list[PdfLine] = field(default_factory=list)
    level: int = 0
    text_x: float = 0.0  # where an item's text starts (its hanging indent)
    glyph: bool = False  # the item's first line is its bullet alone, in a symbol font
    cap: bool = False  # the first line is a drop cap, the first letter of the next line


@dataclass
class _Stats:
    body: float  # the body's type size
    spacing: dict[float, float]  # type size -> usual baseline-to-baseline distance
    left: dict[tuple[int, int], float]  # (page, column) -> left edge of the text column
    right: dict[tuple[int, int], float]  # (page, column) -> right edge
    two_column: set[int]


def ingest_layout(layout: Layout, hints: Hints | None = None,
                  levels: dict[str, int] | None = None) -> Reading:
    hints = hints or Hints()
    lines = [ln for ln in layout.lines() if ln.text]
    dropped: dict[int, Dropped] = {}
    stats = _stats(layout, lines)
    _furniture(layout, lines, stats, dropped)
    lines = [ln for ln in lines if ln.no not in dropped]
    front, title, subtitle, lines = _front(lines, stats, hints, dropped)
    notes, lines = _page_notes(lines, stats, dropped)
    reader = _BlockReader(stats, Vocabulary(layout.text()))
    blocks = reader.read(lines, dropped)
    if not notes:
        notes, blocks = _endnotes(blocks, dropped)
    title_key = squash(title or hints.title)
    for b in blocks:
        if b.kind == "heading" and squash(" ".join(ln.text for ln in b.lines)) == title_key:
            for ln in b.lines:
                dropped[ln.no] = Dropped(ln.no, ln.text, "the title, printed again")
    blocks = [b for b in blocks if not (b.kind == "heading" and b.lines[0].no in dropped)]
    pages = {ln.no: ln.page + 1 for ln in layout.lines()}
    dropped = {no: replace(d, page=pages.get(no, 0)) for no, d in dropped.items()}
    labels = {d.page: _page_label(d.text) for d in dropped.values() if d.why == "page number"}
    blocks = _captioned_tables(_drop_caps(_column_heads(_labelled(_imprint(blocks, dropped)),
                                                        stats), stats), stats)
    reading_blocks, markers, issues = _finish(blocks, notes, stats, reader.vocabulary,
                                              levels or {})
    reading_blocks = box_sections(reading_blocks, markers)
    series = next((f.text for f in front if f.role == "series"), "")
    return Reading(
        format="pdf", title=title or hints.title, subtitle=subtitle, series=series,
        front=tuple(front), blocks=tuple(reading_blocks), markers=tuple(markers),
        notes=dict(sorted(notes.items())),
        dropped=tuple(sorted(dropped.values(), key=lambda d: d.line)),
        marker_issues=tuple(issues), page_labels={p: v for p, v in labels.items() if v})


def _page_label(text: str) -> str:
    """The printed page number: "Page 2" -> "2", "- iv -" -> "iv", "CRS-13" -> "CRS-13"."""
    text = re.sub(r"^(?:page|p\.)\s*", "", text.strip(), flags=re.I)
    text = re.sub(r"\s+of\s+\d+$", "", text)
    return text.strip(" -–—")


# -- measures ---------------------------------------------------------------------------

def _size_key(size: float) -> float:
    return round(size * 2) / 2


def _stats(layout: Layout, lines: list[PdfLine]) -> _Stats:
    # The body's size: the type most characters of running prose are set in (lines of 50
    # characters or more: a table's cells are shorter).
    sizes: Counter[float] = Counter()
    for ln in lines:
        if len(ln.text) >= 50:
            sizes[_size_key(ln.size)] += len(ln.text)
    if not sizes:
        for ln in lines:
            sizes[_size_key(ln.size)] += len(ln.text)
    body = max(sizes, key=lambda s: sizes[s]) if sizes else 10.0
    # Lines opened by a raised number are notes: a paper with long notes may set more
    # characters in the notes' type than in the body's, which is the most common larger one.
    starts = Counter(_size_key(ln.size) for ln in lines if _opens_with_raised_number(ln))
    if sum(starts.values()) >= 2:
        note = starts.most_common(1)[0][0]
        larger = {s: k for s, k in sizes.items() if s > note and k >= 0.15 * sizes[note]}
        if body <= note and larger:
            body = max(larger, key=lambda s: larger[s])
    gaps: dict[float, list[float]] = {}
    prev: PdfLine | None = None
    for ln in lines:
        if prev is not None and prev.page == ln.page and _size_key(prev.size) == \
                _size_key(ln.size) and abs(prev.x0 - ln.x0) < 3 * ln.size:
            d = ln.base - prev.base
            if 0.9 * ln.size < d < 2.2 * ln.size:
                gaps.setdefault(_size_key(ln.size), []).append(d)
        prev = ln
    # The usual spacing: a low quantile, which paragraph gaps do not pull up.
    spacing = {s: sorted(g)[len(g) // 4] for s, g in gaps.items() if g}
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
            own = Counter(_size_key(ln.size) for ln in page.lines if len(ln.text) > 20)
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
    return _Stats(body, spacing, left, right, two)


def _lone_glyph(ln: PdfLine) -> bool:
    text = ln.text.strip()
    return 0 < len(text) <= 2 and not any(c.isalnum() for c in text) and text not in "()[]"


def _opens_with_raised_number(ln: PdfLine) -> bool:
    first = next((s for s in ln.spans if s.text.strip()), None)
    return first is not None and first.script == "sup" and first.text.strip().isdigit() \
        and len(ln.spans) > 1


def _column(ln: PdfLine, stats: _Stats, width: float = 612.0) -> int:
    if ln.page not in stats.two_column:
        return 0
    return int(ln.x0 >= _page_mid(stats, ln.page))


def _page_mid(stats: _Stats, page: int) -> float:
    a, b = stats.left.get((page, 0)), stats.left.get((page, 1))
    return (a + b) / 2 if a is not None and b is not None else 306.0


# -- furniture --------------------------------------------------------------------------

def _shape(text: str) -> str:
    return DIGITS.sub("#", squash(text))


def _furniture(layout: Layout, lines: list[PdfLine], stats: _Stats,
               dropped: dict[int, Dropped]) -> None:
    """Running heads, footers and page numbers: what stands at the top or the foot of
    pages, again and again; and text set too small to be read."""
    for ln in lines:
        if ln.size < UNREADABLE:
            dropped[ln.no] = Dropped(ln.no, ln.text, f"text printed under {UNREADABLE:g} pt, too "
                                     "small to be read (a tab's or a graphic's hidden label)")
    n_pages = len(layout.pages)
    edges: dict[int, list[PdfLine]] = {}
    for p, page in enumerate(layout.pages):
        mine = [ln for ln in page.lines if ln.text and ln.no not in dropped]
        if not mine:
            continue
        by_top = sorted(mine, key=lambda ln: ln.top)
        edge = [ln for ln in by_top[:3] if ln.top < 0.12 * page.height] + \
            [ln for ln in by_top[-3:] if ln.bottom > 0.88 * page.height]
        # A bare page number is the first or last line of its page, in a wider margin.
        edge += [ln for ln in (by_top[0], by_top[-1]) if ln not in edge and (
            ln.top < 0.15 * page.height or ln.bottom > 0.82 * page.height)
            and PAGE_NUMBER.match(ln.text.strip())]
        edges[p] = edge
    seen: Counter[str] = Counter()
    for edge in edges.values():
        for shape in {_shape(ln.text) for ln in edge}:
            seen[shape] += 1
    times = 2 if n_pages <= 6 else 3
    first = min((ln.page for ln in lines), default=0)

    def title_like(ln: PdfLine) -> bool:
        """The first page's bold head line is the title, which later pages repeat."""
        return ln.page == first and ln.bold and ln.size >= stats.body - 0.5
    def needed(ln: PdfLine) -> int:
        """How many pages must print a line at their edge for it to be furniture: two for
        a head in small type (a section's running head), or a footer in small bold type."""
        small = ln.size < stats.body - 0.5
        top = ln.top < 0.12 * layout.pages[ln.page].height
        return 2 if small and (top or ln.bold) else times
    for edge in edges.values():
        for ln in edge:
            shape = _shape(ln.text)
            if PAGE_NUMBER.match(ln.text.strip()):
                dropped[ln.no] = Dropped(ln.no, ln.text, "page number")
            elif seen[shape] >= needed(ln) and len(shape) > 3 and ln.size < stats.body + 3 \
                    and not title_like(ln):
                dropped[ln.no] = Dropped(ln.no, ln.text, f"running head or footer, printed at "
                                         f"the edge of {seen[shape]} pages")
    # What stands on the page number's own line at the page's edge is footer too.
    for edge in edges.values():
        numbers = [ln for ln in edge if dropped.get(ln.no) and dropped[ln.no].why ==
                   "page number"]
        for num in numbers:
            for ln in edge:
                if ln.no not in dropped and ln.row == num.row and len(ln.text) < 60:
                    dropped[ln.no] = Dropped(ln.no, ln.text, "footer, on the page number's "
                                             "line")
    # The same words in a page's margin zone, where the edge lines were not (a first page's
    # footer box set higher), and the short lines that stand with them there.
    furniture = {_shape(d.text) for d in dropped.values() if d.why.startswith("running")}
    for page in layout.pages:
        zone = [ln for ln in page.lines if ln.text and (ln.bottom > 0.85 * page.height
                                                       or ln.top < 0.14 * page.height)]
        hits = [ln for ln in zone if _shape(ln.text) in furniture and ln.no not in dropped
                and not title_like(ln) and ln.size < stats.body + 1]
        for hit in hits:
            dropped[hit.no] = Dropped(hit.no, hit.text, "running head or footer, printed in "
                                      "the margin of several pages")
            for ln in zone:
                if ln.no not in dropped and abs(ln.top - hit.top) < 4 * hit.size \
                        and len(ln.text) < 40 and not ends_sentence(ln.text) \
                        and abs(ln.size - hit.size) < 1.5:
                    dropped[ln.no] = Dropped(ln.no, ln.text, "printed with the footer")
    # A bare web address printed on several pages, wherever it stands.
    urls = Counter(ln.text for ln in lines if re.fullmatch(r"https?://\S+", ln.text))
    for ln in lines:
        if urls[ln.text] >= 2 and ln.no not in dropped:
            dropped[ln.no] = Dropped(ln.no, ln.text, "web address printed on every page")
    # Contents lists: a line ending in a page number after a leader.
    for ln in lines:
        if ln.no not in dropped and TOC_ENTRY.search(ln.text) and re.search(r"\.{4,}|…{2,}",
                                                                            ln.text):
            dropped[ln.no] = Dropped(ln.no, ln.text, "table of contents entry")
    # A page that lists contents: everything down to its last entry belongs to the list
    # (its heading, "Figures", "Tables", entries wrapped over two lines).
    for page in layout.pages:
        entries = [k for k, ln in enumerate(page.lines) if ln.no in dropped
                   and dropped[ln.no].why == "table of contents entry"]
        if len(entries) >= 3:
            for ln in page.lines[:entries[-1]]:
                if ln.no not in dropped and ln.text:
                    dropped[ln.no] = Dropped(ln.no, ln.text, "contents list")
    # A page headed "Contents" whose page numbers stand apart, in a column of their own (no
    # leaders, or leaders for the lower entries only): its lines down to its last number.
    for page in layout.pages:
        body = [ln for ln in page.lines if ln.text and ln.no not in dropped]
        if not body or squash(body[0].text) not in CONTENTS_HEADS:
            continue
        numbers = [k for k, ln in enumerate(body) if PAGE_REF.fullmatch(ln.text)]
        if len(numbers) >= 3:
            for ln in body[:numbers[-1] + 1]:
                dropped[ln.no] = Dropped(ln.no, ln.text, "contents list")


# -- front matter -----------------------------------------------------------------------

DATE = re.compile(r"^(?:(?:Updated|Revised|Published)\s+)?(?:(?:January|February|March|April|May|"
                  r"June|July|August|September|October|November|December)\s+(?:\d{1,2},\s+)?"
                  r"\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
                  r"September|October|November|December)\s+\d{4})$")


def _front(lines: list[PdfLine], stats: _Stats, hints: Hints, dropped: dict[int, Dropped]
           ) -> tuple[list[FrontLine], str, str, list[PdfLine]]:
    """The title is the largest type on the first page that holds words (not a logo); the
    lines right below it in large type are the subtitle. A first page with no body text
    (a cover) is front matter as a whole."""
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
    claimed = {ln.no for ln in title_lines + sub_lines}
    # A cover: a first page with no sentence of the body's text on it.
    cover = not any(abs(ln.size - stats.body) < 0.6 and (len(ln.text) > 60 or ends_sentence(
        ln.plain)) and ln.no not in claimed for ln in page)
    front: list[FrontLine] = []
    title = _join([ln.text for ln in title_lines])
    subtitle = _join([ln.text for ln in sub_lines])
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


def _runs_on(ln: PdfLine, lines: list[PdfLine], stats: _Stats) -> bool:
    """Whether the body-size line `ln` is followed at the usual line spacing by another of
    its size on the same left edge: a paragraph's first line, not a line of front matter."""
    k = lines.index(ln)
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    spacing = stats.spacing.get(_size_key(ln.size), 1.2 * ln.size)
    return nxt is not None and abs(ln.size - stats.body) < 0.6 and abs(nxt.size - ln.size) < 0.3 \
        and abs(nxt.x0 - ln.x0) < ln.size and 0 < nxt.base - ln.base < spacing + 0.22 * ln.size


def _group_from(page: list[PdfLine], start: PdfLine) -> list[PdfLine]:
    """`start` and the lines right below it in the same type: a title set on several lines."""
    out = [start]
    gap = 0.0  # the group's own line spacing: a wider gap ends it
    for ln in page[page.index(start) + 1:]:
        last = out[-1]
        step = ln.top - last.top
        if abs(ln.size - start.size) < 0.3 and 0 < step < 1.6 * start.size \
                and ln.bold == start.bold and not (gap and step > 1.3 * gap):
            gap = gap or step
            out.append(ln)
        elif ln.top > last.top:
            break
    return out


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        text = join_lines(text, part.strip(), set())
    return text


# -- page-foot notes ----------------------------------------------------------------------

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


def _page_notes(lines: list[PdfLine], stats: _Stats, dropped: dict[int, Dropped]
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
        # A page's foot goes on with the last note only when that note was left open: marked
        # "(continued...)", or stopped mid-sentence.
        carry = current is not None and (notes[current][3] or not ends_sentence(
            notes[current][1][-1]))
        opened = False
        for ln in foot:
            if CONTINUED.match(ln.text) and current is not None:
                dropped[ln.no] = Dropped(ln.no, ln.text, "note continued on the next page")
                claimed.add(ln.no)
                notes[current][3] = True
                continue
            start = _note_number(ln)
            # The next number, or a little further; the first note may be any number when
            # it is raised (a paper cut from a longer one).
            if start and (start[0] == expected or (expected < start[0] <= expected + 2) or (
                    not notes and _opens_with_raised_number(ln))):
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
    out = {n: Note(n, _join(parts), no, lines=tuple(nos), page=page + 1)
           for n, (no, parts, nos, _, page) in notes.items()}
    return out, [ln for ln in lines if ln.no not in claimed]


def _foot_zone(page: list[PdfLine], stats: _Stats) -> list[PdfLine]:
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
        if _opens_with_raised_number(by_top[k]) and by_top[k].x0 <= min(
                ln.x0 for ln in by_top[k:]) + 2 * by_top[k].size:
            return by_top[k:]
    return []


# -- blocks -----------------------------------------------------------------------------

class _BlockReader:
    def __init__(self, stats: _Stats, vocabulary: Container[str]):
        self.stats = stats
        self.vocabulary = vocabulary
        self.blocks: list[_Block] = []

    def _heading_like(self, ln: PdfLine) -> int:
        """0 if not a heading line; else a rank: larger type first."""
        text = ln.text
        # Two letters at least ("37", "22.9%" are no headings), or a bill's number ("S. 121").
        if len(text) < 2 or not re.search(r"[^\W\d_].*[^\W\d_]|^[A-Z]\.\s?\d", text) \
                or CAPTION.match(text) or POSTAL_ADDRESS.search(text):
            return 0
        n_words = len(text.split())
        if ln.size >= self.stats.body * 1.12 and n_words <= 20 and not (
                n_words > 8 and text.endswith(".")):
            return 1
        if ln.bold and n_words <= 22 and not (ends_sentence(text) and not text.endswith("?")) \
                and ln.size >= 0.85 * self.stats.body:
            # Set in the body's size or smaller, a bold line is a heading when it starts at
            # the text's left edge or left of it (a table's bold header cells do not).
            left = self.stats.left.get((ln.page, _column(ln, self.stats)))
            return int(left is None or -0.6 * ln.size < left - ln.x0 < 4 * ln.size)
        return 0

    def _side_head(self, ln: PdfLine) -> bool:
        left = self.stats.left.get((ln.page, 0))
        # Set in larger type or bold (not tiny: a logo's motto), in a wide margin left of the
        # text (a figure's labels there are not, nor a figure's caption set out into the
        # margin).
        return left is not None and ln.page not in self.stats.two_column \
            and ln.x1 < left - 6 and left > 120 and not PAGE_NUMBER.match(ln.text) \
            and not CAPTION.match(ln.text) and not POSTAL_ADDRESS.search(ln.text) \
            and (ln.size >= 1.12 * self.stats.body
                 or (ln.bold and ln.size >= 0.7 * self.stats.body)) \
            and bool(re.search(r"[^\W\d_]{2,}", ln.text))

    def read(self, lines: list[PdfLine], dropped: dict[int, Dropped]) -> list[_Block]:
        lines = self._place_side_heads(lines)
        prev: PdfLine | None = None
        rows = Counter((ln.page, ln.row) for ln in lines)
        by_row: dict[tuple[int, int], list[PdfLine]] = {}
        for ln in lines:
            by_row.setdefault((ln.page, ln.row), []).append(ln)
        i = 0
        while i < len(lines):
            ln = lines[i]
            cur = self.blocks[-1] if self.blocks else None
            side = self._side_head(ln)
            if side:
                if cur and cur.kind == "heading" and cur.level == -1 and prev is not None \
                        and ln.top - prev.bottom < ln.size \
                        and 0.8 < ln.size / cur.lines[-1].size < 1.25:  # in the same type
                    cur.lines.append(ln)
                else:
                    self.blocks.append(_Block("heading", [ln], level=-1))
                prev = ln
                i += 1
                continue
            aside = self._aside_run(lines, i, by_row)
            if aside:
                # A box set beside the text (an author block, a sidebar): kept as an aside.
                self.blocks.append(_Block("aside", lines[i:i + aside]))
                prev = lines[i + aside - 1]
                i += aside
                continue
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if (_lone_glyph(ln) or ITEM_LABEL.fullmatch(ln.text)) and nxt is not None \
                    and (nxt.page, nxt.row) == (ln.page, ln.row) and nxt.x0 > ln.x1:
                # A bullet set apart from its item's text (a symbol font's glyph, "!" or "§"
                # once its font is lost), or a label ("i.", "(b)"), which stays.
                self.blocks.append(_Block("item", [ln, nxt], text_x=nxt.x0,
                                          glyph=_lone_glyph(ln)))
                prev = nxt
                i += 2
                continue
            if rows[(ln.page, ln.row)] >= 2 and self._table_row(lines, i, rows):
                i = self._table(lines, i, rows)
                prev = lines[i - 1]
                continue
            if (CAPTION.match(ln.text) and (ln.bold or len(ln.text) < 150)) \
                    or SOURCE_LINE.match(ln.text):
                self.blocks.append(_Block("caption", [ln]))
                prev = ln
                i += 1
                continue
            if cur and cur.kind == "heading" and cur.level != -1 and prev is cur.lines[-1] \
                    and prev.page == ln.page and prev.bold == ln.bold \
                    and abs(prev.size - ln.size) < 0.3 and 0 < ln.base - prev.base < 1.6 * ln.size \
                    and prev.x1 - prev.x0 >= 0.8 * _column_width(self.stats, prev) \
                    and len(ln.text.split()) <= 12 and not ends_sentence(ln.text):
                # A heading that filled its line, wrapped onto the next in the same type,
                # indented under it or not ("... Technological Develop-" / "ment").
                cur.lines.append(ln)
                prev = ln
                i += 1
                continue
            if self._heading_like(ln):
                if cur and cur.kind == "heading" and prev is not None and cur.level != -1 \
                        and abs(cur.lines[-1].size - ln.size) < 0.3 \
                        and cur.lines[-1].bold == ln.bold and prev is cur.lines[-1] \
                        and 0 < ln.base - prev.base < 1.6 * ln.size and prev.page == ln.page:
                    cur.lines.append(ln)
                else:
                    self.blocks.append(_Block("heading", [ln]))
                prev = ln
                i += 1
                continue
            bullet = BULLET.match(ln.text)
            numbered = NUMBERED_ITEM.match(ln.text) if not bullet else None
            if bullet or (numbered and self._numbered_item(ln, prev)):
                text_x = self._text_x(ln)
                self.blocks.append(_Block("item", [ln], text_x=text_x))
                prev = ln
                i += 1
                continue
            if cur is not None and prev is not None and self._continues(cur, prev, ln):
                cur.lines.append(ln)
            else:
                kind = "paragraph"
                if cur is not None and cur.kind == "caption" and SOURCE_LINE.match(ln.text):
                    kind = "caption"
                self.blocks.append(_Block(kind, [ln]))
            prev = ln
            i += 1
        return self.blocks

    def _aside_run(self, lines: list[PdfLine], i: int,
                   by_row: dict[tuple[int, int], list[PdfLine]]) -> int:
        """How many lines from `i` make a box beside the text: three or more short lines on
        one left edge in the right part of a one-column page, one below the other, beside
        nothing but running text (a table's column stands beside short cells)."""
        ln = lines[i]
        left = self.stats.left.get((ln.page, 0))
        right = self.stats.right.get((ln.page, 0))
        if left is None or right is None or ln.page in self.stats.two_column \
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

    def _place_side_heads(self, lines: list[PdfLine]) -> list[PdfLine]:
        """Side heads printed in the margin go before the text line they stand beside."""
        out: list[PdfLine] = []
        by_page: dict[int, list[PdfLine]] = {}
        for ln in lines:
            by_page.setdefault(ln.page, []).append(ln)
        for p in sorted(by_page):
            page = by_page[p]
            sides = [ln for ln in page if self._side_head(ln)]
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

    def _numbered_item(self, ln: PdfLine, prev: PdfLine | None) -> bool:
        if prev is None:
            return False
        return ends_sentence(prev.plain) or prev.plain.endswith(":")

    def _text_x(self, ln: PdfLine) -> float:
        m = BULLET.match(ln.text) or NUMBERED_ITEM.match(ln.text)
        if not m:
            return ln.x0
        # The x of the first span that starts after the bullet.
        for s in ln.spans:
            if s.x0 > ln.x0 + 1:
                return s.x0
        return ln.x0 + 1.5 * ln.size

    def _continues(self, cur: _Block, prev: PdfLine, ln: PdfLine) -> bool:
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
        same_column = prev.page == ln.page and _column(prev, self.stats) == \
            _column(ln, self.stats) and ln.top > prev.top
        col = (ln.page, _column(ln, self.stats))
        left = self.stats.left.get(col, ln.x0)
        if cur.kind == "item":
            if ln.x0 < cur.text_x - 0.5 * ln.size and same_column:
                return False
        if same_column:
            spacing = self.stats.spacing.get(_size_key(ln.size), 1.2 * ln.size)
            if ln.base - prev.base > spacing + 0.22 * ln.size:
                return False  # set apart: a new paragraph
            if cur.kind == "paragraph" and ln.x0 > left + 0.8 * ln.size \
                    and prev.x0 <= left + 0.8 * ln.size and ends_sentence(prev.plain):
                return False  # a first-line indent
            return True
        # A page or column break: the paragraph goes on when its last line ran to the
        # margin or left its sentence open, and the new line is not indented.
        prev_right = self.stats.right.get((prev.page, _column(prev, self.stats)), prev.x1)
        full = prev.x1 > prev_right - 2.5 * prev.size
        if cur.kind == "item":
            return not ends_sentence(prev.plain) or full
        indented = ln.x0 > left + 0.8 * ln.size
        return (full or not ends_sentence(prev.plain)) and not indented \
            and not (ends_sentence(prev.plain) and not full)

    def _table_row(self, lines: list[PdfLine], i: int, rows: Counter) -> bool:
        """A row of cells: the printed line has two or more pieces, and a neighbour does
        too (one split line alone is a wide gap in prose)."""
        ln = lines[i]
        if self.stats.two_column and ln.page in self.stats.two_column:
            return False
        row = [x for x in lines[max(0, i - 3):i + 4] if (x.page, x.row) == (ln.page, ln.row)]
        first = min(row, key=lambda x: x.x0)
        if len(row) == 2 and (_lone_glyph(first) or ITEM_LABEL.fullmatch(first.text)):
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

    def _table(self, lines: list[PdfLine], i: int, rows: Counter) -> int:
        table = _Block("table", [])
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
                if single and len(ln.text) > 90 and abs(ln.size - self.stats.body) < 0.6:
                    break
            table.lines.append(ln)
            i += 1
        self.blocks.append(table)
        return i


# -- endnotes ---------------------------------------------------------------------------

def _endnotes(blocks: list[_Block], dropped: dict[int, Dropped]
              ) -> tuple[dict[int, Note], list[_Block]]:
    """Notes listed at the end under a "Notes" heading, each opened by its number."""
    for k in range(len(blocks) - 1, -1, -1):
        b = blocks[k]
        if b.kind == "heading" and squash(" ".join(ln.text for ln in b.lines)).rstrip(":") \
                in NOTES_HEADING:
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
                return ({n: Note(n, _join(parts), no, lines=tuple(nos), page=page + 1)
                         for n, (no, parts, nos, page) in notes.items()}, blocks[:k])
    return {}, blocks


# -- finishing: text, markers, levels, ids ------------------------------------------------

def _imprint(blocks: list[_Block], dropped: dict[int, Dropped]) -> list[_Block]:
    """The publisher's imprint, on a page before the paper's first listed section (its
    licence, copyright line, ISBN or DOI): its bold labels ("Contact information", "EU Science
    Hub", the report's number) are no sections of the paper; they are read as its text."""
    entries = {squash(d.text) for d in dropped.values() if d.why == "contents list"}
    first = next((b.lines[0].no for b in blocks if b.kind == "heading"
                  and squash(" ".join(ln.text for ln in b.lines)) in entries), None)
    if first is None:
        return blocks
    page_of = {ln.no: ln.page for b in blocks for ln in b.lines}
    before = [b for b in blocks if b.lines[-1].no < first]
    text: dict[int, list[str]] = {}
    for b in before:
        text.setdefault(page_of[b.lines[0].no], []).extend(ln.text for ln in b.lines)
    imprint = {p for p, t in text.items() if IMPRINT.search(" ".join(t))}
    for b in before:
        if b.kind == "heading" and {page_of[ln.no] for ln in b.lines} <= imprint:
            b.kind = "paragraph"
    return blocks


def _labelled(blocks: list[_Block]) -> list[_Block]:
    """An appendix's label read as a heading of its own, over its title set apart in other
    type ("Appendix V" / ": Comments from the Department of Energy"): one heading."""
    out: list[_Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == b.kind == "heading" \
                and APPENDIX_LABEL.match(" ".join(ln.text for ln in prev.lines).strip()) \
                and b.lines[0].text.startswith(":") and b.lines[0].page == prev.lines[-1].page:
            prev.lines.extend(b.lines)
            continue
        out.append(b)
    return out


def _captioned_tables(blocks: list[_Block], stats: _Stats) -> list[_Block]:
    """What stands between a table's or a figure's caption and its "Source:" line on the
    same page, when none of it is prose (every line narrow or of a few words), is the table
    or the chart:
    one block laid out as printed, not a paragraph per cell ("$25 million", "KS 13.4").
    A bold line right after the caption that does not end a sentence is the caption's
    second line."""
    def short(b: _Block) -> bool:  # cells: narrow, or a few words (a row across columns)
        return all(ln.x1 - ln.x0 < 0.45 * _column_width(stats, ln)
                   or len(ln.text.split()) <= CELL_WORDS for ln in b.lines)

    out: list[_Block] = []
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
                and first.x1 - first.x0 >= 0.75 * _column_width(stats, first):
            b.lines.extend(between[0].lines)  # the caption's title, on its second line
            between = between[1:]
            k += 1
        # A chart's words may be one block, and set large or bold ("Million barrels per
        # day" over its axis): no section of a figure; a table has two rows or more.
        chart = FIGURE_CAPTION.match(first.text) is not None
        if len(between) < (1 if chart else 2) \
                or not all(short(x) and (chart or x.kind != "heading") for x in between):
            continue
        out.append(_Block("table", [ln for x in between for ln in x.lines]))
        k = end
    return out


def _column_width(stats: _Stats, ln: PdfLine) -> float:
    widths = [stats.right[key] - stats.left[key] for key in stats.left
              if key[0] == ln.page and key in stats.right]
    return max(widths, default=ln.x1 - ln.x0) or 1.0


def _drop_caps(blocks: list[_Block], stats: _Stats) -> list[_Block]:
    """A letter or two in type at least twice the body's, level with the top of a block's
    first line and to its left, is that line's first letter ("T" + "he Act of May 15")."""
    def cap(b: _Block) -> bool:
        ln = b.lines[0]
        return len(b.lines) == 1 and ln.size >= 2 * stats.body and \
            re.fullmatch(r"[^\W\d_]{1,2}", ln.text.strip()) is not None

    def beside(c: PdfLine, b: _Block) -> bool:
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


def _column_heads(blocks: list[_Block], stats: _Stats) -> list[_Block]:
    """A "heading" that sits level with a table's first row, or in type smaller than the
    body's right above it, is the table's column heads ("State or Area", "Year"), set in
    bold: a row of the table, not a section."""
    out: list[_Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if b.kind == "table" and prev is not None and prev.kind == "heading":
            head, first = prev.lines[-1], b.lines[0]
            # level with the first row ("Intervention" beside "Definition"), or small above it
            level = (head.page, head.row) == (first.page, first.row)
            if level or (head.page == first.page and head.size < stats.body - 0.5
                         and first.top - head.bottom < head.size):
                out[-1] = _Block("table", [*prev.lines, *b.lines])
                continue
        out.append(b)
    return out


def _finish(blocks: list[_Block], notes: dict[int, Note], stats: _Stats,
            vocabulary: Container[str],
            levels: dict[str, int]):
    highest = max(notes) if notes else 0
    # Levels: headings set out into the left margin first (when the paper has several), then
    # by type size, weight and slant.
    out_left = [b for b in blocks if b.kind == "heading" and b.level != -1
                and b.lines[0].x0 < stats.left.get((b.lines[0].page, 0), 0) - b.lines[0].size]
    hanging = len(out_left) >= 2
    for b in out_left if hanging else ():
        b.level = -2
    styles = sorted({_style(b) for b in blocks if b.kind == "heading" and b.level != -1},
                    reverse=True)
    level_by_style = {s: min(6, 2 + k) for k, s in enumerate(styles)}
    out: list = []
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
            text, found, _, _ = _text_and_markers(b, highest, set())
            level = headings.level(text, 2 if b.level == -1 else level_by_style[_style(b)])
            slug = headings.id(text)
            for n, offset, no, after in found:  # a note on a heading ("Elections1")
                expected = max(expected, n + 1)
                markers.append(Marker(n, slug, offset, no, after))
            out.append(Heading(level, text, b.lines[0].no, slug, lines=nos, page=page))
            continue
        n_para += 1
        pid = f"p{n_para}"
        if b.kind == "table":
            nos = tuple(ln.no for row in _table_rows(b.lines) for ln in row)  # as laid out
            grid = _grid(b.lines)
            if grid:  # a clear grid: a table of rows and cells, a tab between cells
                out.append(Paragraph(pid, "\n".join("\t".join(r) for r in grid), b.lines[0].no,
                                     kind="grid", lines=nos, page=page))
            else:
                out.append(Paragraph(pid, _table_text(b.lines), b.lines[0].no, kind="table",
                                     lines=nos, page=page))
            continue
        text, found, lead, styles = _text_and_markers(b, highest, vocabulary)
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


def _style(b: _Block) -> tuple[bool, float, bool, bool]:
    ln = b.lines[0]
    return (b.level == -2, _size_key(ln.size), ln.bold, not ln.italic)


def _table_rows(lines: list[PdfLine]) -> list[list[PdfLine]]:
    rows: dict[tuple[int, int], list[PdfLine]] = {}
    for ln in lines:
        rows.setdefault((ln.page, ln.row), []).append(ln)
    return [sorted(cells, key=lambda ln: ln.x0) for _, cells in sorted(rows.items())]


def _grid(lines: list[PdfLine]) -> list[list[str]] | None:
    """The table's cells as a grid, when the grid is clear: every row has the same number
    of cells, each cell within its column's span, and no cell wraps onto a second row."""
    rows = _table_rows(lines)
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


def _table_text(lines: list[PdfLine]) -> str:
    """A table as printed, for a preformatted block: a row a line (rows by baseline, top to
    bottom), each cell at its place across the page, at least two spaces between cells."""
    rows = _table_rows(lines)
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


def _text_and_markers(b: _Block, highest: int, vocabulary: Container[str]):
    """The block's text with its markers taken out: (text, [(n, offset, line, before)],
    lead). A run of raised digits is a marker when the paper has a note of that number."""
    text = ""
    found: list[tuple[int, int, int, str]] = []
    styles: list[tuple[int, int, str]] = []
    lead_end = None
    all_bold_so_far = True
    for k, ln in enumerate(b.lines):
        if k == 0 and b.glyph:
            continue  # the bullet alone: the item is marked as one
        piece = ""
        piece_marks: list[tuple[int, int]] = []
        piece_styles: list[tuple[int, int, str]] = []
        for s in ln.spans:
            raw = s.text
            if s.script == "sup" and highest:
                nums = [int(x) for x in re.findall(r"\d+", raw)]
                if nums and re.fullmatch(r"\s*\d+(?:\s*[,–-]\s*\d+)*\s*", raw) \
                        and all(1 <= n <= highest for n in nums):
                    for n in nums:
                        piece_marks.append((n, len(piece.rstrip())))
                    if raw.endswith(" "):
                        piece = piece.rstrip() + " "
                    continue
            if k == 0 and all_bold_so_far and not s.bold and s.text.strip() and \
                    lead_end is None and piece.strip():
                lead_end = len(piece)
            if s.text.strip() and not s.bold:
                all_bold_so_far = False
            if (s.bold or s.italic) and raw.strip() and not s.script:
                a = len(piece) + len(raw) - len(raw.lstrip())
                piece_styles.append((a, len(piece) + len(raw.rstrip()),
                                     "strong" if s.bold else "em"))
            piece += raw
        stripped = piece.strip()
        shift = len(piece) - len(piece.lstrip())
        joined = join_lines(text, stripped, vocabulary) if text else stripped
        if k == 1 and b.cap:
            joined = text + stripped  # the drop cap and the rest of its word
        # Where the new line's text starts within the joined text.
        start = len(joined) - len(stripped)
        if k == 0:
            start = 0
        for n, off in piece_marks:
            pos = max(0, min(len(joined), start + off - shift))
            found.append((n, pos, ln.no, joined[max(0, pos - 30):pos]))
        for a, z, tag in piece_styles:
            a, z = (max(0, min(len(joined), start + x - shift)) for x in (a, z))
            if z > a:
                styles.append((a, z, tag))
        text = joined
    lead = None
    if lead_end is not None and b.kind == "paragraph":
        head = text[:lead_end].rstrip()
        if head.endswith((".", ":")) and 1 <= len(head.split()) <= 12:
            lead = head.rstrip(".:").strip()
            cut = len(text) - len(text[lead_end:].lstrip())
            text = text[cut:]
            found = [(n, max(0, off - cut), no, after) for n, off, no, after in found]
            styles = [(a - cut, z - cut, tag) for a, z, tag in styles if a >= cut]
    return text, found, lead, _merge_styles(styles, text)


def _merge_styles(styles: list[tuple[int, int, str]], text: str
                  ) -> tuple[tuple[int, int, str], ...]:
    """Runs of one style that only white space parts (a line break) are one run; a run
    that covers the whole text is dropped (a paragraph set in italics is not emphasis)."""
    out: list[tuple[int, int, str]] = []
    for a, z, tag in sorted(styles):
        z = min(z, len(text))
        # Whole words: a font change inside a word ("curren" + "cy") is not emphasis's edge.
        while a > 0 and text[a - 1].isalnum() and a < len(text) and text[a].isalnum():
            a -= 1
        while 0 < z < len(text) and text[z].isalnum() and text[z - 1].isalnum():
            z += 1
        if out and out[-1][2] == tag and not text[out[-1][1]:a].strip():
            out[-1] = (out[-1][0], max(out[-1][1], z), tag)
        elif z > a:
            out.append((a, z, tag))
    if len(out) == 1 and out[0][0] == 0 and out[0][1] >= len(text.rstrip(" .")):
        return ()
    # Overlapping runs of different styles would nest badly: keep the first.
    kept: list[tuple[int, int, str]] = []
    for run in out:
        if not kept or run[0] >= kept[-1][1]:
            kept.append(run)
    return tuple(kept)
