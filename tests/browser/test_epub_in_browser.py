"""The EPUB's pages as a reader's engine renders them (Chromium reads XHTML from disk): the
text with its notes and glossary links, and screenshots to look at."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from test_epub import write_books


def test_epub_pages_render_and_their_links_work(page: Page, tmp_path, artifacts):
    for text in write_books(tmp_path):
        slug = text.parents[1].name
        page.goto(text.as_uri())
        expect(page.locator("h1").first).to_be_visible()
        page.screenshot(path=str(artifacts / f"epub-{slug}.png"))
        ref = page.locator("a[role='doc-noteref']").first
        target = ref.get_attribute("href")
        ref.click()
        expect(page.locator(f"aside[id='{target[1:]}']")).to_be_in_viewport()
        page.goto(text.as_uri())
        term = page.locator("a[href^='glossary.xhtml#']").first
        entry = term.get_attribute("href").split("#")[1]
        term.click()
        expect(page.locator(f"dt[id='{entry}']")).to_be_visible()
        page.screenshot(path=str(artifacts / f"epub-{slug}-glossary.png"))
