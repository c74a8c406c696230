"""The end of a source -> its numbered notes list ("1. ", "1 ", "[1]", "1)"), if it has one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from glossa.ingest.patterns import NOTE_START, squash
from glossa.model.reading import Line, Note

NOTES_HEADINGS = frozenset(squash(s) for s in (
    "Notes", "Endnotes", "End notes", "Footnotes", "References", "Sources", "Notes and sources",
))
CITATION_SIGNAL = re.compile(r"https?://|\b(?:1[89]|20)\d{2}\b|\bIbid\b|\bp{1,2}\.\s?\d", re.I)


@dataclass(frozen=True)
class EndNotes:
    notes: dict[int, Note]
    start: int  # index of the first line that belongs to the notes section (heading included)
    heading: Line | None


def note_start(text: str) -> tuple[int, str] | None:
    m = NOTE_START.match(text)
    if not m:
        return None
    return int(m.group(1) or m.group(2)), m.group(3)


def _walk(lines: list[Line], i: int) -> tuple[dict[int, Note], int] | None:
    """Read notes 1, 2, 3 ... from line i to the end; None if the run breaks the pattern."""
    notes: dict[int, list] = {}
    expected = 1
    continuation = 0
    current = None
    for ln in lines[i:]:
        if not ln.text:
            continue
        start = note_start(ln.text)
        if start and start[0] == expected:
            current = start[0]
            notes[current] = [ln.no, start[1], [ln.no]]
            expected += 1
        elif current is None:
            return None
        else:
            notes[current][1] += " " + ln.text
            notes[current][2].append(ln.no)
            continuation += 1
    if not notes or continuation > 3 * len(notes):
        return None
    return {n: Note(n, text, no, lines=tuple(lines))
            for n, (no, text, lines) in notes.items()}, continuation


def find_endnotes(lines: list[Line]) -> EndNotes | None:
    """The last run of notes numbered from 1 that reaches the end of the text."""
    for i in range(len(lines) - 1, -1, -1):
        start = note_start(lines[i].text) if lines[i].text else None
        if not start or start[0] != 1:
            continue
        walked = _walk(lines, i)
        if not walked:
            continue
        notes, _ = walked
        j = i - 1
        while j >= 0 and not lines[j].text:
            j -= 1
        heading = lines[j] if j >= 0 and squash(lines[j].text).rstrip(":") in NOTES_HEADINGS \
            else None
        cited = sum(1 for n in notes.values() if CITATION_SIGNAL.search(n.text))
        if heading is None and (len(notes) < 2 or cited < len(notes) // 2):
            continue  # a list with no heading must look like notes: several, citing sources
        return EndNotes(notes, j if heading else i, heading)
    return None
