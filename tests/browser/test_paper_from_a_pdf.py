"""A paper added as a PDF, as a student meets it in the offline build opened from disk: its
headings, its notes read from the page feet (hover preview and the way back), a paragraph's
citation with its page, and the page furniture listed at the end."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import Page, expect

from helpers import FIXTURES, block_outside_requests, build_offline, make_project

expect.set_options(timeout=5000)

PAPER_YML = """title: Cryptocurrency Mining and the Electricity Sector
authors:
  - Corrie E. Clark
publisher: Congressional Research Service
series: CRS Report R48914
date: "2026-04-22"
url: null
metadata_sources:
  - The PDF's cover (title, date, report number) and its summary page (author).
"""


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("pdf") / "project")
    folder = project / "content" / "papers" / "crypto-mining"
    folder.mkdir()
    # Five pages cut from CRS Report R48914 (public domain; tests/fixtures/pdf/README.md).
    shutil.copy(FIXTURES / "pdf" / "crs-R48914-cover-and-notes.pdf", folder / "source.pdf")
    (folder / "paper.yml").write_text(PAPER_YML, encoding="utf-8")
    return build_offline(project)


def test_a_paper_added_as_a_pdf_reads_with_its_notes_and_pages(page: Page, pdf_site,
                                                                  artifacts):
    escaped = block_outside_requests(page)
    page.goto(f"{pdf_site}papers/crypto-mining.html")
    expect(page.locator("h1")).to_contain_text("Cryptocurrency Mining and the Electricity Sector")
    expect(page.locator(".glossa-as-received")).to_contain_text("Read from the PDF")
    toc = page.locator(".md-sidebar--secondary")
    expect(toc.get_by_role("link", name="Bitcoin’s Consensus Mechanism")).to_be_attached()

    # A note read from the page foot: its preview on hover, then there and back.
    ref = page.locator("sup#fnref\\:3 a.footnote-ref")
    ref.scroll_into_view_if_needed()
    ref.hover()
    expect(page.locator(".md-tooltip2--active")).to_contain_text(
        "For more information on Bitcoin, see CRS Report R43339")
    page.screenshot(path=str(artifacts / "pdf-paper-footnote.png"), animations="disabled")
    ref.click()
    note = page.locator("li#fn\\:3")
    expect(note).to_be_in_viewport()
    note.locator("a.footnote-backref").click()
    expect(page.locator("sup#fnref\\:3")).to_be_in_viewport()

    # A paragraph's citation names the printed page it starts on.
    para = page.locator("p.glossa-para", has_text="Bitcoin has a near supermajority")
    para.locator("a.glossa-pilcrow").click()
    expect(page.locator("#glossa-citation")).to_contain_text(
        "CRS Report R48914, Congressional Research Service, 2026, p. 2, ¶")

    # What was left out, listed with its page.
    dropped = page.locator("details.glossa-dropped")
    dropped.locator("summary").click()
    expect(dropped).to_contain_text("page 4: “2” (page number)")
    assert escaped == []
