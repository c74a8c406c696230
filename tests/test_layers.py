"""The package's layers (pyproject.toml, [tool.importlinter]; README, "Where things are"):
each imports only those below it, checked on the import graph by import-linter."""

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
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_an_import_against_the_layers_fails(tmp_path):
    # The model at the bottom taking a name from the site's content loader: the circle the
    # layers exist to prevent (content -> annotations -> content).
    project = copy(tmp_path)
    model = project / "scripts/glossa/model/paper.py"
    model.write_text(model.read_text(encoding="utf-8")
                     + "\nfrom glossa.publish.content import Corpus  # noqa: E402,F401\n",
                     encoding="utf-8")
    result = lint(project)
    assert result.returncode == 1
    assert "Each layer imports only the layers below it BROKEN" in result.stdout
    assert "glossa.model.paper -> glossa.publish.content" in result.stdout
