"""Body lines -> a BodyResult (blocks, markers, dropped lines): the body reader's pass over
them, each line read as a heading, a paragraph's line, a list item, a table's cell, a
caption or an aside, by the parts it is made of (headings, lists, paragraphs, tables,
asides) over its state."""

from __future__ import annotations

import re

from glossa.ingest.patterns import APPENDIX_LABEL, CAPTION, ends_sentence, listed, squash
from glossa.ingest.text.body.asides import Asides
from glossa.ingest.text.body.headings import Headings, heading_line, looks_like_heading
from glossa.ingest.text.body.lists import Lists
from glossa.ingest.text.body.marks import drop_caps
from glossa.ingest.text.body.paragraphs import CLOSING, JOB_TITLE, PERSON, Paragraphs
from glossa.ingest.text.body.state import BULLET, BodyResult, next_text
from glossa.ingest.text.body.tables import SUBTITLE, Tables, captioned_spans
from glossa.model.reading import Dropped, Line

RULE_LINE = re.compile(r"^(?:[-*_—–]\s*)+$")  # "---", "* * *": a rule, or "-": an empty item
WEB_ITEM = re.compile(r"^(?:[•◦▪▫‣⁃●○■□]|[-*])\s+\S")


class BodyReader(Headings, Lists, Paragraphs, Tables, Asides):
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
