"""Editors' annotations: anchoring by quote, by prefix and suffix, by a fuzzy match after the
source changed; the exact errors for an anchor lost or ambiguous; the body shown safely; the
site's own set of annotations."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from glossa.enrich.annotations import Annotation, anchor_annotations
from glossa.ingest import Hints, ingest_text
from glossa.model.paper import Paper, PaperMeta
from glossa.model.yamlfile import load_yaml
from glossa.publish.content import load_corpus
from glossa.render.annotation_html import body_html
from glossa.render.emit import inline_markdown
from helpers import ROOT

TEXT = """A Paper

Moscow has long-standing links with its neighbor across the Tumen River. \
The sanctions noose tightens.

Russia currently enjoys the best relations with the North, even as the DPRK’s ties \
with its only formal ally, China, have deteriorated in recent years.

The Kremlin watches China. Moscow has long-standing links with Seoul as well.
"""


def paper(text: str = TEXT) -> Paper:
    return Paper(PaperMeta(slug="demo", title="A Paper"), "demo/source.txt",
                 ingest_text(text, Hints("A Paper")), "0")


def note(quote: str | None = None, prefix: str = "", suffix: str = "",
         paragraph: str | None = None, ident: str = "n1") -> Annotation:
    anchor = "\n".join(f"  {k}: {v!r}" for k, v in (("quote", quote), ("prefix", prefix),
                                                      ("suffix", suffix),
                                                      ("paragraph", paragraph)) if v)
    doc, _ = load_yaml(f"anchor:\n{anchor}\nkind: context\n", "a.yml")
    return Annotation(ident, "demo", "context", "Body text here.", "Editor", "2026-11-26",
                      quote, prefix, suffix, paragraph, (), f"content/annotations/demo/{ident}"
                      ".yml", doc)


def anchored(*notes: Annotation, text: str = TEXT):
    found, problems = anchor_annotations(list(notes), [paper(text)])
    return found.get("demo", []), [p.format() for p in problems]


def words(a, text: str = TEXT) -> str:
    para = next(b for b in paper(text).reading.paragraphs() if b.id == a.para)
    return para.text[a.start:a.end]


def test_exact_quote_anchors_with_typography_folded():
    # The editor typed a straight apostrophe; the paper prints a curly one.
    [a], problems = anchored(note("the DPRK's ties with its only formal ally"))
    assert problems == []
    assert (a.para, a.how, a.number) == ("p2", "exact", 1)
    assert words(a) == "the DPRK’s ties with its only formal ally"


def test_a_paragraph_alone_anchors_the_whole_paragraph():
    [a], problems = anchored(note(paragraph="p3"))
    assert (a.para, a.start, a.end, a.how, problems) == ("p3", None, None, "paragraph", [])


def test_prefix_or_suffix_tells_two_occurrences_apart():
    quote = "Moscow has long-standing links"
    _, problems = anchored(note(quote))
    assert problems == ["content/annotations/demo/n1.yml:2: A012 anchor: the quote “Moscow has "
                        "long-standing links” is in 2 places of demo (p1, p3) (add a prefix or a "
                        "suffix, the words just before or after the place you mean; or quote "
                        "more words)"]
    [a], problems = anchored(note(quote, suffix="with Seoul"))
    assert (a.para, problems) == ("p3", [])
    [a], problems = anchored(note(quote, prefix="The Kremlin watches China."))
    assert (a.para, problems) == ("p3", [])
    [a], problems = anchored(note(quote, suffix="with its neighbor"))
    assert (a.para, problems) == ("p1", [])


def test_prefix_and_suffix_that_fit_neither_place_is_an_error():
    _, problems = anchored(note("Moscow has long-standing links", suffix="with Tokyo"))
    assert problems == ["content/annotations/demo/n1.yml:2: A012 anchor: the quote “Moscow has "
                        "long-standing links” is in 2 places of demo (p1, p3) and its prefix and "
                        "suffix fit none of them (change prefix or suffix to the words just "
                        "before or after the place you mean)"]


def test_after_a_source_edit_the_anchor_is_found_again_by_a_fuzzy_match_and_reported():
    n = note("even as the DPRK’s ties with its only formal ally, China, have deteriorated",
             paragraph="p2")
    edited = TEXT.replace("have deteriorated", "have worsened")
    [a], problems = anchored(n, text=edited)
    assert (a.para, a.how) == ("p2", "fuzzy")
    assert a.score >= 0.85
    assert words(a, edited) == "even as the DPRK’s ties with its only formal ally, China, have " \
                               "worsened"
    assert problems == ["content/annotations/demo/n1.yml:2: A013 anchor moved: the quote is no "
                        f"longer in demo as written; found by a fuzzy match ({a.score:.2f}) in "
                        "p2: “even as the DPRK’s ties with its only formal ally, China, have "
                        "worsened” (check the place, then copy these words into quote)"]


def test_after_a_source_edit_prefix_and_suffix_find_the_new_words_between_them():
    n = note("have deteriorated", prefix="its only formal ally, China,", suffix="in recent years")
    edited = TEXT.replace("have deteriorated", "grew cold")
    [a], problems = anchored(n, text=edited)
    assert (a.para, a.how, words(a, edited)) == ("p2", "context", "grew cold")
    assert problems == ["content/annotations/demo/n1.yml:2: A013 anchor moved: the quote is no "
                        "longer in demo as written; found by its prefix and suffix in p2: “grew "
                        "cold” (check the place, then copy these words into quote)"]


def test_a_paragraph_renumbered_is_reported_with_the_new_number():
    edited = TEXT.replace("A Paper\n\n", "A Paper\n\nA new first paragraph was added here.\n\n")
    [a], problems = anchored(note("The Kremlin watches China.", paragraph="p3"), text=edited)
    assert a.para == "p4"
    assert problems == ["content/annotations/demo/n1.yml:3: A013 anchor moved from p3 to p4 "
                        "(write paragraph: p4)"]


def test_a_quote_no_longer_in_the_paper_is_an_error_naming_the_closest_candidates():
    _, problems = anchored(note("Beijing and Pyongyang signed a new alliance treaty"))
    assert len(problems) == 1
    assert problems[0].startswith("content/annotations/demo/n1.yml:2: A011 anchor: the quote "
                                  "“Beijing and Pyongyang signed a new alliance treaty” is no "
                                  "longer in demo; closest: p")
    assert problems[0].endswith("(quote the passage again from the paper's page, or remove the "
                                "annotation)")
    assert problems[0].count(") “") == 2  # two candidates, each with its score and words


def test_annotations_are_numbered_in_reading_order():
    found, problems = anchored(note("The Kremlin watches China.", ident="late"),
                               note("sanctions noose", ident="early"),
                               note("Tumen River", ident="earliest"))
    assert [(a.note.id, a.number) for a in found] == [("earliest", 1), ("early", 2), ("late", 3)]


def test_the_body_shows_raw_html_as_text_and_keeps_only_safe_links():
    out = body_html('See <script>alert(1)</script> and [the text](https://undocs.org/x), '
                    '[bad](javascript:alert(1)), ![img](https://example.org/a.png) & *this*.')
    soup = BeautifulSoup(out, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert "<script>alert(1)</script>" in soup.get_text()
    assert [a["href"] for a in soup.find_all("a")] == ["https://undocs.org/x"]
    assert soup.find("em").get_text() == "this"
    assert "\n" not in out  # one raw HTML line in the page


def test_marked_words_nest_inside_italics_and_around_notes():
    text = "He said the Treaty of Peace was signed, and more."
    out = inline_markdown(text, [(38, 5)], styles=((12, 31, "em"),),
                          marks=((8, 38, '<mark class="glossa-anchor">'),),
                          inserts=((38, "<a>A1</a>"),))
    assert out == ('He said <mark class="glossa-anchor">the </mark><em><mark class="glossa-anchor">'
                   'Treaty of Peace was</mark></em><mark class="glossa-anchor"> signed</mark>'
                   '[^5]<a>A1</a>, and more.')


@pytest.fixture(scope="module")
def site_corpus():
    return load_corpus(ROOT)


def test_the_sites_annotations_all_anchor_exactly_and_cover_both_papers(site_corpus):
    found, problems = anchor_annotations(site_corpus.annotations, site_corpus.papers)
    assert problems == []
    every = [a for notes in found.values() for a in notes]
    assert len(every) >= 12
    assert {a.how for a in every} <= {"exact", "paragraph"}
    assert len({a.note.kind for a in every}) >= 3
    assert set(found) == {p.meta.slug for p in site_corpus.papers}
    for a in every:
        if a.note.kind in ("update", "correction", "dispute"):
            assert a.note.sources, a.note.path
        assert a.note.paragraph in (None, a.para), a.note.path  # the file names where it is
