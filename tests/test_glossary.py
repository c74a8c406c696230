"""Glossary: entries validated, terms linked in the text by the rules, every occurrence listed."""

from __future__ import annotations

import shutil

import pytest

from glossa.enrich.glossary import Entry, load_glossary
from glossa.enrich.linker import Linker, link_terms
from glossa.ingest import ingest_text
from glossa.publish.content import load_corpus
from helpers import ROOT


def entry(id: str, term: str, *aliases: str, kind: str = "concept") -> Entry:
    return Entry(id, term, kind, f"Definition of {term}.", tuple(aliases))


def found(linker: Linker, text: str) -> list[tuple[str, str]]:
    return [(text[s:e], ent) for s, e, ent in linker.find(text)]


# -- matching rules -------------------------------------------------------------------------

def test_longest_match_first():
    linker = Linker([entry("party", "Party"), entry("six-party-talks", "Six-Party Talks")])
    assert found(linker, "a party to the Six-Party Talks, the Party said") == [
        ("Six-Party Talks", "six-party-talks"), ("Party", "party")]


def test_alias_spelling_variants():
    linker = Linker([entry("kim-jong-un", "Kim Jong-un", "Kim Jong Un"),
                     entry("denuclearisation", "denuclearisation", "denuclearization")])
    assert found(linker, "Kim Jong Un and Kim Jong-un on denuclearization and "
                 "denuclearisation") == [
        ("Kim Jong Un", "kim-jong-un"), ("Kim Jong-un", "kim-jong-un"),
        ("denuclearization", "denuclearisation"), ("denuclearisation", "denuclearisation")]


def test_acronym_not_matched_inside_a_word_or_in_lower_case():
    linker = Linker([entry("thaad", "THAAD"), entry("rok", "ROK")])
    assert found(linker, "THAADs, BROKEN, rok, Thaad, and THAAD’s radar; US-ROK drills") == [
        ("THAAD", "thaad"), ("ROK", "rok")]


def test_possessives_match():
    linker = Linker([entry("russia", "Russia", kind="place")])
    assert found(linker, "Russia’s interests and Russia's aims") == [("Russia", "russia")] * 2


def test_line_start_capital_matches_a_lower_case_name():
    linker = Linker([entry("sanctions", "sanctions")])
    assert found(linker, "Sanctions bite. The sanctions, anti-sanctions") == [
        ("Sanctions", "sanctions"), ("sanctions", "sanctions")]


def test_capitalised_names_do_not_match_lower_case_words():
    linker = Linker([entry("kremlin", "Kremlin", kind="organisation")])
    assert found(linker, "a kremlin-like fortress; the Kremlin") == [("Kremlin", "kremlin")]


TEXT = """A Test Paper

About the Kremlin

The Kremlin spoke. Then the Kremlin spoke again.1 The Kremlin again.

Later the Kremlin and THAAD.

Second Kremlin section

Once more the Kremlin.

1. A note about the Kremlin, 2018.
2. Another note about THAAD, 2019.
"""


def test_first_mention_per_section_is_a_link_later_paragraphs_light():
    reading = ingest_text(TEXT)
    linker = Linker([entry("kremlin", "Kremlin"), entry("thaad", "THAAD")])
    spans, occurrences = link_terms(reading, "test", linker)
    styles = {pid: [(s.entry, s.style) for s in sp] for pid, sp in spans.items()}
    assert styles == {"p1": [("kremlin", "link")],
                      "p2": [("kremlin", "light"), ("thaad", "link")],
                      "p3": [("kremlin", "link")]}
    assert [(o.entry, o.para, o.count, o.section) for o in occurrences] == [
        ("kremlin", "p1", 3, "About the Kremlin"), ("kremlin", "p2", 1, "About the Kremlin"),
        ("thaad", "p2", 1, "About the Kremlin"), ("kremlin", "p3", 1, "Second Kremlin section")]


def test_no_link_in_headings_or_notes(papers):
    reading = ingest_text(TEXT)
    linker = Linker([entry("kremlin", "Kremlin"), entry("thaad", "THAAD")])
    spans, _ = link_terms(reading, "test", linker)
    ids = {p.id for p in reading.paragraphs()}
    assert set(spans) <= ids  # headings and notes are not paragraphs: never linked


def test_no_link_across_a_footnote_marker():
    reading = ingest_text("Title\n\nSome text about Six Party.1 Talks resumed later.\n\n"
                          "1. A source, 2018.\n2. Another source, 2019.")
    linker = Linker([entry("spt", "Six Party Talks")])
    avoid = {m.block: [m.offset] for m in reading.markers}
    spans, _ = link_terms(reading, "t", linker, avoid)
    assert spans == {}


# -- the real glossary ----------------------------------------------------------------------

def test_at_least_fifty_valid_entries(corpus):
    assert len(corpus.glossary) >= 50
    assert not [p for p in corpus.problems if p.code.startswith("G")]
    kinds = {e.kind for e in corpus.glossary}
    assert kinds == {"person", "organisation", "place", "agreement", "event", "concept"}


def test_every_entry_occurs_in_a_paper(site):
    mentioned = {o.entry for o in site.occurrences}
    assert {e.id for e in load_glossary(ROOT)[0]} == mentioned


@pytest.fixture(scope="module")
def site():
    from glossa.publish.site import generate
    return generate(ROOT)


# -- editors' mistakes ----------------------------------------------------------------------

@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def codes_for(project, name):
    return [p.format() for p in load_corpus(project).problems
            if p.path == f"content/glossary/{name}"]


def test_unknown_key_is_named_with_its_line(project):
    (project / "content/glossary/zz-test.yml").write_text(
        "term: Zed\nkind: concept\ndefintion: A typo.\nshort: A test entry for this test.\n",
        encoding="utf-8")
    assert codes_for(project, "zz-test.yml") == [
        "content/glossary/zz-test.yml:3: G002 unknown key 'defintion' (expected: aliases, body, "
        "kind, related, short, sources, term)"]


def test_alias_claimed_by_two_entries(project):
    (project / "content/glossary/zz-test.yml").write_text(
        "term: Zed\nkind: concept\nshort: A test entry for this test.\naliases:\n  - THAAD\n",
        encoding="utf-8")
    assert codes_for(project, "zz-test.yml") == [
        "content/glossary/zz-test.yml:5: G005 'THAAD' is also claimed by "
        "content/glossary/thaad.yml (keep it in one entry only)"]


def test_related_entry_that_does_not_exist(project):
    (project / "content/glossary/zz-test.yml").write_text(
        "term: Zed\nkind: concept\nshort: A test entry for this test.\nrelated:\n"
        "  - thaad\n  - no-such-entry\n", encoding="utf-8")
    assert codes_for(project, "zz-test.yml") == [
        "content/glossary/zz-test.yml:6: G007 related entry 'no-such-entry' does not exist "
        "(use the file name of an entry, without .yml)"]


def test_wrong_kind_and_missing_short(project):
    (project / "content/glossary/zz-test.yml").write_text("term: Zed\nkind: thing\n",
                                                          encoding="utf-8")
    problems = codes_for(project, "zz-test.yml")
    assert [p.split(": ", 1)[1][:4] for p in problems] == ["G001", "G003"]
    assert "'short' is missing" in problems[0]


def test_currency_prefix_is_never_a_term():
    linker = Linker([entry("united-states", "United States", "US")])
    assert found(linker, "North Korea’s US$11 billion debt, owed to the US") == [
        ("US", "united-states")]
    from glossa.enrich.linker import candidates
    assert "US" not in dict(candidates(["the US$11 billion debt, the US$2 loan"], Linker([])))


def test_an_alias_of_an_entry_is_never_a_glossary_candidate():
    """An entry's alias left unlinked at some mention (once-per-section linking) is still
    covered by the entry."""
    from glossa.enrich.linker import candidates
    linker = Linker([entry("united-states", "United States", "US")])
    text = "Relations with the US worsened; the US then acted. The NATO summit met; NATO spoke."
    found = dict(candidates([text], linker, covered_by=[[]]))  # no mention linked here
    assert "US" not in found and "NATO" in found


def test_terms_in_a_text_box_are_linked_not_in_a_reports_author_block_or_disclaimer():
    from helpers import FIXTURES
    box = ingest_text((FIXTURES / "corpus-pages/R48694.10.first-19-pages.txt")
                      .read_text(encoding="utf-8"))
    asides = {p.id for p in box.paragraphs() if p.kind == "aside"}
    spans, occurrences = link_terms(box, "t", Linker([entry("omb", "OMB")]))
    assert asides & set(spans)  # "... based on OMB data" inside the text box
    assert any(o.para in asides for o in occurrences)
    back = ingest_text((FIXTURES / "corpus/R48914.2/source.txt").read_text(encoding="utf-8"))
    back_matter = {p.id for p in back.paragraphs() if p.kind == "aside"}
    spans, _ = link_terms(back, "t", Linker([entry("crs", "Congressional Research Service"),
                                            entry("clark", "Corrie E. Clark")]))
    assert not back_matter & set(spans)
