"""Glossary entries (content/glossary/<id>.yml) -> validated entries, or problems naming the
file, the line and the fix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .schema import validate
from .yamlfile import read_yaml

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
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
    if not folder.is_dir():
        return [], []
    entries: list[Entry] = []
    problems: list[Problem] = []
    lines: dict[str, dict] = {}
    seen_ids: dict[str, str] = {}
    for file in sorted(folder.iterdir()):
        if file.name.startswith(".") or file.is_dir():
            continue
        label = f"content/glossary/{file.name}"
        if file.suffix not in (".yml", ".yaml"):
            problems.append(Problem(label, 0, "G009", "not a glossary entry file",
                                    "glossary entries are .yml files"))
            continue
        entry_id = file.stem
        if not ID.match(entry_id):
            problems.append(Problem(label, 0, "G006", f"'{entry_id}' is not a valid entry id",
                                    "name the file in lower case with hyphens, e.g. "
                                    "six-party-talks.yml"))
            continue
        if entry_id in seen_ids:
            problems.append(Problem(label, 0, "G004", f"duplicate id '{entry_id}' (also "
                                    f"{seen_ids[entry_id]})", "keep one of the two files"))
            continue
        seen_ids[entry_id] = label
        doc, found = read_yaml(file, label)
        if doc is None:
            problems += found
            continue
        if not isinstance(doc.data, dict):
            problems.append(Problem(label, 1, "G003", "an entry must be a mapping of keys",
                                    "start from another entry's file"))
            continue
        found = validate(doc, "glossary", label, prefix="G")
        if found:
            problems += found
            continue
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
