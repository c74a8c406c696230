"""The hosted site's search (Pagefind behind the theme's search box), in Chromium on the
served build: found by keyboard alone, landing on the paragraph with the words highlighted;
filters by kind of page and by paper; only the pages' own text indexed; and a query fetches
a few small files, not the whole index. The offline build's search is tested as before, from
file://, in test_reading_experience.py."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

expect.set_options(timeout=8000)

PAPER = "papers/russias-gambit/"


def _results(page: Page) -> list[str]:
    links = page.locator(".md-search-result__item a")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


def test_keyboard_only_search_lands_on_the_paragraph_with_the_words_highlighted(
        page: Page, served_site, artifacts):
    page.goto(served_site + PAPER)
    page.keyboard.press("/")  # the theme's shortcut opens the box
    page.keyboard.type("snowball", delay=30)
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible()
    passage = page.locator(".md-search-result__item a[href*='putin-and-north-korea']"
                           "[href*='#p']").first
    expect(passage).to_contain_text("‘snowball’")  # the curly quotes kept; typed without
    expect(passage.locator("mark").first).to_have_text(re.compile("snowball"))
    page.screenshot(path=str(artifacts / "hosted-search-results.png"), animations="disabled")
    page.keyboard.press("ArrowDown")  # the theme moves through the results by keyboard
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    while focused and "#p" not in focused:
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.getAttribute('href')")
    para = focused.split("#")[1]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"putin-and-north-korea/\?h=snowball#{para}$"))
    target = page.locator(f"p#{para}")
    expect(target).to_be_in_viewport()
    expect(target.locator("mark[data-md-highlight]").first).to_have_text(
        re.compile("snowball"))
    expect(target).to_have_class(re.compile("glossa-hit"))
    page.screenshot(path=str(artifacts / "hosted-search-landing.png"), animations="disabled")


def test_a_word_only_in_a_note_lands_on_the_note(page: Page, served_site):
    page.goto(served_site)
    page.keyboard.press("/")
    page.keyboard.type("Matsegora", delay=30)
    note = page.locator(".md-search-result__item a[href*='russias-gambit'][href*='#fn:3']")
    expect(note).to_contain_text("Note 3")
    expect(note).to_contain_text("Interview with Russian ambassador")


def test_filters_by_kind_of_page_and_by_paper(page: Page, served_site, artifacts):
    page.goto(served_site + PAPER)
    page.keyboard.press("/")
    page.keyboard.type("sanctions", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    kinds = page.locator(".glossa-search-filters select[name=kind]")
    kinds.select_option("glossary")
    box = page.locator("input.md-search__input")
    expect(box).to_have_value("sanctions kind:glossary ")
    expect(page.locator(".md-search-result__item a[href*='papers/']")).to_have_count(0)
    expect(page.locator(".md-search-result__item a[href*='glossary/']").first).to_be_visible()
    page.screenshot(path=str(artifacts / "hosted-search-filtered.png"), animations="disabled")
    kinds.select_option("")
    papers = page.locator(".glossa-search-filters select[name=paper]")
    papers.focus()  # the list of papers is fetched when the reader reaches for the menu
    expect(papers.locator("option[value='putin-and-north-korea']")).to_be_attached()
    papers.select_option("putin-and-north-korea")
    expect(box).to_have_value("sanctions paper:putin-and-north-korea ")
    # (a comparison page of both papers stays: it is about this paper too)
    expect(page.locator(".md-search-result__item a[href*='papers/russias-gambit']")
           ).to_have_count(0)
    expect(page.locator(".md-search-result__item a[href*='putin-and-north-korea']").first
           ).to_be_visible()
    # A filter typed by hand works the same, and the menus follow the box.
    box.fill("")
    page.keyboard.type("sanctions kind:paper", delay=20)
    expect(kinds).to_have_value("paper")
    expect(papers).to_have_value("")
    expect(page.locator(".md-search-result__item a[href*='glossary/']")).to_have_count(0)


def test_an_annotation_is_a_result_of_its_own_under_its_paper(page: Page, served_site):
    page.goto(served_site)
    page.keyboard.press("/")
    page.keyboard.type("Vostochny kind:annotation", delay=20)
    hit = page.locator(".md-search-result__item a[href*='russias-gambit'][href$='#p18']")
    expect(hit.first).to_contain_text("Editors’ annotation (update) on ¶18")
    hrefs = _results(page)
    assert all("russias-gambit" in h for h in hrefs), hrefs


def test_only_the_pages_own_text_is_searched_not_the_navigation_or_footer(page: Page,
                                                                         served_site):
    # "MkDocs" is on every page, in the footer only ("Made with Material for MkDocs").
    page.goto(served_site)
    page.keyboard.press("/")
    page.keyboard.type("mkdocs", delay=30)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile("match"))
    page.wait_for_timeout(300)
    marks = page.locator(".md-search-result__item mark", has_text=re.compile("mkdocs", re.I))
    expect(marks).to_have_count(0)
    expect(page.locator(".md-search-result__list")).not_to_contain_text("Made with")


def test_a_query_fetches_a_few_small_files_not_the_whole_index(page: Page, served_site):
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: fetched.append(
        (r.url, r.sizes()["responseBodySize"])))
    page.goto(served_site + PAPER)
    page.wait_for_load_state("networkidle")
    before = {url for url, _ in fetched}
    # Before a query: Pagefind's engine at most (fetched once the page is idle), no index
    # chunk, no page text.
    assert not [u for u in before if "/pagefind/index/" in u or "/pagefind/fragment/" in u]
    index = [size for url, size in fetched if url.endswith("search/search_index.json")]
    assert index and index[0] < 1024  # the theme loads settings only
    page.keyboard.press("/")
    page.keyboard.type("Kremlin", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.wait_for_timeout(500)
    search = [(u, s) for u, s in fetched if u not in before]
    assert any("/pagefind/index/" in u for u, _ in search)
    assert any("/pagefind/fragment/" in u for u, _ in search)
    assert sum(s for _, s in search) < 300 * 1024, search
    count = page.locator(".md-search-result__meta")
    expect(count).to_have_text(re.compile(r"^\d+ matching documents?$|^The best \d+ of \d+"))


def test_two_annotations_on_one_paragraph_are_both_found(page: Page, served_site):
    """Pagefind keeps one record per address: the annotations of ¶8 (a context note on the
    debt, a source note on resolution 2397) share one, and words of either find it."""
    page.goto(served_site)
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    for words in ("ratified kind:annotation", "nationals kind:annotation"):
        box.fill("")
        page.keyboard.type(words, delay=20)
        hit = page.locator(".md-search-result__item a[href*='putin-and-north-korea']"
                           "[href$='#p8']")
        expect(hit.first).to_contain_text("Editors’ annotations (context, source) on ¶8")


def test_a_sentence_pasted_lands_on_its_paragraph_with_every_word_found(page: Page,
                                                                        served_site):
    # Pagefind is asked for the sentence's three longest words only (fewer index chunks);
    # the passages are ranked, and the words marked, on all of them.
    sentence = "The Kremlin currently has two options: to be involved passively or actively."
    page.goto(served_site + PAPER)
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill(sentence)
    page.keyboard.press("End")
    first = page.locator(".md-search-result__item a[href*='#p']").first
    expect(first).to_be_visible()
    href = first.get_attribute("href")
    assert "putin-and-north-korea" in href
    marked = {m.lower().strip(".,:") for m in first.locator("mark").all_inner_texts()}
    # "passively", "currently", "actively" looked up; "kremlin", "options", "involved" not
    assert {"passively", "kremlin", "options", "involved"} <= marked, marked
    expect(page.locator(".md-search-result__item del")).to_have_count(0)  # none "missing"
    first.click()
    para = page.locator(f"p#{href.split('#')[1]}")
    expect(para).to_contain_text("two options: to be involved passively or actively")
