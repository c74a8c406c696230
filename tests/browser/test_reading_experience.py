"""The reading checks of issue 6, on the served site and on the offline build from file://:
search lands on the matching paragraph, tooltips open by hover and by keyboard focus, and a
citation is offered."""

from __future__ import annotations

import re
import urllib.request

import bibtexparser
import pytest
from playwright.sync_api import Page, expect

expect.set_options(timeout=5000)

SEARCHES = [
    ("snowball", "putin-and-north-korea", "preventing a regional"),
    ("indispensible", "russias-gambit", "indispensible player"),
]


def search(page: Page, word: str) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    page.keyboard.type(word, delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


@pytest.mark.parametrize("word,slug,passage", SEARCHES)
def test_search_finds_a_word_and_lands_on_its_paragraph(page: Page, reading_site, word, slug,
                                                        passage, artifacts):
    page.goto(reading_site.url(""))
    search(page, word)
    hit = page.locator(f".md-search-result__item a[href*='{slug}'][href*='h={word}']").first
    expect(hit).to_be_visible()
    hit.click()
    mark = page.locator("article mark[data-md-highlight]").first
    expect(mark).to_have_text(re.compile(word, re.I))
    para = page.locator("p.glossa-hit")
    expect(para).to_contain_text(passage)
    expect(para).to_be_in_viewport()
    kind = "offline" if reading_site.offline else "served"
    page.screenshot(path=str(artifacts / f"search-{kind}-{slug}.png"), animations="disabled")


def test_search_finds_glossary_and_comparison_pages(page: Page, reading_site):
    page.goto(reading_site.url(""))
    search(page, "freeze")
    results = page.locator(".md-search-result__item a")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("glossary/double-freeze" in h for h in hrefs)
    assert any("compare/" in h for h in hrefs)


def test_search_for_a_word_only_in_a_note_previews_and_opens_that_note(page: Page, reading_site,
                                                                        artifacts):
    page.goto(reading_site.url(""))
    search(page, "Matsegora")
    hits = page.locator(".md-search-result__item a[href*='russias-gambit'][href*='fn:']")
    expect(hits.first).to_be_visible()
    hrefs = sorted(hits.nth(i).get_attribute("href").split("#")[1].split("?")[0]
                   for i in range(hits.count()))
    assert hrefs == ["fn:11", "fn:3"]
    for i in range(hits.count()):
        expect(hits.nth(i)).to_contain_text("Interview with Russian ambassador to the DPRK")
    kind = "offline" if reading_site.offline else "served"
    page.screenshot(path=str(artifacts / f"search-note-{kind}.png"), animations="disabled")
    page.locator(".md-search-result__item a[href*='fn:3']").first.click()
    note = page.locator("li[id='fn:3']")
    expect(note).to_be_in_viewport()
    expect(note.locator("mark[data-md-highlight]").first).to_have_text(re.compile("Matsegora"))


def test_search_by_one_spelling_finds_the_paper_that_uses_another(page: Page, reading_site):
    """The glossary entry "Muammar Gaddafi" has the alias "Gadaffi", the spelling of the
    first paper: typing either finds its paragraph."""
    page.goto(reading_site.url(""))
    for spelling in ("Gaddafi", "Gadaffi"):
        page.locator("input.md-search__input").fill("")
        search(page, spelling)
        # The theme's search lands on the section, the hosted one on the paragraph in it.
        hit = page.locator(".md-search-result__item a[href*='putin-and-north-korea']",
                           has_text="Geopolitical and strategic interests")
        expect(hit.first).to_be_visible()
        results = page.locator(".md-search-result__item a")
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
        assert any("glossary/muammar-gaddafi" in h for h in hrefs)


SENTENCE = "The Kremlin currently has two options: to be involved passively or actively."


def _held(page: Page, href: str) -> str:
    """The text of where a result lands: its paragraph, or its heading's section."""
    return page.evaluate("""id => {
        const target = document.getElementById(id);
        if (!/^H[1-6]$/.test(target.tagName)) return target.textContent;
        let text = "", el = target.nextElementSibling;
        while (el && !(/^H[1-6]$/.test(el.tagName) && el.tagName <= target.tagName)) {
            text += " " + el.textContent; el = el.nextElementSibling;
        }
        return text;
    }""", href.split("#")[1])


def test_a_sentence_pasted_lands_on_the_place_that_holds_it(page: Page, reading_site):
    """Its small words ("to", "the") once found the titles "Tokyo" and "Themes" first in the
    theme's search (the offline build), before the paper."""
    page.goto(reading_site.url(""))
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill(SENTENCE)
    page.keyboard.press("End")
    links = page.locator(".md-search-result__item a.md-search-result__link")
    expect(links.first).to_be_visible()
    first = [links.nth(i).get_attribute("href") for i in range(min(3, links.count()))]
    landing = next(h for h in first if "#" in h)  # the first passage, under its page
    assert "putin-and-north-korea" in landing, first
    page.goto(landing)
    assert "two options: to be involved passively or actively" in _held(page, landing)
    # and within it, on the paragraph that holds the words (¶37 before it holds "involved")
    hit = page.locator("p.glossa-hit")
    expect(hit).to_contain_text("two options: to be involved passively or actively")
    expect(hit).to_be_in_viewport()


def test_a_long_query_with_a_word_found_nowhere_still_finds_the_others(page: Page,
                                                                         reading_site):
    """All the words of a long query are required; when no place has them all (a typo),
    the words are asked again, none required."""
    page.goto(reading_site.url(""))
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("Kremlin currently two optoins involved")
    page.keyboard.press("End")
    expect(page.locator(".md-search-result__item a[href*='papers/putin-and-north-korea']")
           .first).to_be_visible()


def test_the_theme_search_requires_the_words_of_a_long_query_not_its_small_ones(
        page: Page, offline_site):
    page.goto(offline_site + "index.html")
    asked = page.evaluate("q => window.GLOSSA_THEME_QUERY(q)", SENTENCE)
    assert asked == ["+Kremlin +currently +two +options +involved +passively actively",
                     "Kremlin currently two options involved passively actively"]
    # a name of two words is not made stricter; lunr's own syntax is left as typed
    assert page.evaluate("q => window.GLOSSA_THEME_QUERY(q)", "the Vladimir Putin") == [
        "Vladimir Putin", None]
    assert page.evaluate("q => window.GLOSSA_THEME_QUERY(q)", "title:Kim +Jong") == [
        "title:Kim +Jong", None]


def test_footnote_tooltip_by_hover_and_by_focus(page: Page, reading_site):
    page.goto(reading_site.url("papers/russias-gambit/"))
    ref = page.locator("sup#fnref\\:3 a.footnote-ref")
    ref.hover()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("Matsegora")
    page.mouse.move(0, 0)
    page.goto(reading_site.url("papers/putin-and-north-korea/"))
    page.locator("sup#fnref\\:1 a.footnote-ref").focus()
    expect(page.locator(".md-tooltip2--active")).to_contain_text("not included")


def test_glossary_tooltip_by_hover_and_by_focus(page: Page, reading_site):
    page.goto(reading_site.url("papers/russias-gambit/"))
    term = page.locator("p#p8 a.glossa-term", has_text="double freeze")
    term.hover()
    expect(page.locator("#glossa-tip.glossa-tip--active")).to_contain_text("suspend")
    page.mouse.move(0, 0)
    page.locator("p#p8 a.glossa-term", has_text="roadmap").focus()
    expect(page.locator("#glossa-tip.glossa-tip--active")).to_contain_text("4 July 2017")


def test_paragraph_number_offers_a_citation(page: Page, reading_site, artifacts):
    page.goto(reading_site.url("papers/putin-and-north-korea/"))
    page.locator("p#p12 a.glossa-pilcrow").click()
    box = page.locator("#glossa-citation")
    expect(box).to_be_visible()
    text = box.locator(".glossa-citation__text")
    expect(text).to_contain_text("Jacqueline Westermann, “Putin and North Korea: Exploring "
                                 "Russian interests around the peninsula”")
    expect(text).to_contain_text("¶12")
    if reading_site.offline:  # opened from disk: no address of the reader's own disk
        expect(text).not_to_contain_text("file:")
        expect(box).to_contain_text("no public address")
    else:  # the site's address (site_url, given to the served build)
        expect(text).to_contain_text(re.compile(r"putin-and-north-korea(/|\.html)#p12$"))
    if not reading_site.offline:
        page.screenshot(path=str(artifacts / "citation.png"), animations="disabled")


def test_bibtex_download_parses(page: Page, reading_site):
    page.goto(reading_site.url("papers/russias-gambit/"))
    href = page.get_by_role("link", name="BibTeX", exact=True).evaluate("a => a.href")
    with urllib.request.urlopen(href) as response:  # http:// or file://
        library = bibtexparser.parse_string(response.read().decode("utf-8"))
    assert library.failed_blocks == []
    (entry,) = library.entries
    fields = {f.key: f.value for f in entry.fields}
    assert fields["title"] == "Russia’s Gambit in the Korean Nuclear Crisis"
    assert "author" not in fields and "institution" not in fields  # unknown: left out
    assert fields["year"] == "2018"
