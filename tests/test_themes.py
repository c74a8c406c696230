"""Comparison themes: pins resolve, the ranking finds what it should, errors are clear, and
pages work for any number of papers."""

from __future__ import annotations

import shutil

import pytest

from glossa.enrich.glossary import Entry
from glossa.enrich.linker import Linker
from glossa.enrich.ranking import Doc, Ranker
from glossa.publish.content import load_corpus
from glossa.publish.site import build_site, generate
from helpers import FIXTURES, ROOT


@pytest.fixture(scope="module")
def site():
    return generate(ROOT)


def test_at_least_eight_themes_each_with_passages_from_both_papers(site, corpus):
    assert len(corpus.themes) >= 8
    for theme in corpus.themes:
        papers = {p.paper for p in site.passages[theme.id]}
        assert papers == {"putin-and-north-korea", "russias-gambit"}, theme.id
        assert set(theme.summaries) == papers, theme.id


def test_every_pin_resolves(site):
    assert not [p for p in site.problems if p.code.startswith("T")]


def test_pinned_phrase_resolves_to_its_paragraph(site):
    sanctions = [(p.paper, p.para, p.how) for p in site.passages["sanctions"]]
    assert ("putin-and-north-korea", "p27", "pinned") in sanctions


def test_a_theme_without_pins_uses_suggestions(site):
    history = site.passages["history"]
    assert history and {p.how for p in history} == {"suggested"}
    assert "Suggested passages" in site.pages["compare/history.md"]


# -- ranking --------------------------------------------------------------------------------

DOCS = [
    Doc("a", "p1", "The harvest was good and the farmers sold wheat at the market."),
    Doc("a", "p2", "Sanctions on the regime tightened after the nuclear test."),
    Doc("a", "p3", "The railway will carry freight to the port."),
    Doc("b", "p1", "Denuclearization talks stalled; the DPRK kept its weapons."),
    Doc("b", "p2", "Football results from the weekend league."),
    Doc("b", "p3", "A pipeline and a railway could link the two countries."),
]


def test_ranking_puts_the_known_answer_first():
    ranker = Ranker(DOCS, None)
    assert [d.para for d, _ in ranker.rank("sanctions regime", "a")][:1] == ["p2"]
    assert [(d.paper, d.para) for d, _ in ranker.rank("railway freight port")][:1] == [("a", "p3")]
    assert ranker.rank("volcano eruption") == []


def test_glossary_aliases_count_as_the_same_term():
    linker = Linker([Entry("denuclearisation", "denuclearisation", "concept", "x" * 12,
                           ("denuclearization",)),
                     Entry("north-korea", "North Korea", "place", "x" * 12, ("DPRK",))])
    plain = Ranker(DOCS, None)
    folded = Ranker(DOCS, linker)
    assert plain.rank("denuclearisation of North Korea", "b") == []
    assert [d.para for d, _ in folded.rank("denuclearisation of North Korea", "b")] == ["p1"]


# -- editors' mistakes ----------------------------------------------------------------------

@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def theme_problems(project):
    s = build_site(load_corpus(project))
    return [p.format() for p in s.problems if p.code.startswith("T")]


def test_pinned_phrase_that_no_longer_matches(project):
    path = project / "content/themes/sanctions.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "sanctions as a foreign policy tool", "sanctions as a policy instrument"),
        encoding="utf-8")
    assert theme_problems(project) == [
        "content/themes/sanctions.yml:17: T011 passages: phrase 'sanctions as a policy "
        "instrument' is not in putin-and-north-korea (the source may have changed: quote the "
        "passage again, or remove the pin)"]


def test_pinned_paragraph_that_does_not_exist_and_unknown_paper(project):
    path = project / "content/themes/regional-order.yml"
    text = path.read_text(encoding="utf-8").replace("[p17, p19]", "[p17, p99]")
    path.write_text(text + "exclude:\n  no-such-paper: [p1]\n", encoding="utf-8")
    assert theme_problems(project) == [
        "content/themes/regional-order.yml:18: T010 exclude: no paper 'no-such-paper' (use "
        "one of: putin-and-north-korea, russias-gambit)",
        "content/themes/regional-order.yml:15: T011 passages: paragraph 'p99' is not in "
        "putin-and-north-korea (the source may have changed: quote the passage again, or "
        "remove the pin)"]


def test_ambiguous_phrase(project):
    path = project / "content/themes/china.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("[p8, p9, p13]", "[Beijing]"),
                    encoding="utf-8")
    problems = theme_problems(project)
    assert len(problems) == 1 and "T012 passages: phrase 'Beijing' is in" in problems[0]


def test_three_papers_get_three_columns(project):
    third = project / "content/papers/mongolia-in-brief"
    third.mkdir()
    shutil.copy(FIXTURES / "more/crs_mongolia_in_brief_web.txt", third / "source.txt")
    (third / "paper.yml").write_text(
        "title: 'Mongolia: In Brief'\nauthors: []\npublisher: Congressional Research Service\n"
        "date: '2026-09-16'\n", encoding="utf-8")
    s = build_site(load_corpus(project))
    page = s.pages["compare/united-states.md"]
    assert "--glossa-columns: 3" in page
    assert page.count('class="glossa-compare__col"') == 3
    assert "[0](united-states.md#mongolia-in-brief)" not in s.pages["compare/index.md"]


def test_many_papers_keep_pages_flat(tmp_path):
    from glossa.bench.synthetic import make_corpus

    project = make_corpus(ROOT, tmp_path / "corpus", 7)
    s = generate(project)
    page = s.pages["compare/sanctions.md"]
    assert page.count('class="glossa-compare__col"') == 4
    assert "## More papers on this theme" in page and page.count("- Synthetic paper") == 3
    overview = s.pages["compare/index.md"]
    assert "| Paper | " in overview  # one row per paper, not one column
    assert s.nav[1] == {"Papers": ["papers/index.md", *[{f"Synthetic paper {i:04d}":
                                                         f"papers/synthetic-{i:04d}.md"}
                                                        for i in range(7)]]}
    # The footer is on every page: past a handful of works it counts them instead.
    assert "7 works, each credited" in s.copyright
    assert "Synthetic paper" not in s.copyright
    assert "Synthetic paper 0000" in s.pages["papers/synthetic-0000.md"]


def test_a_few_papers_are_each_named_in_the_footer(site, corpus):
    for paper in corpus.papers:
        assert paper.meta.title in site.copyright
