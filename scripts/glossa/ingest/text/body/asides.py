"""A box's lines -> asides: a box that a label opens on a line of its own ("Author
Information"), and a text box set in smaller type under a title the contents do not list."""

from __future__ import annotations

from glossa.ingest.boxes import box_label
from glossa.ingest.headings import HEADING_NUMBER
from glossa.ingest.patterns import ends_sentence, squash
from glossa.ingest.text.body.state import BodyState, Draft
from glossa.model.reading import Line


class Asides(BodyState):
    """The body reader's boxes, read as asides."""

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
