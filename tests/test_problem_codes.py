"""One folder per problem code under tests/problems/: an overlay on the small test project
(files/, and delete.txt for paths to remove) and expected.txt, the exact lines `glossa check`
prints for that code. Refresh with `pytest --update-golden` and review the diff.

A file named X.repeat holds {"text": ..., "times": N} and becomes X (large inputs stay out
of the repository)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from glossa.cli import main
from helpers import make_project

CASES = sorted(p for p in (Path(__file__).parent / "problems").iterdir() if p.is_dir())


def apply(case: Path, project: Path) -> None:
    deletions = case / "delete.txt"
    if deletions.exists():
        for rel in deletions.read_text(encoding="utf-8").split():
            target = project / rel
            shutil.rmtree(target) if target.is_dir() else target.unlink()
    files = case / "files"
    for src in sorted(files.rglob("*")):
        if src.is_dir():
            continue
        dest = project / src.relative_to(files)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.suffix == ".repeat":
            recipe = json.loads(src.read_text(encoding="utf-8"))
            dest.with_suffix("").write_text(recipe["text"] * recipe["times"], encoding="utf-8")
        else:
            shutil.copyfile(src, dest)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_problem_code(case, tmp_path, capsys, request):
    code = case.name.split("-")[0]
    project = make_project(tmp_path / "project")
    apply(case, project)
    exit_code = main(["check", "--root", str(project)])
    out = capsys.readouterr()
    lines = [ln for ln in (out.err + out.out).splitlines() if f": {code} " in ln]
    expected = case / "expected.txt"
    if request.config.getoption("--update-golden") or not expected.exists():
        expected.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines, f"{code} was not reported:\n{out.err}"
    assert "\n".join(lines) + "\n" == expected.read_text(encoding="utf-8")
    assert "Traceback" not in out.err
    warning_only = {"A013", "A015", "F001", "F003", "F004", "F005", "F006", "F007",
                    "F011", "F012", "G008", "P005", "P007", "P008", "Y008", "C001", "C002",
                    "R006", "R007", "R008"}
    if code not in warning_only:
        assert exit_code == 1
        return
    # A warning fails nothing by itself; the case may show an error of another code too (a
    # marker left as text leaves its note with no marker: F002).
    summary = re.search(r"^(\d+) errors?", out.err, re.MULTILINE)
    errors = int(summary.group(1)) if summary else 0
    others = [ln for ln in out.err.splitlines() if re.match(r"\S+: [A-Z]\d{3} ", ln)
              and f": {code} " not in ln]
    assert errors <= len(others)
    assert exit_code == (1 if errors else 0)
