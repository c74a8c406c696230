"""A comparison page with three papers, as a reader sees it at 1280 and 390 px: the columns
take the page's whole width (no sidebars), none narrower than its minimum, and on a phone
they stack."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import Page, expect

from helpers import FIXTURES, build_offline, make_project

expect.set_options(timeout=5000)


@pytest.fixture(scope="module")
def three_paper_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("three") / "project")
    papers = project / "content" / "papers"
    pdf = papers / "crypto-mining"
    pdf.mkdir()
    shutil.copy(FIXTURES / "pdf" / "crs-R48914-cover-and-notes.pdf", pdf / "source.pdf")
    (pdf / "paper.yml").write_text(
        "title: Cryptocurrency Mining and the Electricity Sector\nauthors: [Corrie E. Clark]\n"
        "publisher: Congressional Research Service\ndate: '2026-04-22'\nurl: null\n"
        "metadata_sources: [The PDF's cover]\n", encoding="utf-8")
    arctic = papers / "arctic"
    arctic.mkdir()
    (arctic / "source.txt").write_text(
        "Arctic Shipping\n\nArctic shipping routes open for longer each summer as the sea ice "
        "retreats, and sanctions on Russian energy have changed who sails them.\n\nIcebreakers "
        "escort convoys along the northern coast from July to November.\n", encoding="utf-8")
    (arctic / "paper.yml").write_text(
        "title: Arctic Shipping\nauthors: []\npublisher: null\ndate: null\nurl: null\n"
        "format: web\nmetadata_sources: [a test]\n", encoding="utf-8")
    return build_offline(project)


@pytest.mark.parametrize("width", [1280, 390])
def test_three_columns_use_the_whole_width_and_stack_on_a_phone(page: Page, three_paper_site,
                                                               artifacts, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{three_paper_site}compare/sanctions.html")
    cols = page.locator(".glossa-compare__col")
    expect(cols).to_have_count(3)
    boxes = [cols.nth(i).bounding_box() for i in range(3)]
    assert all(b["width"] >= min(272, width - 40) for b in boxes)  # 17rem at 16 px
    if width >= 1200:
        expect(page.locator(".md-sidebar--primary")).to_be_hidden()
        assert len({round(b["y"]) for b in boxes}) == 1  # side by side
    else:
        assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]  # one below the other
    page.screenshot(path=str(artifacts / f"compare-three-papers-{width}.png"), full_page=False,
                    animations="disabled")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_glossary_tooltip_reads_like_a_footnote_preview_in_light_and_dark(
        page: Page, three_paper_site, artifacts, scheme):
    page.goto(f"{three_paper_site}papers/gambit.html")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    ref = page.locator("sup a.footnote-ref").first
    ref.scroll_into_view_if_needed()
    ref.hover()
    note = page.locator(".md-tooltip2--active .md-typeset").first
    expect(note).to_be_visible()
    note_size = note.evaluate("e => getComputedStyle(e).fontSize")
    page.mouse.move(0, 0)
    term = page.locator("a.glossa-term").first
    term.scroll_into_view_if_needed()
    term.hover()
    tip = page.locator("#glossa-tip.glossa-tip--active")
    expect(tip).to_be_visible()
    size, weight = tip.evaluate("e => [getComputedStyle(e).fontSize, "
                                "getComputedStyle(e).fontWeight]")
    assert (size, weight) == (note_size, "400")
    expect(tip.locator("a.glossa-tip__more")).to_be_visible()
    box = tip.bounding_box()
    page.screenshot(path=str(artifacts / f"glossary-tooltip-{scheme}.png"), clip={
        "x": max(0, box["x"] - 40), "y": max(0, box["y"] - 60),
        "width": box["width"] + 80, "height": box["height"] + 100})
