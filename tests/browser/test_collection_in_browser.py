"""Across the collection, as a reader sees it, served and opened from disk: the Sources page
(a work two papers cite, once, with both notes), "also cited in" in a note's preview, the
Timeline's filters and its links landing on their paragraphs; axe-core finds nothing
serious on either page."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from helpers import block_outside_requests, build_offline, make_project

expect.set_options(timeout=5000)

# A second paper whose note 2 cites the TASS interview of the first paper's note 3 (same
# address, another spelling of the title), and whose text dates two events.
WATCH = """Kremlin Watch

In February 2018, the Russian ambassador in Pyongyang spoke of talks.1 On 12 March the
ministry denied it.2

Notes

1. Ministry of Foreign Affairs, “Briefing,” March 1, 2018, https://mid.ru/briefing/1.
2. TASS, “Interview with the Russian ambassador to the DPRK,” February 7, 2018, http://tass.ru/politika/4936217.
"""


def _project(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("collection") / "project")
    paper = project / "content/papers/kremlin-watch"
    paper.mkdir()
    (paper / "source.txt").write_text(WATCH, encoding="utf-8")
    (paper / "paper.yml").write_text(
        "title: Kremlin Watch\nauthors: []\npublisher: null\ndate: '2018'\nurl: null\n"
        "format: web\nmetadata_sources: [a test]\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module", params=["served", "offline"])
def site(request, tmp_path_factory):
    project = _project(tmp_path_factory)
    if request.param == "offline":
        yield build_offline(project), ".html"
        return
    out = project / "site"
    out.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = subprocess.run([sys.executable, "-m", "glossa.cli", "build", "--root", str(project),
                             "--out", str(out), "--site-url", url], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url, "/"
    server.shutdown()


def page_url(site, name: str) -> str:
    base, ext = site
    return f"{base}{name}{ext}" if ext == ".html" else f"{base}{name}/"


def test_the_sources_page_lists_a_work_two_papers_cite_once_with_both_notes(page: Page, site,
                                                                            artifacts):
    outside = block_outside_requests(page) if site[1] == ".html" else []
    page.goto(page_url(site, "sources"))
    shared = page.locator(".glossa-sources").first.locator(".glossa-work")
    expect(shared).to_have_count(1)
    expect(shared).to_contain_text("Interview with the Russian ambassador to the DPRK”, "
                                   "7 February 2018")
    expect(shared).to_contain_text("One work by the same web address")
    links = shared.locator("a[href*='#fn:']")
    expect(links).to_have_count(2)
    links.nth(1).click()  # lands on the other paper's note
    expect(page).to_have_url(page_url(site, "papers/kremlin-watch") + "#fn:2")
    expect(page.locator("li[id='fn:2']")).to_be_in_viewport()
    page.goto(page_url(site, "sources"))
    page.screenshot(path=str(artifacts / f"sources-{site[1].strip('./') or 'served'}.png"),
                    animations="disabled")
    assert outside == []


def test_a_notes_preview_says_where_else_its_work_is_cited(page: Page, site):
    page.goto(page_url(site, "papers/gambit"))
    page.locator("sup#fnref\\:3 a.footnote-ref").hover()
    tip = page.locator(".md-tooltip2--active")
    expect(tip).to_contain_text("Also cited in Kremlin Watch, note 2")


def test_the_timeline_filters_by_paper_and_by_name_and_links_to_the_paragraph(page: Page, site,
                                                                              artifacts):
    outside = block_outside_requests(page) if site[1] == ".html" else []
    page.goto(page_url(site, "timeline"))
    events = page.locator(".glossa-event")
    total = events.count()
    assert total >= 9
    count = page.locator("#glossa-timeline-count")
    expect(count).to_have_text(f"{total} events")
    page.select_option("#glossa-timeline-paper", "kremlin-watch")
    expect(page.locator(".glossa-event:visible")).to_have_count(2)
    expect(count).to_have_text(f"2 of {total} events")
    expect(page.locator("#year-2000")).to_be_hidden()  # a year with none of its events
    visible = page.locator(".glossa-event:visible")
    expect(visible.first).to_contain_text("February 2018")
    expect(visible.nth(1)).to_contain_text("12 March 2018")  # its year from the paper's date
    page.select_option("#glossa-timeline-paper", "")
    names = page.locator("#glossa-timeline-entry option")
    assert names.count() >= 2  # "All names" and the glossary entries the events name
    page.select_option("#glossa-timeline-entry", index=1)
    shown = page.locator(".glossa-event:visible").count()
    assert 0 < shown < total
    page.screenshot(path=str(artifacts / f"timeline-{site[1].strip('./') or 'served'}.png"),
                    animations="disabled")
    page.select_option("#glossa-timeline-entry", "")
    link = page.locator(".glossa-event", has_text="Putin-Xi summit").locator("a").last
    link.click()
    expect(page).to_have_url(page_url(site, "papers/gambit") + "#p8")
    expect(page.locator("#p8")).to_be_in_viewport()
    assert outside == []


@pytest.mark.parametrize("name", ["sources", "timeline"])
def test_the_collection_pages_have_no_serious_accessibility_finding(page: Page, site, name):
    page.goto(page_url(site, name))
    results = Axe().run(page)
    serious = [v for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["nodes"][0]["target"]) for v in serious]
