"""The works the papers cite (glossa.enrich.sources): notes read into records, short forms
resolved, one work for one address, one law, one title and year; and their bibliographies
(parsed back with bibtexparser, RIS and CSL-JSON read as their readers would)."""

from __future__ import annotations

import json
from dataclasses import replace

import bibtexparser

from glossa.enrich.citation import read_citation, read_citations, split_citations
from glossa.enrich.sources import cited_elsewhere, gather, paper_citations
from glossa.model.paper import ResolvedNote
from glossa.publish.content import load_paper
from glossa.render.bibliography import bibtex, csl_json, ris
from helpers import ROOT


def gambit():
    paper, _ = load_paper(ROOT / "content/papers/russias-gambit", ROOT)
    return paper


def test_a_web_article_note_gives_who_title_outlet_date_and_address():
    # Russia's Gambit, note 6.
    c = read_citation("g", 6, "Gilbert Rozman. “Giving a New Jolt to Strategic Triangle "
                      "Analysis.” The Asan Forum, August 30, 2017, http://www.theasanforum.org/"
                      "giving-a-new-jolt-to-strategic-triangle-analysis/")
    assert (c.who, c.title, c.outlet, c.date) == (
        "Gilbert Rozman", "Giving a New Jolt to Strategic Triangle Analysis", "The Asan Forum",
        "2017-08-30")
    assert c.url.startswith("http://www.theasanforum.org/giving") and c.read


def test_a_book_note_gives_its_imprint_and_page():
    # Russia's Gambit, note 1 (a no-break space after the author's full stop).
    c = read_citation("g", 1, "Victor Cha.\u00a0The Impossible State: North Korea, Past and "
                      "Future (New York: Harper Collins, 2012), p. 347.")
    assert (c.who, c.title, c.outlet, c.date, c.pages) == (
        "Victor Cha", "The Impossible State: North Korea, Past and Future", "Harper Collins",
        "2012", "347")


def test_a_report_note_gives_its_number_and_the_date_after_its_title():
    c = read_citation("x", 2, "GAO, Managing for Results: Federal Managers’ Views on Key "
                      "Management Issues Vary Widely Across Agencies, GAO-01-592 (Washington, "
                      "D.C.: May 25, 2001).")
    assert (c.who, c.identifier, c.date) == ("GAO", "GAO-01-592", "2001-05-25")
    assert c.title.startswith("Managing for Results: Federal Managers")


def test_laws_are_works_of_their_own():
    assert read_citation("x", 3, "42 U.S.C. § 1983.").kind == "law"
    c = read_citation("x", 4, "P.L. 117-167, §10621.")
    assert (c.kind, c.identifier) == ("law", "P.L. 117-167")


def test_prose_then_see_reads_the_work_after_see():
    c = read_citation("x", 5, "The farm bill is an omnibus, multiyear law. For more on the "
                      "farm bill, see CRS In Focus IF12047, Farm Bill Primer: What Is the Farm "
                      "Bill?, by Jim Monke and Megan Stubbs.")
    assert c.identifier == "CRS In Focus IF12047" and c.who == "Jim Monke and Megan Stubbs"
    assert c.title.startswith("Farm Bill Primer")


def test_an_explanatory_note_names_no_work():
    assert not read_citation("x", 6, "It should be noted that the models require large "
                             "amounts of data, which is why they are trained on the web.").read


def test_a_note_of_several_citations_is_split_at_its_semicolons():
    assert len(split_citations("A, “One,” 2001; and B, “Two,” 2002.")) == 2
    # A semicolon inside a title stays the title's ...
    assert len(split_citations("“Pentagon Plans to Spend the Windfall at Once; $38 Billion "
                               "Boost,” Inside Defense, 2026.")) == 1


def test_a_semicolon_inside_the_closing_quotation_mark_ends_the_citation():
    # ... but one that closes the quotation parts two works (CRS R47324, notes 53 and 108).
    assert split_citations("TMC, “Updated Sponsorship Agreement for NORI;” and TMC, "
                           "“Updated Sponsorship Agreement for TOML.”") == [
        "TMC, “Updated Sponsorship Agreement for NORI”",
        "TMC, “Updated Sponsorship Agreement for TOML.”"]


def test_a_citation_of_several_sentences_gives_a_record_for_each_work():
    works = read_citations("x", 1, "EDA, “Research and National Technical Assistance "
                           "(RNTA) Programs,” https://eda.gov/programs/rnta/. See also EDA, "
                           "“NOFO for FY 2021-2023,” https://grants.gov/search-results-detail/1.")
    assert [c.title for c in works] == ["Research and National Technical Assistance (RNTA) "
                                        "Programs", "NOFO for FY 2021-2023"]
    # A book's author ends with a full stop: one work still.
    [cha] = read_citations("g", 1, "Victor Cha. The Impossible State (New York: Harper "
                           "Collins, 2012), p. 347.")
    assert cha.who == "Victor Cha"


def test_prose_sentences_beside_a_citation_give_no_record():
    works = read_citations("x", 2, "The net worth limit is codified at 38 U.S.C. §1522. A rule "
                           "published in the Federal Register on September 24, 2021, extended "
                           "it. For current pension rates, see VA, Current Pension Rates, "
                           "December 2, 2024, https://www.va.gov/pension/.")
    assert [(c.identifier, c.title) for c in works] == [
        ("38 U.S.C. §1522", ""), ("", "Current Pension Rates")]


def test_each_law_address_and_author_date_reference_of_a_sentence_is_a_work():
    laws = read_citations("x", 3, "VA may pay for care under the Veterans Community Care "
                          "Program (38 U.S.C. §1703 and 38 C.F.R. §17.4000), including "
                          "urgent care (38 U.S.C. §1725A).")
    assert [c.identifier for c in laws] == ["38 U.S.C. §1703", "38 C.F.R. §17.4000",
                                            "38 U.S.C. §1725A"]
    urls = read_citations("x", 4, "It is available at https://a.gov/x and http://www.b.gov.")
    assert [c.url for c in urls] == ["https://a.gov/x", "http://www.b.gov"]
    refs = read_citations("x", 5, "Cf. Polanyi (1967), Hayek (1952); Frey and Osborne (2013, "
                          "2017) and others (Knight Foundation 2013).")
    assert [c.identifier for c in refs if c.kind == "reference"] == [
        "Polanyi (1967)", "Hayek (1952)", "Frey and Osborne (2013)", "Frey and Osborne (2017)",
        "Knight Foundation (2013)"]


def test_a_passage_in_quotation_marks_is_not_a_title():
    # Lower case, an editor's bracket, or a parenthetical after a case: the law is the work.
    assert read_citation("x", 6, "7 U.S.C. §2201 note. The plan says it “may from time to "
                         "time make such provisions.”").identifier == "7 U.S.C. §2201"
    case = read_citation("x", 7, "Fugo v. Brown, 6 Vet. App. 40, 43 (1993) (“If a claimant "
                         "chooses the lane, the record is limited.”)")
    assert (case.kind, case.title) == ("case", "")


def test_a_sentence_of_prose_is_not_who():
    assert not read_citation("x", 8, "In FY2021-FY2026, base funding must account for 89% of "
                             "RESEA funding, funding for outcome payments 10%.").read


def _paper_with_notes(notes: dict[int, str], slug: str = "gambit"):
    p = gambit()
    return replace(p, meta=replace(p.meta, slug=slug), footnotes={
        n: ResolvedNote(n, t, "source", line=n) for n, t in notes.items()})


def test_id_and_supra_repeat_the_work_they_name():
    p = _paper_with_notes({
        1: "Jane Smith, “The Long Peace,” Foreign Affairs, March 2017, p. 4.",
        2: "Id. at 9.",
        3: "Ibid.",
        4: "Tom Roe, “Other Matters,” Survival, 2016.",
        5: "Smith, supra note 1, at 71."})
    citations, problems = paper_citations(p)
    by_note = {c.note: c for c in citations}
    assert by_note[2].title == by_note[3].title == by_note[5].title == "The Long Peace"
    assert (by_note[2].pages, by_note[5].pages, by_note[5].kind) == ("9", "71", "supra")
    works, _ = gather(citations)
    [peace] = [w for w in works if w.first.title == "The Long Peace"]
    assert sorted(c.note for c in peace.citations) == [1, 2, 3, 5]
    assert {"id", "supra"} <= peace.matched_by and problems == []


def test_one_work_across_papers_by_its_address_and_never_by_likeness():
    a = _paper_with_notes({1: "TASS, “Interview,” February 7, 2018, http://tass.ru/p/1"}, "a")
    b = _paper_with_notes({3: "“Interview with the ambassador,” TASS, February 7, 2018, "
                           "https://www.tass.ru/p/1/",
                           4: "“Interview,” TASS, February 8, 2018, http://tass.ru/p/2"}, "b")
    works, problems = gather(paper_citations(a)[0] + paper_citations(b)[0])
    [same] = [w for w in works if len(w.papers) == 2]
    assert same.matched_by == {"address"}
    assert len(works) == 2  # the other interview, same title, another address and day
    assert cited_elsewhere(works) == {("a", 1): ([("b", 3)], 0), ("b", 3): ([("a", 1)], 0)}
    # One address with two titles: reported, kept as one work.
    assert [p.code for p in problems] == ["C002"]


def test_a_note_that_cites_but_cannot_be_read_is_reported():
    p = _paper_with_notes({7: "Id. at 4."})  # the paper's first note: nothing to repeat
    _, problems = paper_citations(p)
    assert [(x.code, x.severity) for x in problems] == [("C001", "warning")]


def test_the_bibliography_reads_back_in_each_format():
    citations, _ = paper_citations(gambit())
    works, _ = gather(citations)
    assert len(works) == 11
    library = bibtexparser.parse_string(bibtex(works))
    assert len(library.entries) == 11 and not library.failed_blocks
    rozman = [e for e in library.entries if "Strategic Triangle" in e["title"]][0]
    assert rozman["author"] == "{Gilbert Rozman}" and rozman["year"] == "2017"
    assert ris(works).count("ER  -") == 11 and ris(works).startswith("TY  - ")
    items = json.loads(csl_json(works))
    assert {i["type"] for i in items} <= {"article-journal", "webpage", "book", "document",
                                          "report"}
    cha = [i for i in items if i["title"].startswith("The Impossible State")][0]
    assert cha["issued"] == {"date-parts": [[2012]]} and cha["author"] == [{"literal":
                                                                              "Victor Cha"}]


def test_a_numbered_instrument_is_read_as_a_work_with_the_names_before_it():
    c = read_citation("p", 1, "VA Adjudication Procedures Manual M21-1, XIII.i.3.A.6.")
    assert c.identifier == "VA Adjudication Procedures Manual M21-1" and c.read
    assert read_citation("p", 2, "UNCLOS Article 156.").identifier == "UNCLOS Article 156"
    assert read_citation("p", 3, "Texas 88th Leg., R.S., Ch. 465 (S.B. 2627).").identifier \
        == "S.B. 2627"


def test_each_further_number_in_a_sentence_is_a_work_of_its_own():
    from glossa.enrich.citation import _read_all

    text = ("Secretary's Memorandum No. 1446, Supplement 1, of April 3, 1961, under "
            "Reorganization Plan No. 2 of 1953.")
    assert [c.identifier for c in _read_all("p", 1, text)] == [
        "Secretary's Memorandum No. 1446", "Reorganization Plan No. 2"]


def test_a_bare_article_number_joins_no_other_papers_article():
    works, _ = gather([read_citation("a", 1, "Article 5."), read_citation("b", 1, "Article 5.")])
    assert len(works) == 2


def test_a_work_many_papers_cite_names_a_few_of_their_notes_and_counts_the_rest():
    # (A work cited by a thousand papers: each note names five, the Sources page them all.)
    from glossa.enrich.sources import ALSO_SHOWN

    url = "https://example.org/report"
    works, _ = gather([read_citation(f"p{k:03d}", 2, f"A Report, {url}.") for k in range(40)])
    also = cited_elsewhere(works)
    assert also[("p000", 2)] == ([(f"p{k:03d}", 2) for k in range(1, ALSO_SHOWN + 1)],
                                 39 - ALSO_SHOWN)
