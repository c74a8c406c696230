"""The hosted search's build side (glossa/hosted_search.py): which pages Pagefind indexes and
with which filters, the theme's worker swapped for ours, and what the hosted build writes
beside the index. The worker itself is tested in the browser (tests/browser/)."""

from __future__ import annotations

import json
from types import SimpleNamespace

from glossa.render.hosted_search import (
    WORKER,
    kind_of,
    mark_page,
    papers_of_pages,
    point_worker,
    spelling_groups,
    stub_index,
)

ARTICLE = ('<html><body><nav>Menu</nav><article class="md-content__inner md-typeset">'
           '<h1>T</h1><p>Text</p></article><footer>F</footer></body></html>')
CONFIG = ('<script id="__config" type="application/json">{"base":"../..","search":'
          '"../../assets/javascripts/workers/search.a7633da7.min.js","tags":null}</script>')


def test_only_the_article_is_indexed_with_its_kind_and_papers_as_filters():
    out = mark_page(ARTICLE, "papers/gambit.md", ["gambit"])
    assert '<article data-pagefind-body class="md-content__inner md-typeset">' in out
    body = out[out.index("<article"):out.index("</article>")]
    assert '<span data-pagefind-filter="kind:paper" hidden></span>' in body
    assert '<span data-pagefind-filter="paper:gambit" hidden></span>' in body
    assert "Menu" not in body and "<footer" not in body


def test_a_page_without_an_article_is_left_out():
    page = "<html><body><h1>404 - Not found</h1></body></html>"
    assert mark_page(page, "404.html", []) == page


def test_filter_values_are_escaped():
    out = mark_page(ARTICLE, "glossary/x.md", ['a"><img src=x>'])
    assert "<img" not in out and 'paper:a&quot;&gt;&lt;img src=x&gt;' in out


def test_kinds_follow_the_folders_of_the_generated_pages():
    assert [kind_of(s) for s in ("papers/x.md", "papers/index.md", "glossary/y.md",
                                 "compare/z.md", "annotations/index.md", "about.md")] == [
        "paper", "paper", "glossary", "comparison", "page", "page"]


def test_an_entry_is_about_the_papers_that_mention_it_and_a_comparison_about_its_papers():
    meta = {"papers/a.md": SimpleNamespace(slug="a")}
    occurrences = [SimpleNamespace(entry="sanctions", paper="b"),
                   SimpleNamespace(entry="sanctions", paper="a"),
                   SimpleNamespace(entry="kim", paper="c")]
    passages = {"china": [SimpleNamespace(paper="b"), SimpleNamespace(paper="b")]}
    about = papers_of_pages(meta, occurrences, passages)
    assert about == {"papers/a.md": ["a"], "glossary/sanctions.md": ["a", "b"],
                     "glossary/kim.md": ["c"], "compare/china.md": ["b"]}
    assert "compare/index.md" not in about and "about.md" not in about


def test_the_theme_worker_is_swapped_for_ours_at_the_same_depth():
    out = point_worker("<head>" + CONFIG + "</head>")
    config = json.loads(out[out.index("{"):out.rindex("}") + 1])
    assert config["search"] == "../../" + WORKER
    assert config["base"] == "../.." and config["tags"] is None


def test_a_page_without_the_theme_worker_is_unchanged():
    page = '<script id="__config" type="application/json">{"base":"."}</script>'
    assert point_worker(page) == page
    assert point_worker("<p>no config</p>") == "<p>no config</p>"


def test_the_theme_loads_settings_only():
    index = {"config": {"lang": ["en"], "separator": "x"}, "docs": [{"location": "a/"}]}
    assert stub_index(index) == {"config": {"lang": ["en"], "separator": "x"}, "docs": []}


def test_only_entries_with_several_names_are_spelling_groups():
    assert spelling_groups({"b": ("Gaddafi", "Gadaffi"), "a": ("IAEA",),
                            "c": ("DPRK", "North Korea")}) == [
        ["Gaddafi", "Gadaffi"], ["DPRK", "North Korea"]]
