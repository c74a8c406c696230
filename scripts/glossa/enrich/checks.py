"""A reading -> its notes bound to their markers, and everything the notes' checks and the
self-checks report of it: what `glossa check` and `build` say of a paper, `glossa ingest`
of a source, and what `glossa evaluate` holds against the truth."""

from __future__ import annotations

from glossa.enrich.footnotes import resolve_footnotes
from glossa.ingest.selfcheck import Finding, findings
from glossa.model.paper import EditorNote, ResolvedNote
from glossa.model.problems import Problem
from glossa.model.reading import Reading


def check_reading(reading: Reading, path: str, lines: list[str],
                  extra: dict[int, EditorNote] | None = None, notes_path: str = "notes.yml"
                  ) -> tuple[dict[int, ResolvedNote], list[Problem], list[Finding]]:
    """(the notes resolved, the footnotes' problems, the self-checks' findings) of a reading
    of the source at `path` (`lines`: its text layer, normalised), with an editor's notes."""
    resolved, problems = resolve_footnotes(reading, path, extra or {}, notes_path, lines)
    return resolved, problems, findings(reading, path, lines)
