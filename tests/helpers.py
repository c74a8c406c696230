"""Paths and readers shared by the tests (conftest.py holds the fixtures)."""

from __future__ import annotations

from pathlib import Path

from glossa.ingest import Hints, ingest_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


def read_fixture(name: str):
    text = (FIXTURES / "more" / name).read_text(encoding="utf-8")
    return text, ingest_text(text, Hints())


def make_project(dest: Path) -> Path:
    """A small, complete project in `dest`: the real site config and pages, and the test
    content of tests/fixtures/project (one paper, a few glossary entries, one theme)."""
    import shutil

    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    (dest / "scripts/glossa/publish").mkdir(parents=True)
    shutil.copy(ROOT / "scripts/glossa/publish/mkdocs_adapter.py", dest / "scripts/glossa/publish/")
    shutil.copytree(FIXTURES / "project/content", dest / "content")
    return dest


def block_outside_requests(page) -> list[str]:
    """Abort every request of `page` that leaves the folder (not file:); return the list of
    addresses it tried, which an offline site must keep empty."""
    escaped: list[str] = []

    def guard(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            escaped.append(route.request.url)
            route.abort()

    page.context.route("**/*", guard)
    return escaped


def build_offline(project: Path) -> str:
    """Build `project` as the offline site (its site/ folder); return the file:// base URL."""
    import subprocess
    import sys

    out = project / "site"
    result = subprocess.run([sys.executable, "-m", "glossa.cli", "build", "--offline",
                             "--root", str(project), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr + result.stdout
    return out.as_uri() + "/"
