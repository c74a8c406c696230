"""Lines added to a draft -> blocks (headings, paragraphs, items, tables, captions, asides)
with their markers: the body reader's state, which its parts share."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field

from glossa.ingest.joining import finish_text, join_lines
from glossa.ingest.markers import MarkerSequence, take_markers
from glossa.ingest.patterns import BROKEN_HYPHEN, ends_sentence
from glossa.ingest.text.body.marks import HEADING_MARKER, MARK, MARK_RE, extract_marks
from glossa.model.reading import Dropped, Heading, Line, Marker, Paragraph

HEADING_ID = "\x00h{}"  # a heading's id until its slug is made (_apply_levels)
# A list bullet at a line's start (not a dash: dashes open sentences and ranges too).
BULLET = re.compile(r"^[•◦▪▫‣⁃●○■□]\s*")


@dataclass
class Draft:
    """A block being assembled from lines."""

    kind: str  # "paragraph", "caption" or "heading"
    lines: list[Line] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # line texts with marker sentinels
    marks: list[Line] = field(default_factory=list)  # lines it claims that hold no text (bullets)
    lead: str | None = None  # an aside's label ("Author Information"), read from `marks`
    label: str = ""  # an item's label printed apart from it ("c."), read from `marks`


@dataclass
class BodyResult:
    blocks: list = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


class BodyState:
    """The body reader's state: the blocks read so far, the draft being assembled, the
    bullets in wait, and what the reader has learned of the paper's lines."""

    def __init__(self, pdf: bool, width: int, seq: MarkerSequence, vocabulary: Container[str],
                 blank_separated: bool, contents: frozenset[str] = frozenset()):
        self.pdf = pdf
        self.contents = contents  # the headings the paper's contents list names (squashed)
        self.width = width
        self.seq = seq
        self.vocabulary = vocabulary
        self.blank_separated = blank_separated
        self.result = BodyResult()
        self.draft: Draft | None = None
        self.n_para = 0
        self.n_caption = 0
        self.n_table = 0
        self.bullets: list[Line] = []  # bullets set apart from their items, in wait for them
        self.caps: dict[int, Line] = {}  # a paragraph's first line -> its drop cap's line
        self.full_line = 0  # the median length of a full line of this paper
        self.heading_line = 0  # the longest line of its listed headings wrapped (a margin's)
        self.items_apart = False  # the current list's items are set apart by blank lines
        self.item_region: set[int] = set()  # lines that the bullets in wait introduce
        self.item_starts: set[int] = set()  # and those of them that open an item
        self.openings: dict[tuple[int, int], set[str]] = {}  # a run of lines -> list openings

    # -- blocks -------------------------------------------------------------------------
    def close(self) -> None:
        d, self.draft = self.draft, None
        if d is None or not d.parts:
            return
        if d.kind == "table":
            text = "\n".join(d.parts)
        elif d.kind == "aside":
            text = self._aside_text(d)
        else:
            text = finish_text(d.parts, self.vocabulary)
        first = d.lines[0].no
        lines = tuple(ln.no for ln in d.marks + d.lines)  # a drop cap's line reads first
        if d.kind == "heading":
            text = MARK_RE.sub("", text)
            hid = HEADING_ID.format(len(self.result.blocks))
            m = HEADING_MARKER.search(text)
            if m and int(m.group(1)) == self.seq.expected and (
                    self.seq.highest is None or int(m.group(1)) <= self.seq.highest):
                n, text = int(m.group(1)), text[:m.start()] + text[m.end():]
                self.seq.seen.append(n)
                self.seq.expected = n + 1
                self.result.markers.append(Marker(n, hid, m.start(), d.lines[-1].no,
                                                  text[max(0, m.start() - 30):m.start()]))
            self.result.blocks.append(Heading(2, text, first, hid, lines=lines))
            return
        if d.kind == "caption":
            self.n_caption += 1
            bid = f"c{self.n_caption}"
        elif d.kind == "table":
            self.n_table += 1
            bid = f"t{self.n_table}"
        else:
            self.n_para += 1
            bid = f"p{self.n_para}"
        if d.label:
            text = f"{d.label} {text}"
        clean, offsets = extract_marks(text)
        for n, offset in offsets:
            line = _line_of_marker(d, n)
            after = clean[max(0, offset - 30):offset]
            self.result.markers.append(Marker(n, bid, offset, line, after))
        if d.lead is not None:
            first = d.marks[0].no
        self.result.blocks.append(Paragraph(bid, clean, first, d.lead, d.kind, lines=lines))

    def _aside_text(self, d: Draft) -> str:
        """A box's text: a short line that ends no sentence (a name, a job title, an
        address) stays a line of its own; prose lines are joined."""
        text = ""
        for k, part in enumerate(d.parts):
            prev = d.lines[k - 1].text if k else ""
            short = 0.55 * self.width
            if k and ((len(prev) < short and not ends_sentence(prev))
                      or (len(d.lines[k].text) < short and not ends_sentence(d.lines[k].text)
                          and k + 1 == len(d.parts))):
                text = f"{text}\n{part}"
            else:
                text = join_lines(text, part, self.vocabulary) if text else part
        return BROKEN_HYPHEN.sub("-", text)

    def start(self, kind: str, ln: Line) -> None:
        self.close()
        self.draft = Draft(kind)
        cap = self.caps.get(ln.no)
        if cap is not None:
            ln = Line(ln.no, cap.text + ln.text, ln.page, ln.page_start)
            self.draft.marks.append(cap)
        self.add(ln)

    def add(self, ln: Line) -> None:
        assert self.draft is not None
        text = ln.text
        if self.draft.kind == "item" and not self.draft.parts:
            text = BULLET.sub("", text, count=1)
        if self.draft.kind not in ("heading", "table"):
            # A marker the line break pushed to the start of a line ("...agreements.\n1 The")
            # is read with the character before it, so its position can be judged.
            prefix = self.draft.parts[-1][-1:] if self.draft.parts else ""
            self.seq.line = ln.no
            clean, found = take_markers(prefix + text, self.seq)
            clean = clean[len(prefix):]
            found = [type(f)(f.n, f.offset - len(prefix)) for f in found]
            if found and found[0].offset <= 0 and self.draft.parts:
                self.draft.parts[-1] += MARK.format(found[0].n)
                found = [type(f)(f.n, f.offset - (len(clean) - len(clean.lstrip())))
                         for f in found[1:]]
                clean = clean.lstrip()
            pieces, pos = [], 0
            for f in found:
                pieces.append(clean[pos:f.offset])
                pieces.append(MARK.format(f.n))
                pos = f.offset
            pieces.append(clean[pos:])
            text = "".join(pieces)
        self.draft.lines.append(ln)
        self.draft.parts.append(text)

    def finish(self) -> BodyResult:
        self.close()
        self._drop_bullets()
        return self.result

    def _drop_bullets(self) -> None:
        for ln in self.bullets:
            self.result.dropped.append(Dropped(ln.no, ln.text, "a list bullet with no item "
                                               "after it"))
        self.bullets = []

    def _previous_ended(self) -> bool:
        d = self.draft
        return d is None or d.kind == "heading" or ends_sentence(d.lines[-1].text)


def next_text(lines: list[Line], i: int) -> Line | None:
    """The first line with text after line i, or None."""
    for j in range(i + 1, len(lines)):  # no slice: this runs once per line
        if lines[j].text:
            return lines[j]
    return None


def _line_of_marker(d: Draft, n: int) -> int:
    token = MARK.format(n)
    for ln, part in zip(d.lines, d.parts, strict=True):
        if token in part:
            return ln.no
    return d.lines[0].no
