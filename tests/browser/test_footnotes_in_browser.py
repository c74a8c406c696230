"""Footnotes as a reader meets them: hover preview, and the way back from a note."""

from __future__ import annotations

from playwright.sync_api import Page, expect

expect.set_options(timeout=5000)


def test_hovering_a_marker_shows_the_note_text(page: Page, served_site, artifacts):
    page.goto(f"{served_site}papers/russias-gambit/")
    page.locator("sup#fnref\\:2 a.footnote-ref").hover()
    tip = page.locator(".md-tooltip2--active")
    expect(tip).to_contain_text("Nuclear Weapons and Russian-North Korean Relations")
    page.screenshot(path=str(artifacts / "footnote-tooltip-gambit.png"), animations="disabled")


def test_hovering_a_missing_note_says_it_is_missing(page: Page, served_site, artifacts):
    page.goto(f"{served_site}papers/putin-and-north-korea/")
    page.locator("sup#fnref\\:13 a.footnote-ref").hover()
    tip = page.locator(".md-tooltip2--active")
    expect(tip).to_contain_text("not included in the text we received")
    expect(tip.get_by_role("link", name="the publisher’s page")).to_be_visible()
    page.screenshot(path=str(artifacts / "footnote-tooltip-missing.png"), animations="disabled")


def test_following_a_marker_and_its_back_link(page: Page, served_site):
    page.goto(f"{served_site}papers/russias-gambit/")
    page.locator("sup#fnref\\:5 a.footnote-ref").click()
    expect(page).to_have_url(f"{served_site}papers/russias-gambit/#fn:5")
    note = page.locator("li#fn\\:5")
    expect(note).to_be_in_viewport()
    note.locator("a.footnote-backref").click()
    expect(page).to_have_url(f"{served_site}papers/russias-gambit/#fnref:5")
    expect(page.locator("sup#fnref\\:5")).to_be_in_viewport()
