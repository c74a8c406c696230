"""The search index's view of a paper: notes as results of their own, glossary spellings in
a searched field that is never shown."""

from __future__ import annotations

import re
from pathlib import Path

from glossa.render.search_index import exclude_from_sections, merge, page_search

PAGE = """
<h1 id="title">A paper</h1>
<p class="glossa-para" id="p1">Intro about <a class="glossa-term" data-entry="dprk">DPRK</a>.</p>
<h2 id="libya">Libya</h2>
<p class="glossa-para" id="p2">On <a class="glossa-term" data-entry="gaddafi">Gadaffi</a>.<sup
 id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>
<div class="glossa-occurrences" data-search-exclude><a data-entry="ignored">x</a></div>
<div class="footnote">
<hr />
<ol>
<li id="fn:1">
<p>Interview with <em>Matsegora</em>, <a href="http://x">http://x</a>&#160;<a
 class="footnote-backref" href="#fnref:1" title="Jump back">&#8617;</a></p>
</li>
<li id="fn:2"><p>A &lt;script&gt; in a note.&#160;<a class="footnote-backref"
 href="#fnref:2">&#8617;</a></p></li>
</ol>
</div>
"""

SPELLINGS = {"gaddafi": ("Muammar Gaddafi", "Gaddafi", "Gadaffi"),
             "dprk": ("North Korea", "DPRK")}


def index(*locations):
    return {"config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
            "docs": [{"location": loc, "title": loc, "text": "<p>…</p>"} for loc in locations]}


def test_each_note_is_read_whole_without_its_back_arrow():
    page = page_search("papers/a/", PAGE)
    assert page.notes == [("fn:1", "Interview with Matsegora, http://x"),
                          ("fn:2", "A <script> in a note.")]


def test_mentions_are_counted_per_section_and_not_in_excluded_parts():
    page = page_search("papers/a/", PAGE)
    assert page.entries == {"papers/a/": {"dprk"}, "papers/a/#libya": {"gaddafi"}}


def test_notes_follow_their_page_and_their_text_is_escaped():
    pages = [page_search("papers/a/", PAGE)]
    out = merge(index("", "papers/a/", "papers/a/#libya", "papers/b/"), pages, SPELLINGS)
    assert [d["location"] for d in out["docs"]] == [
        "", "papers/a/", "papers/a/#libya", "papers/a/#fn:1", "papers/a/#fn:2", "papers/b/"]
    note = out["docs"][4]
    assert note["title"] == "Note 2"
    assert note["text"] == "<p>A &lt;script&gt; in a note.</p>"


def test_every_spelling_of_a_mentioned_entry_is_searched_but_not_shown():
    out = merge(index("papers/a/", "papers/a/#libya"), [page_search("papers/a/", PAGE)],
                SPELLINGS)
    libya = out["docs"][1]
    assert libya["glossary"] == "Muammar Gaddafi Gaddafi Gadaffi"
    assert libya["text"] == "<p>…</p>"  # the preview is the theme's, untouched
    assert out["config"]["fields"]["glossary"] == {"boost": 0.5}
    assert out["config"]["fields"]["text"] == {"boost": 1.0}


def test_a_paragraphs_annotations_are_one_result_landing_on_it():
    annotated = PAGE.replace("<h2 id=", """<div class="glossa-annotations" id="ann-p1"
 data-search-exclude=""><section><article class="glossa-annotation" data-para="p1"
 data-kind="Context"><p class="glossa-annotation__head">A1</p><p>Met in 2019.</p></article>
<article class="glossa-annotation" data-para="p1" data-kind="Update"><p>Again in 2024.</p>
</article></section></div><h2 id=""", 1)
    out = merge(index("papers/a/", "papers/a/#libya"), [page_search("papers/a/", annotated)],
                SPELLINGS)
    locations = [d["location"] for d in out["docs"]]
    assert len(set(locations)) == len(locations)  # the theme's search keys on the location
    box = next(d for d in out["docs"] if d["location"] == "papers/a/#p1")
    assert box["title"] == "Editors’ annotations (context, update) on ¶1"
    assert box["text"] == "<p>Met in 2019. Again in 2024.</p>"


def test_an_index_with_no_mentions_gets_no_extra_field():
    out = merge(index("about/"), [page_search("about/", "<p>No terms.</p>")], SPELLINGS)
    assert "glossary" not in out["config"]["fields"]
    assert out["docs"] == index("about/")["docs"]


def test_an_annotations_reference_is_left_out_of_the_themes_sections():
    ref = ('<p>China<a class="glossa-annotation-ref glossa-annotation-ref--context" '
           'href="#a-x">A1</a>, and</p>')
    assert exclude_from_sections(ref).startswith(
        '<p>China<a data-search-exclude class="glossa-annotation-ref ')


def test_the_notes_list_is_left_out_of_the_themes_sections():
    marked = exclude_from_sections(PAGE)
    assert '<div class="footnote" data-search-exclude>' in marked
    # and the reader still finds the notes in the marked page
    assert len(page_search("papers/a/", marked).notes) == 2


def test_the_pages_split_a_query_into_the_words_the_theme_index_holds():
    """glossa-theme-search.js requires the words of a long query: they must be the index's
    own words, split by the separator mkdocs.yml gives the theme's search ("Korea—something"
    is one word there; split in two, no paragraph held "korea" and the query found nothing)."""
    root = Path(__file__).resolve().parents[1]
    configured = re.search(r"^\s+separator: '(.*)'$",
                           (root / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    shared = re.search(r"THEME_SEPARATOR: '(.*)',$", (root / "docs/javascripts/glossa-words.js")
                       .read_text(encoding="utf-8"), re.M)
    assert configured and shared
    assert shared.group(1).replace("\\\\", "\\") == configured.group(1)
