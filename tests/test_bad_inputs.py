"""Every bad input an editor may commit, fed through `glossa ingest`, `glossa check` and
`mkdocs build --strict`: each is either read correctly, or refused with a clear message
naming the file, a non-zero exit, no traceback, and the previous site untouched."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import make_project

PAPER = Path("content/papers/gambit")
CLEAN = (Path(__file__).parent / "fixtures/project" / PAPER / "source.txt").read_bytes()


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)


def glossa(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "glossa.cli", *args], project)


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], project)


def hashes(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A project built once with good content; each test starts from a copy of it."""
    project = make_project(tmp_path_factory.mktemp("good") / "project")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(built, tmp_path):
    import shutil

    dest = tmp_path / "project"
    shutil.copytree(built, dest)
    return dest


def ingest_json(project: Path) -> str:
    result = glossa(project, "ingest", str(PAPER / "source.txt"), "--json")
    assert result.returncode == 0, result.stderr
    return result.stdout


SAME_READING = {
    "utf8-bom": b"\xef\xbb\xbf" + CLEAN,
    "crlf-line-endings": CLEAN.replace(b"\n", b"\r\n"),
    "cr-line-endings": CLEAN.replace(b"\n", b"\r"),
    "tabs-between-words": CLEAN.replace(b"Moscow has", b"Moscow\thas"),
}


@pytest.mark.parametrize("name", SAME_READING)
def test_read_the_same_as_the_clean_text(project, name):
    clean = ingest_json(project)
    (project / PAPER / "source.txt").write_bytes(SAME_READING[name])
    assert ingest_json(project) == clean
    assert glossa(project, "check").returncode == 0
    assert mkdocs_build(project).returncode == 0


def test_a_line_of_one_megabyte_is_read(project):
    text = ("A Title\n\n" + "word " * 200_000 + "\n").encode()
    (project / PAPER / "source.txt").write_bytes(text)
    (project / "content/themes/sanctions.yml").unlink()  # its pins name the old paragraphs
    result = glossa(project, "ingest", str(PAPER / "source.txt"))
    assert result.returncode == 0 and "1 paragraphs" in result.stdout
    assert glossa(project, "check").returncode == 0


REFUSED = {
    "empty-file": (PAPER / "source.txt", b"", "S001"),
    "only-white-space": (PAPER / "source.txt", b"\n \n\t\n", "S001"),
    "binary-file": (PAPER / "source.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "S002"),
    "nul-bytes-in-text": (PAPER / "source.txt", CLEAN[:500] + b"\x00" + CLEAN[500:], "S002"),
    "invalid-utf8": (PAPER / "source.txt", "Café ‘déjà vu’".encode("cp1252") + CLEAN, "S003"),
    "ten-megabytes": (PAPER / "source.txt", CLEAN * (10 * 2**20 // len(CLEAN) + 1), "S005"),
    "yaml-anchor-bomb": (PAPER / "paper.yml",
                         b'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\ntitle: T\n', "Y005"),
    "yaml-wrong-type": (PAPER / "paper.yml",
                        b"title: T\nauthors: Jane Doe\npublisher: null\ndate: '2018'\n", "M003"),
    "yaml-unknown-key": (PAPER / "paper.yml",
                         b"title: T\nauthors: []\npublisher: null\ndate: '2018'\nauthor: X\n",
                         "M002"),
    "yaml-duplicate-key": (PAPER / "paper.yml",
                           b"title: T\ntitle: U\nauthors: []\npublisher: null\ndate: '2018'\n",
                           "Y002"),
    "yaml-syntax-error": (PAPER / "paper.yml", b"title: [unclosed\nauthors: []\n", "Y001"),
    "glossary-wrong-type": (Path("content/glossary/sanctions.yml"),
                            b"term: sanctions\nkind: concept\nshort: [a, list]\n", "G003"),
    "theme-names-a-missing-paper": (Path("content/themes/sanctions.yml"),
                                    b"title: Sanctions\nquestion: What of sanctions?\n"
                                    b"summaries:\n  no-such-paper: A summary long enough.\n",
                                    "T010"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_refused_with_a_clear_message_and_the_site_untouched(project, name):
    path, data, code = REFUSED[name]
    before = hashes(project / "site")
    (project / path).write_bytes(data)
    for result in (glossa(project, "check"), mkdocs_build(project)):
        out = result.stdout + result.stderr
        assert result.returncode != 0, out
        assert f"{path.as_posix()}:" in out and code in out, out
        assert "Traceback" not in out, out
    if path.name == "source.txt":
        result = glossa(project, "ingest", str(path))
        assert result.returncode != 0 and code in result.stderr
        assert "Traceback" not in result.stderr
    assert hashes(project / "site") == before


def test_two_papers_with_the_same_slug(project):
    twin = project / "content/papers/Gambit"
    twin.mkdir()
    (twin / "source.txt").write_bytes(CLEAN)
    (twin / "paper.yml").write_bytes((project / PAPER / "paper.yml").read_bytes())
    result = glossa(project, "check")
    assert result.returncode == 1
    assert "content/papers/Gambit: P003 'Gambit' is not a valid paper slug" in result.stderr


HOSTILE = """A Hostile Paper

A heading

The text holds <script>alert(1)</script> and <img src=x onerror=alert(2)> and
[a link](javascript:alert(3)) and <a href="data:text/html,x">data</a> and & < > signs.1

Notes

1. See javascript:alert(4) and data:text/html;base64,PHNjcmlwdD4= and <script>alert(5)</script>.
"""


def test_html_and_scripts_are_shown_as_text_never_run(project):
    (project / PAPER / "source.txt").write_text(HOSTILE, encoding="utf-8")
    (project / PAPER / "paper.yml").write_text(
        "title: A Hostile Paper\nauthors: []\npublisher: null\ndate: null\n", encoding="utf-8")
    entry = project / "content/glossary/sanctions.yml"
    entry.write_text("term: sanctions\nkind: concept\nshort: <script>alert(6)</script> with "
                     "a \"quote\" in it.\nbody: <img src=x onerror=alert(7)>\nsources:\n"
                     "  - javascript:alert(8)\n", encoding="utf-8")
    theme = project / "content/themes/sanctions.yml"
    theme.write_text("title: Sanctions <b onmouseover=alert(9)>\nquestion: What of sanctions?"
                     "\nsummaries:\n  gambit: <script>alert(10)</script> summary text.\n",
                     encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    pages = [project / "site" / p / "index.html"
             for p in ("papers/gambit", "glossary/sanctions", "compare/sanctions")]
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        runnable = [s for s in soup.find_all("script") if s.get("type") != "application/json"]
        assert not [s for s in runnable if "alert" in s.get_text()], page
        for block in soup.find_all("script", type="application/json"):  # tooltip texts
            assert "<" not in block.string and json.loads(block.string), page
        for tag in soup.find_all(True):
            assert not [a for a in tag.attrs if a.lower().startswith("on")], (page, tag)
            for a in ("href", "src"):
                value = str(tag.get(a, "")).strip().lower()
                assert not value.startswith(("javascript:", "data:")), (page, tag)
        assert "alert(" in article.get_text()  # shown as text
    paper = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "html.parser").get_text()
    assert "<script>alert(1)</script>" in paper and "<img src=x onerror=alert(2)>" in paper


def test_a_check_that_fails_prints_its_problems_and_their_summary_and_nothing_else(
        tmp_path, capsys):
    # One typo in paper.yml: the problem and the summary, no glossary or theme suggestions
    # (they come once the check passes).
    from glossa.cli import main
    from helpers import make_project

    project = make_project(tmp_path / "project")
    meta = project / "content/papers/gambit/paper.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("publisher:", "publsher:"),
                    encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    lines = out.err.strip().splitlines()
    assert lines[0].startswith("content/papers/gambit/paper.yml:")
    assert lines[-1] == "check failed: 2 problems to fix."
    assert not [ln for ln in lines if "candidates" in ln or "Theme passages" in ln
                or ln.startswith("  ")]
    assert len(lines) <= 6, lines
    # Once it passes, the suggestions come.
    meta.write_text(meta.read_text(encoding="utf-8").replace("publsher:", "publisher:"),
                    encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 0
    assert "check passed" in capsys.readouterr().out
