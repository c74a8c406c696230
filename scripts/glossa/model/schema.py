"""Editor data + a JSON Schema -> problems, each on the line of the offending key."""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator

from glossa.model.problems import WARNING, Problem
from glossa.model.yamlfile import Located

CODES = {"additionalProperties": "M002", "required": "M001"}


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = json.loads(resources.files("glossa.model").joinpath(f"schemas/{name}.schema.json")
                        .read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def validate(doc: Located, name: str, label: str, prefix: str = "M") -> list[Problem]:
    """Every schema violation in `doc`, located and explained."""
    validator = _validator(name)
    allowed = sorted(validator.schema.get("properties", {}))
    problems = []
    for err in sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.path))):
        path = tuple(err.path)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            known = sorted(err.schema.get("properties", {}))
            for key in extra:
                close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.75)
                fix = (f"did you mean '{close[0]}'?" if close else
                       f"expected: {', '.join(allowed)}" if not path else "")
                problems.append(Problem(label, doc.line(*path, key), f"{prefix}002",
                                        f"unknown key '{key}'", fix))
            continue
        if err.validator == "required":
            missing = err.message.split("'")[1]
            spec = err.schema.get("properties", {}).get(missing, {})
            types = spec.get("type", [])
            fix = ("add it; write null when it is not known" if "null" in types else
                   "add it; write [] when there are none" if types == "array" else
                   "add it: " + _lower_first(spec.get("description", "see CONTRIBUTING.md"))
                   .rstrip("."))
            problems.append(Problem(label, doc.line(*path), f"{prefix}001",
                                    f"'{missing}' is missing", fix))
            continue
        where = ".".join(map(str, path)) or "the file"
        problems.append(Problem(label, doc.line(*path), f"{prefix}003",
                                f"{where}: {err.message}", _fix(err)))
    return problems


# What would be markup if a page ever treated the text as HTML: a tag, an event-handler
# attribute, a script URL. Pages always show data as text; this tells the reviewer.
MARKUP = re.compile(r"<\s*[A-Za-z!/?]|\bon[a-z]{3,}\s*=|\b(?:java|vb)script\s*:|"
                    r"\bdata\s*:\s*text/html", re.IGNORECASE)


def markup_problems(doc: Located, label: str) -> list[Problem]:
    """A warning for every text value of `doc` that holds raw HTML or a script URL."""
    problems = []

    def walk(value, path: tuple) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,))
        elif isinstance(value, str) and (m := MARKUP.search(value)):
            where = ".".join(map(str, path)) or "the file"
            found = value[m.start():m.start() + 40].split("\n")[0]
            problems.append(Problem(
                label, doc.line(*path), "Y008", f"{where}: raw HTML or a script URL "
                f"({found!r}); it is shown as text and never run",
                "write plain words; keep it only if you mean these characters", WARNING))

    walk(doc.data, ())
    return problems


def _fix(err) -> str:
    desc = err.schema.get("description")
    return desc or ""


ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def read_records(folder, label_dir: str, schema: str, prefix: str, what: str, example: str
                 ) -> tuple[list[tuple[str, Located, str]], list[Problem]]:
    """Every `<id>.yml` in `folder`, parsed and validated against `schema`: a list of
    (id, document, label) and the problems, coded `<prefix>006` (bad name), `<prefix>004`
    (duplicate id), `<prefix>009` (not a YAML file) and `<prefix>003` (not a mapping)."""
    from glossa.model.yamlfile import read_yaml

    records, problems, seen = [], [], {}
    if not folder.is_dir():
        return records, problems
    for file in sorted(folder.iterdir()):
        if file.name.startswith(".") or file.is_dir():
            continue
        label = f"{label_dir}/{file.name}"
        if file.suffix not in (".yml", ".yaml"):
            article = "an" if what[:1] in "aeiou" else "a"
            problems.append(Problem(label, 0, f"{prefix}009", f"not {article} {what} file",
                                    f"{what} files are .yml files"))
            continue
        if not ID.match(file.stem):
            problems.append(Problem(label, 0, f"{prefix}006", f"'{file.stem}' is not a valid "
                                    f"{what} id", f"name the file in lower case with hyphens, "
                                    f"e.g. {example}"))
            continue
        if file.stem in seen:
            problems.append(Problem(label, 0, f"{prefix}004", f"duplicate id '{file.stem}' "
                                    f"(also {seen[file.stem]})", "keep one of the two files"))
            continue
        seen[file.stem] = label
        doc, found = read_yaml(file, label)
        if doc is None:
            problems += found
            continue
        if not isinstance(doc.data, dict):
            problems.append(Problem(label, 1, f"{prefix}003", f"a {what} must be a mapping of "
                                    "keys", f"start from another {what}'s file"))
            continue
        found = validate(doc, schema, label, prefix=prefix)
        if found:
            problems += found
            continue
        problems += markup_problems(doc, label)
        records.append((file.stem, doc, label))
    return records, problems
