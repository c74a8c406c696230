"""Whole builds: strict MkDocs build passes, two builds give byte-identical pages, the
generated pages never land in docs/, and a failed build leaves the last good site."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT


def glossa(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "glossa.cli", *args], cwd=cwd,
                          capture_output=True, text=True)


def page_hashes(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    a = tmp_path_factory.mktemp("a") / "site"
    b = tmp_path_factory.mktemp("b") / "site"
    for out in (a, b):
        result = glossa("build", "--out", str(out))
        assert result.returncode == 0, result.stderr
    return a, b


def test_strict_build_makes_a_page_per_paper(two_builds):
    site, _ = two_builds
    for slug in ("putin-and-north-korea", "russias-gambit"):
        assert (site / "papers" / slug / "index.html").is_file()


def test_two_builds_give_byte_identical_pages(two_builds):
    a, b = two_builds
    assert page_hashes(a) == page_hashes(b)


def test_the_hosted_search_index_is_the_same_between_builds(two_builds):
    """Every word chunk and page fragment is byte-identical. Pagefind writes the values of a
    filter in the order of a Rust hash map, seeded anew in each process: the filter files
    (and the meta and entry files naming them by their hash) may differ in that order."""
    def files(site, same):
        return {p.relative_to(site).as_posix(): p.read_bytes()
                for p in sorted((site / "pagefind").rglob("*"))
                if p.is_file() and same == (p.parent.name in ("fragment", "index")
                                            or p.suffix in (".js", ".css", ".pagefind"))}
    a, b = two_builds
    fa, fb = files(a, True), files(b, True)
    assert fa and fa == fb, _fragments_apart(fa, fb)
    assert len(files(a, False)) == len(files(b, False))
    assert "pagefind-entry.json" in " ".join(files(a, False))


def test_the_hosted_build_indexes_each_page_in_chunks_and_the_theme_loads_no_text(two_builds):
    import json
    import re

    site = two_builds[0]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = [p for p in site.rglob("*.html")
             if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    annotation = re.compile(r'class="glossa-annotation glossa-annotation--[^"]*" id="[^"]*"'
                            r'[^>]*data-para="([^"]+)"')
    annotated = {(p.parent.name, para) for p in (site / "papers").rglob("index.html")
                 for para in annotation.findall(p.read_text(encoding="utf-8"))}
    assert len(annotated) >= 2  # one record per annotated paragraph
    assert entry["languages"]["en"]["page_count"] == len(pages) + len(annotated)
    assert len(list((site / "pagefind" / "fragment").iterdir())) == entry["languages"]["en"][
        "page_count"]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and index["config"]["lang"] == ["en"]
    for page in site.rglob("*.html"):
        assert "glossa-search-worker.js" in page.read_text(encoding="utf-8"), page
    papers = json.loads((site / "search" / "papers.json").read_text(encoding="utf-8"))
    assert sorted(slug for slug, _ in papers) == ["putin-and-north-korea", "russias-gambit"]
    spellings = json.loads((site / "search" / "spellings.json").read_text(encoding="utf-8"))
    assert any({"Gaddafi", "Gadaffi"} <= set(group) for group in spellings)


def test_the_hosted_index_holds_the_texts_not_markers_navigation_or_quoted_passages(
        two_builds):
    """What Pagefind stored of each page (its fragments): a paper's words, its notes; not the
    paragraph and note markers, the navigation, the footer, nor the passages a comparison
    page quotes from a paper (the paper's own page has them)."""
    import gzip
    import json

    site = two_builds[0]
    pages = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        pages[fragment["url"]] = fragment
    paper = pages["/papers/putin-and-north-korea/"]["content"]
    assert "vital interest in preventing a regional" in paper
    assert "Made with" not in paper and "Skip to content" not in paper
    assert "¶" not in paper and "Link to paragraph" not in paper and "↩" not in paper
    quoting = [f"/compare/{p.parent.name}/" for p in (site / "compare").glob("*/index.html")
               if "vital interest in preventing a regional" in p.read_text(encoding="utf-8")]
    assert quoting  # the paragraph is quoted on a comparison page...
    for url in quoting:  # ...and indexed on its paper's page only
        assert "vital interest in preventing a regional" not in pages[url]["content"]
        assert pages[url]["content"].strip()
    assert "Editors’ annotation" in pages["/papers/putin-and-north-korea/#p8"]["meta"]["title"]


def test_the_offline_build_has_an_index_of_script_files_and_no_whole_index(tmp_path):
    import json

    out = tmp_path / "site"
    result = glossa("build", "--offline", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert not (out / "pagefind").exists()
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []  # the theme loads settings only
    shards = out / "search" / "index"
    assert (shards / "meta.js").is_file() and (shards / "papers.js").is_file()
    assert list((shards / "t").glob("*.js")) and list((shards / "x").glob("*.js"))
    assert all(f.stat().st_size < 64 * 1024 for f in (shards / "t").glob("*.js"))
    page = (out / "papers" / "russias-gambit.html").read_text(encoding="utf-8")
    assert "glossa-shard-search.js" in page and "data-pagefind-body" not in page
    assert (out / "javascripts" / "glossa-shard-search.js").is_file()


def test_nothing_generated_in_docs():
    tracked = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert tracked == {"index.md", "about.md", "reading.md"}


def test_home_page_lists_the_papers(two_builds):
    html = (two_builds[0] / "index.html").read_text(encoding="utf-8")
    assert "Putin and North Korea" in html and "Russia’s Gambit" in html
    assert "glossa:papers" not in html


def test_every_page_carries_the_attribution(two_builds):
    for page in two_builds[0].rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "md-footer" in html:
            assert "Jacqueline Westermann" in html and "author unknown" in html, page


def test_export_writes_the_markdown_tree(tmp_path):
    result = glossa("export", "--out", str(tmp_path / "md"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "md/papers/russias-gambit.md").read_text(encoding="utf-8").startswith("---")
    assert "glossa:papers" not in (tmp_path / "md/index.md").read_text(encoding="utf-8")


def test_failed_build_leaves_the_last_good_site(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".venv", ".git", "site", "site-offline*", "tests", "__pycache__", ".*cache"))
    out = tmp_path / "site"
    assert glossa("build", "--out", str(out), cwd=project).returncode == 0
    before = page_hashes(out)
    (project / "content/papers/russias-gambit/source.txt").write_bytes(b"\x00\x01binary")
    result = glossa("build", "--out", str(out), cwd=project)
    assert result.returncode == 1
    assert "S002" in result.stderr and "Traceback" not in result.stderr
    assert "content/papers/russias-gambit/source.txt" in result.stderr
    assert page_hashes(out) == before


def test_glossary_backlinks_match_the_links_in_the_papers(two_builds):
    from bs4 import BeautifulSoup

    site = two_builds[0]
    in_papers: dict[str, set] = {}
    for page in (site / "papers").glob("*/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select("article a.glossa-term"):
            entry = a["href"].rstrip("/").split("/")[-1]
            para = a.find_parent("p")["id"]
            in_papers.setdefault(entry, set()).add((page.parent.name, para))
    listed: dict[str, set] = {}
    for page in (site / "glossary").glob("*/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select("article li a[href*='papers/']"):
            path, para = a["href"].split("#")
            listed.setdefault(page.parent.name, set()).add((path.rstrip("/").split("/")[-1], para))
    assert len(listed) >= 50
    assert in_papers == listed


def test_every_comparison_passage_links_to_the_paragraph_it_shows(two_builds):
    from bs4 import BeautifulSoup

    site = two_builds[0]
    pages = sorted(p for p in (site / "compare").glob("*/index.html"))
    assert len(pages) >= 8
    paper_cache: dict[str, BeautifulSoup] = {}
    checked = 0
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        columns = soup.select(".glossa-compare__col")
        assert len(columns) == 2, page
        for passage in soup.select(".glossa-passage"):
            link = passage.select_one(".glossa-passage__source a")
            path, para = link["href"].split("#")
            slug = path.rstrip("/").split("/")[-1]
            if slug not in paper_cache:
                paper_cache[slug] = BeautifulSoup((site / "papers" / slug / "index.html")
                                                  .read_text(encoding="utf-8"), "html.parser")
                for ref in paper_cache[slug].select("a.glossa-annotation-ref"):
                    ref.decompose()  # the site's apparatus (A1), like the ¶ number
            target = paper_cache[slug].select_one(f"p#{para}")
            shown = passage.find_all("p")[-1]
            words = " ".join(shown.get_text(" ").split()).replace(" ", "")
            original = " ".join(target.get_text(" ").split()).replace(" ", "")
            assert original.endswith(words), (page, para)
            checked += 1
    assert checked >= 40


def test_every_page_has_a_policy_that_lists_exactly_its_own_inline_scripts(two_builds):
    """The CSP comes before any script, forbids inline handlers and other hosts, and hashes
    each inline script the theme wrote; nothing else on the page could run."""
    import base64
    import re

    from bs4 import BeautifulSoup

    for page in two_builds[0].rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, page
        assert html.index("Content-Security-Policy") < html.index("<script"), page
        policy = dict(d.strip().split(" ", 1) for d in meta["content"].split(";"))
        assert "'unsafe-inline'" not in policy["script-src"], page
        assert not re.search(r"https?:|\*", policy["script-src"] + policy["default-src"]), page
        assert policy["object-src"] == "'none'", page
        allowed = set(re.findall(r"'sha256-([^']+)'", policy["script-src"]))
        # Data blocks (JSON, JSON-LD) never run: no hash needed, none given.
        inline = [s.string or "" for s in soup.find_all("script") if not s.get("src")
                  and s.get("type") not in ("application/json", "application/ld+json")]
        digests = {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
                   for s in inline}
        assert digests == allowed, page


def test_a_site_with_papers_only_builds_and_offers_no_missing_pages(tmp_path):
    """A new site: one paper, no glossary, no themes. The strict build passes, and the home
    page does not point at a glossary or comparisons that do not exist."""
    from helpers import make_project

    project = make_project(tmp_path / "project")
    shutil.rmtree(project / "content/glossary")
    shutil.rmtree(project / "content/themes")
    out = tmp_path / "site"
    result = glossa("build", "--root", str(project), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "compare/" not in home and "glossary/" not in home


def test_the_paper_page_marks_every_annotation_and_the_index_lists_them(two_builds):
    from bs4 import BeautifulSoup

    from glossa.publish.content import load_corpus

    site = two_builds[0]
    corpus = load_corpus(ROOT)
    index = BeautifulSoup((site / "annotations" / "index.html").read_text(encoding="utf-8"),
                          "html.parser")
    listed = {a["href"] for a in index.select("article li a[href*='#a-']")}
    for slug in {a.paper for a in corpus.annotations}:
        page = BeautifulSoup((site / "papers" / slug / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        ids = sorted(f"a-{a.id}" for a in corpus.annotations if a.paper == slug)
        notes = page.select(".glossa-annotations .glossa-annotation")
        assert sorted(n["id"] for n in notes) == ids
        for n in notes:
            para = n.find_parent(class_="glossa-annotated").select_one(".glossa-para")
            assert para["id"] == n["data-para"]
            assert para.select_one(f"a.glossa-annotation-ref[href='#{n['id']}']")
            assert f"../papers/{slug}/#{n['id']}" in listed
        summary = " ".join(page.select_one(".glossa-annotation-summary").get_text(" ").split())
        assert f"Editors’ annotations: {len(ids)} (" in summary
        printed = page.select(".glossa-annotations-print li")
        assert [li["value"] for li in printed] == [str(i) for i in range(1, len(ids) + 1)]


def _fragments_apart(fa: dict[str, bytes], fb: dict[str, bytes]) -> str:
    """What differs between two builds' Pagefind files, decoded (the failure is intermittent:
    the message has to say which page's fragment moved, and how)."""
    import gzip
    out = []
    for name in sorted(set(fa) ^ set(fb))[:4]:
        data = fa.get(name) or fb.get(name)
        text = gzip.decompress(data).decode("utf-8", "replace") if data[:2] == b"\x1f\x8b" \
            else repr(data[:200])
        side = "first" if name in fa else "second"
        out.append(f"only in the {side} build: {name}: {text[-1500:]}")
    return "\n".join(out) or "same names, different bytes"

