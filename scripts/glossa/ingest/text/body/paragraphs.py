"""A line after the paragraph being read -> a new paragraph or the same one: prose, the
entries of a list with no bullets, a letter's head and signature, a quotation set apart."""

from __future__ import annotations

import re
from collections import Counter

from glossa.ingest.patterns import DATE_LINE, ends_sentence, first_word, starts_paragraph
from glossa.ingest.text.body.lists import GOES_ON, ITEM_END
from glossa.ingest.text.body.marks import MARKER_ENDED
from glossa.ingest.text.body.state import BodyState, Draft
from glossa.model.reading import Line

LEADING_NUMBER = re.compile(r"^(\d{1,3})\s")
# A line that introduces a quotation set apart ("... the following:", "... stated,"): the
# quotation is a paragraph of its own when the line ends short.
QUOTE_INTRO = re.compile(r"(?::|\b(?:stated|states|noted|notes|said|says|wrote|writes|stating|"
                         r"noting|remarked|explained|added|observed|concluded),)\d{0,3}$")
# A letter's complimentary close, over its signature.
SALUTATION = re.compile(r"^Dear [A-Z][^.:;]{0,60}[:,]$")  # a letter's: "Dear Mr. Chairman:"
CLOSING = re.compile(r"^(?:Sincerely(?: yours)?|Respectfully(?: submitted| yours)?|"
                     r"Yours (?:sincerely|truly|faithfully)|(?:With )?(?:best|kind) regards),$",
                     re.IGNORECASE)
# A signature with no close over it (the close was a picture): a person's name over a job
# title, a line each, set apart ("Jim Wells" / "Director, Natural Resources and Environment").
_NAME = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
PERSON = re.compile(rf"^{_NAME}(?: (?:[A-Z]\.|{_NAME})){{1,3}}$")
JOB_TITLE = re.compile(r"^(?:(?:Acting|Deputy|Assistant|Associate|Managing|Executive|Senior) )?"
                       r"(?:Director|Comptroller General|Chief|Head|President|Chair(?:man|woman|"
                       r"person)?|Secretary|Administrator|Manager|Commissioner|Inspector General|"
                       r"Register of Copyrights)(?:,| of | for |$)")
# A lettered or numbered item at a line's start: "a. The", "(ii) the", "(A) any", "iv) ...".
ENUMERATED = re.compile(r"^(?:\((?:[a-z]|[ivx]{1,4}|[A-Z]|\d{1,2})\)|(?:[a-z]|[ivx]{1,4})[.)])"
                        r"\s+\S")


class Paragraphs(BodyState):
    """The body reader's paragraph breaks."""

    def _breaks(self, ln: Line, lines: list[Line], i: int, blank_before: bool,
                new_page: bool) -> bool:
        """Whether `ln` opens a new paragraph rather than continuing the current one."""
        d = self.draft
        assert d is not None
        prev = d.lines[-1].text
        enumerated = ENUMERATED.match(ln.text) and (ends_sentence(prev) or ITEM_END.search(prev)
                                                    or prev.endswith(":"))
        if d.kind == "caption":
            return blank_before or new_page or ends_sentence(prev) or bool(enumerated)
        if blank_before and not new_page:
            # A blank line is a paragraph's end, or a column break inside one: the sentence
            # left open goes on in lower case ("... with identifiable private" / blank /
            # "information and identifiable biospecimens.").
            return not (d.kind == "paragraph" and GOES_ON.match(ln.text)
                        and not ends_sentence(prev) and not prev.endswith(":")
                        and not MARKER_ENDED.search(prev))
        if enumerated:
            return True  # "a. ...", "(ii) ...": the next item of a lettered or numbered list
        if d.kind == "paragraph" and not ends_sentence(prev) \
                and first_word(ln.text) == first_word(d.lines[0].text) \
                and first_word(ln.text) in self._list_openings(lines, i):
            # The next entry of a list without bullets or full stops ("CRS Report ..."); where
            # the line above ends a sentence, the rules below decide as for prose.
            return True
        if d.kind == "paragraph" and prev[-1:] in "”\")" and not ends_sentence(prev) \
                and ln.text[:1].isupper() and prev[-1:] in self._list_endings(lines, i):
            # The next entry of a list whose entries end with a title in quotes
            # ('National Park Service, “Earth Day”') or a bracket, no full stop.
            return True
        if d.kind == "paragraph" and self._letter_head_ends(d, ln):
            return True
        if not ((ends_sentence(prev) or QUOTE_INTRO.search(prev))
                and (starts_paragraph(ln.text) or ln.text.startswith("["))):
            return False
        if LEADING_NUMBER.match(ln.text) and \
                int(LEADING_NUMBER.match(ln.text).group(1)) == self.seq.expected:
            return False  # the line opens with the next marker: it belongs to this paragraph
        if self.blank_separated and not new_page:
            return False
        width = self._local_width(d, lines, i)
        room = width * (0.9 if new_page else 0.95)
        need = len(prev) + 1 + len(first_word(ln.text))
        # Or shorter than the paper's typical full line (the median of lines that a
        # paragraph goes on after, in lower case): justified lines vary in letters, not in
        # width, so a line the next word would have fitted on by that measure ended.
        return need < room or (not new_page and need < self.full_line)

    def _letter_head_ends(self, d: Draft, ln: Line) -> bool:
        """A letter's head, a block each: its date alone on a line; the addressee's lines,
        short and ending no sentence, up to a line of the letter's full width; the
        salutation ("Dear Mr. Chairman:")."""
        first, last = d.lines[0].text, d.lines[-1].text
        if len(d.lines) == 1 and DATE_LINE.match(first):
            return starts_paragraph(ln.text)
        if SALUTATION.match(last) or SALUTATION.match(ln.text):
            return True
        short = 0.6 * self.width
        return len(d.lines) >= 2 and len(ln.text) >= 0.75 * self.width \
            and starts_paragraph(ln.text) \
            and all(len(x.text) < short and not ends_sentence(x.text) for x in d.lines)

    def _list_openings(self, lines: list[Line], i: int) -> set[str]:
        """The words that open a list's entries when it has no bullets and its entries no
        closing full stop ("CRS Report R46458, ..., by Kelley M. Sayler"): in the run of lines
        around line i (no blank line between), a capitalised first word that opens at least
        three lines and a third of them; or, for a run too short to tell (a list cut into
        groups by subheads), the same in the 30 lines around it. Prose opens its lines with
        whatever word the wrapping left there."""
        start, end = _run_around(lines, i)
        found = self.openings.get((start, end))
        if found is None:
            found = _openings(lines[start:end + 1])
            if not found and end - start < 8:
                found = _openings(lines[max(0, i - 15):i + 15])
            self.openings[(start, end)] = found
        return found

    def _list_endings(self, lines: list[Line], i: int) -> str:
        """The closing marks (” " ) that end at least three lines and a third of the lines
        of the run around line i (no blank line between) with no full stop before them."""
        start, end = _run_around(lines, i)
        run = [ln.text for ln in lines[start:end + 1]]
        ends = Counter(t[-1] for t in run if t[-1:] in "”\")" and not ends_sentence(t))
        return "".join(c for c, n in ends.items() if n >= 3 and 3 * n >= len(run))

    def _local_width(self, d: Draft, lines: list[Line], i: int) -> int:
        near = [ln.text for ln in d.lines[-6:]]
        j, seen = i, 0
        while j < len(lines) and seen < 3:
            if lines[j].text and lines[j].page == lines[i].page:
                near.append(lines[j].text)
                seen += 1
            j += 1
        widest = max((len(t) for t in near), default=self.width)
        return widest if widest >= 0.5 * self.width else self.width


def _run_around(lines: list[Line], i: int) -> tuple[int, int]:
    """The first and last index of the run of lines around line i (no blank line between)."""
    start = end = i
    while start > 0 and lines[start - 1].text:
        start -= 1
    while end + 1 < len(lines) and lines[end + 1].text:
        end += 1
    return start, end


def _openings(lines: list[Line]) -> set[str]:
    texts = [ln.text for ln in lines if ln.text]
    firsts = Counter(first_word(t) for t in texts)
    return {w for w, c in firsts.items() if c >= 3 and 3 * c >= len(texts) and w[:1].isupper()}
