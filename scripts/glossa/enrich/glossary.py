"""Glossary entries (content/glossary/<id>.yml) -> validated entries, or problems naming the
file, the line and the fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from glossa.model.problems import Problem
from glossa.model.schema import read_records

KIND_NAMES = {"person": "Person", "organisation": "Organisation", "place": "Place",
              "agreement": "Agreement", "event": "Event", "concept": "Concept"}
KIND_TITLES = {"person": "People", "organisation": "Organisations", "place": "Places",
               "agreement": "Agreements", "event": "Events", "concept": "Concepts"}


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    kind: str
    short: str
    aliases: tuple[str, ...] = ()
    body: str = ""
    related: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    path: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def load_glossary(root: Path) -> tuple[list[Entry], list[Problem]]:
    folder = root / "content" / "glossary"
    records, problems = read_records(folder, "content/glossary", "glossary", "G",
                                     "glossary entry", "six-party-talks.yml")
    entries: list[Entry] = []
    lines: dict[str, dict] = {}
    for entry_id, doc, label in records:
        d = doc.data
        lines[entry_id] = {"doc": doc, "label": label}
        entries.append(Entry(entry_id, d["term"], d["kind"], " ".join(d["short"].split()),
                             tuple(d.get("aliases", ())), d.get("body", ""),
                             tuple(d.get("related", ())), tuple(d.get("sources", ())), label))
    # Cross-references: every name belongs to one entry, every related id exists.
    owner: dict[str, tuple[str, str]] = {}
    ids = {e.id for e in entries}
    for e in entries:
        doc = lines[e.id]["doc"]
        for i, name in enumerate(e.names):
            line = doc.line("term") if i == 0 else doc.line("aliases", i - 1)
            key = _key(name)
            if key in owner and owner[key][0] != e.id:
                problems.append(Problem(e.path, line, "G005", f"'{name}' is also claimed by "
                                        f"{owner[key][1]}", "keep it in one entry only"))
            else:
                owner.setdefault(key, (e.id, e.path))
        for i, rel in enumerate(e.related):
            if rel not in ids:
                problems.append(Problem(e.path, doc.line("related", i), "G007",
                                        f"related entry '{rel}' does not exist",
                                        "use the file name of an entry, without .yml"))
    return entries, problems
