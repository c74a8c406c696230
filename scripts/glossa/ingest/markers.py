"""Flattened footnote markers ("agreements.1", "ring,15", "in 2018.13") -> numbers and clean text.

A candidate is accepted only when it fits the expected sequence and its position: after a
word or closing punctuation, never inside a number, a year, an amount or a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from glossa.model.reading import MarkerIssue

# Digits glued to what precedes them and followed by a space, a dash or the end.
CANDIDATE = re.compile(r"(?<=[^\s\d])(\d{1,3})(?=[\s—–]|$|[.,;:](?=\s|$))")
OPENING_AFTER = re.compile(r"^\s+[\"“‘'(\[]?[A-Z0-9]|^\s*$")
CLOSING_PUNCT = set(".,;:!?…\"'”’)]»")
# What may stand right before a marker besides closing punctuation: a lower-case letter.
# Capitals and digits are kept apart so that "G7", "R47390" and "F-35" stay text.
DECIMAL_BEFORE = re.compile(r"(\d+)\.$")
NUMBER_BEFORE = re.compile(r"[\d,.]*\d[,.]$")
# A superscript the text set one space after the punctuation it follows ("services. 1
# However", "EU action, 3 as well"): taken only in a paper that sets its markers so.
SPACED = re.compile(r"(?<=[^\s\d.][.,;:!?…\"'”’)\]]) (\d{1,3})(?=\s|$)")


@dataclass
class MarkerSequence:
    """The expected numbering state while markers are read in order."""

    expected: int = 1
    highest: int | None = None  # the largest number with a note, when a notes list exists
    line: int = 0  # the source line being read, for reports
    seen: list[int] = field(default_factory=list)
    issues: list[MarkerIssue] = field(default_factory=list)
    spaced: bool = False  # the paper's markers stand one space after their punctuation


def sets_markers_apart(texts: list[str], notes: int) -> bool:
    """Does the paper set its markers one space after the punctuation they follow? When
    the numbers so placed count up 1, 2, 3 ... through most of its notes, and the numbers
    glued to a word do not."""
    if notes < 3:
        return False

    def chain(pattern: re.Pattern) -> int:
        expected = 1
        for text in texts:
            for m in pattern.finditer(text):
                if expected <= int(m.group(1)) <= expected + 2:  # a marker may be lost
                    expected = int(m.group(1)) + 1
        return expected - 1

    spaced = chain(SPACED)
    return spaced >= max(3, notes // 2) and chain(CANDIDATE) < spaced // 2


@dataclass(frozen=True)
class Found:
    n: int
    offset: int  # in the cleaned text


def _position_ok(text: str, start: int) -> tuple[bool, bool]:
    """(acceptable, strong): what precedes a candidate starting at `start`.

    None means "looks like a decimal": acceptable only as the expected number at the end
    of a sentence ("1,200.6 In" or "since 2018.52"), never mid-phrase ("1.72 billion").
    """
    before = text[start - 1]
    head = text[:start]
    if before in "-/+$€£%#@&=^*_":
        return False, False
    if before == ".":
        dec = DECIMAL_BEFORE.search(head)
        if dec:
            whole = dec.group(1)
            if len(whole) == 4 and whole[0] in "12" and not head[:dec.start()].endswith(","):
                return True, False  # "2018.13": a year, then marker 13
            return None, False  # type: ignore[return-value]
        return True, True
    if before == ",":
        # "37,000" never reaches here (digits follow digits); "2, 1990" has a space.
        return not NUMBER_BEFORE.search(head) or head[-2:-1].isalpha(), False
    if before in CLOSING_PUNCT:
        return True, before in ".!?”’\"')]»"
    if before.isalpha():
        return before.islower(), False
    return False, False


_DIGIT = re.compile(r"\d")


def take_markers(text: str, seq: MarkerSequence, tolerance: int = 3) -> tuple[str, list[Found]]:
    """Remove the markers from `text`, advancing `seq`; return the clean text and the markers."""
    # No figure, no marker: searched first, since the candidates' pattern opens with a look
    # behind and is tried at every position, where this search runs past the letters.
    if not _DIGIT.search(text):
        return text, []
    found: list[Found] = []
    out: list[str] = []
    pos = 0
    removed = 0
    candidates = list(CANDIDATE.finditer(text))
    if seq.spaced:
        candidates = sorted([*candidates, *SPACED.finditer(text)], key=lambda m: m.start())
    for m in candidates:
        if m.re is SPACED:
            n = int(m.group(1))
            if not seq.expected <= n <= seq.expected + tolerance \
                    or (seq.highest is not None and n > seq.highest):
                continue
            if n > seq.expected:
                seq.issues.append(MarkerIssue("gap", n, seq.line, text[max(0, m.start() - 30):
                                                                        m.end()], seq.expected))
            out.append(text[pos:m.start()])
            pos = m.end()
            found.append(Found(n, m.start() - removed))
            removed += m.end() - m.start()
            seq.seen.append(n)
            seq.expected = n + 1
            continue
        start = m.start()
        if start < pos:
            continue
        n = int(m.group(1))
        ok, strong = _position_ok(text, start)
        if ok is False or n == 0:
            continue
        if text[m.end():m.end() + 1] in ".,;:" and m.end() < len(text) \
                and not text[start - 1].islower():
            continue  # before the sentence's own stop ("societies3. AI"): after a word only
        tail = text[m.end():]
        if ok is None:
            if n != seq.expected or not OPENING_AFTER.match(tail):
                continue
        strong = strong and bool(OPENING_AFTER.match(tail))
        context = text[max(0, start - 30):m.end()]
        if seq.highest is not None and n > seq.highest:
            if strong and n == seq.expected:
                seq.issues.append(MarkerIssue("beyond-notes", n, seq.line, context,
                                              seq.expected))
            continue
        if n == seq.expected:
            pass
        elif seq.expected < n <= seq.expected + tolerance and strong:
            seq.issues.append(MarkerIssue("gap", n, seq.line, context, seq.expected))
        elif strong and n in seq.seen:
            # The same number again after a sentence: a second reference to one note.
            seq.issues.append(MarkerIssue("duplicate", n, seq.line, context, seq.expected))
            out.append(text[pos:start])
            pos = m.end()
            found.append(Found(n, start - removed))
            removed += m.end() - start
            continue
        else:
            if strong:
                kind = "out-of-order" if n < seq.expected else "ambiguous"
                seq.issues.append(MarkerIssue(kind, n, seq.line, context, seq.expected))
            continue
        out.append(text[pos:start])
        pos = m.end()
        found.append(Found(n, start - removed))
        removed += m.end() - start
        seq.seen.append(n)
        seq.expected = n + 1
    out.append(text[pos:])
    return "".join(out), found
