"""Editor data + a JSON Schema -> problems, each on the line of the offending key."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator

from .problems import Problem
from .yamlfile import Located

CODES = {"additionalProperties": "M002", "required": "M001"}


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = json.loads(resources.files("glossa").joinpath(f"schemas/{name}.schema.json")
                        .read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def validate(doc: Located, name: str, label: str, prefix: str = "M") -> list[Problem]:
    """Every schema violation in `doc`, located and explained."""
    validator = _validator(name)
    allowed = sorted(validator.schema.get("properties", {}))
    problems = []
    for err in sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.path))):
        path = tuple(err.path)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            for key in extra:
                problems.append(Problem(label, doc.line(*path, key), f"{prefix}002",
                                        f"unknown key '{key}'",
                                        f"expected: {', '.join(allowed)}" if not path else ""))
            continue
        if err.validator == "required":
            missing = err.message.split("'")[1]
            spec = err.schema.get("properties", {}).get(missing, {})
            types = spec.get("type", [])
            fix = ("add it; write null when it is not known" if "null" in types else
                   "add it; write [] when there are none" if types == "array" else
                   f"add it ({spec.get('description', 'see CONTRIBUTING.md')})")
            problems.append(Problem(label, doc.line(*path), f"{prefix}001",
                                    f"'{missing}' is missing", fix))
            continue
        where = ".".join(map(str, path)) or "the file"
        problems.append(Problem(label, doc.line(*path), f"{prefix}003",
                                f"{where}: {err.message}", _fix(err)))
    return problems


def _fix(err) -> str:
    desc = err.schema.get("description")
    return desc or ""
