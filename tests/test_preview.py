"""`glossa serve`'s preview: after an edit, the pages that depend on it are rendered again,
and no others; a page that depends on the edit is never left stale."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from glossa.publish.preview import Plan, Preview, changed_files, plan, snapshot
from glossa.publish.site import Site, generate
from helpers import ROOT

PAPER = "content/papers/russias-gambit/source.txt"
ENTRY = "content/glossary/kim-jong-un.yml"


def real_project(dest: Path) -> Path:
    """The site's own content and configuration, in `dest`."""
    for name in ("content", "docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "scripts/glossa/publish").mkdir(parents=True)
    shutil.copy(ROOT / "scripts/glossa/publish/mkdocs_adapter.py", dest / "scripts/glossa/publish/")
    return dest


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    root = real_project(tmp_path_factory.mktemp("preview"))
    restarts: list[int] = []
    pv = Preview(root, root / "served", "http://127.0.0.1:8000/",
                 on_code_change=lambda: restarts.append(1))
    assert pv.full_build()
    pv.restarts = restarts
    return pv


def edit(pv: Preview, rel: str, old: str, new: str) -> str:
    path = pv.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


def update(pv: Preview) -> dict:
    pv.update()
    pv.wait_later()
    return pv.last


def pages_whose_markdown_changed(before: Site, after: Site) -> set[str]:
    return {p for p in after.pages if after.pages[p] != before.pages[p]}


def html_of(pv: Preview, written: list[str]) -> set[str]:
    return {w for w in written if w.endswith(".html")}


def stamps(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


def test_an_edit_to_a_paper_renders_only_the_pages_whose_markdown_changed(preview):
    before = generate(preview.root, memo=None)
    times = stamps(preview.site_dir)
    text = edit(preview, PAPER, "there is one cardinal difference",
                "there is one cardinal distinction")
    try:
        after = generate(preview.root, memo=None)  # a cold run: what depends on the edit
        expected = pages_whose_markdown_changed(before, after)
        assert "papers/russias-gambit.md" in expected
        last = update(preview)
        assert not last["full"]
        assert last["first"] == ["papers/russias-gambit.md"]  # the edited paper's page first
        want = {preview.hook.dest_path(preview.build, p) for p in expected}
        assert html_of(preview, last["written"]) == want
        assert len(want) < 6, want  # not the 90-odd pages of the site
        now = stamps(preview.site_dir)
        touched = {p for p in now if now[p] != times.get(p)}
        assert touched == set(last["written"])  # nothing else was written
        page = (preview.site_dir / "papers/russias-gambit/index.html").read_text()
        assert "cardinal distinction" in page and "cardinal difference" not in page
    finally:
        (preview.root / PAPER).write_text(text, encoding="utf-8")
        update(preview)
    page = (preview.site_dir / "papers/russias-gambit/index.html").read_text()
    assert "cardinal difference" in page


def test_a_page_rendered_after_an_edit_is_the_page_a_full_build_makes(preview, tmp_path):
    text = edit(preview, PAPER, "there is one cardinal difference",
                "there is one cardinal distinction")
    try:
        update(preview)
        fresh = Preview(preview.root, tmp_path / "fresh", preview.serve_url)
        assert fresh.full_build()
        for page in ("papers/russias-gambit/index.html", "compare/index.html"):
            assert (preview.site_dir / page).read_text() == (tmp_path / "fresh" / page
                                                             ).read_text(), page
    finally:
        (preview.root / PAPER).write_text(text, encoding="utf-8")
        update(preview)


def test_a_new_definition_reaches_every_paper_page_that_uses_the_term(preview):
    old = "Leader of North Korea since December 2011"
    new = "Head of the North Korean state since December 2011"
    text = edit(preview, ENTRY, old, new)
    try:
        last = update(preview)
        assert last["first"] == ["glossary/kim-jong-un.md"]  # the entry's own page first
        written = html_of(preview, last["written"])
        for paper in ("russias-gambit", "putin-and-north-korea"):
            assert f"papers/{paper}/index.html" in written
            page = (preview.site_dir / f"papers/{paper}/index.html").read_text()
            assert new in page and old not in page  # the tooltip's definition
        assert "glossary/index.html" in written  # it lists each entry's definition
        # and not the other glossary entries
        assert not any(w.startswith("glossary/") and "kim-jong-un" not in w
                       and w != "glossary/index.html" for w in written)
    finally:
        (preview.root / ENTRY).write_text(text, encoding="utf-8")
        update(preview)


def test_a_new_title_changes_the_navigation_so_everything_is_built_again(preview):
    path = "content/papers/russias-gambit/paper.yml"
    text = (preview.root / path).read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    edit(preview, path, title, title + " (edited)")
    try:
        last = update(preview)
        assert last["full"]
        assert "(edited)" in (preview.site_dir / "index.html").read_text()  # the nav
    finally:
        (preview.root / path).write_text(text, encoding="utf-8")
        update(preview)


def test_a_content_error_keeps_the_last_good_pages_until_it_is_fixed(preview, capsys):
    path = "content/papers/russias-gambit/paper.yml"
    times = stamps(preview.site_dir)
    text = edit(preview, path, "title:", "title: [unclosed\ntitle:")
    try:
        update(preview)
        err = capsys.readouterr().err
        assert "paper.yml" in err and "last good build" in err
        now = stamps(preview.site_dir)
        assert now == times  # nothing written
    finally:
        (preview.root / path).write_text(text, encoding="utf-8")
    last = update(preview)
    # Fixed as it was: nothing differs from the last good build, so no page is rendered.
    assert not last["full"] and html_of(preview, last["written"]) == set()


def test_a_request_for_a_page_being_made_waits_until_it_is_written(preview):
    preview.pending = {"compare/index.html"}
    served: list[float] = []

    def request():
        preview.wait_for("compare/index.html")
        served.append(time.perf_counter())

    thread = threading.Thread(target=request)
    thread.start()
    time.sleep(0.3)
    assert not served  # still waiting
    cleared = time.perf_counter()
    with preview.cond:
        preview.pending = set()
        preview.cond.notify_all()
    thread.join(5)
    assert served and served[0] >= cleared
    preview.wait_for("papers/russias-gambit/index.html")  # not pending: no wait


def test_an_edit_to_the_code_starts_the_preview_again(preview):
    code = preview.root / "scripts/glossa/publish/mkdocs_adapter.py"
    text = code.read_text(encoding="utf-8")
    code.write_text(text + "\n# edited\n", encoding="utf-8")
    try:
        preview.update()
        assert preview.restarts
    finally:
        code.write_text(text, encoding="utf-8")
        preview.restarts.clear()
        preview.files = snapshot(preview.root)


@pytest.mark.parametrize("edited, reason", [
    ({"mkdocs.yml"}, "configuration"),
    ({"overrides/main.html"}, "templates"),
    ({"docs/stylesheets/glossa.css"}, "docs/"),
    ({"scripts/glossa/publish/site.py"}, "code"),
])
def test_edits_to_configuration_templates_assets_or_code_need_a_full_build(edited, reason):
    site = Site(pages={"a.md": "x"})
    assert reason in plan(site, site, edited, {}).full


def test_an_edit_to_a_hand_written_page_renders_that_page():
    site = Site(pages={"papers/a.md": "x"}, owners={"papers/a.md": ("content/papers/a/",)})
    decided = plan(site, site, {"docs/about.md"}, {"about.md": ("old", "new"),
                                                   "index.md": ("same", "same")})
    assert decided == Plan(first=["about.md"])


def test_changed_files_are_found_by_size_time_and_inode():
    assert changed_files({"a": (1, 2, 3), "b": (1, 1, 1)}, {"a": (1, 2, 4), "c": (0, 0, 0)}
                         ) == {"a", "b", "c"}


def test_a_failure_while_rendering_builds_everything_instead(preview, monkeypatch):
    text = edit(preview, PAPER, "there is one cardinal difference",
                "there is one cardinal distinction")
    try:
        def broken(*args, **kwargs):
            raise RuntimeError("a template failed")
        monkeypatch.setattr(preview.hook, "render_pages", broken)
        last = update(preview)
        monkeypatch.undo()
        assert last["full"]
        page = (preview.site_dir / "papers/russias-gambit/index.html").read_text()
        assert "cardinal distinction" in page
        assert not preview.pending
    finally:
        (preview.root / PAPER).write_text(text, encoding="utf-8")
        update(preview)


def test_a_second_notice_of_the_same_save_returns_at_once(preview):
    text = edit(preview, ENTRY, "Leader of North Korea", "Head of North Korea")
    try:
        preview.update()  # the second round (every paper page using the entry) goes on
        started = time.perf_counter()
        preview.update()  # the watcher's second event for the same save
        assert time.perf_counter() - started < 0.5
        assert preview.later is not None  # not joined: requests are not held meanwhile
        preview.wait_later()
    finally:
        (preview.root / ENTRY).write_text(text, encoding="utf-8")
        update(preview)


def test_a_new_hand_written_page_needs_a_full_build():
    site = Site(pages={"a.md": "x"})
    assert "added" in plan(site, site, {"docs/new.md"}, {"new.md": (None, "# New")}).full
