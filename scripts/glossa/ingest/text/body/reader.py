"""Body lines -> a BodyResult (blocks, markers, dropped lines): the body reader's pass over
them, each line read as a heading, a paragraph's line, a list item, a table's cell, a
caption or an aside, by the parts it is made of (headings, lists, paragraphs, tables,
asides) over its state."""

from __future__ import annotations

import re
from collections.abc import Callable

from glossa.ingest.boxes import box_label
from glossa.ingest.headings import HEADING_NUMBER
from glossa.ingest.patterns import APPENDIX_LABEL, CAPTION, ends_sentence, listed, squash
from glossa.ingest.text.body.headings import Headings, heading_line, looks_like_heading
from glossa.ingest.text.body.lists import Lists
from glossa.ingest.text.body.marks import drop_caps
from glossa.ingest.text.body.paragraphs import CLOSING, JOB_TITLE, PERSON, Paragraphs
from glossa.ingest.text.body.state import BULLET, BodyResult, Draft, next_text
from glossa.ingest.text.notes import note_start
from glossa.model.reading import Dropped, Line, Paragraph

SUBTITLE = re.compile(r"^\([^()]*\)$")  # a caption's line in brackets: its subtitle
RULE_LINE = re.compile(r"^(?:[-*_—–]\s*)+$")  # "---", "* * *": a rule, or "-": an empty item
WEB_ITEM = re.compile(r"^(?:[•◦▪▫‣⁃●○■□]|[-*])\s+\S")
TABLE_CELLS = 8
WIDE_CELLS = 3  # short cells set between the lines of a table's prose column, at the least
SPAN_CAPTION = re.compile(r"^(?:Table|Figure|Exhibit|Chart|Map)\s+[A-Z]?-?\d+(?:\.\d+)*[.:]\s")
SPAN_SOURCE = re.compile(r"^(?:Sources?|Notes?|Data source)\s*:", re.I)
SPAN_REACH = 200
FIGURE = re.compile(r"^[-–—$€£(]?[\d.,%()$–-]*\d[\d.,%()a-z]*$|^[-–—]$")


class BodyReader(Headings, Lists, Paragraphs):
    """Reads body lines in order; one instance per source."""

    # -- the pass -------------------------------------------------------------------------
    def read(self, lines: list[Line]) -> BodyResult:
        full = sorted(len(a.text) for a, b in zip(lines, lines[1:], strict=False)
                      if a.text and b.text[:1].islower() and a.page == b.page)
        self.full_line = full[len(full) // 2] if full else 0
        self.heading_line = heading_line(lines, self.contents) if self.pdf else 0
        if self.pdf:
            self._read_pdf(lines)
        else:
            self._read_web(lines)
        return self.finish()

    def _read_web(self, lines: list[Line]) -> None:
        body = [ln for ln in lines if ln.text]
        for i, ln in enumerate(body):
            nxt = body[i + 1] if i + 1 < len(body) else None
            if RULE_LINE.match(ln.text):
                why = ("a horizontal rule (a break between parts of the page)" if len(ln.text) > 1
                       else "an empty list item")
                self.result.dropped.append(Dropped(ln.no, ln.text, why))
                continue
            if BULLET.match(ln.text) and not BULLET.sub("", ln.text):
                self.bullets.append(ln)  # a bullet on its own line: the next line is the item
                continue
            if self.bullets or WEB_ITEM.match(ln.text):
                self.start("item", ln)
                if self.bullets:
                    self.draft.marks.append(self.bullets.pop(0))
                if ln.text[:2] in ("- ", "* "):
                    self.draft.parts[0] = self.draft.parts[0][2:]
            elif CAPTION.match(ln.text):
                self.start("caption", ln)
            elif nxt is not None and looks_like_heading(ln.text, 120):
                self.start("heading", ln)
            else:
                self.start("paragraph", ln)
            self.close()

    def _read_pdf(self, lines: list[Line]) -> None:
        blank_before = False
        page = lines[0].page if lines else 0
        joined_to: int | None = None  # a heading's second line, already read
        spans = captioned_spans(lines, self.width,
                                lambda text: bool(self.contents) and listed(text, self.contents))
        span_end = -1
        caps = self.caps = drop_caps(lines, self.vocabulary)  # first line -> its capital
        cap_lines = {c.no for c in caps.values()}
        for i, ln in enumerate(lines):
            if joined_to is not None and i <= joined_to:
                continue
            if ln.page != page or ln.page_start:
                page = ln.page
                new_page = True
            else:
                new_page = False
            if not ln.text:
                blank_before = True
                continue
            if self.draft is not None and self.draft.kind == "caption" \
                    and (blank_before or new_page):
                self.close()
            if ln.no in cap_lines:
                continue  # a drop cap, read with the word it begins
            if ln.no in caps and self.draft is not None and self.draft.kind != "heading":
                self.close()  # a paragraph opens with the drop cap
            if self.draft is not None and self.draft.kind == "paragraph" \
                    and len(self.draft.parts) == 1 and CLOSING.match(self.draft.parts[0]):
                # "Sincerely yours," then a name and a job title, a line each: a signature,
                # read as one paragraph (not as headings) to the next blank line.
                k = i
                while k + 1 < len(lines) and lines[k + 1].text and k - i < 3 \
                        and lines[k + 1].page == ln.page:
                    k += 1
                self.start("paragraph", ln)
                for m in range(i + 1, k + 1):
                    self.add(lines[m])
                self.close()
                joined_to, blank_before = k, False
                continue
            if (blank_before or new_page) and PERSON.match(ln.text) and i + 1 < len(lines) \
                    and lines[i + 1].page == ln.page and JOB_TITLE.match(lines[i + 1].text) \
                    and (i + 2 == len(lines) or not lines[i + 2].text
                         or lines[i + 2].page != ln.page):
                self.start("paragraph", ln)  # a signature, not two headings
                self.add(lines[i + 1])
                self.close()
                joined_to, blank_before = i + 1, False
                continue
            if (last := self._box_extent(lines, i, blank_before, new_page)) is not None:
                self._read_box(lines, i, last)
                joined_to, blank_before = last, False
                continue
            if i in spans:  # a table's or a figure's caption: its content runs to its source
                self.start("caption", ln)
                span_end = spans[i]
                nxt_line = lines[i + 1] if i + 1 < span_end else None
                if nxt_line is not None and nxt_line.text and len(ln.text) >= 0.6 * self.width \
                        and not ends_sentence(ln.text) and not SUBTITLE.match(nxt_line.text) \
                        and len(ln.text) + 1 + len(nxt_line.text.split()[0]) > 0.85 * self.width:
                    # a long caption wrapped onto a second line (where the next word would not
                    # have fitted: "Intervention" under a caption of 63 letters is a cell)
                    self.add(nxt_line)
                    joined_to = i + 1
                self.close()
                k = (joined_to if joined_to is not None and joined_to > i else i) + 1
                if k < span_end and SUBTITLE.match(lines[k].text):
                    self.start("caption", lines[k])  # "(in millions of dollars)"
                    self.close()
                    joined_to = k
                continue
            if i < span_end:
                if self.draft is None:
                    self.start("table", ln)
                else:
                    self.add(ln)
                continue
            if self.draft is not None and self.draft.kind == "table" and span_end == i:
                self.close()
            if self.draft is not None and self.draft.kind == "table":
                if self._cell(ln.text):
                    self.add(ln)
                    blank_before = False
                    continue
                self.close()
            elif self._table_starts(lines, i) and not (
                    (blank_before or new_page) and squash(ln.text) in self.contents):
                self.start("table", ln)  # (a listed heading over a column of "[1]" is none)
                blank_before = False
                continue
            if self._list_line(ln, lines, i, blank_before, new_page):
                blank_before = False
                continue
            nxt = next_text(lines, i)
            if (title := self._numbered_title(lines, i, blank_before, new_page)) is not None:
                # "3.1" / "Current challenges": a section's number printed apart from its title;
                # "Appendix II" / "GAO Contact and Staff Acknowledgments": an appendix's label.
                self.start("heading", ln)
                if APPENDIX_LABEL.match(ln.text) and not ln.text.endswith((".", ":")):
                    self.draft.parts[-1] += ":"
                for k in range(i + 1, title + 1):
                    if lines[k].text:
                        self.add(lines[k])
                self.close()
                joined_to = title
                blank_before = False
                continue
            title_end = self._wrapped_heading(lines, i, blank_before, new_page) \
                or self._two_line_heading(ln, lines, i, blank_before, new_page) \
                or (i if self._heading_here(ln, lines, i, nxt, blank_before, new_page) else None)
            if title_end is not None and self._under_table_caption(ln) \
                    and (after := next_text(lines, title_end)) is not None \
                    and len(after.text) < 0.45 * self.width and after.page == ln.page:
                # Short lines right under a table's caption: column heads
                # ("Account/Program", "Description"), not a heading.
                self.start("table", ln)
            elif title_end is not None and (box_end := self._text_box(lines, i, title_end)):
                self._read_text_box(lines, i, title_end, box_end)
                joined_to = box_end
            elif title_end is not None and title_end > i + 1:
                self.start("heading", ln)
                for k in range(i + 1, title_end + 1):
                    self.add(lines[k])
                self.close()
                joined_to = title_end
            elif title_end is not None and title_end == i + 1:
                self.start("heading", ln)
                self.add(lines[title_end])
                self.close()
                joined_to = title_end
            elif title_end is not None:
                self.start("heading", ln)
                self.close()
            elif (self._previous_ended() or blank_before) \
                    and looks_like_heading(ln.text, max(20, int(0.75 * self.width))) \
                    and self._in_short_run(lines, i):
                # Short lines, none a heading: table cells, kept a line each (a cell after a
                # blank line too: the cell above it need not end a sentence).
                self.start("table", ln)
            elif CAPTION.match(ln.text) or (self.draft is not None and self.draft.kind == "caption"
                                            and SUBTITLE.match(ln.text)):
                self.start("caption", ln)  # a caption, or its subtitle: "(by percentage share)"
            elif self.draft is None or self.draft.kind == "heading":
                self.start("paragraph", ln)
            elif self._breaks(ln, lines, i, blank_before, new_page):
                self.start("paragraph", ln)
            else:
                self.add(ln)
            blank_before = False

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

    def _text_box(self, lines: list[Line], i: int, title_end: int) -> int | None:
        """A text box: in a paper with a contents list, a title the list does not name (nor
        a numbered one), set among running text, over lines set in smaller type, so wider in
        letters than the paper's full line (two of the first three a tenth wider or more,
        or one and a paragraph's last line). The index of the box's last line: up to a
        blank line or a page's end after which no wide line goes on, or a narrower line
        that neither ends the sentence of the wide line above it nor stands between wide
        lines (or before the box's end). None: no box."""
        if not self.contents or not self.full_line:
            return None
        title = " ".join(ln.text for ln in lines[i:title_end + 1])
        named = squash(title)
        if HEADING_NUMBER.match(title) or named in self.contents or (
                len(named) >= 25 and any(entry.startswith(named) for entry in self.contents)):
            return None  # a numbered heading; a heading the contents name (or begin with)
        wide = 1.08 * self.full_line
        # Set among the running text: the lines above it on its page (if any: a box may
        # open a page) are no wider than the paper's full line, leaving out a line glued
        # from two (a summary page set wide throughout holds no box).
        above = sorted(len(ln.text) for ln in lines[max(0, i - 4):i]
                       if ln.text and ln.page == lines[i].page
                       and len(ln.text) <= 1.5 * self.full_line)
        if above and above[len(above) // 2] > 1.08 * self.full_line:
            return None
        # Wide lines right under the title: two of its first three, or one that a
        # paragraph's last line follows.
        run: list[Line] = []
        for ln in lines[title_end + 1:title_end + 4]:
            if not ln.text or ln.page != lines[title_end].page:
                break
            run.append(ln)
        wide_lines = [len(ln.text) >= 1.1 * self.full_line for ln in run]
        if not (sum(wide_lines) >= 2 or (len(run) == 2 and wide_lines[0]
                                          and ends_sentence(run[1].text))):
            return None
        last, j = title_end, title_end + 1
        while j < len(lines):
            ln = lines[j]
            if not ln.text:
                j += 1
                continue
            if len(ln.text) >= wide:
                last, j = j, j + 1
                continue
            # A narrower line: a box paragraph's last line, right under a wide line whose
            # sentence it ends, or with the box going on (or ending) right after it.
            nxt = lines[j + 1] if j + 1 < len(lines) else None
            if j == last + 1 and len(lines[last].text) >= wide and ln.page == lines[last].page \
                    and (not ends_sentence(lines[last].text) or nxt is None or not nxt.text
                         or nxt.page != ln.page or len(nxt.text) >= wide):
                last, j = j, j + 1
                continue
            break
        return last if last > title_end else None

    def _read_text_box(self, lines: list[Line], i: int, title_end: int, last: int) -> None:
        """A text box as asides: its title the first one's lead-in, a new aside where a
        line that ends a sentence stops short of the box's width."""
        self.close()
        self._drop_bullets()
        body = [ln for ln in lines[title_end + 1:last + 1] if ln.text]
        widest = max(len(ln.text) for ln in body)
        self.draft = Draft("aside")
        self.draft.lead = " ".join(ln.text for ln in lines[i:title_end + 1])
        self.draft.marks += [ln for ln in lines[i:title_end + 1] if ln.text]
        for k, ln in enumerate(body):
            if k and ends_sentence(body[k - 1].text) and len(body[k - 1].text) < 0.92 * widest:
                self.close()
                self.draft = Draft("aside")
            self.add(ln)
        self.close()

    def _box_extent(self, lines: list[Line], i: int, blank_before: bool,
                    new_page: bool) -> int | None:
        """A box that a label opens on a line of its own ("Author Information",
        "Disclaimer"): its lines up to a blank line, another label or a page's end, and past
        a blank line the short lines of another name and job title. The index of its last
        line, or None."""
        blocks = self.result.blocks
        after_box = self.draft is None and bool(blocks) and getattr(blocks[-1], "kind", "") \
            == "aside"
        if not box_label(lines[i].text, after_box) \
                or not (blank_before or new_page or self._previous_ended()):
            return None
        short = 0.55 * self.width
        last, j = i, i + 1
        while j < len(lines):
            ln = lines[j]
            if box_label(ln.text, True) or (ln.page != lines[i].page
                                                    and ends_sentence(lines[last].text)):
                break
            if ln.text:
                last, j = j, j + 1
                continue
            k = j
            while k < len(lines) and not lines[k].text:
                k += 1
            run = []
            while k < len(lines) and lines[k].text and lines[k].page == lines[j - 1].page:
                run.append(k)
                k += 1
            if not run or len(run) > 4 or box_label(lines[run[0]].text, True) \
                    or any(len(ln.text) >= short or ends_sentence(ln.text)
                           for ln in [lines[r] for r in run] + lines[i + 1:last + 1]):
                break  # past a blank line: more names and job titles, not prose
            last, j = run[-1], run[-1] + 1
        return last if last > i else None

    def _read_box(self, lines: list[Line], i: int, last: int) -> None:
        """The box's label and lines as asides, a block of lines each: names and job titles
        a line each, prose joined; the label is the first one's lead-in."""
        self.close()
        self._drop_bullets()
        label = lines[i]
        runs: list[list[Line]] = [[]]
        for ln in lines[i + 1:last + 1]:
            if ln.text:
                runs[-1].append(ln)
            elif runs[-1]:
                runs.append([])
        for n, run in enumerate(r for r in runs if r):
            self.draft = Draft("aside")
            if n == 0:
                self.draft.lead = label.text.strip()
                self.draft.marks.append(label)
            for ln in run:
                self.add(ln)
            self.close()

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
