"""Plain text as received -> a Reading: front matter, headings, paragraphs, markers, notes,
and every dropped line with its reason.

    decode -> lines and pages -> furniture -> front matter -> notes list -> body -> run-in heads
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container
from dataclasses import replace

from glossa.ingest.boxes import box_sections
from glossa.ingest.decode import normalise_text
from glossa.ingest.headings import HeadingLevels, notes_heading_dropped
from glossa.ingest.hints import Hints
from glossa.ingest.joining import Vocabulary
from glossa.ingest.leads import find_leads
from glossa.ingest.markers import MarkerSequence, sets_markers_apart
from glossa.ingest.patterns import TOC_ENTRY, ends_sentence, squash, starts_paragraph
from glossa.ingest.text.body.headings import looks_like_heading
from glossa.ingest.text.body.reader import BodyReader
from glossa.ingest.text.body.state import BodyResult
from glossa.ingest.text.front import read_front
from glossa.ingest.text.furniture import (
    WRAPPED_ENTRY,
    find_furniture,
    find_identifier_lines,
    find_sidebars,
    find_summary_box,
    find_title_again,
    restore_listed_heads,
    split_glued_page_number,
)
from glossa.ingest.text.notes import NOTES_HEADINGS, find_endnotes
from glossa.ingest.text.pagenotes import find_page_notes
from glossa.ingest.text.pages import looks_like_pdf, split_lines
from glossa.model.reading import Dropped, Heading, Line, Note, Reading


def ingest_text(text: str, hints: Hints | None = None, fmt: str | None = None,
                levels: dict[str, int] | None = None) -> Reading:
    """Read `text` (already decoded) into a Reading. Pure: no disk, no network."""
    hints = hints or Hints()
    text = normalise_text(text)
    raw_lines = text.split("\n")
    pdf = (fmt == "pdf") if fmt else looks_like_pdf(raw_lines)
    lines = split_lines(text, pdf)
    width = _column_width(lines) if pdf else 0

    first = next((ln.text for ln in lines if ln.text), "")
    dropped = find_furniture(lines, first) if pdf else {}
    if pdf and not hints.title:
        hints = _running_title(lines, dropped, hints)
    contents = _contents(dropped)
    if pdf:
        restore_listed_heads(lines, dropped, contents)
    content: list[Line] = []
    after_drop = False
    n_pages = len({x.page for x in lines})
    for ln in lines:
        if ln.no in dropped:
            after_drop = after_drop or not dropped[ln.no].why.startswith("table of contents entry")
            continue
        if pdf and after_drop and ln.text:
            # A dropped header or footer is a page boundary, even with no form feed.
            ln = Line(ln.no, ln.text, ln.page, True)
            after_drop = False
        if pdf:
            ln, glued = split_glued_page_number(ln, n_pages)
            if glued:
                dropped[ln.no] = glued
        content.append(ln)

    front = read_front(content, int(0.7 * width) if pdf else 150, hints)
    body_lines = content[front.body_start:]
    if pdf:
        ids = {f.text for f in front.lines if f.role == "identifier"}
        extra = find_sidebars(body_lines, width, contents) \
            | find_identifier_lines(body_lines, ids) | find_summary_box(body_lines, width) \
            | find_title_again(body_lines, front.title, front.subtitle)
        dropped.update(extra)
        body_lines = [ln for ln in body_lines if ln.no not in extra]
    vocabulary = Vocabulary(text)
    notes: dict[int, Note] = {}
    # A note's number that the text printed alone at the page's foot looks like a page number.
    foot_numbers: dict[int, list[Line]] = {}
    for ln in lines:
        if ln.no in dropped and ln.text.isdigit() and not dropped[ln.no].why.startswith(
                "table of contents"):
            foot_numbers.setdefault(ln.page, []).append(ln)
    page_notes = find_page_notes(body_lines, foot_numbers) if pdf else None
    if page_notes and page_notes.notes:
        for no in page_notes.claimed:
            dropped.pop(no, None)
        # Notes at the page feet, read page by page before the body: the body is what is left.
        for d in page_notes.dropped:
            dropped[d.line] = d
        heading = _notes_heading(body_lines, min(n.line for n in page_notes.notes.values()))
        if heading is not None:
            dropped.update(notes_heading_dropped([heading]))
        body_lines = [ln if ln.no not in page_notes.split else
                      replace(ln, text=ln.text[:page_notes.split[ln.no]].rstrip())
                      for ln in body_lines if ln.no not in page_notes.claimed]
        endnotes = None
    else:
        page_notes = None
        endnotes = find_endnotes(body_lines)
    if page_notes:
        result, seq = _read_body(body_lines, page_notes.notes, pdf, width, vocabulary,
                                 contents=contents)
        notes = dict(page_notes.notes)
    elif endnotes:
        result, seq = _read_body(body_lines[:endnotes.start], endnotes.notes, pdf, width,
                                 vocabulary, contents=contents)
    else:
        result, seq = _read_body(body_lines, {}, pdf, width, vocabulary, contents=contents)
    if endnotes:
        notes = dict(endnotes.notes)
        if endnotes.heading is not None:
            dropped.update(notes_heading_dropped([endnotes.heading]))
    for d in result.dropped:
        dropped[d.line] = d

    blocks = _apply_levels(result.blocks, levels or {})
    # A note on a heading: its marker follows the heading to its final id.
    ids = {old.id: new.id for old, new in zip(result.blocks, blocks, strict=True)
           if isinstance(old, Heading)}
    result.markers[:] = [replace(m, block=ids[m.block]) if m.block in ids else m
                         for m in result.markers]
    offsets: dict[str, list[int]] = {}
    for m in result.markers:
        offsets.setdefault(m.block, []).append(m.offset)
    blocks, shifts = find_leads(blocks, offsets)
    markers = [replace(m, offset=m.offset - shifts.get(m.block, 0)) for m in result.markers]
    blocks = box_sections(blocks, markers)
    return Reading(
        format="pdf" if pdf else "web",
        title=front.title or hints.title,
        subtitle=front.subtitle,
        series=front.series,
        front=front.lines,
        blocks=tuple(blocks),
        markers=tuple(markers),
        notes=dict(sorted(notes.items())),
        dropped=tuple(sorted(dropped.values(), key=lambda d: d.line)),
        marker_issues=tuple(seq.issues),
        split_lines=dict(page_notes.split) if page_notes else {},
    )


def _contents(dropped: dict[int, Dropped]) -> frozenset[str]:
    """The headings the paper's own contents list names (squashed): "Capital and Planning
    Grant Awards" and "Capital Grants" are two headings, not one set on two lines."""
    toc = [(d.why, squash(TOC_ENTRY.sub("", d.text))) for _, d in sorted(dropped.items())
           if d.why.startswith("table of contents entry")]
    entries = [text for _, text in toc]
    # An entry wrapped onto a second line is listed as both lines joined; as each line too,
    # unless the first has no leaders (then only its second is an entry of its own).
    return frozenset(text for why, text in toc if why != WRAPPED_ENTRY) \
        | frozenset(f"{a} {b}" for a, b in zip(entries, entries[1:], strict=False))


def _running_title(lines: list[Line], dropped: dict[int, Dropped], hints: Hints) -> Hints:
    """A running head that stands among the first lines of the first page, on one line or
    wrapped over two or three, is the title there (reports and briefs print their title as
    the running head of later pages): keep those lines, and read them as the title."""
    page = next((ln.page for ln in lines if ln.text), 0)
    tops: Counter[str] = Counter()  # how many later pages open with each line
    seen: dict[int, int] = {}
    for ln in lines:
        if ln.text and ln.page != page and seen.get(ln.page, 0) < 2:
            seen[ln.page] = seen.get(ln.page, 0) + 1
            tops[squash(ln.text)] += 1
    top = [ln for ln in lines if ln.text and ln.page == page][:12]
    # (A line printed three times or more on the first page is a label stamped on every
    # page, "Public Disclosure Authorized", not the title.)
    stamped = {k for k, c in Counter(squash(ln.text) for ln in top).items() if c >= 3}
    for k in range(len(top)):
        for span in (1, 2, 3):  # the title may wrap on the first page, not in the head
            group = top[k:k + span]
            text = " ".join(ln.text for ln in group)
            if len(group) < span or len(text.split()) < 2 or ends_sentence(text) \
                    or tops[squash(text)] < 2 or any(squash(ln.text) in stamped for ln in group):
                continue
            for ln in group:
                dropped.pop(ln.no, None)
            return Hints(text, hints.subtitle, hints.series)
    return hints


def _notes_heading(lines: list[Line], first_note: int) -> Line | None:
    """The heading right above the first note ("Endnotes"), when the notes read page by page
    are a list under one: it titles the notes, not a section of the body."""
    above = [ln for ln in lines if ln.text and ln.no < first_note]
    if above and squash(above[-1].text).rstrip(":") in NOTES_HEADINGS:
        return above[-1]
    return None


def _read_body(body_lines: list[Line], notes: dict[int, Note], pdf: bool, width: int,
               vocabulary: Container[str], contents: frozenset[str] = frozenset()
               ) -> tuple[BodyResult, MarkerSequence]:
    """The body's blocks and markers (the notes, read by an earlier stage, bound them)."""
    seq = MarkerSequence(highest=max(notes) if notes else None,
                         spaced=sets_markers_apart([ln.text for ln in body_lines], len(notes)))
    reader = BodyReader(pdf, width, seq, vocabulary, _blank_separated(body_lines), contents)
    return reader.read(body_lines), seq


def _column_width(lines: list[Line]) -> int:
    """The measure of the text column: a high percentile of line lengths."""
    lengths = sorted(len(ln.text) for ln in lines if ln.text)
    if not lengths:
        return 80
    return max(40, lengths[int(0.9 * (len(lengths) - 1))])


def _blank_separated(lines: list[Line]) -> bool:
    """Whether this text puts a blank line between paragraphs (most do; pdftotext often not)."""
    votes: Counter[bool] = Counter()
    prev: Line | None = None
    blank = False
    prose = int(0.5 * _column_width(lines))
    for ln in lines:
        if not ln.text:
            blank = True
            continue
        # Only prose votes: a blank before a heading, around a table's cells or a short
        # list item says nothing of how paragraphs are separated.
        if prev is not None and ends_sentence(prev.text) and starts_paragraph(ln.text) \
                and ln.page == prev.page and not ln.page_start \
                and not looks_like_heading(ln.text, 100) and len(ln.text) >= prose:
            votes[blank] += 1
        prev, blank = ln, False
    return votes[True] >= votes[False]


def _apply_levels(blocks: list, levels: dict[str, int]) -> list:
    """The headings' final levels (their numbering, paper.yml's `levels`) and ids."""
    headings = HeadingLevels((b.text for b in blocks if isinstance(b, Heading)), levels)
    out = []
    for b in blocks:
        if isinstance(b, Heading):
            b = Heading(headings.level(b.text, b.level), b.text, b.line, headings.id(b.text),
                        lines=b.lines)
        out.append(b)
    return out
