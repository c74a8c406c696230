"""The offline build's search (the shard index, glossa-shard-search.js) in Chromium, opened
from disk as a student opens it: no server, every request that leaves the folder blocked and
counted, and no Content-Security-Policy violation on the console or in the page. Found by
keyboard alone and landing highlighted; a word only in a note; any spelling of a glossary
name; an editors' annotation; the filters; and a query reads a few small files."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from helpers import block_outside_requests

expect.set_options(timeout=8000)

PAPER = "papers/russias-gambit.html"
# In every frame (the search runs in the iframe-worker shim's frame): what the policy refused.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
  e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture
def disk(page: Page, offline_site):
    """The offline site from file://, with what escaped it, the console's complaints and the
    files read, checked after each test."""
    escaped = block_outside_requests(page)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning")
            else None)
    page.on("pageerror", lambda e: console.append(f"uncaught: {e}"))
    read: list[str] = []
    page.on("request", lambda r: read.append(r.url))
    page.add_init_script(WATCH)
    page.read = read
    yield offline_site
    violations = [v for f in page.frames for v in (f.evaluate("window.__violations || []")
                                                     if not f.is_detached() else [])]
    assert violations == [], violations
    assert not [c for c in console if "Content Security Policy" in c or "Refused" in c
                or c.startswith("uncaught")], console
    assert escaped == [], f"the offline site tried to fetch: {escaped}"


def _search(page: Page, words: str) -> None:
    page.keyboard.press("/")  # the theme's shortcut opens the box
    page.keyboard.type(words, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def _hrefs(page: Page) -> list[str]:
    links = page.locator(".md-search-result__item a")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


def test_keyboard_only_search_opens_the_first_result_on_its_paragraph_highlighted(
        page: Page, disk, artifacts):
    page.goto(disk + PAPER)
    _search(page, "snowball")
    passage = page.locator(".md-search-result__item a[href*='putin-and-north-korea']"
                           "[href*='#p']").first
    expect(passage).to_contain_text("‘snowball’")  # the curly quotes kept; typed without
    expect(passage.locator("mark").first).to_have_text(re.compile("snowball"))
    page.screenshot(path=str(artifacts / "offline-search-results.png"), animations="disabled")
    page.keyboard.press("ArrowDown")  # the theme moves through the results by keyboard
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    while focused and "#p" not in focused:
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.getAttribute('href')")
    para = focused.split("#")[1]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(
        rf"^file://.*/putin-and-north-korea\.html\?h=snowball#{para}$"))
    target = page.locator(f"p#{para}")
    expect(target).to_be_in_viewport()
    expect(target.locator("mark[data-md-highlight]").first).to_have_text(
        re.compile("snowball"))
    expect(target).to_have_class(re.compile("glossa-hit"))
    page.screenshot(path=str(artifacts / "offline-search-landing.png"), animations="disabled")


def test_enter_opens_the_best_result(page: Page, disk):
    page.goto(disk + PAPER)
    _search(page, "indispensible")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"russias-gambit\.html\?h=indispensible#p\d+$"))
    expect(page.locator("p.glossa-hit mark[data-md-highlight]").first).to_have_text(
        re.compile("indispensible", re.I))


def test_a_word_only_in_a_note_lands_on_the_note(page: Page, disk, artifacts):
    page.goto(disk + "index.html")
    _search(page, "Matsegora")
    note = page.locator(".md-search-result__item a[href*='russias-gambit'][href*='#fn:3']")
    expect(note).to_contain_text("Note 3")
    expect(note).to_contain_text("Interview with Russian ambassador")
    page.screenshot(path=str(artifacts / "offline-search-note.png"), animations="disabled")
    note.click()
    target = page.locator("li[id='fn:3']")
    expect(target).to_be_in_viewport()
    expect(target.locator("mark[data-md-highlight]").first).to_have_text(
        re.compile("Matsegora"))


def test_a_glossary_name_in_one_spelling_finds_the_paragraph_that_writes_another(
        page: Page, disk):
    """The entry "Muammar Gaddafi" has the alias "Gadaffi", the spelling of ¶22 of the
    first paper: typing "Gaddafi" finds that paragraph, with its spelling marked."""
    page.goto(disk + "index.html")
    _search(page, "Gaddafi")
    hit = page.locator(".md-search-result__item a[href*='putin-and-north-korea'][href$='#p22']")
    expect(hit.first).to_contain_text("Geopolitical and strategic interests · ¶22")
    expect(hit.first.locator("mark", has_text="Gadaffi").first).to_be_visible()
    assert "gadaffi" in hit.first.get_attribute("href").split("#")[0]  # highlighted there too
    assert any("glossary/muammar-gaddafi" in h for h in _hrefs(page))
    expect(page.locator(".md-search-result__item del")).to_have_count(0)  # none "missing"


def test_an_annotation_is_a_result_of_its_own_under_its_paper(page: Page, disk):
    page.goto(disk + "index.html")
    _search(page, "Vostochny kind:annotation")
    hit = page.locator(".md-search-result__item a[href*='russias-gambit'][href$='#p18']")
    expect(hit.first).to_contain_text("Editors’ annotation (update) on ¶18")
    assert all("russias-gambit" in h for h in _hrefs(page)), _hrefs(page)
    box = page.locator("input.md-search__input")
    for words in ("ratified kind:annotation", "nationals kind:annotation"):
        box.fill("")
        page.keyboard.type(words, delay=20)  # either of the two annotations of ¶8
        hit = page.locator(".md-search-result__item a[href*='putin-and-north-korea']"
                           "[href$='#p8']")
        expect(hit.first).to_contain_text("Editors’ annotations (context, source) on ¶8")


def test_filters_by_kind_of_page_and_by_paper(page: Page, disk, artifacts):
    page.goto(disk + PAPER)
    _search(page, "sanctions")
    kinds = page.locator(".glossa-search-filters select[name=kind]")
    kinds.select_option("glossary")
    box = page.locator("input.md-search__input")
    expect(box).to_have_value("sanctions kind:glossary ")
    expect(page.locator(".md-search-result__item a[href*='papers/']")).to_have_count(0)
    expect(page.locator(".md-search-result__item a[href*='glossary/']").first).to_be_visible()
    page.screenshot(path=str(artifacts / "offline-search-filtered.png"), animations="disabled")
    kinds.select_option("")
    papers = page.locator(".glossa-search-filters select[name=paper]")
    papers.focus()  # the list of papers, from a script file (fetch is refused from disk)
    expect(papers.locator("option[value='putin-and-north-korea']")).to_be_attached()
    papers.select_option("putin-and-north-korea")
    expect(box).to_have_value("sanctions paper:putin-and-north-korea ")
    expect(page.locator(".md-search-result__item a[href*='papers/russias-gambit']")
           ).to_have_count(0)
    expect(page.locator(".md-search-result__item a[href*='putin-and-north-korea']").first
           ).to_be_visible()
    box.fill("")
    page.keyboard.type("sanctions kind:paper", delay=20)  # typed by hand: the menus follow
    expect(kinds).to_have_value("paper")
    expect(papers).to_have_value("")
    expect(page.locator(".md-search-result__item a[href*='glossary/']")).to_have_count(0)
    count = page.locator(".md-search-result__meta")
    expect(count).to_have_text(re.compile(r"^\d+ matching documents?$|^The best \d+ of \d+"))


def test_a_query_reads_a_few_small_files_not_a_whole_index(page: Page, disk):
    page.goto(disk + PAPER)
    _search(page, "Kremlin")
    page.wait_for_timeout(300)
    index = [u for u in page.read if "/search/" in u]
    files = [Path(unquote(urlsplit(u).path)) for u in index]
    assert any("/search/index/t/" in u for u in index) and any("/search/index/x/" in u
                                                               for u in index)
    assert sum(f.stat().st_size for f in files) < 200 * 1024, index
    whole = Path(unquote(urlsplit(disk).path)) / "search" / "search_index.js"
    assert whole.stat().st_size < 1024  # the theme's own index: its settings only
