"""Bullets and labels set apart, and the lines after them -> list items: which lines each
bullet in wait introduces, and where each item starts and ends."""

from __future__ import annotations

import re

from glossa.ingest.patterns import CAPTION, ends_sentence, listed, starts_paragraph
from glossa.ingest.text.body.headings import looks_like_heading
from glossa.ingest.text.body.marks import MARKER_ENDED
from glossa.ingest.text.body.state import BULLET, BodyState
from glossa.model.reading import Line

GOES_ON = re.compile(r"^[a-z]")  # a line that goes on with a sentence begun above
# A bullet alone on its line as pdftotext gives a symbol font's bullet that the PDF does not
# map to a character: "!" (never text of its own).
GLYPH_ALONE = re.compile(r"^(?:[•◦▪▫‣⁃●○■□]|!)$")
# A list's label alone on its line, set apart from its item like a bullet: "c.", "(ii)", "12.".
LABEL_ALONE = re.compile(r"^(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])$")
DECIMAL_END = re.compile(r"\d[.,]\d{1,3}$")  # "$873.0" at a line's end: an amount
LIST_REACH = 80  # lines that bullets set apart can introduce, at the most
ITEM_END = re.compile(r";(?:\s+(?:and|or))?\d{0,3}$")  # "...; and": the end of a list item


class Lists(BodyState):
    """The body reader's lists: items that carry their bullets, and items after bullets
    (or labels) set apart from them."""

    def _list_line(self, ln: Line, lines: list[Line], i: int, blank_before: bool,
                   new_page: bool) -> bool:
        """Read `ln` as part of a list, if it is: a bullet alone (PDF text often sets the
        bullets apart from their items, which follow in order), an item that opens with its
        bullet, an item after bullets in wait, or an item's next line. False: not a list
        line, read it as usual."""
        glyph = BULLET.match(ln.text) or GLYPH_ALONE.match(ln.text)
        d = self.draft
        in_items = d is not None and d.kind == "item"
        if in_items and self.bullets and not glyph and not LABEL_ALONE.match(ln.text) \
                and ln.no not in self.item_region and self.bullets[0].no > d.lines[0].no:
            if GOES_ON.match(ln.text) and not self._item_ended():
                self.add(ln)  # the open item goes on after the labels of the next ones
                return True
            self.close()
            in_items = False
        if self.bullets and not glyph and not in_items \
                and looks_like_heading(ln.text, int(0.6 * self.width)):
            self._drop_bullets()  # bullets of a figure or a table: no items follow them
        if GLYPH_ALONE.match(ln.text) or LABEL_ALONE.match(ln.text):
            # (an item whose sentence is left open may go on after the labels: a page's
            # labels set apart atop it, then the end of the item begun on the page before)
            if not (in_items and (self.bullets or (not self._item_ended()
                                                   and ln.page != d.lines[-1].page))):
                self.close()
            self.bullets.append(ln)
            return True
        if glyph:
            self._drop_bullets()  # a list whose items carry their bullets: not these
            # a new list; or the next item, set apart by a blank line or not
            self.items_apart = in_items and (blank_before or self.items_apart)
            self.start("item", ln)
            return True
        if in_items and ln.no in self.item_region:
            if ln.no in self.item_starts and self.bullets:
                self.start("item", ln)
                self._take_bullet()
            else:
                self.add(ln)
            return True
        if in_items:
            assert d is not None
            prev = d.lines[-1].text
            ended = ends_sentence(prev) or bool(MARKER_ENDED.search(prev))
            if blank_before and not new_page:
                self.close()
                self.items_apart = True
            elif CAPTION.match(ln.text) or (self.contents and listed(ln.text, self.contents)) \
                    or (ended and (
                    len(ln.text) > 1.08 * max(len(x.text) for x in d.lines)
                    or looks_like_heading(ln.text, max(20, int(0.75 * self.width)))
                    or (self.items_apart and starts_paragraph(ln.text))
                    or (BULLET.match(d.lines[0].text) and len(d.lines) > 1
                        and len(prev) < 0.9 * max(len(x.text) for x in d.lines)
                        and starts_paragraph(ln.text)))):
                # A caption; a heading the contents list (ended or not, the item is); wider
                # than the items; a heading; in a list whose items are set apart by blank
                # lines, a new sentence with none; or, in a list whose items carry their
                # bullets, a new sentence with none after an item's short last line: the
                # text after the list.
                self.close()
            else:
                self.add(ln)
                return True
            self._drop_bullets()
            return False
        if self.bullets:
            self._plan_items(lines, i)
            self.start("item", ln)
            self._take_bullet()
            return True
        return False

    def _item_ended(self) -> bool:
        """Whether the item being read ends its sentence (or its entry: "...;", "..., and")."""
        assert self.draft is not None
        prev = self.draft.lines[-1].text
        return bool(ends_sentence(prev) or MARKER_ENDED.search(prev) or ITEM_END.search(prev))

    def _take_bullet(self) -> None:
        """The next bullet (or label) in wait goes to the item just started."""
        assert self.draft is not None
        mark = self.bullets.pop(0)
        self.draft.marks.append(mark)
        if LABEL_ALONE.match(mark.text):
            self.draft.label = mark.text

    def _plan_items(self, lines: list[Line], i: int) -> None:
        """The lines from lines[i] on that the bullets (or labels: "c.") in wait introduce,
        and where each item starts: the lines up to a blank line, a bullet, or (for bullets)
        a line wider than them after a full stop; then the best places to split them into as
        many items as there are bullets (after a semicolon, ", and", a full stop or the
        marker due next, a comma or colon; then, if need be, before a capital). A labelled
        item opens with a capital or a figure."""
        region: list[Line] = []
        widest = ends = 0
        # Labels set apart ("a.", "b.", under a table) stand for notes of any width.
        labels = all(LABEL_ALONE.match(b.text) for b in self.bullets)
        for ln in lines[i:i + LIST_REACH]:
            if not ln.text or BULLET.match(ln.text) or GLYPH_ALONE.match(ln.text) \
                    or LABEL_ALONE.match(ln.text):
                break
            if region and widest and not labels and len(ln.text) > 1.08 * widest and (
                    ends_sentence(region[-1].text) or MARKER_ENDED.search(region[-1].text)) \
                    and ends >= len(self.bullets):
                break  # (not before the lines can hold an item for each bullet)
            ends += bool(ends_sentence(ln.text) or ITEM_END.search(ln.text))
            region.append(ln)
            widest = max(widest, len(ln.text))
        scored = []
        for k in range(1, len(region)):
            prev, cur = region[k - 1].text, region[k].text
            # A flattened marker ends the item only if it is the note due next ("$873.0" is
            # an amount, not note 0).
            marker = MARKER_ENDED.search(prev) and int(re.search(r"\d+$", prev).group()) in (
                self.seq.expected, self.seq.expected + 1)
            score = (3 if ITEM_END.search(prev) else
                     2.5 if re.search(r",\s+(?:and|or)\d{0,3}$", prev) else  # "..., and"
                     2 if marker or (ends_sentence(prev) and not DECIMAL_END.search(prev)) else
                     1 if prev.endswith((",", ":")) else 0)
            if labels and not starts_paragraph(cur):
                continue  # a labelled note opens with a capital or a figure
            if score:
                scored.append((-score - (0.5 if cur[:1].isupper() else 0), k))
            elif cur[:1].isupper():
                # Items that end with no mark ("... ($2.1 billion)", "Monitoring programs"):
                # a capital after a figure or a bracket, then after a word, when nothing
                # better is left.
                scored.append((-0.25 if not prev[-1:].isalpha() else -0.1, k))
        chosen = sorted(k for _, k in sorted(scored)[:len(self.bullets) - 1])
        self.item_region = {ln.no for ln in region}
        self.item_starts = {region[k].no for k in chosen}
