"""Markers and notes of one paper -> every marker bound to its note, and a report.

Collect first, resolve after: the reading gives the markers and the notes found in the
source; an editor's notes.yml may supply texts the source lacks. A marker with no note is
kept, shown to readers as such, and reported; one bad footnote never blocks the paper.
"""

from __future__ import annotations

import re

from glossa.model.paper import EditorNote, ResolvedNote
from glossa.model.problems import WARNING, Problem
from glossa.model.reading import Reading
from glossa.model.yamlfile import Located


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


def unread_note_line(n: int, reading: Reading, source_lines: list[str]) -> int | None:
    """Whether the text we received holds note `n` though the reading has no note of that
    number: the line that seems to hold it (one that opens with the number and words, is
    not dropped, and gave no marker), or 0 when notes on both sides of it were read (it is
    there, not separated from the text around it). None: nothing says the text has it."""
    opens = re.compile(rf"^{n}\.?\s+\S*[^\W\d_]")
    taken = {no for note in reading.notes.values() for no in note.lines}
    taken |= {d.line for d in reading.dropped} | {m.line for m in reading.markers if m.n == n}
    for no, line in enumerate(source_lines, start=1):
        if no not in taken and opens.match(line.strip()):
            return no
    numbers = set(reading.notes)
    if numbers and min(numbers) < n < max(numbers):
        return 0
    return None


def resolve_footnotes(reading: Reading, source_path: str, extra: dict[int, EditorNote],
                      notes_path: str, source_lines: list[str] | None = None
                      ) -> tuple[dict[int, ResolvedNote], list[Problem]]:
    """Bind each marker number to its note text; report what does not fit. A note missing
    from the reading is told apart: not in the text we received (a warning: readers are
    told so), or in it but not read apart from its surroundings (an error: the page must
    not say the text lacks it)."""
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
        elif reading.format == "pdf" and (
                where := unread_note_line(n, reading, source_lines or [])) is not None:
            resolved[n] = ResolvedNote(n, None, "unread", line=where or marker.line)
            seen = (f"line {where} seems to hold it" if where else
                    f"notes {max(k for k in reading.notes if k < n)} and "
                    f"{min(k for k in reading.notes if k > n)} were read around it")
            problems.append(Problem(source_path, where or marker.line, "F013",
                                    f"note {n} is in the text but could not be read apart from "
                                    f"the text around it ({seen})",
                                    f"put the note on a line of its own starting with {n}, or "
                                    f"add note {n} to {notes_path} with its source"))
        else:
            resolved[n] = ResolvedNote(n, None, "missing", line=marker.line)
            problems.append(Problem(source_path, marker.line, "F001", f"marker {n} has no note "
                                    "text: readers see that the note is missing",
                                    f"add note {n} to {notes_path} with its source", WARNING))
    # (A note with no marker in the text is a self-check's: F002, R002.)
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
        "not read": sum(1 for r in resolved.values() if r.origin == "unread"),
    }
