"""PDF text, page by page -> the notes printed at the foot of each page, and the lines they
take, before the body is read.

Notes at page feet are numbered 1, 2, 3 ... through the whole paper, and each page's notes
run from the first note printed on it to the end of the page. So the reader follows the
numbering: on each page it looks for the next number at a line start ("7 Text", "7" alone
on its line, "7. Text"), with the text after it of any kind ("12 Stat. 387.", "42 U.S.C."),
and takes the lowest such line that starts the longest run of numbers down to the page's
end (a body line that happens to begin with the number sits higher). A start is taken only
when the text above holds a marker of that number (and of most numbers of the run: numbered
lines without markers are a list of affiliations, not notes), its text says something in
words and is no numbered section title ("2 Related work"), and a note may not run to more
lines than a note does: otherwise the line is text, and the numbering waits for the next
page. Numbers printed out of order on a page (24 above 23), or one or two numbers that the
text lost, do not stop the numbering.

When the text lost a page's first note number, pdftotext has either printed it alone at the
page's foot ("103" under the last note, with the note's text at the top, unnumbered) or
glued the note to the body line above ("the Rural Business115 USDA, ERS, ..."): the number
found alone, or glued to a word and followed by words, on the page whose notes start with
the number after it, gives the note back its text. A glued note splits its line in two.

A note left unfinished at a page's foot (no closing full stop, or a "(continued...)" line)
goes on at the foot of the next page, above that page's first note: those lines are joined
to it when they are set wider than the body (notes are set in smaller type) or sit after a
blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from glossa.ingest.patterns import CONNECTIVES, ends_sentence
from glossa.model.reading import Dropped, Line, Note

WORDY = re.compile(r"[^\W\d_]|§")  # letters: a column of figures in a table is no note
# A few words in capitals and lower case, no figure, no address: a section's title.
NUMBERED_HEADING = re.compile(r"^[A-Z][^\W\d_]*(?:[ -][^\W\d_]+){0,5}[?]?$")
BRACKETED = re.compile(r"\[(\d{1,3})\]")
LONE_NUMBER = re.compile(r"^\d{1,3}$")
NOTE_LINE = re.compile(r"^(\d{1,3})(?:[.)]?\s+(\S.*))?$")
STRAY = "a word of the body that the text printed between notes' numbers and their texts"
URL_START = re.compile(r"(?:https?://|www\.)")
URL_END = re.compile(r"(?:https?://|www\.)\S+$")
CONTINUED = re.compile(r"^[(\[]?\s*continued\s*(?:\.{2,}|…|on next page)?\s*[)\]]?\.?$", re.I)
MAX_LINES_PER_NOTE = 24
EVIDENCE_LINES = 400  # how far back a note's marker is looked for (some pages)
GAP = 2  # numbers that may be missing in a row (unreadable in the text)
CARRY_OVER = 14  # lines of a note carried to the next page's foot, at the most
SHORT_CARRY = 3  # lines set off by a blank line that can be a note's rest, with no width


@dataclass
class PageNotes:
    notes: dict[int, Note] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)  # line numbers read as notes
    dropped: list[Dropped] = field(default_factory=list)
    # Body lines with a note glued to their end: line number -> where the note's number starts.
    split: dict[int, int] = field(default_factory=dict)


def _start(lines: list[Line], idx: list[int], k: int, n: int) -> str | None:
    """The note text that line idx[k] starts for note `n` ("" when the number stands alone
    and its text is on the next line), or None."""
    m = NOTE_LINE.match(lines[idx[k]].text)
    if not m or int(m.group(1)) != n:
        return None
    if m.group(2) is None:
        # The number alone: its text is the next line, unless that line is the next note
        # ("81" then "30 U.S.C. §1419(d)." is note 81, whose text opens with a number).
        nxt = lines[idx[k + 1]].text if k + 1 < len(idx) else ""
        after = NOTE_LINE.match(nxt)
        if not WORDY.search(nxt) or (after and int(after.group(1)) == n + 1) \
                or _numbered_heading(nxt):
            return None
        return ""
    rest = m.group(2)
    if not WORDY.search(rest):
        return None  # a note says something
    if _numbered_heading(rest):
        return None  # "2 Related work": a numbered heading, not a note
    return rest


def _numbered_heading(text: str) -> bool:
    """A few words, no figure, no sentence's end, no connective at the end: the title of a
    numbered section ("2 Related work"), where a note ("EDA defines incubators as") goes on."""
    return bool(NUMBERED_HEADING.match(text)) and not ends_sentence(text) \
        and text.split()[-1].lower() not in CONNECTIVES


def _run(lines: list[Line], idx: list[int], k: int, n: int, expected: int
         ) -> list[tuple[int, int]]:
    """Reading idx[k:] as notes from `n` on: [(position, number)] of each note's first line,
    or [] if some note would be longer than a note is. Each next note is the next number, or
    a number skipped on this page (text extracted out of order puts 24 above 23), or the one
    after the next (a note whose number was lost)."""
    starts = [(k, n)]
    used = {n}
    since = 0
    for j in range(k + 1, len(idx)):
        top = max(used)
        wanted = [top + 1, *(m for m in range(expected, top) if m not in used), top + 2]
        m = next((m for m in wanted if _start(lines, idx, j, m) is not None), None)
        if m is not None:
            starts.append((j, m))
            used.add(m)
            since = 0
        else:
            since += 1
            if since > MAX_LINES_PER_NOTE:
                return []
    return starts


@cache
def _marker_pattern(n: int, brackets: bool = True) -> re.Pattern:
    # The number glued to what precedes it (a word, punctuation, even a number: "§3723225"),
    # or after a sentence's end and a space ("network. 34"): a flattened superscript; or in
    # brackets ("SIPP[31]"), unless brackets are how the paper cites its references.
    # (The number first, then what precedes it looked behind: a pattern that opens with its
    # literal is searched for far faster than one that opens with a look behind.)
    glued = rf"{n}(?:(?<=\S{n})|(?<=[.,;:!?”’\"')] {n}))(?=[\s,.;:—–)]|$)"
    return re.compile(glued + (rf"|\[{n}\]" if brackets else ""))


def _best_run(lines: list[Line], idx: list[int], expected: int, body_text: list[str],
              brackets: bool = True, list_above: str = ""
              ) -> tuple[int, list[tuple[int, int]]] | None:
    """Where this page's notes begin: the line that starts the longest run of notes down to
    the page's end (the lowest, of equals: a body line that happens to begin with the number
    sits higher), its number the next expected or up to GAP beyond (notes that could not be
    read must not lose every later one), with a marker of that number in the body before.
    `list_above`: the text above the last page's notes, when they ran to its end: a page
    that opens with the next note goes on with that list (an endnotes list over several
    pages), whose markers are in the body above the list, not on the page before."""
    best: tuple[int, list[tuple[int, int]]] | None = None
    # The text above each line, as one string and the offset where each line starts: the
    # marker of a note is looked for in text[:offsets[k]] without copying it.
    text = " ".join([*body_text[-EVIDENCE_LINES:], *(lines[i].text for i in idx)])
    offsets, pos = [], len(text) - sum(len(lines[i].text) + 1 for i in idx) + 1
    for i in idx:
        offsets.append(max(0, pos))
        pos += len(lines[i].text) + 1

    def marked(n: int, k: int) -> bool:
        return _marker_pattern(n, brackets).search(text, 0, offsets[k]) is not None \
            or (k == 0 and _marker_pattern(n, brackets).search(list_above) is not None)

    for k in range(len(idx)):
        for n in range(expected, expected + GAP + 1):
            if _start(lines, idx, k, n) is None:
                continue
            run = _run(lines, idx, k, n, expected)
            if not run or (best is not None and len(run) < len(best[1])):
                continue
            if not marked(n, k):
                continue
            # Most notes of the run must have their marker in the text above: numbered lines
            # with no markers are something else (a list of affiliations under the authors).
            with_marker = sum(1 for _, m in run if marked(m, k))
            if with_marker >= 0.5 * len(run):
                best = (k, run)
    return best


def find_page_notes(lines: list[Line], foot_numbers: dict[int, list[Line]] | None = None
                    ) -> PageNotes:
    """`foot_numbers`: bare numbers set aside as page furniture, by page (one may be a note's
    number printed apart from its note)."""
    result = PageNotes()
    # Bracketed numbers are a paper's references when it has many of them: no note markers.
    brackets = len(set(BRACKETED.findall(" ".join(ln.text for ln in lines)))) < 5
    lines = _with_numbers_among_notes(lines, foot_numbers or {}, brackets)
    pages: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.text:
            pages.setdefault(ln.page, []).append(i)
    expected = 1
    parts: dict[int, list[str]] = {}
    line_nos: dict[int, list[int]] = {}
    body_text: list[str] = []  # body lines since the last notes, for marker evidence
    list_above = ""  # the text above the last page's notes, if no page came between
    open_note: int | None = None  # the last note, if it was left unfinished
    carried: list[tuple[int, list[int], int]] = []  # (note, the page's lines, first note)
    displaced: set[int] = set()  # notes whose number was printed apart from their text
    for page in sorted(pages):
        idx = pages[page]
        best = _best_run(lines, idx, expected, body_text, brackets, list_above)
        # Or the numbers in a column apart from their texts: when that reads more notes.
        apart = _numbers_apart(lines, idx, (foot_numbers or {}).get(page, []), expected,
                               body_text, brackets)
        if apart is not None and (best is None or len(apart[0]) >= len(best[1])):
            found, strays = apart
            result.claimed.update(ln.no for ln in strays)
            result.dropped.extend(Dropped(ln.no, ln.text, STRAY) for ln in strays)
            for n, nos, texts in found:
                parts[n], line_nos[n] = texts, nos
                displaced.add(n)
                result.claimed.update(nos)
            expected = found[-1][0] + 1
            body_text, list_above, open_note = [], "", None
            continue
        if best is None:
            body_text += [lines[i].text for i in idx]
            del body_text[:-EVIDENCE_LINES]
            list_above = ""
            continue
        k0, run = best
        list_above = list_above if k0 == 0 else " ".join(
            [*body_text[-EVIDENCE_LINES:], *(lines[i].text for i in idx[:k0])])
        if run[0][1] > expected:
            below = [ln for ln in (foot_numbers or {}).get(page, ())
                     if ln.no > lines[idx[-1]].no]
            lost = _lost_first_note(lines, idx, k0, run, expected, body_text, brackets, below)
            if lost is not None:
                n, nos, text, split = lost
                parts[n], line_nos[n] = text, nos
                if not split:
                    displaced.add(n)
                result.claimed.update(no for no in nos if no not in split)
                result.split.update(split)
                idx = [i for i in idx if lines[i].no not in nos or lines[i].no in split]
                k0 = next(k for k, i in enumerate(idx) if i == pages[page][run[0][0]])
                shift = run[0][0] - k0
                run = [(pos - shift, m) for pos, m in run]
        if open_note is not None and run[0][1] == expected:
            carried.append((open_note, idx, k0))
        body_text = []
        bounds = [pos for pos, _ in run] + [len(idx)]
        for (pos, n), end in zip(run, bounds[1:], strict=True):
            first = lines[idx[pos]]
            text = _start(lines, idx, pos, n) or ""
            parts[n] = [text] if text else []
            line_nos[n] = [first.no]
            result.claimed.add(first.no)
            for i in idx[pos + 1:end]:
                ln = lines[i]
                result.claimed.add(ln.no)
                if CONTINUED.match(ln.text):
                    result.dropped.append(Dropped(ln.no, ln.text, "the note goes on at the foot "
                                                  "of the next page"))
                    continue
                parts[n].append(ln.text)
                line_nos[n].append(ln.no)
        last = run[-1][1]
        expected = max(n for _, n in run) + 1
        tail = parts[last][-1] if parts[last] else ""
        continued = any(CONTINUED.match(lines[i].text) for i in idx[run[-1][0]:])
        open_note = last if continued or not ends_sentence(tail) else None
    # The rest of an unfinished note, above the next page's first note. Notes are set in
    # smaller type than the body, so their lines are wider: measure the body without them.
    body = sorted(len(ln.text) for ln in lines if ln.text and ln.no not in result.claimed)
    width = body[int(0.9 * (len(body) - 1))] if body else 0
    for n, idx, k0 in carried:
        top = _carried_over(lines, idx, k0, width)
        moved = [lines[i] for i in idx[top:k0]]
        if not moved:
            continue
        parts.setdefault(n, []).extend(ln.text for ln in moved)
        line_nos.setdefault(n, []).extend(ln.no for ln in moved)
        result.claimed.update(ln.no for ln in moved)
    from glossa.ingest.joining import finish_text

    for n in sorted(parts):
        nos = line_nos[n]
        # A number printed apart comes first in the note's lines, its text's first line is
        # where the note is said to be.
        first = nos[1] if n in displaced and len(nos) > 1 else nos[0]
        result.notes[n] = Note(n, finish_text(parts[n], set()), first, lines=tuple(nos))
    return result


def _numbers_apart(lines: list[Line], idx: list[int], set_aside: list[Line], expected: int,
                   body_text: list[str], brackets: bool
                   ) -> tuple[list[tuple[int, list[int], list[str]]], list[Line]] | None:
    """Notes whose numbers the text printed in a column apart: the numbers n, n+1 ... each
    alone on its line, then the notes' texts, one after the other, down to the page's end
    ("12" / "13" / "Nilsson (2009)." / "Since the early 1960s, ..."). Each number must
    have its marker in the text above, and the texts enough lines for every note; they
    are cut where a line ends a sentence and the next opens one, the shortest such lines
    first (a note's last line rarely fills the measure). ([(number, lines, texts)], the
    words of the body found among them) or None."""
    page = [lines[i] for i in idx]
    numbers = sorted([*(ln for ln in page if LONE_NUMBER.match(ln.text)),
                      *(ln for ln in set_aside if ln.text.isdigit())], key=lambda ln: ln.no)
    run: list[Line] = []
    for ln in numbers:
        n = int(ln.text)
        if not run and expected <= n <= expected + GAP:
            run = [ln]
        elif run and n == int(run[-1].text) + 1:
            run.append(ln)
        elif run:
            break
    if not run or len(numbers) - len(run) > len(run):
        return None  # (a page of numbers alone is a table's column)
    texts = [ln for ln in page if ln.no > run[-1].no and not LONE_NUMBER.match(ln.text)]
    # Words the text put between the numbers and the notes, a word a line ("the" / "JRC"
    # / "hub:"), torn from a sentence of the body: set aside, reported (a note of one word
    # ends it: "Ibid.").
    strays: list[Line] = []
    while len(texts) > 1 and len(texts[0].text.split()) == 1 and not ends_sentence(
            texts[0].text) and not URL_START.match(texts[0].text):
        strays.append(texts.pop(0))
    if len(strays) < 2:  # one word alone is a section's title ("3" / "Values"), not a stray
        texts, strays = strays + texts, []
    between = [ln for ln in page if run[0].no < ln.no < run[-1].no
               and not LONE_NUMBER.match(ln.text)]
    body = [ln for ln in page if ln.no < run[0].no]
    if between or len(texts) < len(run) or not WORDY.search(texts[0].text) \
            or _numbered_heading(texts[0].text) or len(texts) > MAX_LINES_PER_NOTE * len(run) \
            or len(body) < len(texts) // 2:
        return None  # notes sit at the page's foot, under the body; "2" / "Related work"
        # opens a section
    above = " ".join([*body_text[-EVIDENCE_LINES:], *(ln.text for ln in page if ln.no < run[0].no)])
    if not all(_marker_pattern(int(ln.text), brackets).search(above) for ln in run):
        return None
    # Where the next line opens a note (a capital, a quote, an address): first where the
    # line before ends a sentence, or stops short, or is an address (a note may end with
    # no full stop: "See Pennington et al. (2014)"); the shorter that line, the likelier
    # (a note's last line seldom fills the measure).
    longest = max(len(ln.text) for ln in texts)
    cuts = []
    for j in range(1, len(texts)):
        before, after = texts[j - 1].text, texts[j].text
        if not _opens_note(after):
            continue
        stop = ends_sentence(before)
        if stop or URL_END.search(before) or (
                (len(before) < 0.6 * longest or URL_START.match(after))
                and before.split()[-1].lower() not in CONNECTIVES
                and not before.endswith((",", "-", ":", ";"))):
            cuts.append((len(before) / longest - (0.3 if stop else 0), j))
    cuts.sort()
    if len(cuts) < len(run) - 1:
        return None
    bounds = sorted(j for _, j in cuts[:len(run) - 1])
    return [(int(ln.text), [ln.no, *(t.no for t in texts[a:b])], [t.text for t in texts[a:b]])
            for ln, a, b in zip(run, [0, *bounds], [*bounds, len(texts)], strict=True)], strays


def _opens_note(text: str) -> bool:
    """A capital, a quote or an address: how a note's text opens."""
    return text[:1].isupper() or text[:1] in "“\"‘(" or bool(URL_START.match(text))


def _with_numbers_among_notes(lines: list[Line], numbers: dict[int, list[Line]],
                              brackets: bool) -> list[Line]:
    """A note's number alone on its line near the page's foot looks like a page number and
    was set aside as one. Put back the numbers that stand between two lines of their page
    with text right under them and a marker of that number in the page's text above: the
    numbering then finds its note ("3" / "ODYSSEE database: ..."). One not taken as a note
    stays set aside (the caller removes only what the notes claim)."""
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        if ln.text:
            by_page.setdefault(ln.page, []).append(ln)
    extra: list[Line] = []
    for page, candidates in numbers.items():
        body = by_page.get(page, [])
        for c in candidates:
            above = [ln for ln in body if ln.no < c.no]
            below = [ln for ln in body if ln.no > c.no]
            if not above or not below or below[0].no != c.no + 1 \
                    or not WORDY.search(below[0].text) or NOTE_LINE.match(below[0].text):
                continue
            if _marker_pattern(int(c.text), brackets).search(" ".join(ln.text for ln in above)):
                extra.append(c)
    if not extra:
        return lines
    return sorted([*lines, *extra], key=lambda ln: ln.no)


def _lost_first_note(lines: list[Line], idx: list[int], k0: int, run: list[tuple[int, int]],
                     expected: int, body_text: list[str], brackets: bool,
                     below: list[Line]) -> tuple[int, list[int], list[str], dict[int, int]] | None:
    """The page's notes start at a number past the expected one: the first note's number was
    lost. Found printed alone at the page's foot, or glued to the end of a body line above:
    (its number, its lines (the number's line first), its text's lines, split lines)."""
    missing = range(expected, run[0][1])
    text_above = " ".join([*body_text[-EVIDENCE_LINES:], *(lines[i].text for i in idx[:k0])])
    # Printed alone under the page's last note (set aside with the page's number).
    for ln in below:
        n = int(ln.text)
        if n in missing and _marker_pattern(n, brackets).search(text_above):
            top = _lost_note_top(lines, idx, k0, [n, *(m for _, m in run)], brackets)
            if top is None:
                return None
            nos = [ln.no, *(lines[i].no for i in idx[top:k0])]
            return n, nos, [lines[i].text for i in idx[top:k0]], {}
    # Glued to a body line: "Business115 USDA, ERS, ..." a few lines above the next note.
    for k in range(k0 - 1, max(-1, k0 - 1 - SHORT_CARRY), -1):
        t = lines[idx[k]].text
        for n in missing:
            m = _glued_note(n).search(t)
            if not m:
                continue
            rest = t[m.end():]
            if not WORDY.search(rest) or _numbered_heading(rest):
                continue
            before = " ".join([*body_text[-EVIDENCE_LINES:], *(lines[i].text for i in idx[:k]),
                               t[:m.start()]])
            if not _marker_pattern(n, brackets).search(before):
                continue
            nos = [lines[idx[k]].no, *(lines[i].no for i in idx[k + 1:k0])]
            return n, nos, [rest, *(lines[i].text for i in idx[k + 1:k0])], \
                {lines[idx[k]].no: m.start(1)}
    return None


@cache
def _glued_note(n: int) -> re.Pattern:
    """Note n's number glued to a word, then the note's first words ("Business115 USDA")."""
    return re.compile(rf"(?<=[^\W\d_])({n}) (?=[^\W_a-z]|[“\"‘(])")


def _lost_note_top(lines: list[Line], idx: list[int], k0: int, numbers: list[int],
                   brackets: bool) -> int | None:
    """Where the text of a note whose number was lost begins, above the page's first
    numbered note: after the last line that holds a marker of this page's notes (the body's
    end), or after the last blank line below it; at most CARRY_OVER lines."""
    top = max(0, k0 - CARRY_OVER)
    for k in range(k0 - 1, top - 1, -1):
        if any(_marker_pattern(n, brackets).search(lines[idx[k]].text) for n in numbers):
            top = k + 1
            break
    for k in range(k0 - 1, top, -1):
        if idx[k] - idx[k - 1] > 1:
            top = k
            break
    return top if top < k0 else None


def _carried_over(lines: list[Line], idx: list[int], k0: int, width: int) -> int:
    """Where the rest of last page's note begins, above this page's first note at idx[k0]:
    as far up as the lines are set wider than the body (notes are set in smaller type; the
    last of them, right above the first note, may be short); failing that, a block of a few
    lines right above it that a blank line sets off from a body that has ended a sentence."""
    block = k0
    while block > 0 and k0 - block < CARRY_OVER and idx[block] - idx[block - 1] == 1:
        block -= 1
    top, wide, narrow = k0, 0, 0
    for k in range(k0 - 1, block - 1, -1):
        if len(lines[idx[k]].text) > 1.04 * width:
            top, wide, narrow = k, wide + 1, 0
        elif k == k0 - 1:
            top = k
        else:
            narrow += 1  # one line may fall short (a note's own last line, a short URL)
            if narrow > 1:
                break
    if wide:
        return top
    if 0 < k0 - block <= SHORT_CARRY and (block == 0 or (
            idx[block] - idx[block - 1] > 1 and ends_sentence(lines[idx[block - 1]].text))):
        return block
    return k0
