"""A reading and its text layer -> the signs that the reading failed, found with no truth to
compare with: the self-checks.

Each check looks at what the reader made of a source for something a right reading never
holds: notes and markers that do not agree, a note or a chart's numbers left among the
paragraphs, a paragraph cut where its sentence goes on, a heading that is a number or a
running head, a title that is a label, an organisation or half a title. Each problem names
the line of the text layer (`locate_in_pdf` turns it into a page and line for a PDF) and
what would fix it. Where notes or the title are involved it is an error: the page would
tell readers something false. Otherwise it is a warning.

Run on every reading: `glossa ingest`, `check`, `build` and `evaluate`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container
from typing import NamedTuple

from glossa.ingest.patterns import (
    CLOSERS,
    DANGLING,
    SIDEBAR_LABEL,
    ends_sentence,
    runs_on,
    squash,
)
from glossa.model.problems import WARNING, Problem
from glossa.model.reading import TEXT_KINDS, Paragraph, Reading

# The part of the reading each check is about: `glossa evaluate` holds a check's report
# against what the truth shows of that part.
CATEGORY = {
    "F002": "notes",  # a note never marked
    "R001": "notes",  # a gap in the notes read
    "R002": "notes",  # notes never marked
    "R003": "notes",  # far fewer notes than markers
    "R004": "notes",  # markers left in the text, in sequence, not taken
    "R005": "notes",  # a paragraph that reads like a note
    "R006": "paragraphs",  # a paragraph of numbers only
    "R007": "paragraphs",  # a paragraph cut where its sentence goes on
    "R008": "headings",  # a heading that is a number, a note or a running head
    "R009": "title",  # the title is missing, a label, an organisation or half a title
}

# A note's number, then its text: "11 For an overview, see ...", "7. Ibid., p. 3".
NOTE_LIKE = re.compile(r"^(\d{1,3})\.?\s+(?=\S)")
# What a citation holds: "Id.", "ibid.", "supra", "See", "op. cit.", a web address, a DOI,
# pages, a year in brackets or after a comma, a quoted title.
CITATION = re.compile(
    r"\b(?:Id\.|Ibid\.?|ibid\.?|supra|infra|op\. cit|[Ss]ee(?: also)?\b|[Cc]f\.|https?://|www\.|"
    r"doi|pp?\.\s?\d|accessed|retrieved|available at)"
    r"|\((?:19|20)\d\d[a-z]?\)|,\s(?:19|20)\d\d[,.;)]|[“\"][^”\"]{8,}[,.]?[”\"]",
    re.IGNORECASE)
# A figure glued to the end of a word, as a flattened marker is: "agreements.1",
# "talks”14", "behaviour15". Not a figure after a figure (a decimal, a date) or a space.
GLUED_FIGURE = re.compile(r"(?<=[^\W\d_])[.,;:" + re.escape(CLOSERS)
                          + r"]{0,2}(\d{1,3})(?=[\s,;:]|$)")
# What a paragraph of numbers holds: figures, their signs and units, nothing else.
NUMBER_TOKEN = re.compile(r"^[-–−+(]?[$€£¥]?\d[\d.,]*%?[)]?$|^[-–—/|.,%]+$")
# A sentence left open: the paragraph ends on a letter, a figure, a comma or a hyphen.
OPEN_END = re.compile(r"[^\W_]$|[,\-–]$")
# A web address, which opens in lower case but no sentence (a footer's).
WEB_ADDRESS = re.compile(r"https?:|www\.")
# An organisation's name and nothing more: "United States Government Accountability Office",
# "European Parliamentary Research Service".
ORGANISATION = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){0,6}(?:Office|Agency|Service|Commission|Parliament|"
    r"Bank|Institute|Department|Ministry|Council|Cent(?:re|er)|Organi[sz]ation|University|"
    r"Foundation|Authority|Board|Committee|Secretariat|Library|Group|Forum|Association)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s*){1,4})?$")
CAP = 5  # problems of one code shown for a paper; the rest are counted
RUN_FROM = 4  # a run of flattened markers this long is no accident of the text


class Finding(NamedTuple):
    """A self-check's problem, and the block it is about ("" for the paper as a whole)."""

    problem: Problem
    block: str = ""


def self_checks(reading: Reading, path: str, lines: list[str]) -> list[Problem]:
    """What in `reading` of the source at `path` looks wrong, each located at a line of its
    text layer (`lines`, normalised: form feeds mark its pages), with the fix."""
    return [f.problem for f in findings(reading, path, lines)]


def findings(reading: Reading, path: str, lines: list[str]) -> list[Finding]:
    """The self-checks' problems with the block each is about (`glossa evaluate` holds
    each against the truth)."""
    out = [Finding(p) for p in _notes_against_markers(reading, path)]
    out += [Finding(p) for p in _markers_left_in_text(reading, path)]
    out += _paragraphs(reading, path)
    out += _headings(reading, path, _pages(lines))
    out += [Finding(p) for p in _title(reading, path, _pages(lines))]
    return _capped(out)


def _capped(found: list[Finding]) -> list[Finding]:
    """At most CAP problems of a code, then one that counts the rest: a paper whose notes
    were all read as paragraphs needs one look at its notes, not ninety lines."""
    seen: Counter[str] = Counter(f.problem.code for f in found)
    out, shown = [], Counter()
    for f in found:
        code = f.problem.code
        shown[code] += 1
        if shown[code] <= CAP:
            out.append(f)
        elif shown[code] == CAP + 1:
            p = f.problem
            out.append(Finding(Problem(p.path, p.line, code, f"and {seen[code] - CAP} more "
                                       f"like the {CAP} above, from here on", p.fix,
                                       p.severity)))
    return out


def _pages(lines: list[str]) -> list[int]:
    """The page of each line (0-based; a form feed opens a page), by line number - 1."""
    out, page = [], 0
    for ln in lines:
        page += ln.count("\f")
        out.append(page)
    return out


def _ranges(numbers: list[int]) -> str:
    """ "3, 7–9, 12" """
    parts: list[str] = []
    for n in sorted(numbers):
        if parts and parts[-1][1] == n - 1:
            parts[-1][1] = n
        else:
            parts.append([n, n])
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in parts)


def _notes_against_markers(reading: Reading, path: str) -> list[Problem]:
    out = []
    notes = reading.notes
    marked = {m.n for m in reading.markers}
    first_marker = {m.n: m.line for m in sorted(reading.markers, key=lambda m: m.line)}
    if notes:
        numbers = sorted(notes)
        # A gap: notes read on both sides of numbers that have neither a note nor a marker
        # (a marker with no note is reported by F013 or F001).
        missing = [n for n in range(numbers[0], numbers[-1]) if n not in notes
                   and n not in marked]
        for run in _runs(missing):
            after = notes[run[-1] + 1] if run[-1] + 1 in notes else notes[numbers[-1]]
            out.append(Problem(
                path, after.line, "R001",
                f"note{'s' if len(run) > 1 else ''} {_ranges(run)} missing: notes "
                f"{run[0] - 1} and {run[-1] + 1} were read, and no marker of "
                f"{'those numbers' if len(run) > 1 else 'that number'} was found",
                "the reading lost a note between two it read: look at that page of the "
                "source, and supply the note in notes.yml if it cannot be read"))
        unmarked = [n for n in numbers if n not in marked]
        many = len(unmarked) >= 3 and len(unmarked) > len(numbers) / 2
        for n in [] if many else unmarked:
            out.append(Problem(path, notes[n].line, "F002", f"note {n} has no marker in the "
                               "text: readers cannot reach it from the text",
                               "check the marker in the source"))
        if many:
            why = ("the text has no marker at all (a copy that lost its superscripts?)"
                   if not marked else f"only {len(numbers) - len(unmarked)} have one")
            out.append(Problem(
                path, notes[unmarked[0]].line, "R002",
                f"{len(unmarked)} of {len(numbers)} notes read have no marker in the text: "
                f"{why}",
                "readers cannot reach these notes from the text: give the PDF (source.pdf) "
                "or a text that keeps the markers"))
    markers = sorted(marked)
    if len(markers) >= 5 and notes and len(notes) < len(markers) / 2:
        unread = [n for n in markers if n not in notes]
        out.append(Problem(
            path, first_marker[unread[0]], "R003",
            f"{len(notes)} notes read for {len(markers)} markers: notes {_ranges(unread)} "
            "were not read (the page would say they are missing)",
            "look at how the notes are printed in the source (at the page feet, at the end); "
            "supply them in notes.yml if they cannot be read"))
    return out


def _runs(numbers: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def _markers_left_in_text(reading: Reading, path: str) -> list[Problem]:
    """Figures glued to words in sequence (13, 14, 15, 16 ...) that no marker took: the
    paper's markers, flattened, and its notes not read."""
    taken = {m.n for m in reading.markers}
    found: list[tuple[int, int]] = []  # (number, line), in reading order
    for b in reading.blocks:
        if isinstance(b, Paragraph) and b.kind not in TEXT_KINDS:
            continue
        for m in GLUED_FIGURE.finditer(b.text):
            n = int(m.group(1))
            if n and n not in taken:
                found.append((n, b.line))
    # The longest chain of numbers each one more than a number before it, in order.
    best: dict[int, list[tuple[int, int]]] = {}
    for n, line in found:
        chain = best.get(n - 1, []) + [(n, line)]
        if len(chain) > len(best.get(n, [])):
            best[n] = chain
    chain = max(best.values(), key=len, default=[])
    if len(chain) < RUN_FROM:
        return []
    numbers = [n for n, _ in chain]
    noted = set(numbers) & set(reading.notes)
    return [Problem(
        path, chain[0][1], "R004",
        f"the text holds markers {_ranges(numbers)} in sequence, glued to their words, but "
        f"{'they were not taken' if noted else 'no note of those numbers was read'}",
        "the notes were not found where the reader looks for them (page feet, a notes list "
        "at the end): look at how they are printed; supply them in notes.yml if need be")]


def _note_like(text: str, reading: Reading, found: Container[int] = (),
               cited: bool = False) -> int:
    """The number of a paragraph that opens with a number the notes leave free, next to a
    note's number (one read, or one of `found`, paragraphs found so), and reads as a
    citation, or as a sentence right after a note (unless `cited`: a citation only); else
    0. A numbered section's title ("4 Spillovers and peer effects") is neither."""
    m = NOTE_LIKE.match(text)
    if not m:
        return 0
    n, rest = int(m.group(1)), text[m.end():]
    if not n or n in reading.notes or not rest[:1].isupper() and rest[:1] not in "“\"‘(":
        return 0
    follows = n - 1 in reading.notes or n - 1 in found
    if follows and not cited and m.group(0).rstrip()[-1:].isdigit() \
            and (ends_sentence(rest) or len(rest.split()) >= 8):
        return n  # "12 The act applies ...", right after note 11: the notes run on
    near = (follows or n + 1 in reading.notes or n == 1
            or n in {k.n for k in reading.markers}
            or (not reading.notes and n <= 300))
    return n if near and CITATION.search(rest[:400]) is not None else 0


def numbers_only(text: str) -> bool:
    """Whether a text is figures, their signs and separators, and nothing else."""
    tokens = text.split()
    return bool(tokens) and all(NUMBER_TOKEN.match(t) for t in tokens) \
        and any(c.isdigit() for c in text)


def _paragraphs(reading: Reading, path: str) -> list[Finding]:
    out = []
    note_like, numbers = [], []
    found: set[int] = set()
    prev: Paragraph | None = None
    for b in reading.blocks:
        if not isinstance(b, Paragraph) or b.kind not in TEXT_KINDS:
            prev = None
            continue
        if n := _note_like(b.text, reading, found):
            note_like.append(b)
            found.add(n)
        elif numbers_only(b.text):
            numbers.append(b)
        elif prev is not None and prev.kind == b.kind == "paragraph" \
                and OPEN_END.search(prev.text) and b.text[:1].islower() \
                and not WEB_ADDRESS.match(b.text) \
                and not numbers_only(prev.text):
            out.append(Finding(Problem(
                path, b.line, "R007",
                f"¶ {prev.id} ends mid-sentence (“…{prev.text[-40:]}”) and ¶ {b.id} opens in "
                f"lower case (“{b.text[:40]}…”): one paragraph cut in two",
                "the break between them is a page, column or box break the reading did not "
                "join; look at that place in the source", WARNING), b.id))
        prev = b
    for b in note_like:
        out.append(Finding(Problem(
            path, b.line, "R005",
            f"¶ {b.id} opens with a number and reads like a note: “{b.text[:70]}”",
            "the notes of this page were read as body text: look at how they are printed "
            "(page feet, columns, a list at the end); supply them in notes.yml if need be"),
            b.id))
    for b in numbers:
        out.append(Finding(Problem(
            path, b.line, "R006",
            f"¶ {b.id} holds only numbers: “{b.text[:60]}” (a chart's axis, table cells, "
            "page numbers of a contents list?)",
            "it belongs in a figure or table, or is page furniture; look at that place in "
            "the source", WARNING), b.id))
    return out


def _headings(reading: Reading, path: str, pages: list[int]) -> list[Finding]:
    out = []
    running: dict[str, list[int]] = {}  # a running head's text -> the pages it is dropped on
    for d in reading.dropped:
        if d.why.startswith("running"):
            running.setdefault(squash(d.text), []).append(_page(pages, d.line))
    kept = Counter(squash(h.text) for h in reading.headings())
    for h in reading.headings():
        text = h.text.strip()
        why = ""
        on = running.get(squash(text), [])
        page = _page(pages, h.line)
        if numbers_only(text) or re.fullmatch(r"[IVXLC]{1,6}\.?|[A-Z]\.?|\(?[a-z]\)", text):
            why = "a number, not a heading"
        elif _note_like(text, reading, cited=True):
            why = "a note, not a heading"
        elif len(on) > kept[squash(text)] and any(p < page for p in on) \
                and any(p > page for p in on):
            # (A section's title printed atop each of its pages is its heading on the first;
            # a subheading each chapter repeats is a heading each time.)
            why = f"printed at the edge of {len(on)} pages around it: a running head"
        if why:
            out.append(Finding(Problem(path, h.line, "R008", f"heading “{text[:60]}” is {why}",
                                       "look at that place in the source", WARNING), h.id))
    return out


def _page(pages: list[int], line: int) -> int:
    return pages[line - 1] if 0 < line <= len(pages) else 0


def _title(reading: Reading, path: str, pages: list[int]) -> list[Problem]:
    title = " ".join(reading.title.split())
    line = next((f.line for f in reading.front if f.role == "title"), 1)
    fix = "give the paper's title in paper.yml (title:), as its cover prints it"
    if not title:
        return [Problem(path, 1, "R009", "no title was found", fix)]
    words_ = title.split()
    why = ""
    # The title's words dropped as furniture on the title's own page: a label printed at
    # several places of every page ("Public Disclosure Authorized"), not a title.
    again = [d for d in reading.dropped if squash(d.text) == squash(title)
             and _page(pages, d.line) == _page(pages, line)]
    title_lines = [f.text for f in reading.front if f.role == "title"]
    from_layout = any(p.page for p in reading.paragraphs())
    # A subtitle a blank line below the title is set apart from it, wherever its lines break.
    shown = [f for f in reading.front if f.role in ("title", "subtitle")]
    set_apart = any(a.role == "title" and b.role == "subtitle" and b.line - a.line > 1
                    for a, b in zip(shown, shown[1:], strict=False))
    sub_lines = [f.text for f in reading.front if f.role == "subtitle"]
    if words_[-1].casefold().strip(",:;") in DANGLING:
        why = "cut short: it ends on “" + words_[-1] + "”"
    elif sub_lines and not from_layout and not set_apart and runs_on(
            title_lines[-1] if title_lines else title, sub_lines):
        # (Read from a PDF's layout, the subtitle is set apart by its type, which says more
        # than where its first line breaks: "TECHNOLOGY AND" / "INNOVATION IN".)
        why = f"cut short: it runs on into “{sub_lines[0][:40]}”, read as its subtitle"
    elif len(words_) == 1 and title.isupper() and len(title) > 3:
        why = "a label (one word in capitals), not a title"
    elif ORGANISATION.match(title):
        why = "an organisation's name"
    elif len(words_) > 40 or SIDEBAR_LABEL.search(title) or SIDEBAR_LABEL.search(
            reading.subtitle or ""):
        why = "run together with other words (an author block, a sidebar)"
    elif again:
        why = f"a label: the page prints it {len(again) + 1} times"
    if not why:
        return []
    return [Problem(path, line, "R009", f"the title “{title[:80]}” is {why}", fix)]
