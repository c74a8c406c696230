"""The opening lines of a source -> title, subtitle, series label and other front matter."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from glossa.ingest.hints import Hints
from glossa.ingest.patterns import (
    CAPTION,
    DATE_LINE,
    IDENTIFIER,
    SIDEBAR_LABEL,
    SUBTITLE_OPENS,
    URL_LINE,
    ends_sentence,
    leaves_open,
    runs_on,
    squash,
)
from glossa.model.reading import FrontLine, Line

# Conventional section names open the body; they are headings, never a title.
SECTION_NAMES = frozenset(squash(s) for s in (
    "Abstract", "Summary", "Executive summary", "Introduction", "Overview", "Background",
    "Key points", "Key findings", "Contents", "Table of contents", "Preface", "Foreword",
    "Acknowledgements", "Acknowledgments", "In brief", "Highlights", "Main points",
))


@dataclass(frozen=True)
class Front:
    title: str
    subtitle: str
    series: str
    lines: tuple[FrontLine, ...]
    body_start: int  # index into the lines list where the body begins


def is_section_name(text: str) -> bool:
    return squash(text).rstrip(":") in SECTION_NAMES


def _role(text: str) -> str:
    if DATE_LINE.match(text):
        return "date"
    if URL_LINE.match(text):
        return "url"
    if IDENTIFIER.match(text):
        return "identifier"
    return "text"


def read_front(lines: list[Line], short: int, hints: Hints) -> Front:
    """Take the short lines before the body: title, subtitle, series and front metadata."""
    keys = {squash(h): role for h, role in ((hints.title, "title"), (hints.subtitle, "subtitle"),
                                             (hints.series, "series")) if h}
    taken: list[tuple[int, Line]] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.text:
            text = ln.text
            # (a publisher's address or a report number is front matter whatever the
            # width: a paper of tables has a narrow measured column)
            front_like = squash(text) in keys or _part_of(text, hints.title) or (
                len(text) <= short and not is_section_name(text) and not CAPTION.match(text)
                and (not ends_sentence(text) or DATE_LINE.match(text))) \
                or (taken and _role(text) in ("url", "identifier"))
            if not front_like:
                break
            taken.append((i, ln))
        i += 1
    # The last front line, if a paragraph follows it directly and the metadata names the
    # title elsewhere, is the first heading: give it back to the body.
    if taken and keys and squash(taken[-1][1].text) not in keys and len(taken) > 1 \
            and _role(taken[-1][1].text) == "text" and not _part_of(taken[-1][1].text,
                                                                    hints.title):
        taken.pop()
    if not taken:
        return Front("", "", "", (), _skip_blank(lines, 0))
    body_start = taken[-1][0] + 1

    roles: dict[int, str] = {}
    text_lines = []
    for idx, ln in taken:
        role = keys.get(squash(ln.text)) or ("title" if _part_of(ln.text, hints.title)
                                             else _role(ln.text))
        roles[ln.no] = role
        if role == "text":
            text_lines.append((idx, ln))
    # A line printed three times or more among them is a label stamped on the page
    # ("Public Disclosure Authorized"), and a line that names a role ("Author: ...") the
    # front matter's: neither is a title.
    seen = Counter(squash(ln.text) for _, ln in text_lines)
    for _, ln in text_lines:
        if seen[squash(ln.text)] >= 3 or SIDEBAR_LABEL.match(ln.text):
            roles[ln.no] = "label"
    text_lines = [(i, ln) for i, ln in text_lines if roles[ln.no] == "text"]
    title_at = [i for i, ln in taken if roles[ln.no] == "title"]
    if title_at and not hints.subtitle:
        # A title named by the metadata (or by the running heads) with a line of text right
        # under it, in the same block: that line is the subtitle.
        after = next(((i, ln) for i, ln in taken if i == title_at[-1] + 1), None)
        if after and roles[after[1].no] == "text":
            # (unless the title runs on into it: "(FY2012-FY2026)" under a running head
            # that leaves the years out)
            last = next(ln for i, ln in taken if i == title_at[-1])
            roles[after[1].no] = "title" if SUBTITLE_OPENS.match(after[1].text) \
                and runs_on(last.text, [after[1].text]) else "subtitle"
    if "title" not in roles.values() and text_lines:
        # Group the unnamed text lines into blocks (a blank line apart). The first block is
        # the title and its subtitle. A later one-line block that the body follows directly
        # is the first heading; other later blocks are more front matter. (A series label
        # above the title can only be told apart by the paper's metadata: see Hints.)
        blocks: list[list[tuple[int, Line]]] = []
        prev = -2
        for idx, ln in text_lines:
            if idx == prev + 1 and blocks:
                blocks[-1].append((idx, ln))
            else:
                blocks.append([(idx, ln)])
            prev = idx
        dated = _block_before_date(blocks, taken)
        title_block, *later = blocks
        display = _display_title(blocks)
        # The block above the date is the title when what comes first is a masthead (one
        # short line: "INSIGHT", "Legal Sidebar"); otherwise the first block is.
        masthead = len(blocks[0]) == 1 and len(blocks[0][0][1].text.split()) <= 3
        if display is not None:
            # A cover's title in capitals over its subtitle in lower case ("CRUDE OIL" /
            # "Uncertainty about Future Oil Supply ..."), below an organisation's name.
            later = [b for b in blocks if b is not display]
            caps = [ln for _, ln in display if _capitals(ln.text)]
            for _, ln in display:
                roles[ln.no] = "title" if ln in caps else "subtitle"
            for block in blocks[:blocks.index(display)]:
                for _, ln in block:
                    roles[ln.no] = "text"
        elif dated is not None and (dated is blocks[0] or masthead):
            # The block right above the date line is the title, as many lines as it was
            # set on; a block above it is a masthead or a series label ("INSIGHT").
            title_block = dated
            later = [b for b in blocks if b is not dated]
            for _, ln in title_block:
                roles[ln.no] = "title"
            for block in blocks[:blocks.index(dated)]:
                for _, ln in block:
                    roles[ln.no] = "series" if len(block) == 1 and not hints.series else "text"
        else:
            n = _title_length([ln.text for _, ln in title_block])
            for k, (_, ln) in enumerate(title_block):
                roles[ln.no] = "title" if k < n else "subtitle"
            if n == len(title_block) and later and _capitals(title_block[0][1].text) \
                    and all(_capitals(ln.text) for _, ln in later[0]) \
                    and later[0][0][0] == title_block[-1][0] + 2:
                # A title in capitals and, a blank line below it, a block in capitals:
                # its subtitle ("REIMAGINING HUMAN CONNECTIONS" / "TECHNOLOGY AND ...").
                for _, ln in later[0]:
                    roles[ln.no] = "subtitle"
                later = later[1:]
        if later and len(later[-1]) == 1 and later[-1][0][1] is taken[-1][1]:
            heading_idx = later[-1][0][0]
            taken = [(i, ln) for i, ln in taken if i < heading_idx]
            body_start = heading_idx
    front = tuple(FrontLine(ln.no, ln.text, "other" if roles[ln.no] in ("text", "label")
                            else roles[ln.no]) for _, ln in taken)
    if not taken:
        return Front("", "", "", (), body_start)

    def joined(role: str) -> str:
        return " ".join(f.text for f in front if f.role == role)

    return Front(joined("title"), joined("subtitle"), joined("series"), front,
                 body_start if body_start < len(lines) and lines[body_start].text
                 else _skip_blank(lines, body_start))


def _title_length(texts: list[str]) -> int:
    """How many of a block's first lines the title is set on: the first, and each next one
    while the phrase runs on (`patterns.runs_on`, which the title's self-check asks too): a
    line that leaves it open ("Recommendation of the Council on"), a next line that opens
    in lower case or a bracket, or that leaves it open itself and has a line after it
    ("The Impact of Artificial" / "Intelligence on Learning," / "Teaching, and Education"),
    or is the short line that ends what a long one began ("...of a Research" / "Software
    Engineer", the subtitle below); every line, when the title is set in capitals."""
    if all(_capitals(t) for t in texts):
        return len(texts)
    n = 1
    while n < len(texts) and (leaves_open(texts[n - 1]) or (
            runs_on(texts[n - 1], texts[n:]) and (n + 1 < len(texts) or not leaves_open(
                texts[n])))):
        n += 1
    return n


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _display_title(blocks: list[list[tuple[int, Line]]]) -> list[tuple[int, Line]] | None:
    """A later block that opens with lines in capitals (two words or more) and goes on in
    lower case, when the first block is not in capitals: a cover's title and subtitle."""
    if not blocks or _capitals(blocks[0][0][1].text):
        return None
    for block in blocks[1:]:
        texts = [ln.text for _, ln in block]
        n = next((k for k, t in enumerate(texts) if not _capitals(t)), len(texts))
        head = [ln for _, ln in block[:n]]
        if 0 < n <= 3 and len(block) > n \
                and len(" ".join(ln.text for ln in head).split()) >= 2 \
                and not any(_capitals(t) for t in texts[len(head):]) \
                and not IDENTIFIER.match(texts[0]):
            return block
    return None


def _part_of(text: str, title: str) -> bool:
    """A line of a title that wraps over several lines."""
    t = squash(title)
    return bool(t) and len(squash(text)) >= 4 and squash(text) in t and squash(text) != t


def _block_before_date(blocks: list[list[tuple[int, Line]]], taken: list[tuple[int, Line]]
                       ) -> list[tuple[int, Line]] | None:
    """The text block that ends on the line right above the front's first date line."""
    dates = [i for i, ln in taken if DATE_LINE.match(ln.text)]
    if not dates:
        return None
    for block in blocks:
        if block[-1][0] + 1 == dates[0]:
            return block
    return None


def _skip_blank(lines: list[Line], i: int) -> int:
    while i < len(lines) and not lines[i].text:
        i += 1
    return i
