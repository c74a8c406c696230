"""Markers and notes of one paper -> every marker bound to its note, and a report.

Collect first, resolve after: the reading gives the markers and the notes found in the
source; an editor's notes.yml may supply texts the source lacks. A marker with no note is
kept, shown to readers as such, and reported; one bad footnote never blocks the paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Reading
from .problems import WARNING, Problem
from .yamlfile import Located


@dataclass(frozen=True)
class ResolvedNote:
    n: int
    text: str | None  # None: the text we received does not have it
    origin: str  # "source", "editor" or "missing"
    source: str = ""  # where an editor copied it from
    line: int = 0


@dataclass(frozen=True)
class EditorNote:
    n: int
    text: str
    source: str
    line: int


def editor_notes(doc: Located) -> tuple[dict[int, EditorNote], list[tuple[int, str, str]]]:
    """Notes from a validated notes.yml; duplicates come back as (line, code, message)."""
    out: dict[int, EditorNote] = {}
    dupes = []
    for i, item in enumerate(doc.data.get("notes", [])):
        line = doc.line("notes", i)
        n = item["n"]
        if n in out:
            dupes.append((line, "F010", f"note {n} is given twice (first on line {out[n].line})"))
            continue
        out[n] = EditorNote(n, item["text"], item["source"], line)
    return out, dupes


ISSUE_TEXT = {
    "gap": ("F003", "marker {n} follows marker {prev}: {missing} not found in the text",
            "check the source for the missing markers"),
    "duplicate": ("F004", "marker {n} appears again ('…{context}')",
                  "if it is not a second reference to note {n}, fix the source"),
    "out-of-order": ("F005", "'…{context}' looks like marker {n}, but the text is at marker "
                     "{expected}: left as text", "check the numbering in the source"),
    "ambiguous": ("F006", "'…{context}' could be marker {n}, but the text is at marker "
                  "{expected}: left as text", "check whether this is a note number"),
    "beyond-notes": ("F007", "'…{context}' looks like marker {n}, but the notes list ends "
                     "before it: left as text", "check the notes list"),
}


def resolve_footnotes(reading: Reading, source_path: str, extra: dict[int, EditorNote],
                      notes_path: str) -> tuple[dict[int, ResolvedNote], list[Problem]]:
    """Bind each marker number to its note text; report what does not fit."""
    problems: list[Problem] = []
    cited = {}
    for m in reading.markers:
        cited.setdefault(m.n, m)
    resolved: dict[int, ResolvedNote] = {}
    for n, marker in sorted(cited.items()):
        note = reading.notes.get(n)
        if note is not None:
            resolved[n] = ResolvedNote(n, note.text, "source", line=note.line)
            if n in extra:
                problems.append(Problem(notes_path, extra[n].line, "F012", f"note {n} is already "
                                        "in the source text; the source's text is shown",
                                        "remove it from notes.yml", WARNING))
        elif n in extra:
            e = extra[n]
            resolved[n] = ResolvedNote(n, e.text, "editor", e.source, e.line)
        else:
            resolved[n] = ResolvedNote(n, None, "missing", line=marker.line)
            problems.append(Problem(source_path, marker.line, "F001", f"marker {n} has no note "
                                    "text: readers see that the note is missing",
                                    f"add note {n} to {notes_path} with its source", WARNING))
    for n, note in sorted(reading.notes.items()):
        if n not in cited:
            problems.append(Problem(source_path, note.line, "F002", f"note {n} has no marker in "
                                    "the text", "check the marker in the source", WARNING))
    for n, e in sorted(extra.items()):
        if n not in cited:
            problems.append(Problem(notes_path, e.line, "F011", f"note {n} has no marker in the "
                                    "text", "check the number", WARNING))
    prev = 0
    for issue in reading.marker_issues:
        code, message, fix = ISSUE_TEXT[issue.kind]
        missing = ", ".join(str(k) for k in range(issue.expected, issue.n))
        values = dict(n=issue.n, prev=issue.expected - 1 or prev, missing=missing or "none",
                      context=" ".join(issue.context.split()), expected=issue.expected)
        problems.append(Problem(source_path, issue.line, code, message.format(**values),
                                fix.format(**values), WARNING))
    return resolved, problems


def summary(reading: Reading, resolved: dict[int, ResolvedNote]) -> dict[str, int]:
    return {
        "markers": len(reading.markers),
        "notes in source": len(reading.notes),
        "supplied by editors": sum(1 for r in resolved.values() if r.origin == "editor"),
        "missing": sum(1 for r in resolved.values() if r.origin == "missing"),
    }
