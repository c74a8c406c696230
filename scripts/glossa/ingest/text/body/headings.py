"""A line and the lines around it -> whether it is a heading, and on how many lines:
short lines that name a section, numbered titles, headings wrapped or set in a margin."""

from __future__ import annotations

import re

from glossa.ingest.joining import DASHES
from glossa.ingest.patterns import (
    APPENDIX_LABEL,
    CAPTION,
    CONNECTIVES,
    DATE_CELL,
    DATE_LINE,
    IDENTIFIER,
    URL_LINE,
    ends_sentence,
    first_word,
    last_word,
    listed,
    squash,
    starts_paragraph,
    title_case,
)
from glossa.ingest.text.body.marks import MARKER_ENDED
from glossa.ingest.text.body.state import BodyState, next_text
from glossa.model.reading import Line

MAX_HEADING_LINES = 7  # a heading set in a narrow margin runs to six lines
NUMBER_ALONE = re.compile(r"^[1-9]\d?(?:\.\d{1,2}){0,4}\.?$")  # "3", "3.1", "3.1.1."
# An entry of an index or a glossary: its text, a full stop, the pages it is on
# ("DMP data management plan. 21", "... software. 13, 15–17, 20"); not a bill ("S. 121").
PAGES_CITED = r"\d{1,4}(?:[–-]\d{1,4})?"
INDEX_ENTRY = re.compile(rf"(?<=[a-z)])\.\s+{PAGES_CITED}(?:,\s*{PAGES_CITED})*,?$")
HAS_WORD = re.compile(r"[^\W\d_]{3,}")  # lines of a note carried over to the next page, at the most


def looks_like_heading(text: str, limit: int) -> bool:
    """A short line that names a section rather than says something."""
    if not text or len(text) > limit or len(text.split()) > 14:
        return False
    opening = text.lstrip("“‘\"'")  # a heading may open with a quotation: "“Fixing” the Gas Tax"
    if not opening or not (opening[0].isupper() or opening[0].isdigit()):
        return False
    if not (HAS_WORD.search(text) or (" " in text and re.search(r"[^\W\d_]", text))):
        return False  # a figure, an amount, a table cell: "37", "22.9%", "2026a"
    if CAPTION.match(text) or URL_LINE.match(text) or DATE_LINE.match(text) \
            or DATE_CELL.match(text) or IDENTIFIER.match(text):
        return False
    if text[-1] in ".,;:!-" + DASHES or MARKER_ENDED.search(text) or INDEX_ENTRY.search(text):
        return False
    if last_word(text).lower() in CONNECTIVES:
        return False
    return text.count("(") == text.count(")")


class Headings(BodyState):
    """The body reader's headings: where a heading stands and where it ends."""

    def _numbered_title(self, lines: list[Line], i: int, blank_before: bool,
                        new_page: bool) -> int | None:
        """A section's number alone on its line ("3.1", "2"), its title on the next lines of
        text (within a blank line), the two an entry of the paper's contents list: the index
        of the title's last line, or None. (Numbers alone fill tables' columns: the list says.)"""
        label = APPENDIX_LABEL.match(lines[i].text)
        if not (label or self.contents and NUMBER_ALONE.match(lines[i].text)) \
                or not (blank_before or new_page or self._previous_ended()):
            return None
        j = i + 1
        while j < len(lines) and not lines[j].text and j - i <= 2:
            j += 1
        if j >= len(lines) or not lines[j].text or lines[j].page != lines[i].page:
            return None
        if label:  # an appendix's label names what follows: its title, if one is there
            title = lines[j].text
            return j if looks_like_heading(title, max(20, int(0.75 * self.width))) \
                and not CAPTION.match(title) and not APPENDIX_LABEL.match(title) else None
        number = lines[i].text.rstrip(".")
        # The title may run on over lines set apart ("Creating documented code building
        # blocks (" / "DOCBB)", its acronym beside an icon): the longest run the list names.
        found, text, k = None, lines[j].text, j
        while True:
            if squash(f"{number} {text}") in self.contents \
                    or squash(f"{number}. {text}") in self.contents:
                found = k
            k += 1
            while k < len(lines) and not lines[k].text and k - j <= 6:
                k += 1
            if k >= len(lines) or not lines[k].text or lines[k].page != lines[i].page \
                    or k - j > 6 or ends_sentence(text):
                return found
            text = f"{text} {lines[k].text}"

    def _heading_here(self, ln: Line, lines: list[Line], i: int, nxt: Line | None,
                      blank_before: bool, new_page: bool) -> bool:
        if nxt is None or not looks_like_heading(ln.text, max(20, int(0.75 * self.width))):
            return False
        fresh = blank_before and not new_page
        if not (fresh or self._previous_ended()):
            return False
        if squash(ln.text) in self.contents and (blank_before or new_page):
            return True  # listed, and set apart: whatever is around ("[1]", "bus factor ...")
        if len(ln.text) >= 0.8 * self._width_around(lines, i):
            return False  # as long as the lines around it: wrapped prose, not a heading
        return starts_paragraph(nxt.text) and not self._in_short_run(lines, i)

    def _in_short_run(self, lines: list[Line], i: int) -> bool:
        """Whether line i stands in a run of three or more short, heading-like lines with no
        prose between (a table's cells, an address, a name and a job title): none of them is
        a heading, unless the paper's contents list names it, or the run is one heading
        wrapped over its lines (no blank line inside, prose right after it)."""
        if squash(lines[i].text) in self.contents:
            return False
        limit = max(20, int(0.75 * self.width))

        def short(ln: Line) -> bool:
            return len(ln.text) < 0.55 * self.width and looks_like_heading(ln.text, limit)
        first = last = i
        blank_inside = False
        for step in (-1, 1):
            j, gap = i + step, False
            while 0 <= j < len(lines) and lines[j].page == lines[i].page:
                if lines[j].text:
                    if not short(lines[j]):
                        break
                    blank_inside = blank_inside or gap
                    first, last = min(first, j), max(last, j)
                    gap = False
                else:
                    gap = True
                j += step
        run = sum(1 for ln in lines[first:last + 1] if ln.text)
        if run < 3:
            return False
        after = last + 1
        wrapped = not blank_inside and after < len(lines) and bool(lines[after].text) \
            and not short(lines[after])
        return not wrapped

    def _wrapped_heading(self, lines: list[Line], i: int, blank_before: bool,
                         new_page: bool) -> int | None:
        """A heading set on several lines, most often in a margin beside its section
        ("Timing of Peak Oil" / "Production Depends" / "on Uncertain Factors"): lines with
        no blank between, none a sentence, that together are an entry of the paper's own
        contents list (and the first line alone is not); or, with no list naming it, three
        lines or more, each short, in title case together, after a blank line or an ended
        sentence, with prose right after. The index of its last line, or None."""
        text, found, run = lines[i].text, None, [lines[i]]
        for j in range(i + 1, min(i + MAX_HEADING_LINES, len(lines))):
            ln = lines[j]
            if not ln.text or ln.page != lines[i].page or ends_sentence(text):
                break
            text = f"{text} {ln.text}"
            run.append(ln)
            if self.contents and listed(text, self.contents):
                found = j  # the longest entry: one wrapped in the list too is one heading
        if found is not None and squash(lines[i].text) not in self.contents \
                and not CAPTION.match(lines[i].text) \
                and not (i and lines[i - 1].text and CAPTION.match(lines[i - 1].text)):
            return found  # (a caption's second and third lines are listed as the caption's)
        if len(run) < 3 or not ((blank_before and not new_page) or self._previous_ended()):
            return None
        after = next_text(lines, i + len(run) - 1)
        if after is None or after.page != lines[i].page or not starts_paragraph(after.text):
            return None
        from glossa.ingest.text.furniture import side_head
        texts = [ln.text for ln in run]
        if any(len(t) >= 0.55 * self.width for t in texts) or ends_sentence(texts[-1]) \
                or not side_head(texts, after, self.width):
            return None
        return i + len(run) - 1

    def _two_line_heading(self, ln: Line, lines: list[Line], i: int, blank_before: bool,
                          new_page: bool) -> int | None:
        """A heading set on two lines ("How Much Electricity Is Consumed by" / "Cryptocurrency
        Mining?"): both short, in title case, the first after a blank line or an ended
        sentence, a paragraph right after. The index of the second line, or None."""
        j = i + 1
        if j + 1 >= len(lines) or not lines[j].text or lines[j].page != ln.page:
            return None
        second, after = lines[j].text, next_text(lines, j)
        if after is None or not starts_paragraph(after.text):
            return None
        if not ((blank_before and not new_page) or self._previous_ended()):
            return None
        limit = max(20, int(0.75 * self.width))
        both = f"{ln.text} {second}"
        if len(ln.text) > limit or len(second) > limit or ends_sentence(ln.text):
            return None
        if listed(both, self.contents) and not ends_sentence(second) and blank_before \
                and not CAPTION.match(ln.text) \
                and not (squash(ln.text) in self.contents and squash(second) in self.contents):
            return j  # the contents list names it (not its two lines apart), however long
        if not (looks_like_heading(both.rstrip("?"), 2 * limit) and title_case(both)):
            return None
        if title_case(ln.text) and _sentence_case(second):
            return None  # "Circumvention of ... Measures" / "General approach": two levels
        if len(second) >= 0.8 * self._width_around(lines, j) or self._in_short_run(lines, j):
            return None
        # The contents list, when the paper has one, says which: two headings, or one.
        if squash(ln.text) in self.contents and squash(second) in self.contents:
            return None
        if squash(both) in self.contents:
            return j
        # Otherwise a wrapped heading fills its first line (in larger type: a third of the
        # column or more; in a margin, as its listed headings fill theirs: the next word
        # would not have fitted, a lower heading's smaller type fitting a quarter more), or
        # breaks it after a connective; if not, the second line is a heading (a subheading,
        # a caption) of its own.
        if self.heading_line and len(ln.text) <= 1.25 * self.heading_line \
                and self.heading_line < len(ln.text) + 1 + len(first_word(second)) \
                and not lines[j + 1].text and looks_like_heading(second, limit):
            return j  # (set apart below, as a side head is from its text)
        if last_word(ln.text).lower() not in CONNECTIVES and (
                len(second) >= len(ln.text) or len(ln.text) < 0.35 * self.width):
            return None
        return j

    def _width_around(self, lines: list[Line], i: int) -> int:
        page = lines[i].page
        near = [ln.text for ln in lines[max(0, i - 4):i + 5]
                if ln.text and ln.page == page and ln is not lines[i]]
        # Not a line that the text glued from two (pdftotext joins a line of a box or a
        # table to the line beside it): longer by half than the paper's full line.
        glued = 1.5 * self.full_line if self.full_line else float("inf")
        return max((len(t) for t in near if len(t) <= glued), default=self.width)


def _sentence_case(text: str) -> bool:
    """A capital to open, the longer words after it in lower case: "General approach"."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    rest = [w for w in words[1:] if len(w) > 3]
    return bool(words) and words[0][0].isupper() and bool(rest) \
        and all(w[0].islower() for w in rest)


def heading_line(lines: list[Line], contents: frozenset[str]) -> int:
    """How long the lines of the paper's headings run when they wrap (set in a margin, most
    often): the longest line but the last of the headings the contents list names wrapped
    over two to six lines, when two or more are; else 0."""
    longest: list[int] = []
    for i, ln in enumerate(lines):
        if not ln.text or (i and lines[i - 1].text and lines[i - 1].page == ln.page):
            continue  # a heading opens after a blank line or atop a page
        text = ln.text
        for j in range(i + 1, min(i + MAX_HEADING_LINES, len(lines))):
            if not lines[j].text or lines[j].page != ln.page or ends_sentence(text):
                break
            text = f"{text} {lines[j].text}"
            if squash(text) in contents:
                longest.append(max(len(x.text) for x in lines[i:j]))
                break
    return max(longest) if len(longest) >= 2 else 0
