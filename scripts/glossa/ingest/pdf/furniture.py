"""A PDF's lines -> its furniture, dropped with the reason: what stands at the top or the foot
of page after page (running heads, footers, addresses), page numbers, contents lists, and
text set too small to be read. Each stage adds to `dropped` (line number -> Dropped)."""

from __future__ import annotations

import re
from collections import Counter

from glossa.ingest.patterns import CONTENTS_HEADS, PAGE_REF, TOC_ENTRY, ends_sentence, squash
from glossa.ingest.pdf.layout import Layout, PdfLine
from glossa.ingest.pdf.lines import PAGE_NUMBER
from glossa.ingest.pdf.stats import Stats
from glossa.model.reading import Dropped

DIGITS = re.compile(r"\d")
UNREADABLE = 3.0  # points: type this small is no text for readers (a tab's label set at 2 pt)


def find_furniture(layout: Layout, lines: list[PdfLine], stats: Stats,
                   dropped: dict[int, Dropped]) -> None:
    """Running heads, footers and page numbers: what stands at the top or the foot of
    pages, again and again; and text set too small to be read."""
    for ln in lines:
        if ln.size < UNREADABLE:
            dropped[ln.no] = Dropped(ln.no, ln.text, f"text printed under {UNREADABLE:g} pt, too "
                                     "small to be read (a tab's or a graphic's hidden label)")
    edges = _edges(layout, dropped)
    first = min((ln.page for ln in lines), default=0)
    _running_heads(layout, edges, first, stats, dropped)
    _margins(layout, first, stats, dropped)
    # A bare web address printed on several pages, wherever it stands.
    urls = Counter(ln.text for ln in lines if re.fullmatch(r"https?://\S+", ln.text))
    for ln in lines:
        if urls[ln.text] >= 2 and ln.no not in dropped:
            dropped[ln.no] = Dropped(ln.no, ln.text, "web address printed on every page")
    _contents(layout, lines, dropped)


def page_label(text: str) -> str:
    """The printed page number: "Page 2" -> "2", "- iv -" -> "iv", "CRS-13" -> "CRS-13"."""
    text = re.sub(r"^(?:page|p\.)\s*", "", text.strip(), flags=re.I)
    text = re.sub(r"\s+of\s+\d+$", "", text)
    return text.strip(" -–—")


def _shape(text: str) -> str:
    return DIGITS.sub("#", squash(text))


def _edges(layout: Layout, dropped: dict[int, Dropped]) -> dict[int, list[PdfLine]]:
    """Each page's lines at its top and its foot, by page."""
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
    return edges


def _title_like(ln: PdfLine, first: int, stats: Stats) -> bool:
    """The first page's bold head line is the title, which later pages repeat."""
    return ln.page == first and ln.bold and ln.size >= stats.body - 0.5


def _running_heads(layout: Layout, edges: dict[int, list[PdfLine]], first: int, stats: Stats,
                   dropped: dict[int, Dropped]) -> None:
    """Page numbers, the lines printed at the edge of several pages, and what stands on a
    page number's own line."""
    seen: Counter[str] = Counter()
    for edge in edges.values():
        for shape in {_shape(ln.text) for ln in edge}:
            seen[shape] += 1
    times = 2 if len(layout.pages) <= 6 else 3

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
                    and not _title_like(ln, first, stats):
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


def _margins(layout: Layout, first: int, stats: Stats, dropped: dict[int, Dropped]) -> None:
    """The same words as a running head in a page's margin zone, where the edge lines were
    not (a first page's footer box set higher), and the short lines that stand with them."""
    furniture = {_shape(d.text) for d in dropped.values() if d.why.startswith("running")}
    for page in layout.pages:
        zone = [ln for ln in page.lines if ln.text and (ln.bottom > 0.85 * page.height
                                                       or ln.top < 0.14 * page.height)]
        hits = [ln for ln in zone if _shape(ln.text) in furniture and ln.no not in dropped
                and not _title_like(ln, first, stats) and ln.size < stats.body + 1]
        for hit in hits:
            dropped[hit.no] = Dropped(hit.no, hit.text, "running head or footer, printed in "
                                      "the margin of several pages")
            for ln in zone:
                if ln.no not in dropped and abs(ln.top - hit.top) < 4 * hit.size \
                        and len(ln.text) < 40 and not ends_sentence(ln.text) \
                        and abs(ln.size - hit.size) < 1.5:
                    dropped[ln.no] = Dropped(ln.no, ln.text, "printed with the footer")


def _contents(layout: Layout, lines: list[PdfLine], dropped: dict[int, Dropped]) -> None:
    """Contents lists: a line ending in a page number after a leader, and the pages that
    list contents."""
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
