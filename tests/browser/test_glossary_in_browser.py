"""The glossary as a reader meets it: a definition on hover or focus, the entry, and the way
back to the paragraph that mentions the term."""

from __future__ import annotations

from playwright.sync_api import Page, expect

expect.set_options(timeout=5000)


def test_hovering_a_term_shows_its_definition(page: Page, served_site, artifacts):
    page.goto(f"{served_site}papers/putin-and-north-korea/")
    term = page.locator("p#p15 a.glossa-term", has_text="Terminal High Altitude").first
    term.hover()
    tip = page.locator("#glossa-tip.glossa-tip--active")
    expect(tip).to_contain_text("missile defence system")
    page.screenshot(path=str(artifacts / "glossary-tooltip.png"), animations="disabled")


def test_focusing_a_term_shows_its_definition(page: Page, served_site):
    page.goto(f"{served_site}papers/putin-and-north-korea/")
    page.locator("p#p15 a.glossa-term", has_text="Terminal High Altitude").first.focus()
    expect(page.locator("#glossa-tip.glossa-tip--active")).to_contain_text("missile defence system")


def test_entry_lists_occurrences_that_lead_back_to_the_paragraph(page: Page, served_site,
                                                                 artifacts):
    page.goto(f"{served_site}papers/putin-and-north-korea/")
    page.locator("p#p15 a.glossa-term", has_text="Terminal High Altitude").first.click()
    expect(page.locator("h1")).to_contain_text("THAAD")
    page.screenshot(path=str(artifacts / "glossary-entry.png"), animations="disabled",
                    full_page=True)
    page.get_by_role("link", name="¶15").click()
    expect(page).to_have_url(f"{served_site}papers/putin-and-north-korea/#p15")
    expect(page.locator("p#p15")).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target')?.id") == "p15"


def test_glossary_index_groups_by_kind_and_letter(page: Page, served_site, artifacts):
    page.goto(f"{served_site}glossary/")
    for heading in ["People", "Organisations", "Places", "Agreements", "Events", "Concepts"]:
        expect(page.locator("article h3", has_text=heading).first).to_be_visible()
    expect(page.locator("article h3#letter-t")).to_be_visible()
    page.screenshot(path=str(artifacts / "glossary-index.png"), animations="disabled")
