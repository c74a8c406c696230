"""YAML data files -> Python data with the line of every key, or problems that name the line.

Safe loading only; aliases (the way to build "billion laughs" bombs) and duplicate keys are
refused, since an editor never needs them and both hide mistakes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from glossa.model.problems import Problem


@dataclass
class Located:
    """Data loaded from one YAML file, with the line of each key path."""

    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, *path) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


# libyaml's parser when PyYAML was built with it (the wheels are): same events and marks,
# several times faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALARS = yaml.constructor.SafeConstructor()


class _Refused(Exception):
    def __init__(self, line: int, code: str, message: str, fix: str):
        super().__init__(message)
        self.line, self.code, self.message, self.fix = line, code, message, fix


def _convert(node: yaml.Node, path: tuple, lines: dict[tuple, int]) -> object:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(key_node.start_mark.line + 1, "Y003", "a key must be plain text",
                               "write the key as a word")
            if key_node.tag.endswith(":merge") or key_node.value == "<<":
                raise _Refused(key_node.start_mark.line + 1, "Y004", "merge keys ('<<') are not "
                               "supported", "write the values out in full")
            key = key_node.value if key_node.tag == "tag:yaml.org,2002:str" else \
                str(_SCALARS.construct_object(key_node))
            if key in out:
                raise _Refused(key_node.start_mark.line + 1, "Y002", f"duplicate key '{key}'",
                               "keep one of the two")
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, path + (key,), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, path + (i,), lines) for i, v in enumerate(node.value)]
    if node.tag.endswith(":timestamp"):
        # A date is data as the editor wrote it ("2018-04-27"), checked where it is used; a
        # Python date object would only lead to messages in Python's words.
        return node.value
    try:
        return _SCALARS.construct_object(node)
    except (ValueError, yaml.YAMLError):
        kind = node.tag.rsplit(":", 1)[-1]
        raise _Refused(node.start_mark.line + 1, "Y001", f"'{node.value}' is not a valid "
                       f"{kind}", "remove the tag, or quote the value to keep it as text"
                       ) from None


def _syntax_problem(text: str, path: str) -> Problem:
    """The error in the words of the pure-Python parser, which names what it found."""
    try:
        list(yaml.parse(text, Loader=yaml.SafeLoader))
        mark, reason = None, "the file could not be parsed"
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return Problem(path, mark.line + 1 if mark else 0, "Y001", f"not valid YAML: {reason}",
                   "check the indentation and quoting on this line")


def load_yaml(text: str, path: str) -> tuple[Located | None, list[Problem]]:
    """Parse `text`; return the data with lines, or the problems."""
    try:
        events = list(yaml.parse(text, Loader=_LOADER))
    except yaml.YAMLError:
        return None, [_syntax_problem(text, path)]
    for ev in events:
        if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
            return None, [Problem(path, ev.start_mark.line + 1, "Y005", "anchors and aliases "
                                  "('&name', '*name') are not allowed",
                                  "write the value out where it is needed")]
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:  # pragma: no cover - parse above catches these
        return None, [Problem(path, 0, "Y001", f"not valid YAML: {exc}")]
    if node is None:
        return Located({}, {(): 1}), []
    lines: dict[tuple, int] = {}
    try:
        data = _convert(node, (), lines)
    except _Refused as r:
        return None, [Problem(path, r.line, r.code, r.message, r.fix)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(path, mark.line + 1 if mark else 0, "Y001",
                              f"not valid YAML: {reason}", "check this line")]
    return Located(data, lines), []


def read_yaml(file: Path, label: str) -> tuple[Located | None, list[Problem]]:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [Problem(label, 0, "Y000", f"cannot read the file: {exc.strerror}")]
    if b"\x00" in raw:
        return None, [Problem(label, 0, "Y006", "the file contains NUL bytes", "save it as text")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(label, line, "Y007", "the file is not valid UTF-8",
                              "re-save the file as UTF-8")]
    return load_yaml(text.replace("\r\n", "\n").replace("\r", "\n"), label)
