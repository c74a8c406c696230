"""The package's layers (pyproject.toml, [tool.importlinter]; README, "Where things are"):
each imports only those below it, and the two readers (ingest/text/, ingest/pdf/) import
each other in no way, checked on the import graph by import-linter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

LINT = Path(sys.executable).with_name("lint-imports")


def lint(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project / "scripts")}
    return subprocess.run([str(LINT), "--config", str(project / "pyproject.toml"),
                           "--no-cache"], cwd=project, env=env, capture_output=True, text=True)


def copy(tmp: Path) -> Path:
    project = tmp / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", project)
    shutil.copytree(ROOT / "scripts/glossa", project / "scripts/glossa",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return project


def test_the_package_keeps_its_layers(tmp_path):
    result = lint(copy(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def lint_with(tmp: Path, module: str, line: str) -> subprocess.CompletedProcess:
    """import-linter over a copy of the package with `line` (an import) added to `module`."""
    project = copy(tmp)
    path = project / "scripts" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa: E402,F401\n",
                    encoding="utf-8")
    return lint(project)


def test_an_import_against_the_layers_fails(tmp_path):
    # The model at the bottom taking a name from the site's content loader: the circle the
    # layers exist to prevent (content -> annotations -> content).
    result = lint_with(tmp_path, "glossa/model/paper.py",
                       "from glossa.publish.content import Corpus")
    assert result.returncode == 1
    assert "Each layer imports only the layers below it BROKEN" in result.stdout
    assert "glossa.model.paper -> glossa.publish.content" in result.stdout


def test_a_reader_importing_the_other_fails(tmp_path):
    # A stage both readers need is written once, in glossa.ingest, not taken from the other.
    result = lint_with(tmp_path, "glossa/ingest/pdf/notes.py",
                       "from glossa.ingest.text.notes import NOTES_HEADINGS")
    assert result.returncode == 1
    assert "share stages only through glossa.ingest BROKEN" in result.stdout
    assert "glossa.ingest.pdf.notes -> glossa.ingest.text.notes" in result.stdout
