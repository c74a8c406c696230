"""Accessibility and appearance: axe-core finds no serious or critical violation on any kind
of page, in light or dark mode; screenshots of each kind of page, and a clean print."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

expect.set_options(timeout=5000)

PAGES = {
    "home": "",
    "paper": "papers/putin-and-north-korea/",
    "glossary-index": "glossary/",
    "glossary-entry": "glossary/six-party-talks/",
    "comparison": "compare/sanctions/",
    "overview": "compare/",
    "annotations": "annotations/",
}
AXE = Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_or_critical_violations(page: Page, served_site, artifacts, kind, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(served_site + PAGES[kind])
    expect(page.locator("h1")).to_be_visible()
    page.screenshot(path=str(artifacts / f"page-{kind}-{scheme}.png"), animations="disabled")
    results = AXE.run(page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_print_shows_the_text_and_notes_without_navigation(page: Page, served_site, artifacts):
    page.goto(served_site + "papers/russias-gambit/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none"
    expect(page.locator(".footnote li").last).to_be_visible()
    page.goto(served_site + "papers/putin-and-north-korea/")
    page.emulate_media(media="print")
    after = page.locator(".glossa-meta a[href^='http']").first \
        .evaluate("e => getComputedStyle(e, '::after').content")
    assert "https://www.aspi.org.au/" in after
    pdf = page.pdf(format="A4")
    (artifacts / "print-putin-and-north-korea.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
