"""Numbered lines -> the page furniture among them (running headers and footers, page numbers,
tables of contents), each with the reason it is not part of the text."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from glossa.ingest.patterns import (
    APPENDIX_LABEL,
    CONTENTS_HEADS,
    IDENTIFIER,
    PAGE_NUMBER,
    PAGE_REF,
    URL_LINE,
    ends_sentence,
    listed,
    squash,
    toc_entry,
)
from glossa.model.reading import Dropped, Line

EDGE_TOP = 2
EDGE_BOTTOM = 3
COVER_LINES = 12  # the first lines of a paper: its cover, front matter rather than furniture
SIDE_HEAD_WORDS = 25  # a heading set in the margin (up to seven short lines), at the most
FOOT_BOX = 8  # lines of a publisher's box at a page's foot, at the most
BULLET_ALONE = re.compile(r"^[•◦▪▫‣⁃●○■□]$")
NUMBER_THEN_TEXT = re.compile(r"^(\d{1,4})\s*(\S.*)$")
TEXT_THEN_NUMBER = re.compile(r"^(.*\S)\s+(\d{1,4}|[ivxl]{1,6})$|^([A-Za-z]{2,6})-(\d{1,4})$")
# ("Page 21", "Page iii", "CRS-10")
# "7negotiations", "12The": a page number run into the first word; not "18th" or "5km".
GLUED_PAGE_NUMBER = re.compile(r"^(\d{1,3})(?=[^\W\d_]{3,})(?!(?:st|nd|rd|th|km|kg|bn|mn)\b)")


def _pages(lines: list[Line]) -> dict[int, list[Line]]:
    pages: dict[int, list[Line]] = defaultdict(list)
    for ln in lines:
        if ln.text:
            pages[ln.page].append(ln)
    return pages


def _edges(pages: dict[int, list[Line]]) -> set[int]:
    edge: set[int] = set()
    for body in pages.values():
        edge.update(ln.no for ln in body[:EDGE_TOP])
        edge.update(ln.no for ln in body[-EDGE_BOTTOM:])
    return edge


def _strip_page_number(text: str) -> str:
    for pattern, group in ((NUMBER_THEN_TEXT, 2), (TEXT_THEN_NUMBER, 1)):
        m = pattern.match(text)
        if m:
            return m.group(group) or m.group(3)
    return text


STAMPED = "a label stamped on the first page, printed there three times in a row"
# The first line of a contents entry wrapped onto the next (which has the leaders).
WRAPPED_ENTRY = "table of contents entry (its first line)"


def find_furniture(lines: list[Line], title: str) -> dict[int, Dropped]:
    """Return the dropped lines by line number. `title` is the document's first line."""
    dropped: dict[int, Dropped] = {}
    pages = _pages(lines)
    edge = _edges(pages)
    # A line of words printed three times or more in a row on the first page is a label
    # stamped on it ("Public Disclosure Authorized", down the margins), not its title.
    stamped: set[int] = set()
    cover = [ln for ln in lines if ln.text and ln.page == lines[0].page] if lines else []
    k = 0
    while k < len(cover):
        j = k
        while j + 1 < len(cover) and squash(cover[j + 1].text) == squash(cover[k].text):
            j += 1
        if j - k >= 2 and len(cover[k].text.split()) >= 2 and not ends_sentence(cover[k].text):
            stamped.update(ln.no for ln in cover[k:j + 1])
        k = j + 1
    first = next((ln for ln in lines if ln.text and ln.no not in stamped), None)
    first_line = first.no if first else 0
    # (When a stamped label came first, the title is the first line after it.)
    title_key = squash(first.text if first and stamped and squash(title) in {
        squash(ln.text) for ln in lines if ln.no in stamped} else title)

    def drop(ln: Line, why: str) -> None:
        dropped.setdefault(ln.no, Dropped(ln.no, ln.text, why))

    # Running lines: the same text (page numbers aside) at the top or bottom of several pages.
    counts: Counter[str] = Counter()
    pages_of: dict[str, set[int]] = defaultdict(set)
    for ln in lines:
        if ln.no in edge and len(ln.text) <= 120:
            key = squash(_strip_page_number(ln.text))
            counts[key] += 1
            pages_of[key].add(ln.page)
    # A brief of a few pages repeats its running lines fewer times than a report does.
    times = 2 if len(pages) <= 4 else 3
    # (A bullet alone atop several pages is a list's, carried over: no running line.)
    running = {k for k, c in counts.items() if c >= times and len(pages_of[k]) >= times
               and re.search(r"\w", k) and not ends_sentence(k)}
    # A bare web address printed on several pages is the publisher's, wherever the text
    # extraction put it (two-column pages put the footer between the columns).
    urls = Counter(ln.text for ln in lines if URL_LINE.match(ln.text))
    # A report number alone on a line at a page's edge, that the edge of another page repeats
    # ("IF10491", and "... | IF10491 · VERSION 14"), is a footer.
    cover = {ln.no for ln in [x for x in lines if x.text][:COVER_LINES]}
    edge_tokens = Counter(tok for ln in lines if ln.no in edge
                          for tok in set(re.split(r"[\s·|,]+", ln.text)) if tok)

    for ln in lines:
        if ln.no in stamped:
            drop(ln, STAMPED)
            continue
        if not ln.text or ln.no == first_line:
            continue
        text = ln.text
        key = squash(_strip_page_number(text))
        if toc_entry(text):
            drop(ln, "table of contents entry")
        elif ln.no in edge and key in running:
            drop(ln, "running header or footer")
        elif ln.no in edge and PAGE_NUMBER.match(text):
            drop(ln, "page number")
        elif ln.no not in cover and (urls[text] >= 2 or (ln.no in edge and any(
                text.startswith(u + " ") for u, n in urls.items() if n >= 2))):
            # the cover's address is front matter; at a page's edge, the address with the
            # report number after it is the footer
            drop(ln, "the publisher's web address, printed on several pages")
        elif ln.no in edge and IDENTIFIER.match(text) and edge_tokens[text] >= 2 \
                and ln.no not in cover and not text.endswith("."):
            # (a citation of a report number ends with a full stop: "GAO-04-38." is a note)
            drop(ln, "report number at the page edge")
        elif title_key and len(title_key) >= 8 and key != squash(text) \
                and key.startswith(title_key):
            drop(ln, "running header (page number and title)")
        elif title_key and squash(text) == title_key and len(title_key) >= 8:
            drop(ln, "running header (title repeated)")

    # An entry wrapped onto a second line has its leaders on the second: the first line,
    # right above an entry on a page of entries, is part of it ("Characteristics of
    # Interest: ... Topics in" / "Addition to Poverty ........ 11").
    entries = Counter(ln.page for ln in lines if dropped.get(ln.no) is not None
                      and dropped[ln.no].why == "table of contents entry")
    by_no = {ln.no: ln for ln in lines}
    for ln in lines:
        below = by_no.get(ln.no + 1)
        if ln.text and ln.no not in dropped and below is not None and below.page == ln.page \
                and dropped.get(below.no) is not None \
                and dropped[below.no].why == "table of contents entry" \
                and entries[ln.page] >= 3 and not ends_sentence(ln.text) \
                and ln.text[:1].isupper() and ln.no not in edge \
                and not _parent_entry(ln.text, below.text):
            drop(ln, WRAPPED_ENTRY)

    # A title atop a page printed again right below it (GAO: the running head of a section
    # one page long, over the section's heading): the first is the page's head.
    # (Over one to three lines: "Appendix VII: GAO Contact and Staff" / "Acknowledgments".)
    for page, body in pages.items():
        top = [ln for ln in body[:8] if ln.no not in dropped]
        if page == lines[0].page or not top or top[0].no == first_line:
            continue
        for k in range(1, min(3, len(top) // 2) + 1):
            key = squash(" ".join(ln.text for ln in top[:k]))
            if len(key) >= 8 and key == squash(" ".join(ln.text for ln in top[k:2 * k])):
                for ln in top[:k]:
                    drop(ln, "running header (the heading below it, printed again)")
                break

    # A page number the extraction moved away from the page's edge: the number the other
    # pages' numbers give this page, among its first or last lines.
    offsets = Counter(int(d.text) - ln.page for ln in lines
                      if (d := dropped.get(ln.no)) and d.why == "page number" and d.text.isdigit())
    if offsets:
        offset = offsets.most_common(1)[0][0]
        for page, body in pages.items():
            for ln in body[:6] + body[-4:]:
                if ln.text == str(page + offset) and ln.no not in dropped:
                    drop(ln, "page number")
        _one_number_a_page(pages, dropped, offset)

    # A page headed "Contents" with no leaders (its page numbers in a column set apart)
    # lists the paper's headings: each of its lines is an entry, a number alone its page;
    # so is each line of the pages after it that go on listing (three page numbers or more
    # alone on their lines, and no sentence).
    listing = False
    for page in sorted(pages):
        body = [ln for ln in pages[page] if ln.no not in dropped]
        if not body:
            continue
        headed = squash(body[0].text) in CONTENTS_HEADS
        numbers = [ln for ln in body if PAGE_REF.fullmatch(ln.text)]
        listing = headed or (listing and len(numbers) >= 3
                             and not any(ends_sentence(ln.text) for ln in body))
        if not listing:
            continue
        leaders = any(toc_entry(ln.text) for ln in pages[page])
        for k, ln in enumerate(body):
            if (k == 0 and headed) or ln in numbers:
                drop(ln, "table of contents")
            elif not leaders or (not ends_sentence(ln.text) and len(ln.text) <= 120):
                # A list with leaders gives them to its lower levels only: a line without
                # one, its page number set apart ("1 Introduction" ... "3"), is an entry
                # too (a first line wrapped onto the leaders' line was marked above).
                drop(ln, "table of contents entry")

    # A page made mostly of contents entries is a table of contents: drop its short lines too.
    for body in pages.values():
        entries = [ln for ln in body if toc_entry(ln.text)]
        if len(entries) >= 3 and len(entries) >= 0.5 * len(body):
            for ln in body:
                if len(ln.text) <= 40 and ln.no != first_line:
                    drop(ln, "table of contents")
    return dropped


SECTION_NO = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*|[A-Z](?:\.\d{1,2})*)\.?\s+\S")


def _one_number_a_page(pages: dict[int, list[Line]], dropped: dict[int, Dropped],
                       offset: int) -> None:
    """A page has one number. On a page whose number (the one the other pages' numbers give
    it) is found, another number alone at its edge is no page number: a note's number at
    the foot of an endnotes list ("10" over its note, the page's "11" below it), or at the
    top of the next page under the running head. It is given back to the text. When the
    page's number itself is printed twice, the one where the other pages print theirs (at
    their foot or at their top) is the page's."""
    numbers = {page: [ln for ln in body if (d := dropped.get(ln.no)) is not None
                      and d.why == "page number" and ln.text.isdigit()]
               for page, body in pages.items()}
    at_foot = sum(1 for page, found in numbers.items() for ln in found
                  if ln is pages[page][-1])
    at_top = sum(1 for page, found in numbers.items() for ln in found
                 if ln is pages[page][0])
    for page, found in numbers.items():
        own = [ln for ln in found if ln.text == str(page + offset)]
        if len(found) < 2 or not own:
            continue
        if len(own) > 1 and at_foot != at_top:
            edge = pages[page][-1] if at_foot > at_top else pages[page][0]
            own = [ln for ln in own if ln is edge] or own
        for ln in found:
            if ln not in own:
                del dropped[ln.no]


def _parent_entry(line: str, below: str) -> bool:
    """Whether `line` is a numbered entry and `below` one of its sub-entries ("3 Values" over
    "3.1 Current challenges"): two entries, not one wrapped onto two lines."""
    m, sub = SECTION_NO.match(line), SECTION_NO.match(below)
    return bool(m and sub and sub.group(1).startswith(m.group(1) + "."))


def split_glued_page_number(ln: Line, expected_pages: int) -> tuple[Line, Dropped | None]:
    """A page number glued to a page's first line ("12The ...") is cut off and reported."""
    if not ln.page_start:
        return ln, None
    m = GLUED_PAGE_NUMBER.match(ln.text)
    if not m or int(m.group(1)) > expected_pages + 5:
        return ln, None
    rest = ln.text[m.end():]
    if len(rest.split()) < 2:
        return ln, None
    return Line(ln.no, rest, ln.page, ln.page_start), Dropped(ln.no, m.group(1),
                                                             "page number glued to a line")


def find_sidebars(lines: list[Line], width: int, contents: frozenset[str] = frozenset()
                  ) -> dict[int, Dropped]:
    """Blocks of three or more very short lines, none a sentence: a metadata sidebar or
    author box set beside the text (a report number, a date, a name, a job title). A block
    that the paper's own contents list names is a heading set in the margin, not a box."""
    from glossa.ingest.boxes import BOX_LABEL
    from glossa.ingest.patterns import CAPTION, ends_sentence

    limit = min(40, int(0.35 * width))
    dropped: dict[int, Dropped] = {}
    block: list[Line] = []

    def short(ln: Line) -> bool:
        return len(ln.text) <= limit and not ends_sentence(ln.text) \
            and not CAPTION.match(ln.text) and not BULLET_ALONE.match(ln.text)

    texts = [ln for ln in lines if ln.text]
    position = {ln.no: i for i, ln in enumerate(texts)}

    def alone(first: Line, last: Line) -> bool:
        """No short line next to the block on its page, across blank lines: a block among
        other blocks of short lines is a table's cells, not a box beside the text."""
        i, j = position[first.no] - 1, position[last.no] + 1
        return not any(0 <= k < len(texts) and texts[k].page == first.page
                       and short(texts[k]) for k in (i, j))

    def after(last: Line) -> Line | None:
        k = position[last.no] + 1
        return texts[k] if k < len(texts) and texts[k].page == last.page else None

    def settle() -> None:
        if len(block) >= 3 and all(short(ln) for ln in block) and alone(block[0], block[-1]) \
                and not BOX_LABEL.match(block[0].text.strip()) \
                and squash(" ".join(ln.text for ln in block)) not in contents \
                and not side_head([ln.text for ln in block], after(block[-1]), width):
            for ln in block:
                dropped[ln.no] = Dropped(ln.no, ln.text, "sidebar (short lines beside the text)")
        block.clear()

    page = None
    for ln in lines:
        if not ln.text or ln.page != page or ln.page_start:
            settle()
            page = ln.page
        if ln.text:
            block.append(ln)
    settle()
    # A box at a page's foot: three to eight short lines that run to the page's end and
    # hold a web address (a publisher's box: its name, address, report number), even where
    # the text goes on overleaf; the last cells of a table hold none.
    for body in _pages(lines).values():
        run = []
        for ln in reversed(body):
            if (not short(ln) and not URL_LINE.match(ln.text)) or ln.text.endswith(":"):
                break
            run.append(ln)
        k = len(body) - len(run) - 1
        if 3 <= len(run) <= FOOT_BOX and k >= 0 and any(URL_LINE.match(ln.text)
                                                         for ln in run):
            for ln in run:
                dropped.setdefault(ln.no, Dropped(ln.no, ln.text, "a box at the page's foot "
                                                  "(publisher, address, report number)"))
    return dropped


def side_head(texts: list[str], after: Line | None, width: int) -> bool:
    """Short lines that read together as one title (in title case, no sentence, no number,
    address or date among them) with prose right after them: a heading set in the margin
    beside its section ("Studies Predict Widely" / "Different Dates for Peak" / "Oil")."""
    from glossa.ingest.patterns import title_case

    text = " ".join(texts)
    if len(text.split()) > SIDE_HEAD_WORDS or any(ends_sentence(t) for t in texts):
        return False
    if any(URL_LINE.match(t) or IDENTIFIER.match(t) or re.search(r"\d", t) for t in texts):
        return False
    return title_case(text) and after is not None and len(after.text) >= 0.6 * width \
        and after.text[:1].isupper()


def find_identifier_lines(lines: list[Line], identifiers: set[str]) -> dict[int, Dropped]:
    """Lines at a page's edge that carry the report's own identifier ("R47390 · VERSION 14")."""
    if not identifiers:
        return {}
    edge = _edges(_pages(lines))
    out = {}
    for ln in lines:
        if ln.no in edge and set(re.split(r"[\s·|,]+", ln.text)) & identifiers \
                and squash(ln.text) not in {squash(i) for i in identifiers} | set():
            out[ln.no] = Dropped(ln.no, ln.text, "running footer (report identifier)")
    return out


SUMMARY_LABELS = frozenset({"summary", "executive summary", "abstract", "in brief"})


def find_summary_box(lines: list[Line], width: int) -> dict[int, Dropped]:
    """The box beside a summary: on the page whose top line is the label SUMMARY (or
    Abstract), the short lines that are no sentence's end (the title again, the report's
    number, its date, the authors and their titles), set beside the summary's text and
    interleaved with it by the extraction."""
    from glossa.ingest.patterns import ends_sentence

    pages = _pages(lines)
    for _page, body in sorted(pages.items())[:4]:
        if not body or squash(body[0].text) not in SUMMARY_LABELS:
            continue
        limit = int(0.45 * width)
        return {ln.no: Dropped(ln.no, ln.text, "the box beside the summary (title, report "
                               "number, date, authors)")
                for ln in body[1:] if len(ln.text) < limit and not ends_sentence(ln.text)}
    return {}


RUNNING = "running header or footer"


def restore_listed_heads(lines: list[Line], dropped: dict[int, Dropped],
                         contents: frozenset[str]) -> None:
    """Give back the headings that page furniture took, by the paper's contents list:

    - a section title printed again atop each of its pages ("Scope and Methodology" on every
      page of an appendix) is a running head from its second page on; on its first page it
      is the section's heading (with the appendix label above it, when that is a running
      head too), unless the body prints it elsewhere; atop its second page too (a section
      of two pages), the running head;
    - a section's number alone atop a page ("1", then "Introduction" below it) is no page
      number when the two are an entry of the list."""
    if not contents:
        return
    text_lines = [ln for ln in lines if ln.text]
    kept = {squash(ln.text) for ln in text_lines if ln.no not in dropped}
    seen: set[str] = set()
    for k, ln in enumerate(text_lines):
        d = dropped.get(ln.no)
        if d is None or not d.why.startswith(("running", "page number")):
            continue
        key = squash(ln.text)
        nxt = text_lines[k + 1] if k + 1 < len(text_lines) else None
        if d.why == RUNNING and key not in seen and key not in kept \
                and listed(ln.text, contents):
            del dropped[ln.no]
            above = text_lines[k - 1] if k else None
            if above is not None and above.page == ln.page and APPENDIX_LABEL.match(above.text) \
                    and (a := dropped.get(above.no)) is not None and a.why == RUNNING:
                del dropped[above.no]
        elif PAGE_NUMBER.match(ln.text) and ln.text.isdigit() and nxt is not None \
                and nxt.page == ln.page and nxt.no not in dropped \
                and squash(f"{ln.text} {nxt.text}") in contents:
            del dropped[ln.no]
        seen.add(key)
    # A listed title atop a page and atop the page before: the section's running head on its
    # second page (a section of two pages repeats it too few times to be a running line).
    tops: dict[int, Line] = {}
    for ln in text_lines:
        if ln.no not in dropped:
            tops.setdefault(ln.page, ln)
    for page, ln in tops.items():
        prev = tops.get(page - 1)
        if prev is not None and squash(prev.text) == squash(ln.text) \
                and listed(ln.text, contents):
            dropped[ln.no] = Dropped(ln.no, ln.text, RUNNING)


def find_title_again(lines: list[Line], title: str, subtitle: str) -> dict[int, Dropped]:
    """The title or subtitle printed again in the body, over one to four lines set apart (a
    summary page's head: "Enhancing Agency Use of Performance" / "Information for Management
    Decision" / "Making"): dropped, as the PDF reader drops a title printed again."""
    keys = {squash(t) for t in (title, subtitle, f"{title} {subtitle}") if len(squash(t)) >= 12}
    out: dict[int, Dropped] = {}
    block: list[Line] = []
    for ln in [*lines, Line(0, "", -1)]:
        if ln.text and (not block or ln.page == block[-1].page):
            block.append(ln)
            continue
        if 1 <= len(block) <= 4 and squash(" ".join(b.text for b in block)) in keys:
            for b in block:
                out[b.no] = Dropped(b.no, b.text, "the title, printed again")
        block = [ln] if ln.text else []
    return out
