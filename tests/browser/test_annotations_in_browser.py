"""Editors' annotations as a reader meets them, on the served site and on the offline build
from file://: in the margin beside their paragraph at 1280 px, under it at 390 px; opened and
reached by keyboard; one switch hides or shows them all and is remembered; search finds their
words and lands on the paragraph; axe-core finds nothing serious; light and dark screenshots."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

expect.set_options(timeout=5000)

PAPER = "papers/putin-and-north-korea/"
NOTE = "#a-debt-write-off"  # A1, on ¶8, beside A2 on the same paragraph
AXE = Axe()


def box(page: Page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_wide_screen_puts_each_annotation_in_the_margin_beside_its_paragraph(
        page: Page, reading_site, artifacts, scheme):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(reading_site.url(PAPER))
    para, note = page.locator("#p8"), page.locator(NOTE)
    para.scroll_into_view_if_needed()
    expect(note).to_be_visible()
    expect(page.locator("#ann-p8 .glossa-annotations__toggle")).to_be_hidden()
    p, n = box(page, "#p8"), box(page, NOTE)
    assert n["x"] >= p["x"] + p["width"], "the note is right of the text, not over it"
    assert abs(n["y"] - p["y"]) < 40, "the note starts level with its paragraph"
    # Two notes of one paragraph, and notes of neighbouring paragraphs, never overlap.
    tops = page.locator(".glossa-annotation").evaluate_all(
        "els => els.map(e => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom])")
    assert all(a[1] <= b[0] for a, b in zip(tops, tops[1:], strict=False))
    # The anchored words are marked in the text, with the reference after them.
    expect(para.locator("mark.glossa-anchor").first).to_have_text(
        "has reduced North Korea’s US$11 billion debt")
    expect(para.locator("a.glossa-annotation-ref").first).to_have_text("A1")
    kind = "offline" if reading_site.offline else "served"
    page.screenshot(path=str(artifacts / f"annotations-1280-{scheme}-{kind}.png"),
                    animations="disabled")


def test_narrow_screen_opens_annotations_under_the_paragraph_by_keyboard(page: Page,
                                                                         reading_site,
                                                                         artifacts):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reading_site.url(PAPER))
    toggle = page.locator("#ann-p8 .glossa-annotations__toggle")
    note = page.locator(NOTE)
    expect(note).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(note).to_be_visible()
    assert box(page, NOTE)["y"] > box(page, "#p8")["y"] + box(page, "#p8")["height"]
    page.keyboard.press("Space")  # closes again
    expect(note).to_be_hidden()
    # The reference in the text opens its note and moves the focus there.
    ref = page.locator("#p8 a.glossa-annotation-ref").first
    ref.focus()
    page.keyboard.press("Enter")
    expect(note).to_be_visible()
    expect(note).to_be_focused()
    kind = "offline" if reading_site.offline else "served"
    page.screenshot(path=str(artifacts / f"annotations-390-{kind}.png"), animations="disabled")


def test_the_switch_hides_and_shows_every_annotation_and_is_remembered(page: Page,
                                                                      reading_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(reading_site.url(PAPER))
    switch = page.get_by_role("switch", name="Show annotations")
    expect(switch).to_have_attribute("aria-checked", "true")
    switch.focus()
    page.keyboard.press("Space")
    expect(switch).to_have_attribute("aria-checked", "false")
    expect(page.locator(NOTE)).to_be_hidden()
    expect(page.locator("a.glossa-annotation-ref").first).to_be_hidden()
    # The text takes the full width again.
    wide = box(page, "#p8")["width"]
    assert wide > 600
    page.goto(reading_site.url("papers/russias-gambit/"))  # another paper: still hidden
    expect(page.get_by_role("switch", name="Show annotations")).to_have_attribute(
        "aria-checked", "false")
    expect(page.locator(".glossa-annotation").first).to_be_hidden()
    page.goto(reading_site.url(PAPER))
    page.get_by_role("switch", name="Show annotations").click()
    expect(page.locator(NOTE)).to_be_visible()
    assert box(page, "#p8")["width"] < wide


def test_a_link_from_the_index_opens_its_annotation_even_when_hidden(page: Page, reading_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reading_site.base + ("annotations/index.html" if reading_site.offline
                                   else "annotations/"))
    page.evaluate("localStorage.setItem('glossa.annotations', 'hidden')")
    page.locator("article a[href*='#a-putin-kim-meetings']").click()
    note = page.locator("#a-putin-kim-meetings")
    expect(note).to_be_visible()
    expect(note).to_be_in_viewport()
    expect(note).to_contain_text("Vladivostok")


def test_search_finds_words_of_an_annotation_and_lands_on_its_paragraph(page: Page,
                                                                         reading_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reading_site.url(""))
    page.locator("label[for='__search']").first.click()
    page.locator("input.md-search__input").click()
    page.keyboard.type("Vostochny", delay=30)
    hit = page.locator(".md-search-result__item a[href*='russias-gambit'][href*='#p18']")
    expect(hit.first).to_be_visible()
    expect(hit.first).to_contain_text("Editors’ annotation (update) on ¶18")
    hit.first.click()
    expect(page).to_have_url(re.compile(r"russias-gambit.*#p18$"))
    mark = page.locator("#a-putin-kim-meetings mark[data-md-highlight]").first
    expect(mark).to_have_text(re.compile("Vostochny"))
    expect(mark).to_be_in_viewport()  # the closed note was opened under ¶18


def test_a_paragraphs_citation_can_include_its_annotations(page: Page, served_site):
    page.goto(served_site + PAPER + "#p29")
    box_ = page.locator("#glossa-citation")
    text = box_.locator(".glossa-citation__text")
    expect(text).not_to_contain_text("Editors’ annotation")
    box_.get_by_label("Include the editors’ annotations on this paragraph").check()
    expect(text).to_contain_text("Editors’ annotation: A")
    expect(text).to_contain_text("BRICS summit in Xiamen")


@pytest.mark.parametrize("width", [1280, 390])
def test_annotated_paper_has_no_serious_accessibility_violation(page: Page, served_site,
                                                                width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served_site + PAPER)
    if width == 390:
        page.locator("#ann-p8 .glossa-annotations__toggle").click()
    results = AXE.run(page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_print_shows_annotations_as_numbered_notes_after_the_paper(page: Page, served_site):
    page.goto(served_site + PAPER)
    page.emulate_media(media="print")
    expect(page.locator(".glossa-annotations").first).to_be_hidden()
    printed = page.locator(".glossa-annotations-print li")
    expect(printed.first).to_be_visible()
    expect(printed.first).to_contain_text("A1. Context")
    assert printed.count() == page.locator(".glossa-annotation").count()
