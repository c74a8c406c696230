"""What a reader sees: both paper pages in Chromium, headings and a paragraph permalink."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

expect.set_options(timeout=5000)

PAPERS = {
    "putin-and-north-korea": ("Putin and North Korea", ["Introduction", "Economic interests",
                                                        "Conclusion"]),
    "russias-gambit": ("Russia’s Gambit in the Korean Nuclear Crisis",
                       ["Russian interests in the North Korea crisis",
                        "Moscow’s diplomatic offensive"]),
}


@pytest.mark.parametrize("slug", PAPERS)
def test_paper_page_shows_title_headings_and_numbered_paragraphs(page: Page, served_site, slug,
                                                                 artifacts):
    title, headings = PAPERS[slug]
    page.goto(f"{served_site}papers/{slug}/")
    expect(page.locator("h1")).to_contain_text(title)
    for h in headings:
        expect(page.locator("article h2, article h3").filter(has_text=h).first).to_be_visible()
    expect(page.locator("p.glossa-para#p1 a.glossa-pilcrow")).to_have_text("¶1")
    page.screenshot(path=str(artifacts / f"{slug}.png"), full_page=False, animations="disabled")


@pytest.mark.parametrize("slug", PAPERS)
def test_paragraph_permalink_lands_on_its_paragraph(page: Page, served_site, slug):
    page.goto(f"{served_site}papers/{slug}/")
    link = page.locator("p#p5 a.glossa-pilcrow")
    link.click()
    expect(page).to_have_url(f"{served_site}papers/{slug}/#p5")
    para = page.locator("p#p5")
    expect(para).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target')?.id") == "p5"


def test_toc_lists_the_subsections(page: Page, served_site):
    page.goto(f"{served_site}papers/putin-and-north-korea/")
    toc = page.locator("nav.md-nav--secondary")
    expect(toc.get_by_role("link", name="Geopolitical and strategic interests")).to_be_visible()


def test_footnote_marker_is_a_real_footnote(page: Page, served_site):
    page.goto(f"{served_site}papers/russias-gambit/")
    ref = page.locator("p#p1 sup a.footnote-ref")
    expect(ref).to_have_text("1")
    ref.hover()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("Victor Cha")
