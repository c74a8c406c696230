"""No editor-written string becomes markup in a reader's browser, on any path.

Payloads (`<img onerror>`, `<svg onload>`, `<script>`, `javascript:` links, attribute
breakouts with both quotes) go into every free-text field of every data file: paper metadata,
editors' notes, glossary terms, aliases and definitions, theme questions and summaries,
editors' annotations (body, author, sources). The
site is built served and offline; every kind of page is loaded, every term, marker and link
hovered and focused, search opened with a word from the payloads. No dialog may open and no
element of a payload may appear in the page. A second test breaks the escaping on purpose (a
handler and a script written into a built page) and sees the Content-Security-Policy block
both, in both builds.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from importlib import resources
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from helpers import ROOT, block_outside_requests, make_project

expect.set_options(timeout=5000)

# Each payload carries `data-pwn` on any element it would create, and the word "xsspayload"
# for search. Attribute breakouts close a double or a single quote first.
PAYLOADS = [
    '<img data-pwn src=x onerror="alert(1)">',
    '<svg data-pwn onload="alert(2)"></svg>',
    "<script data-pwn>alert(3)</script>",
    '<a data-pwn href="javascript:alert(4)">javascript link</a>',
    '"><img data-pwn src=x onerror=alert(5)>',
    "'><svg data-pwn onload=alert(6)>",
    "javascript:alert(7)",
    "[link](javascript:alert(8)){: data-pwn onclick=alert(8) }",
]
# Fields whose value must match something else in the content (a pinned phrase, an entry
# id, a heading of the paper): a payload there is an error `glossa check` reports, tested in
# tests/problems/. Every other string field is free text and gets a payload.
REFERENCES = {"passages", "exclude", "related", "levels", "quote", "prefix", "suffix"}
SCHEMAS = {"paper.yml": "paper", "notes.yml": "notes", "glossary": "glossary",
           "themes": "theme", "annotations": "annotation"}


class Injector:
    def __init__(self):
        self.count = 0

    def payload(self) -> str:
        text = f"xsspayload n{self.count} {PAYLOADS[self.count % len(PAYLOADS)]}"
        self.count += 1
        return text

    def walk(self, value, schema: dict, path: tuple):
        if isinstance(value, dict):
            props = schema.get("properties", {})
            extra = schema.get("additionalProperties")
            return {k: v if k in REFERENCES else
                    self.walk(v, props.get(k) or (extra if isinstance(extra, dict) else {}),
                              path + (k,))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [self.walk(v, schema.get("items", {}), path + (i,))
                    for i, v in enumerate(value)]
        if isinstance(value, str) and "pattern" not in schema and "enum" not in schema:
            return f"{value} {self.payload()}"
        if path[-1:] == ("url",):
            # Allowed by the schema (it starts with https://), then breaks out of href="".
            return 'https://example.org/"><svg/data-pwn/onload=alert(9)>'
        return value


def _schema(name: str) -> dict:
    return json.loads(resources.files("glossa.model").joinpath(f"schemas/{name}.schema.json")
                      .read_text(encoding="utf-8"))


def hostile_project(dest: Path) -> tuple[Path, int]:
    """The test project plus the first real paper, with a payload in every free-text field
    of every data file; returns the project and the number of fields that got one."""
    project = make_project(dest)
    shutil.copytree(ROOT / "content/papers/putin-and-north-korea",
                    project / "content/papers/putin-and-north-korea")
    (project / "content/papers/putin-and-north-korea/notes.yml").write_text(
        "notes:\n  - n: 1\n    text: An editor's note.\n    source: A test fixture\n",
        encoding="utf-8")
    shutil.copytree(ROOT / "content/annotations/putin-and-north-korea",
                    project / "content/annotations/putin-and-north-korea")
    injector = Injector()
    for file in sorted((project / "content").rglob("*.yml")):
        kind = (SCHEMAS.get(file.name) or SCHEMAS.get(file.parent.name)
                or SCHEMAS.get(file.parent.parent.name))
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        term = data.get("term") if kind == "glossary" else None
        data = injector.walk(data, _schema(kind), ())
        if term:  # the entry must still be found in the papers: its plain term is an alias
            data["aliases"] = [*data.get("aliases", []), term]
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return project, injector.count


def _build(project: Path, out: Path, *extra: str) -> None:
    result = subprocess.run([sys.executable, "-m", "glossa.cli", "build", "--root", str(project),
                             "--out", str(out), *extra], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    project, fields = hostile_project(root / "project")
    assert fields >= 20
    check = subprocess.run([sys.executable, "-m", "glossa.cli", "check", "--root", str(project)],
                           capture_output=True, text=True)
    assert check.stdout.count(": Y008 ") + check.stderr.count(": Y008 ") >= 20  # editor told
    served = root / "served"
    served.mkdir()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(served)))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    _build(project, served, "--site-url", url)
    offline = root / "offline" / "site"
    _build(project, offline, "--offline")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"served": (url, served, "/"), "offline": (offline.as_uri() + "/", offline, ".html")}
    server.shutdown()


PAGES = ["", "papers/", "papers/gambit/", "papers/putin-and-north-korea/", "annotations/",
         "glossary/", "glossary/sanctions/", "glossary/north-korea/", "compare/",
         "compare/sanctions/", "about/", "reading/"]
HOSTS = "a.glossa-term, a.footnote-ref, a.glossa-noteref, a.footnote-backref"
INJECTED = """() => ({
  elements: document.querySelectorAll('[data-pwn]').length,
  scriptLinks: [...document.querySelectorAll('a[href], area[href], iframe[src]')]
    .filter(a => /^\\s*(javascript|data|vbscript):/i.test(a.getAttribute('href') ||
                                                      a.getAttribute('src') || '')).length,
  handlers: [...document.querySelectorAll('*')].filter(
    el => [...el.attributes].some(a => /^on/i.test(a.name))).length,
})"""


def _url(base: str, path: str, suffix: str, folder: Path | None = None) -> str:
    if suffix == "/":
        return base + path
    if folder is not None and (folder / path / "index.html").is_file():
        return base + path + "index.html"  # a section's index page: papers/index.html
    return base + (path.rstrip("/") + ".html" if path else "index.html")


def _guard(page: Page, mode: str) -> tuple[list, list]:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    escaped = block_outside_requests(page) if mode == "offline" else []
    return dialogs, escaped


def _assert_inert(page: Page, where: str) -> None:
    found = page.evaluate(INJECTED)
    assert found == {"elements": 0, "scriptLinks": 0, "handlers": 0}, (where, found)


@pytest.mark.parametrize("mode", ["served", "offline"])
def test_payloads_in_every_data_field_stay_text(page: Page, hostile, mode, artifacts):
    base, folder, suffix = hostile[mode]
    dialogs, escaped = _guard(page, mode)
    for path in PAGES:
        page.goto(_url(base, path, suffix, folder))
        expect(page.locator("body")).to_contain_text("xsspayload")  # article or footer
        hosts = page.locator(HOSTS)
        for i in range(min(hosts.count(), 40)):
            host = hosts.nth(i)
            if host.is_visible():
                host.hover()
        page.evaluate("""() => { for (const a of document.querySelectorAll('a, button')) {
            a.focus(); a.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
            a.dispatchEvent(new MouseEvent('mouseenter')); } }""")
        page.wait_for_timeout(100)
        _assert_inert(page, path)
        if path == "papers/putin-and-north-korea/":
            page.locator("a.glossa-term").first.hover()
            expect(page.locator("#glossa-tip.glossa-tip--active")).to_contain_text("xsspayload")
            page.screenshot(path=str(artifacts / f"security-tooltip-{mode}.png"),
                            animations="disabled")
    # Search with words from the payloads: results list titles and texts that hold them.
    page.goto(_url(base, "papers/gambit/", suffix))
    page.locator("input.md-search__input").click()
    page.keyboard.type("xsspayload")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    for i in range(min(results.count(), 10)):
        results.nth(i).hover()
    _assert_inert(page, "search results")
    page.screenshot(path=str(artifacts / f"security-search-{mode}.png"), animations="disabled")
    if mode == "served":  # the hosted search's paper menu lists the papers' titles
        menu = page.locator(".glossa-search-filters select[name=paper]")
        menu.focus()
        expect(menu.locator("option", has_text="xsspayload").first).to_be_attached()
        menu.select_option(index=1)
        expect(results.first).to_be_visible()
        _assert_inert(page, "search filtered by a paper")
    results.first.click()
    page.wait_for_load_state()
    _assert_inert(page, "search landing")
    assert dialogs == [], dialogs
    assert escaped == [], escaped


SCRIPT_PROBE = ('<img data-probe src="missing.png" onerror="document.title=\'handler ran\'">'
                "<script>document.title='inline script ran'</script>"
                '<a id="js-link" href="javascript:document.title=\'link ran\'">x</a>')


@pytest.mark.parametrize("mode", ["served", "offline"])
def test_the_policy_blocks_markup_that_escaped_escaping(page: Page, hostile, mode):
    """Escaping is the first defence; if it ever failed, the policy would still stop a
    handler, an inline script and a javascript: link from running."""
    base, folder, suffix = hostile[mode]
    name = "papers/gambit/index.html" if suffix == "/" else "papers/gambit.html"
    html = (folder / name).read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in html
    probe = folder / name.replace("gambit", "probe")
    probe.parent.mkdir(exist_ok=True)
    probe.write_text(re.sub(r'<article [^>]*class="md-content__inner md-typeset"[^>]*>',
                            lambda m: m.group(0) + SCRIPT_PROBE, html, count=1),
                     encoding="utf-8")
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    _guard(page, mode)
    page.goto(_url(base, "papers/probe/", suffix))
    title = page.title()
    page.locator("#js-link").click()
    page.wait_for_timeout(200)
    assert page.title() == title and "ran" not in title
    assert len(violations) >= 2, violations
    # ... while the site's own scripts still run: search and the glossary tooltips.
    page.locator("a.glossa-term").first.hover()
    expect(page.locator("#glossa-tip.glossa-tip--active")).to_be_visible()
    page.locator("input.md-search__input").click()
    page.keyboard.type("sanctions")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
