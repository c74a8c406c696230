"""Comparison pages as a reader sees them: columns side by side on a wide screen, stacked on
a phone, and previews working inside a column."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

expect.set_options(timeout=5000)


def column_boxes(page: Page) -> list[dict]:
    cols = page.locator(".glossa-compare__col")
    expect(cols).to_have_count(2)
    return [cols.nth(i).bounding_box() for i in range(2)]


def test_columns_side_by_side_at_1280(page: Page, served_site, artifacts):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{served_site}compare/sanctions/")
    left, right = column_boxes(page)
    assert abs(left["y"] - right["y"]) < 2 and right["x"] >= left["x"] + left["width"]
    page.screenshot(path=str(artifacts / "compare-1280.png"), animations="disabled")


@pytest.mark.parametrize("theme", ["sanctions", "history"])
def test_columns_stacked_at_390(page: Page, served_site, artifacts, theme):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{served_site}compare/{theme}/")
    top, bottom = column_boxes(page)
    assert bottom["y"] >= top["y"] + top["height"] - 1
    assert top["width"] <= 390 and bottom["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts / f"compare-390-{theme}.png"), animations="disabled")


def test_glossary_tooltip_inside_a_column(page: Page, served_site):
    page.goto(f"{served_site}compare/sanctions/")
    term = page.locator(".glossa-compare__col").nth(1).locator("a.glossa-term").first
    term.hover()
    expect(page.locator("#glossa-tip.glossa-tip--active")).to_be_visible()


def test_note_preview_inside_a_column_and_link_to_the_note(page: Page, served_site):
    page.goto(f"{served_site}compare/sanctions/")
    ref = page.locator(".glossa-compare__col").nth(1).locator("a.glossa-noteref").first
    ref.hover()
    expect(page.locator("#glossa-tip.glossa-tip--active")).to_contain_text("Note ")
    ref.click()
    expect(page).to_have_url(__import__("re").compile(r"papers/russias-gambit/#fn:\d+$"))


def test_passage_link_lands_on_its_paragraph(page: Page, served_site):
    page.goto(f"{served_site}compare/china/")
    page.locator("#russias-gambit-p8 .glossa-passage__source a").click()
    expect(page).to_have_url(f"{served_site}papers/russias-gambit/#p8")
    expect(page.locator("p#p8")).to_be_in_viewport()
