"""PDF text as pdftotext gives it, read right: one test per failure class found on real
papers (issue: "Real papers from real publishers, read right"), each on pages of a public
domain CRS product kept in tests/fixtures/corpus-pages/ (the first pages of the paper) or
tests/fixtures/corpus/ (whole papers, with the publisher's truth). Provenance: README.md in
tests/fixtures/corpus/."""

from __future__ import annotations

import json
from functools import cache

from glossa.ingest import ingest_text
from glossa.ingest.conservation import conservation_problems
from glossa.measure.evaluate import key
from glossa.model.reading import Heading
from helpers import FIXTURES

PAGES = FIXTURES / "corpus-pages"
CORPUS = FIXTURES / "corpus"


@cache
def read(name: str):
    path = PAGES / name if (PAGES / name).is_file() else CORPUS / name / "source.txt"
    text = path.read_text(encoding="utf-8")
    reading = ingest_text(text)
    assert conservation_problems(text, reading, name) == []  # and nothing is lost
    return reading


def paragraph_holding(reading, words: str):
    return next(p for p in reading.paragraphs() if words in p.text)


def truth(name: str) -> dict:
    return json.loads((CORPUS / name / "truth.json").read_text(encoding="utf-8"))


def test_note_whose_text_opens_with_a_number_is_a_note():
    notes = read("R48907.2.first-9-pages.txt").notes
    assert notes[18].text == "10 U.S.C. §1553."
    assert notes[19].text.startswith("32 C.F.R. §70.8(a)(3)")


def test_note_number_alone_on_its_line_starts_the_note():
    # "23" on a line of its own, then "32 C.F.R. §70.8(e).": note 23, whose text opens
    # with a number too; the notes after it are all read.
    notes = read("R48907.2.first-9-pages.txt").notes
    assert notes[23].text == "32 C.F.R. §70.8(e)."
    assert sorted(notes) == list(range(1, 26))


def test_notes_printed_out_of_order_are_each_read():
    # pdftotext puts note 24 above note 23 at the foot of one page.
    notes = read("R46991.32.first-9-pages.txt").notes
    assert notes[23].text.startswith("The America COMPETES Reauthorization Act of 2010")
    assert notes[24].text.startswith("As of January 2026, Congress had approved")
    assert sorted(notes) == list(range(1, 25))


def test_note_continued_on_the_next_page_is_joined_and_leaves_no_splice_in_the_body():
    reading = read("R48914.2")
    note = reading.notes[66].text
    assert note.startswith("Fred Cantu, “Texas Senate Bill Seeks to Regulate Bitcoin Miners")
    assert "March 28, 2023 (updated March 29, 2023)" in note
    assert all("Fred Cantu" not in p.text and "cbsaustin" not in p.text
               for p in reading.paragraphs())
    assert any(d.why.startswith("the note goes on") for d in reading.dropped)


def test_every_note_of_a_report_matches_the_publisher():
    for name in ("98-317.22", "R48914.2"):
        reading, notes = read(name), truth(name)["notes"]
        got = {n: reading.notes[int(n)].text for n in notes if int(n) in reading.notes}
        wrong = [n for n, text in notes.items() if key(text, 5) != key(got.get(n, ""), 5)]
        assert wrong == [], name


def test_note_number_printed_apart_at_the_page_foot_gets_its_text_back():
    # pdftotext printed "103" alone under the page's last note, next to the page number, and
    # the text of note 103, unnumbered, at the top of the page's notes.
    reading = read("R48914.2")
    note = reading.notes[103]
    assert note.text.startswith("Aaron van Wirdum, “Bitmain Can Remotely Shut Down")
    assert note.lines[0] == 1176 and note.line == 1156  # the number's line, then the text's
    assert not reading.notes[109].text.endswith("103")
    assert all("Aaron van Wirdum, “Bitmain" not in p.text for p in reading.paragraphs())
    assert 1176 not in {d.line for d in reading.dropped}


def test_note_glued_to_the_body_line_above_splits_the_line():
    # "... three agencies: the Rural Business115 USDA, ERS, “About ERS.”": the page's notes
    # start at 116, and 115 is glued to the last body line.
    reading = read("R48905.1.first-19-pages.txt")
    assert reading.notes[115].text == "USDA, ERS, “About ERS.”"
    assert reading.notes[116].text.startswith("USDA, “2026 USDA Explanatory Notes")
    assert reading.split_lines == {874: 90}
    body = " ".join(p.text for p in reading.paragraphs())
    assert "three agencies: the Rural Business" in body and "About ERS.”" not in body
    assert sorted(reading.notes) == list(range(1, 126))


def test_a_number_glued_to_a_word_with_no_missing_note_is_not_split():
    # Body lines end in markers followed by more words all the time ("economy.115 ERS
    # headquarters"): only a note the page's numbering lacks is looked for.
    reading = read("R48905.1.first-19-pages.txt")
    assert set(reading.split_lines) == {874}


def test_brief_title_printed_as_the_running_head_of_later_pages():
    # (the catalogue record of this brief has no title: the one its pages print)
    assert read("IF12155").title == "Farm Bill Primer: Trade and Export Promotion Programs"


def test_insight_title_under_its_masthead_not_the_masthead():
    reading = read("IN12422.6")
    assert reading.title == truth("IN12422.6")["title"]
    assert reading.series == "INSIGHTi"  # the masthead is kept, as the series line


def test_legal_sidebar_title_not_the_logo():
    assert read("LSB11417.1").title == truth("LSB11417.1")["title"]


def test_report_title_wrapped_over_two_lines_is_one_title():
    assert read("R48914.2").title == "Cryptocurrency Mining and the Electricity Sector"


def test_brief_footer_lines_never_stay_in_paragraphs():
    for name in ("IF12155", "IN12422.6", "LSB11417.1"):
        text = " ".join(p.text for p in read(name).paragraphs())
        assert "https://crsreports.congress.gov" not in text, name


def test_bullets_set_apart_from_their_items_make_a_list():
    reading = read("R46991.32.first-9-pages.txt")
    items = [p.text for p in reading.paragraphs() if p.kind == "item"]
    assert items[0].startswith("In 1961, prior to the enactment of PWEDA")
    assert items[1].startswith("In August 1965, PWEDA (P.L. 89-136) was enacted")
    assert not [p for p in reading.paragraphs() if p.text.strip() in ("•", "")]


def test_bullets_with_their_items_on_the_next_page_are_matched_in_order():
    reading = read("IN12422.6")
    items = [p.text for p in reading.paragraphs() if p.kind == "item"]
    assert [i.split()[:4] for i in items[:4]] == [
        ["the", "credit", "for", "installing"], ["the", "credit", "for", "installing"],
        ["the", "credit", "for", "home"], ["taxpayers", "could", "claim", "a"]]


def test_note_marker_on_a_heading_is_a_note_not_part_of_the_title():
    reading = read("R48694.10.first-19-pages.txt")
    heading = next(h for h in reading.headings() if h.line == 1170)
    assert heading.text == "Department of Defense"
    assert heading.id == "department-of-defense"
    marker = next(m for m in reading.markers if m.n == 15)
    assert (marker.block, marker.offset) == (heading.id, len("Department of Defense"))
    assert 15 in reading.notes


def test_a_sentence_cut_by_a_column_break_goes_on_in_one_paragraph():
    # "... Some U.S. agricultural" / blank line (the column's foot) / "trade and producer
    # groups have sought ...": one sentence, one paragraph.
    reading = read("IF12155")
    para = paragraph_holding(reading, "Some U.S. agricultural")
    assert "Some U.S. agricultural trade and producer groups have sought" in para.text
    assert not any(p.text.startswith("trade and producer") for p in reading.paragraphs())


def test_a_middle_initial_at_a_line_end_does_not_end_the_sentence():
    # R48909.1 (public domain), its list of products: "by Catherine A." / "Theohary and
    # Kelley M. Sayler" is one name, not a line and then a heading.
    from glossa.ingest.patterns import ends_sentence
    assert not ends_sentence("Agentic Artificial Intelligence and Cyberattacks, by Catherine A.")
    assert not ends_sentence("a statement by Senator Max J.")
    assert ends_sentence("See also P.L. 117-328, Division N.")
    assert ends_sentence("The details are in Appendix A.")
    text = ("Selected Products\n\nAI and National Security\n"
            "CRS In Focus IF13151, Agentic Artificial Intelligence and Cyberattacks, "
            "by Catherine A.\n"
            "Theohary and Kelley M. Sayler\n"
            "CRS In Focus IF11105, Defense Primer: Emerging Technologies, by Kelley M. Sayler\n"
            "\f")
    reading = ingest_text(text, fmt="pdf")
    assert "Theohary and Kelley M. Sayler" not in [h.text for h in reading.headings()]
    assert any("by Catherine A. Theohary and Kelley M. Sayler" in p.text
               for p in reading.paragraphs())


def test_entries_of_a_list_without_bullets_or_full_stops_are_each_a_paragraph():
    # R48909.1 (public domain), its list of products: each entry opens with "CRS" and ends
    # with an author's name, no full stop; the line above an entry never ends a sentence.
    text = ("Selected Products\n\nAI and Defense\n"
            "CRS In Focus IF11150, Defense Primer: U.S. Policy on Lethal Autonomous Weapon "
            "Systems, by\n"
            "Kelley M. Sayler\n"
            "CRS Insight IN12669, Pentagon-Anthropic Dispute over Autonomous Weapon Systems: "
            "Potential\n"
            "Issues for Congress, by Kelley M. Sayler\n"
            "CRS In Focus IF11105, Defense Primer: Emerging Technologies, by Kelley M. Sayler\n"
            "CRS Insight IN12615, Realignment of DOD’s Chief Digital and AI Officer (CDAO), by "
            "Kelley M.\n"
            "Sayler\n\f")
    entries = [p.text for p in ingest_text(text, fmt="pdf").paragraphs()]
    assert [e.split(",")[0] for e in entries] == [
        "CRS In Focus IF11150", "CRS Insight IN12669", "CRS In Focus IF11105",
        "CRS Insight IN12615"]
    assert entries[3].endswith("by Kelley M. Sayler")


def test_prose_whose_sentences_open_with_one_word_stays_one_paragraph():
    # R47324.18 (public domain): three sentences of one paragraph open lines with "Seabed";
    # each line above them ends a sentence, so the rules for prose decide, not the list's.
    text = ("Background on Seabed Mining\n"
            "Seabed mining is a process of extracting sediment and mineral resources from the "
            "seafloor.\n"
            "Seabed mining activities can occur within a nation’s exclusive economic zone "
            "(EEZ), to which a\n"
            "coastal nation may claim sovereign rights for the purpose of exploring and "
            "exploiting the natural\n"
            "resources of its continental shelf, or in ABNJ (commonly referred to as "
            "deep-seabed mining).\n"
            "Seabed mining activities occurring within a coastal nation’s EEZ are regulated by "
            "that nation’s\n"
            "domestic laws. In the United States, the seaward boundary of coastal states is "
            "generally 3\n"
            "nautical miles offshore, and certain states and territories prohibit seabed mining "
            "within their\n"
            "waters.\n\f")
    paras = ingest_text(text, fmt="pdf").paragraphs()
    assert len(paras) == 1 and paras[0].text.endswith("prohibit seabed mining within their "
                                                      "waters.")


def test_heading_set_on_two_lines_is_one_heading():
    headings = [h.text for h in read("R48914.2").headings()]
    assert "How Much Electricity Is Consumed by Cryptocurrency Mining?" in headings
    assert "Motivation for Targeting Funds to Persistent Poverty Counties" in [
        h.text for h in read("R45100.21.first-9-pages.txt").headings()]


def test_figures_and_table_cells_are_never_headings():
    for name in ("R48914.2", "R45100.21.first-9-pages.txt"):
        for h in read(name).headings():
            assert any(c.isalpha() for c in h.text), (name, h.text)


def test_table_between_caption_and_source_is_one_block_not_prose():
    reading = read("R45100.21.first-9-pages.txt")
    [table] = [p for p in reading.paragraphs() if p.kind == "table"]
    assert "P.L. 111-5" in table.text and "\n" in table.text
    captions = [p.text for p in reading.paragraphs() if p.kind == "caption"]
    assert any(c.startswith("Table 1. Public Laws that Targeted Funds") for c in captions)


TEACHING_TABLES = "teachingrse-2026_rse-foundational-competencies.pages-14-to-19.txt"
JRC_TABLE = "jrc-2023_energy-savings-home-work_draft.pages-12-and-13.txt"


def test_a_table_with_no_source_line_is_one_block_to_the_prose_or_the_page_end():
    # Six tables of cells ("SWLC" / "Should be aware of the software life cycle."), one
    # with a cell across the table's width, one whose caption closes the page above it.
    reading = read(TEACHING_TABLES)
    assert [h.text for h in reading.headings()] == ["Project team structures"]
    tables = [p.text for p in reading.paragraphs() if p.kind == "table"]
    assert len(tables) == 5
    assert "\nSWLC\nShould be aware of the software life cycle." in tables[0]
    assert "Should offer training and other resources in core topics" in tables[3]
    assert "\nMOD\n" in tables[3] and "\nDOMREP\n" in tables[4]
    # the prose on the next page is prose again
    after = paragraph_holding(reading, "we looked at the competency levels needed")
    assert after.kind == "paragraph"


def test_a_table_numbered_within_its_chapter_keeps_its_first_cell_out_of_its_caption():
    # "Table 2.1: Intereventions promoting energy conservation at home" / "Intervention" /
    # "Definition": the caption is short of the column, and "Intervention" would have fitted.
    reading = read(JRC_TABLE)
    [caption] = [p.text for p in reading.paragraphs() if p.kind == "caption"]
    assert caption == "Table 2.1: Intereventions promoting energy conservation at home"
    [table] = [p.text for p in reading.paragraphs() if p.kind == "table"]
    assert table.startswith("Intervention\nDefinition\nInformation nudges")
    assert "Feedback & goals" in table
    assert [h.text for h in reading.headings()] == ["3 Saving energy at work"]


def test_drop_cap_is_joined_to_its_word():
    first = read("98-317.22").paragraphs()[0].text
    assert first.startswith("Congressional committee hearings may be broadly classified")


def test_box_beside_the_summary_is_dropped_with_its_reason():
    reading = read("R48914.2")
    box = [d.text for d in reading.dropped if d.why.startswith("the box beside the summary")]
    assert "R48914" in box and "Corrie E. Clark" in box
    assert not [h for h in reading.headings() if h.text.startswith("Specialist in")]


def test_a_heading_in_the_reading_is_a_heading_of_the_publisher():
    reading = read("R48914.2")
    wanted = set(truth("R48914.2")["headings"])
    found = [h.text.replace("’", "'") for h in reading.blocks if isinstance(h, Heading)]
    assert wanted <= set(found) | {"Where Is Cryptocurrency Mined?"} - {""}


def test_numbered_headings_take_their_level_from_the_number():
    levels = {h.text: h.level for h in read(
        "jrc-2023_energy-savings-home-work_draft.first-11-pages.txt").headings()}
    assert levels["1 Introduction"] == 2 and levels["2 Saving energy at home"] == 2
    assert levels["2.1 Information nudges and energy labels"] == 3


def test_evaluate_reads_every_fixture_paper_with_both_inputs(capsys):
    """`glossa evaluate` as CI runs it: every paper of the fixtures, from the PDF text and
    from the web copy; figures that cannot drift with timing (the readings are pure)."""
    from glossa.cli import main
    from glossa.measure.fidelity import evaluate_dir
    from glossa.measure.summary import summarise

    assert main(["evaluate", str(CORPUS), "--input", "source.txt", "--input", "web.txt",
                 "--brief"]) == 0
    out = capsys.readouterr().out
    assert "| corpus/ source.txt | 6 |" in out and "| corpus/ web.txt | 6 |" in out
    pdf, web = summarise(evaluate_dir(CORPUS)), summarise(evaluate_dir(CORPUS, "web.txt"))
    assert web.notes_right == web.notes_total and web.words_lost == 0
    assert pdf.notes_right >= pdf.notes_total - 1  # R48914.2's note 103 is F013, not read
    assert pdf.titles_right == pdf.titles_total
    assert pdf.furniture == 0 and pdf.lone_bullets == 0 and pdf.words_lost == 0


def test_cover_title_in_capitals_over_its_subtitle_is_the_title_not_the_masthead():
    # GAO-07-283's cover: the agency's name, its initials, the addressees and the date, then
    # the title in capitals over its subtitle in lower case.
    reading = read("gao-07-283_crude-oil-peak-strategy.first-3-pages.txt")
    assert reading.title == "CRUDE OIL"
    assert reading.subtitle.startswith("Uncertainty about Future Oil Supply Makes It")
    assert "Government Accountability Office" not in reading.title


def test_note_number_taken_for_a_page_number_is_given_back_to_its_note():
    # JRC's draft: "3" alone on its line near the page's foot, then "ODYSSEE database: ...",
    # then the page's number "5": the "3" looked like a page number and was set aside.
    reading = read("jrc-2023_energy-savings-home-work_draft.first-11-pages.txt")
    assert sorted(reading.notes) == [1, 2, 3]
    assert reading.notes[3].text.startswith("ODYSSEE database: Energy")
    assert not reading.notes[2].text.endswith("[accessed 20 November 2022].")
    assert reading.notes[3].lines[0] not in {d.line for d in reading.dropped}


def test_a_contents_page_without_leaders_is_a_contents_list_not_text():
    # GAO's contents page: entries on their own lines, page numbers in a column of their own.
    reading = read("gao-07-283_crude-oil-peak-strategy.first-21-pages.txt")
    listed = [d for d in reading.dropped if d.why == "table of contents entry"]
    assert "Timing of Peak Oil Production Depends on Uncertain Factors" in [d.text
                                                                            for d in listed]
    assert not any("Recommendation for Executive Action" in p.text
                   for p in reading.paragraphs())


def test_a_heading_set_in_the_margin_on_several_lines_is_one_heading_when_listed():
    # "Timing of Peak Oil" / "Production Depends" / "on Uncertain Factors", beside the text:
    # the contents list names it, so it is one heading, not a box of short lines dropped.
    reading = read("gao-07-283_crude-oil-peak-strategy.first-21-pages.txt")
    headings = [h.text for h in reading.headings()]
    assert "Timing of Peak Oil Production Depends on Uncertain Factors" in headings
    assert "Results in Brief" in headings and "Background" in headings


def test_a_heading_in_the_margin_that_no_contents_list_names_is_still_one_heading():
    # A subheading beside its section, three short lines in title case with prose after
    # them: kept as one heading, where it used to be dropped as a box of short lines.
    reading = read("gao-07-283_crude-oil-peak-strategy.first-21-pages.txt")
    headings = [h.text for h in reading.headings()]
    assert "Studies Predict Widely Different Dates for Peak Oil" in headings
    # A chart's labels ("OPEC" / "(all other" / "countries)") are no heading.
    assert not any("all other" in h for h in headings)


def test_a_cover_address_and_report_number_are_front_matter_however_narrow_the_column():
    # R48911's sixteen pages are mostly tables, so its measured column is narrow (about 40
    # characters): the cover's "https://crsreports.congress.gov" and "R48911" are still
    # front matter, and the report opens with its "Introduction" heading, not with them.
    reading = read("R48911.1")
    assert [f.role for f in reading.front if f.text.startswith(("https://", "R48911"))] == [
        "url", "identifier"]
    first = reading.blocks[0]
    assert isinstance(first, Heading) and first.text == "Introduction"


def test_author_block_and_disclaimer_are_asides_not_headings_nor_dropped():
    # CRS prints "Author Information" (names and job titles) and "Disclaimer" (prose) at the
    # end; a heading each made them sections in the contents, a short-line run made the
    # author block a table or dropped it as a sidebar.
    for name, author in (("98-317.22", "Valerie Heitshusen"), ("IN12422.6", "Nicholas E. Buffie"),
                         ("LSB11417.1", "April J. Anderson"), ("R48914.2", "Corrie E. Clark")):
        reading = read(name)
        assert not [h for h in reading.headings()
                    if h.text in ("Author Information", "Disclaimer")], name
        asides = {p.lead: p.text for p in reading.paragraphs() if p.kind == "aside"}
        assert asides["Author Information"].split("\n")[0] == author, name
        assert asides["Disclaimer"].startswith("This document was prepared by the "
                                               "Congressional Research Service"), name
        assert not [d for d in reading.dropped if "Author Information" in d.text
                    and d.why.startswith("sidebar")], name
    # A second author after a blank line is in the box; the line after the disclaimer's
    # prose (the report's number) is not.
    lsb = [p.text for p in read("LSB11417.1").paragraphs() if p.kind == "aside"]
    assert "Abigail A. Graber\nLegislative Attorney" in lsb
    assert not any("VERSION" in t for t in
                   [p.text for p in read("IN12422.6").paragraphs() if p.kind == "aside"])


def test_a_box_is_rendered_as_an_aside_with_its_label_and_its_lines():
    from glossa.render.emit import paragraph_markdown
    [box] = [p for p in read("R48914.2").paragraphs()
             if p.kind == "aside" and p.lead == "Author Information"]
    md = paragraph_markdown(box, [])
    assert md.startswith("**Author Information:** Corrie E. Clark<br>\nSpecialist in Energy Policy")
    assert md.endswith(f"{{: #{box.id} .glossa-aside .glossa-aside-start }}")


def test_a_text_box_set_in_smaller_type_is_an_aside_not_a_section():
    # Its title is no entry of the contents list and its lines, in smaller type, run wider
    # in letters than the paper's full line: a box, whose title used to become a section.
    reading = read("R48694.10.first-19-pages.txt")
    title = "Technical and Practical Considerations Associated with Analyzing the FY2026 " \
        "Budget Request"
    assert title not in [h.text for h in reading.headings()]
    box = [p for p in reading.paragraphs() if p.kind == "aside"]
    assert box[0].lead == title and box[0].text.startswith("Several factors complicate")
    assert box[-1].text.endswith("budget analyses that appear later in this report.")
    after = paragraph_holding(reading, "Under the President’s FY2026 budget proposal, five")
    assert after.kind == "paragraph"
    # The sections around it stay sections: only the box's title left the headings.
    assert [h.text for h in reading.headings()][1:4] == [
        "Introduction", "The President’s FY2026 Budget Proposal", "R&D Appropriations Overview"]


GAO_BACK = "gao-05-927_managing-for-results.contents-and-last-14-pages.txt"


def test_a_section_title_printed_atop_each_of_its_pages_is_its_heading_on_the_first():
    # "Appendix I" / "Scope and Methodology" atop each of five pages, "Related GAO Products"
    # atop three: running heads from the second page on, the section's heading on the first.
    reading = read(GAO_BACK)
    headings = [h.text for h in reading.headings()]
    assert headings.count("Appendix I: Scope and Methodology") == 1
    assert headings.count("Related GAO Products") == 1
    running = [d.text for d in reading.dropped if d.why == "running header or footer"]
    assert running.count("Scope and Methodology") == 4 and running.count("Appendix I") == 4
    assert running.count("Related GAO Products") == 2
    first = next(h for h in reading.headings() if h.text == "Related GAO Products")
    after = reading.blocks[reading.blocks.index(first) + 1]
    assert after.text.startswith("Workforce Investment Act: States and Local Areas")


def test_an_appendix_label_on_a_line_apart_from_its_title_is_one_heading():
    # "Appendix II" / blank / "GAO Contact and Staff Acknowledgments", printed once.
    reading = read(GAO_BACK)
    assert "Appendix II: GAO Contact and Staff Acknowledgments" in [h.text for h in
                                                                    reading.headings()]
    assert not [p for p in reading.paragraphs()
                if p.text in ("Appendix II", "GAO Contact and Staff Acknowledgments")]


def test_a_signature_under_a_letters_close_is_a_paragraph_not_headings():
    # "Sincerely yours," / blank / "Bernice Steinhardt" / "Director, Strategic Issues".
    reading = read(GAO_BACK)
    assert not [h for h in reading.headings() if "Steinhardt" in h.text
                or h.text.startswith("Director")]
    assert "Bernice Steinhardt Director, Strategic Issues" in [p.text for p in
                                                               reading.paragraphs()]


GAO_LETTER_END = "gao-07-283_crude-oil-peak-strategy.contents-and-pages-47-to-53.txt"


def test_a_signature_with_no_close_above_it_is_a_paragraph_not_headings():
    # "Jim Wells" / "Director, Natural Resources and Environment", set apart (the close
    # and the signature are a picture).
    reading = read(GAO_LETTER_END)
    assert not [h for h in reading.headings() if h.text in ("Jim Wells", "Director, "
                                                           "Natural Resources and Environment")]
    assert "Jim Wells Director, Natural Resources and Environment" in [
        p.text for p in reading.paragraphs()]


def test_a_title_printed_twice_atop_its_page_and_atop_the_next_is_one_heading():
    # "Appendix II: Key Peak Oil Studies" atop page 52 (the running head, then the heading,
    # under an item of the list before, with no full stop) and atop page 53.
    reading = read(GAO_LETTER_END)
    assert [h.text for h in reading.headings()].count("Appendix II: Key Peak Oil Studies") == 1
    assert "Appendix II" not in paragraph_holding(reading, "James Sweeney, Professor").text
    dropped = [d for d in reading.dropped if d.text == "Appendix II: Key Peak Oil Studies"]
    assert len(dropped) == 2 and all(d.why.startswith("running") for d in dropped)


def test_a_page_number_in_roman_figures_after_page_is_furniture():
    # "Page i", "Page ii", "Page iii" at the feet of the front pages, "Page 1" ... after.
    reading = read("gao-07-283_crude-oil-peak-strategy.first-21-pages.txt")
    shown = [h.text for h in reading.headings()] + [p.text for p in reading.paragraphs()]
    assert not [t for t in shown if t.startswith("Page i")]
    assert "Page iii" in [d.text for d in reading.dropped if d.why.startswith("running")]


def test_two_capitalised_words_run_together_get_their_hyphen_only_when_the_paper_has_it():
    from glossa.ingest.joining import finish_text
    vocabulary = {"ultra-deepwater", "extra-heavy", "mcdonald"}
    assert finish_text(["Deepwater and UltraDeepwater Drilling"], vocabulary) == \
        "Deepwater and Ultra-Deepwater Drilling"
    assert finish_text(["Heavy and ExtraHeavy Oils"], vocabulary) == "Heavy and Extra-Heavy Oils"
    # A name or a brand written that way stays as it is.
    assert finish_text(["McDonald and YouTube and JavaScript"], vocabulary) == \
        "McDonald and YouTube and JavaScript"


def test_the_subtitle_printed_again_on_a_summary_page_is_dropped_not_a_heading():
    # GAO's Highlights page heads its columns with the report's subtitle over three lines:
    # "Enhancing Agency Use of Performance" / "Information for Management Decision" / "Making".
    reading = read(GAO_BACK)
    assert reading.subtitle == ("Enhancing Agency Use of Performance Information for "
                                "Management Decision Making")
    assert not [h for h in reading.headings() if "Management Decision" in h.text]
    again = [d.text for d in reading.dropped if d.why == "the title, printed again"]
    assert again == ["Enhancing Agency Use of Performance", "Information for Management Decision",
                     "Making"]


def test_a_note_citing_only_a_report_number_is_a_note_not_a_footer():
    # GAO-05-927: notes 3, 30, 31 and 35 are "GAO-04-38." or "GAO/GGD-96-118." alone at a
    # page's foot, the same line at the foot of several pages, as a report number footer is;
    # a citation ends with a full stop, a footer does not.
    reading = read("gao-05-927_managing-for-results.first-30-pages.txt")
    assert reading.notes[3].text == "GAO-04-38."
    assert reading.notes[30].text == "GAO/GGD-96-118."
    assert reading.notes[35].text == "GAO-04-38."
    assert sorted(reading.notes) == list(range(1, 36))
    assert "GAO-04-38." not in {d.text for d in reading.dropped}


def items(reading) -> list[str]:
    return [b.text for b in reading.blocks if getattr(b, "kind", "") == "item"]


def test_a_bullet_given_as_an_exclamation_mark_alone_is_a_bullet():
    # The Copyright Office's summary: a symbol font's bullet that pdftotext gives as "!";
    # three of them set apart, then the three items.
    listed = items(read("usco-1998_dmca-summary.first-6-pages.txt"))
    assert [key(t, 4) for t in listed if key(t, 2) in ("they are", "they have")] == [
        "they are primarily designed", "they have only limited", "they are marketed for"]
    assert not any(t.strip() == "!" for t in listed)


def test_bullets_set_apart_announce_an_item_each_before_the_list_may_end():
    # Five bullets, then five items whose first line is narrower than the lines after it:
    # a wider line after a full stop does not end the list before it holds five items.
    listed = items(read("usco-1998_dmca-summary.first-6-pages.txt"))
    assert [key(t, 2) for t in listed[:5]] == ["title i", "title ii", "title iii", "title iv",
                                               "title v"]
    reading = read("usco-1998_dmca-summary.first-6-pages.txt")
    assert not any(h.text.startswith("Title III, the") for h in reading.headings())


def test_labels_set_apart_atop_a_page_wait_for_the_end_of_the_item_begun_before():
    # "4." "5." "6." alone atop page 6, then the end of item 3 ("development of the
    # technological means ..."), then items 4 to 6.
    listed = items(read("usco-1998_dmca-summary.first-6-pages.txt"))
    third = next(t for t in listed if "Encryption research" in t)
    assert third.rstrip().endswith("vulnerabilities of encryption technologies.")
    assert [key(t, 3) for t in listed if key(t, 1) in ("4", "5", "6")] == [
        "4 protection of", "5 personal privacy", "6 security testing"]


def test_a_sentence_after_an_items_short_last_line_is_the_text_after_the_list():
    # JRC's draft: items that carry their bullets ("• Heterogeneity in consumption. ..."),
    # the last one ending on a short line, then "The above explanations assume ..." with no
    # bullet and no blank line: a paragraph after the list, not the item's last sentence.
    reading = read("jrc-2023_energy-savings-home-work_draft.first-11-pages.txt")
    after = paragraph_holding(reading, "The above explanations assume")
    assert after.kind == "paragraph" and after.text.startswith("The above explanations")
    last = paragraph_holding(reading, "Heterogeneity in consumption")
    assert last.kind == "item"
    assert last.text.endswith("for a large portion of the population.")


def test_a_letters_date_addressee_and_first_paragraph_are_blocks_of_their_own():
    # GAO-07-283's letter, with no blank line between: "February 28, 2007", the
    # addressee's short lines, then the letter's first paragraph at full width.
    reading = read("gao-07-283_crude-oil-peak-strategy.first-21-pages.txt")
    assert paragraph_holding(reading, "February 28, 2007").text == "February 28, 2007"
    addressee = paragraph_holding(reading, "The Honorable Bart Gordon")
    assert addressee.text.startswith("The Honorable Bart Gordon")
    assert "consumers" not in addressee.text
    first = paragraph_holding(reading, "U.S. consumers paid $38 billion")
    assert first.text.startswith("U.S. consumers paid $38 billion")
