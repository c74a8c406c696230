"""The shard index of the offline build and `glossa serve` (render/shard_search.py): what a
page's records are, how words are read, and what the index's files hold."""

from __future__ import annotations

import json
import re
import warnings

import bm25s
import numpy as np
import pytest

from glossa.render import shard_search as S
from helpers import ROOT

PAGE = """<html><body><nav><a href="x">Navigation, not text</a></nav>
<article class="md-content__inner md-typeset">
<h1 id="a-paper">A paper<a class="headerlink" href="#a-paper">#</a></h1>
<p class="glossa-as-received"><strong>Text as received.</strong> Boilerplate.</p>
<p class="glossa-cite-paper">Cite this paper: BibTeX</p>
<p>Before the first paragraph, about Pyongyang.</p>
<h2 id="economic-interests">Economic interests<a class="headerlink"
 href="#economic-interests">#</a></h2>
<p class="glossa-para" id="p12"><a class="glossa-pilcrow" href="#p12">¶12</a> Trade with
<a class="glossa-term" data-entry="dprk" href="../glossary/dprk/">North Korea</a>&rsquo;s ports.<sup
 id="fnref:3"><a class="footnote-ref" href="#fn:3">3</a></sup><a class="glossa-annotation-ref"
 href="#a1">A1</a></p>
<aside class="glossa-annotations"><p>An editors' annotation, indexed on its own.</p></aside>
<blockquote class="glossa-passage"><p>A passage quoted from another paper.</p></blockquote>
<script type="application/json">{"data": "a block of JSON, not text"}</script>
<div class="footnote"><hr /><ol>
<li id="fn:3"><p>Interview with <em>Matsegora</em>.&#160;<a class="footnote-backref"
 href="#fnref:3">&#8617;</a></p></li>
</ol></div>
</article><footer>Made with Material for MkDocs</footer></body></html>"""


def records(html=PAGE, title="A paper"):
    return [(r.anchor, r.title, r.text) for r in S.page_records(html, title)]


def test_a_paragraph_is_a_record_titled_with_its_section_and_number():
    assert ("p12", "Economic interests · ¶12", "Trade with North Korea’s ports.") in records()


def test_a_note_is_a_record_of_its_own_titled_with_its_number():
    assert ("fn:3", "Note 3", "Interview with Matsegora .") not in records()  # no stray space
    assert ("fn:3", "Note 3", "Interview with Matsegora.") in records()


def test_a_heading_holds_its_text_and_the_top_of_the_page_is_titled_with_the_page():
    found = records()
    assert ("a-paper", "A paper", "A paper Before the first paragraph, about Pyongyang.") in found
    assert ("economic-interests", "Economic interests", "Economic interests") in found
    assert found[0][0] == "a-paper"  # nothing before the title: no record for the top


def test_what_is_not_the_pages_own_text_is_left_out():
    text = " ".join(t for _, _, t in records())
    for junk in ("Navigation", "Boilerplate", "Cite this", "¶12", "#", "A1", "annotation",
                 "quoted", "JSON", "↩", "Made with"):
        assert junk not in text, junk


def test_a_page_without_an_article_has_no_records():
    assert S.page_records("<html><body><h1 id='x'>Not found</h1></body></html>", "404") == []


def test_the_words_are_folded_as_the_browser_folds_a_query():
    assert S.terms("Vis-à-vis the ‘Snowball’ EFFECT: Kim’s 19th-century ally; "
                   "Korea—something") == ("vis", "vis", "snowball", "effect", "kim", "19th",
                                          "century", "ally", "korea", "something")


def test_the_separator_and_the_common_words_are_those_of_the_pages_script():
    js = (ROOT / "docs/javascripts/glossa-words.js").read_text(encoding="utf-8")
    with warnings.catch_warnings():  # the script's "[" inside a class, as JS writes it
        warnings.simplefilter("ignore", FutureWarning)
        separator = re.compile(re.search(r"SEPARATOR: /(.*?)/u,", js).group(1))
    chars = [chr(c) for c in range(0x3000)]
    assert [c for c in chars if separator.fullmatch(c)] == [
        c for c in chars if S.SEPARATOR.fullmatch(c)]
    stop = re.search(r'STOP: new Set\(\((.*?)\)\.split', js, re.DOTALL).group(1)
    assert set("".join(re.findall(r'"([^"]*)"', stop)).split()) == S.STOP


def unpack(postings: str) -> list[tuple[int, int]]:
    """What glossa-shard-search.js reads from a term's postings: (record, weight) pairs."""
    value = {c: i for i, c in enumerate(S.DIGITS)}
    out, record, i = [], 0, 0
    while i < len(postings):
        v = 0
        while value[postings[i]] >= 32:
            v = v * 32 + value[postings[i]] - 32
            i += 1
        record += v * 32 + value[postings[i]]
        out.append((record, value[postings[i + 1]] * 64 + value[postings[i + 2]]))
        i += 3
    return out


@pytest.mark.parametrize("steps", [[0, 1, 31, 32, 1023, 1024, 32767, 32768, 10 ** 6]])
def test_packed_record_numbers_and_weights_read_back(steps):
    records = np.cumsum(steps)
    weights = np.array([0.001, 1.0, 2.5, 31.99, 40.0, 0.5, 7.25, 3.0, 12.0])
    got = unpack(S.postings(records, weights))
    assert [r for r, _ in got] == records.tolist()
    # at least 1 (a record that holds the word is found), at most MAX_WEIGHT
    assert [w for _, w in got] == [1, 128, 320, 4095, 4095, 64, 928, 384, 1536]


def page(url, *texts, kind="paper", papers=("a",)):
    return S.Page(url, url.title(), kind, list(papers),
                  [S.Record(f"p{i + 1}", f"¶{i + 1}", t) for i, t in enumerate(texts)])


def shard_data(files, path):
    return json.loads(re.fullmatch(r'glossaSearchShard\("\w+","[^"]*",(.*)\);\n',
                                   files[path], re.DOTALL).group(1))


def weight(files, term):
    meta = shard_data(files, "meta.js")
    key = next(k for k in sorted(meta["shards"], key=len, reverse=True) if term.startswith(k))
    return dict(unpack(shard_data(files, f"t/{S.file_name(key)}.js")[term]))


def test_the_weights_are_bm25s_scores_of_each_word_in_each_record():
    texts = ["sanctions on coal", "sanctions sanctions", "coal and oil exports", "oil"]
    files = S.index_files([page("papers/x/", *texts)], {}, [])
    retriever = bm25s.BM25(method="lucene")
    retriever.index([list(S.terms(t)) for t in texts], show_progress=False)
    for term in ("sanctions", "coal", "oil", "exports"):
        expected = retriever.get_scores([term])
        got = weight(files, term)
        assert set(got) == {i for i, s in enumerate(expected) if s > 0}
        for i, w in got.items():
            assert w == round(expected[i] * S.SCALE)


def test_records_are_numbered_across_pages_in_order():
    files = S.index_files([page("papers/a/", "coal"), page("empty/", kind="page"),
                           page("papers/b/", "oil", "coal")], {}, [])
    meta = shard_data(files, "meta.js")
    assert meta["records"] == [1, 2] and meta["kinds"] == "pp"  # the empty page left out
    assert set(weight(files, "coal")) == {0, 2}


def test_a_large_key_is_cut_into_longer_keys_until_its_files_are_small():
    sizes = {"kim": 10, "kimchi": 10, "kiev": 15, "korea": 50, "kremlin": 10, "k2": 1}
    shards, cut = S.shard_keys(sizes, limit=30)
    assert cut == ["k", "ki"]
    # (korea alone is over the limit: a word is never split)
    assert shards == {"k2": ["k2"], "kie": ["kiev"], "kim": ["kim", "kimchi"],
                      "ko": ["korea"], "kr": ["kremlin"]}


def test_a_word_as_long_as_a_cut_key_stays_in_that_keys_file():
    shards, cut = S.shard_keys({"un": 40, "under": 40, "unity": 1}, limit=50)
    assert cut == ["u", "un"]
    assert shards == {"un": ["un"], "und": ["under"], "uni": ["unity"]}


def test_a_pages_text_is_in_files_of_a_few_records_each():
    texts = [f"paragraph number {i}" for i in range(S.CHUNK + 1)]
    files = S.index_files([page("papers/a/", *texts)], {}, [])
    first, second = shard_data(files, "x/0-0.js"), shard_data(files, "x/0-1.js")
    assert first["url"] == "papers/a/" and first["title"] == "Papers/A/"
    assert len(first["records"]) == S.CHUNK
    assert second["records"] == [[f"p{S.CHUNK + 1}", f"¶{S.CHUNK + 1}",
                                  f"paragraph number {S.CHUNK}"]]


def test_the_paper_filter_lists_the_pages_about_each_paper_and_the_menu_its_titles():
    files = S.index_files([page("papers/a/", "coal", papers=["a"]),
                           page("glossary/coal/", "coal", kind="glossary", papers=["a", "b"]),
                           page("papers/b/", "oil", papers=["b"])], {},
                          [("b", "Beta"), ("a", "alpha")])
    assert shard_data(files, f"p/{S.file_name('a')}.js") == [0, 1]
    assert shard_data(files, f"p/{S.file_name('b')}.js") == [1, 2]
    assert shard_data(files, "papers.js") == [["a", "alpha"], ["b", "Beta"]]
    assert shard_data(files, "meta.js")["kinds"] == "pgp"


def test_only_entries_with_several_names_are_spelling_groups_in_words():
    files = S.index_files([page("papers/a/", "coal")],
                          {"gaddafi": ("Muammar Gaddafi", "Gadaffi"), "coal": ("coal",)}, [])
    assert shard_data(files, "meta.js")["spellings"] == [[["muammar", "gaddafi"], ["gadaffi"]]]


def test_the_files_are_ascii_and_their_names_too():
    files = S.index_files([page("papers/a/", "Сирия — Дамаск 東京")], {}, [])
    assert all(name.isascii() and text.isascii() for name, text in files.items())
    assert shard_data(files, "x/0-0.js")["records"][0][2] == "Сирия — Дамаск 東京"
    assert S.file_name("сирия") == "_441__438__440__438__44f_"
    assert S.file_name("kim") == "kim"


def test_the_same_pages_give_the_same_files():
    pages = [page("papers/a/", "sanctions on coal", "oil"), page("papers/b/", "coal")]
    assert S.index_files(pages, {}, []) == S.index_files(pages, {}, [])


def test_a_long_block_is_cut_into_records_landing_on_the_same_place():
    titles = [f"Synthetic paper {i:04d}, a title of some words" for i in range(300)]
    items = "".join(f"<li>{t}</li>" for t in titles)
    html = (f'<article><h2 id="about-the-corpus">About the corpus</h2><ul>{items}</ul>'
            "</article>")
    found = S.page_records(html, "About")
    assert len(found) > 1 and {r.anchor for r in found} == {"about-the-corpus"}
    assert all(len(r.text) < S.RECORD_CHARS + 100 for r in found)
    assert " ".join(r.text for r in found).split() == f"About the corpus {' '.join(titles)}".split()


def test_a_notes_list_of_the_other_papers_citing_its_work_is_not_its_text():
    html = ('<article><div class="footnote"><ol><li id="fn:1"><p>A. Gabuev, “Sanctions”. '
            '<span class="glossa-also-cited">Also cited in <a href="b.html#fn:5">B</a></span>'
            '</p></li></ol></div><details class="glossa-dropped"><summary>Lines of the source '
            'left out</summary><ul><li>line 61: running header</li></ul></details></article>')
    assert [(r.anchor, r.text) for r in S.page_records(html, "A")] == [
        ("fn:1", "A. Gabuev, “Sanctions”.")]
