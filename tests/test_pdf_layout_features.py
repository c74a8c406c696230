"""Reading a PDF from its layout: one test per layout feature, on pages cut from real papers
(tests/fixtures/pdf/, provenance in its README) and on small PDFs written for the test
(tests/pdfmake.py), which state the layout they read."""

from __future__ import annotations

import functools
import re

import pytest

from glossa.ingest.conservation import conservation_problems
from glossa.ingest.pdf import PdfError, ingest_layout, read_pdf
from glossa.ingest.source import read_source
from glossa.model.reading import Heading, Paragraph
from helpers import FIXTURES
from pdfmake import Text, make_pdf

PDFS = FIXTURES / "pdf"


@functools.cache
def read(name: str):
    layout = read_pdf((PDFS / name).read_bytes())
    return layout, ingest_layout(layout)


def paragraph_with(reading, words: str) -> Paragraph:
    found = [p for p in reading.paragraphs() if words in p.text]
    assert found, f"no paragraph holds {words!r}"
    return found[0]


def read_made(pages: list[list[Text]]):
    layout = read_pdf(make_pdf(pages))
    return layout, ingest_layout(layout)


# -- front matter ---------------------------------------------------------------------------

def test_title_is_the_largest_type_on_the_first_page_not_a_logo():
    _, r = read("crs-IN12422-insight.pdf")  # "INSIGHTi", a logo set in type, sits above it
    assert r.title == "Preliminary Data on the IRA Energy Efficient Home Improvement Credit"


def test_title_in_bold_capitals_at_the_body_size_with_a_bold_subtitle():
    _, r = read("usco-1998-bold-caps-title.pdf")  # the later pages repeat it as a head
    assert r.title == "THE DIGITAL MILLENNIUM COPYRIGHT ACT OF 1998"
    assert r.subtitle == "U.S. Copyright Office Summary"


def test_title_and_subtitle_in_one_large_type_set_apart_by_a_gap():
    _, r = read("gao-05-927-side-heads.pdf")
    assert r.title == "MANAGING FOR RESULTS"
    assert r.subtitle.startswith("Enhancing Agency Use of Performance Information")


def _cover_with_display_title(above: list[Text]):
    # (A designed brochure's cover, as the World Bank's 2020 brochure in the shared corpus
    # sets it: the title in display type right above a larger block, the authors below.)
    body = [Text(72, 600 + 14 * i, "This brochure sets out how the programme works and what "
                 "it has found so far in its schools.", 11) for i in range(8)]
    return read_made([[*above,
                       Text(92, 322, "TECHNOLOGY AND", 40), Text(92, 366, "INNOVATION IN", 40),
                       Text(92, 410, "EDUCATION AT", 40), Text(92, 454, "THE WORLD BANK", 40),
                       Text(92, 515, "Ann Author, Ben Author, and Cat Author", 15), *body]])


def test_title_in_display_type_right_above_a_larger_block_is_the_title():
    _, r = _cover_with_display_title([Text(92, 241, "REIMAGINING HUMAN", 32),
                                      Text(92, 280, "CONNECTIONS", 32)])
    assert r.title == "REIMAGINING HUMAN CONNECTIONS"
    assert r.subtitle == "TECHNOLOGY AND INNOVATION IN EDUCATION AT THE WORLD BANK"


def test_a_small_label_above_the_title_stays_a_label():
    # (A series label in smaller type, or display type set well apart, is no title.)
    _, r = _cover_with_display_title([Text(92, 200, "DISCUSSION PAPER", 14),
                                      Text(92, 120, "REIMAGINING HUMAN", 32)])
    assert r.title == "TECHNOLOGY AND INNOVATION IN EDUCATION AT THE WORLD BANK"


def test_a_title_centred_over_two_lines_is_one_whatever_the_text_layers_order():
    # (The OECD's legal instrument: the text layer gives the title's first line, then a
    # label printed at the cover's foot, then the title's second line.)
    body = [Text(72, 650 + 14 * i, "The Council adopts this text, which sets out principles "
                 "for the members to follow.", 11) for i in range(6)]
    _, r = read_made([[Text(129, 196, "Recommendation of the Council on", 20),
                       Text(136, 592, "OECD Legal", 13, "bold"),
                       Text(250, 221, "Artificial Intelligence", 20), *body]])
    assert r.title == "Recommendation of the Council on Artificial Intelligence"


def test_title_printed_again_over_the_summary_is_dropped_not_a_heading():
    _, r = read("crs-R48914-cover-and-notes.pdf")
    assert r.title == "Cryptocurrency Mining and the Electricity Sector"
    assert r.title not in [h.text for h in r.headings()]
    assert any(d.why == "the title, printed again" for d in r.dropped)


# -- headings ---------------------------------------------------------------------------------

def test_heading_levels_follow_type_size():
    _, r = read("crs-R48914-cover-and-notes.pdf")
    levels = {h.text: h.level for h in r.headings()}
    assert levels["Introduction"] == 2  # 18 pt bold
    assert levels["Bitcoin’s Consensus Mechanism"] == 3  # 14 pt bold


def test_headings_set_out_into_the_margin_rank_above_larger_ones():
    _, r = read("usco-1998-bold-caps-title.pdf")
    levels = {h.text: h.level for h in r.headings()}
    assert levels["TITLE I: WIPO TREATY IMPLEMENTATION"] == 2  # 11 pt caps, set out left
    assert levels["Technical Amendments"] == 3  # 13 pt bold, at the text's edge
    assert levels["National Eligibility"] > levels["Technical Amendments"]


def test_side_head_in_a_wide_left_margin_is_a_heading_before_its_text():
    _, r = read("gao-05-927-side-heads.pdf")
    blocks = list(r.blocks)
    k = next(i for i, b in enumerate(blocks) if isinstance(b, Heading)
             and b.text == "Background")
    assert isinstance(blocks[k + 1], Paragraph)
    assert blocks[k + 1].text.startswith("GPRA helped create a governmentwide focus")


def test_a_heading_wrapped_over_two_lines_is_one_heading():
    _, r = read("crs-IF12106-two-columns.pdf")
    assert "Estimated Nuclear Weapons Development Timelines" in [h.text for h in r.headings()]


# -- notes and markers ------------------------------------------------------------------------

def test_page_foot_notes_are_read_with_their_numbers_and_pages():
    _, r = read("crs-R48914-cover-and-notes.pdf")
    assert sorted(r.notes) == list(range(1, 13))
    assert r.notes[3].text.startswith("For more information on Bitcoin, see CRS Report R43339")
    assert r.notes[3].page == 4  # the fourth page of the cut
    assert not any("CRS Report R43339" in p.text for p in r.paragraphs())


def test_raised_digits_are_markers_even_right_after_a_year():
    _, r = read("crs-R48914-cover-and-notes.pdf")
    twelve = [m for m in r.markers if m.n == 12]
    assert len(twelve) == 1 and twelve[0].after.endswith("Bitcoin was mined in 2009.")
    p = next(p for p in r.paragraphs() if p.id == twelve[0].block)
    assert "2009. Early miners" in p.text  # the year stays whole, the marker is apart


def test_raised_digits_after_a_number_are_a_marker_and_the_number_stays():
    _, r = read_made([[
        Text(72, 100, "A Paper", 20, "bold"),
        Text(72, 150, "The agreement was signed in 2018", 11),
        Text(72 + 153.6, 146, "13", 7),
        Text(72, 163, "and it held for some time after that, as the text goes on to say.", 11),
        Text(72, 700, "13", 6), Text(80, 703, "Source of the agreement, 2018.", 9),
    ]])
    assert [m.n for m in r.markers] == [13]
    p = r.paragraphs()[0]
    assert p.text.startswith("The agreement was signed in 2018 and it held")
    assert r.notes[13].text == "Source of the agreement, 2018."


def test_a_note_whose_text_starts_with_a_number_keeps_it():
    _, r = read_made([[
        Text(72, 100, "A Paper", 20, "bold"),
        Text(72, 150, "The act of 1862 set up the department.", 11),
        Text(252, 146, "1", 7),
        Text(72, 700, "1", 6), Text(76, 703, "12 Stat. 387.", 9),
    ]])
    assert r.notes[1].text == "12 Stat. 387."


def test_a_note_continued_on_the_next_page_is_joined():
    _, r = read("crs-R48914-note-continued.pdf")
    note = r.notes[66]
    assert note.text.startswith("Fred Cantu, “Texas Senate Bill Seeks to Regulate Bitcoin")
    assert note.text.endswith("sweetheart-deal-texas-threatens-already-fragile-grid.")
    assert "(continued...)" not in note.text
    assert any(d.why == "note continued on the next page" for d in r.dropped)


def test_notes_in_the_body_size_are_found_at_the_page_foot():
    body = "This line of the body is long enough to be a line of running prose here."
    page = [Text(72, 100, "A Paper", 20, "bold")]
    page += [Text(72, 140 + 14 * k, body, 10) for k in range(8)]
    page += [Text(72, 140 + 14 * 8, "The last line ends here.", 10), Text(190, 248, "1", 7),
             Text(72, 700, "1", 7), Text(78, 703, "A note set in the body's own size.", 10)]
    _, r = read_made([page])
    assert r.notes[1].text == "A note set in the body's own size."
    assert [m.n for m in r.markers] == [1]


# -- furniture --------------------------------------------------------------------------------

def test_running_heads_footers_and_page_numbers_are_dropped_with_their_reason():
    _, r = read("crs-R48914-cover-and-notes.pdf")
    whys = {d.why for d in r.dropped}
    assert "page number" in whys
    assert any(w.startswith("running head or footer") for w in whys)
    assert all(d.page for d in r.dropped)
    texts = " ".join(p.text for p in r.paragraphs())
    assert "Congressional Research Service 2" not in texts
    assert "Cryptocurrency Mining and the Electricity Sector" not in texts


def test_printed_page_numbers_name_the_pages_in_citations():
    _, r = read("crs-R48914-cover-and-notes.pdf")
    p = paragraph_with(r, "Bitcoin has a near supermajority capitalization")
    assert r.page_citation(p.page) == "p. 2"  # the cut's fourth page, printed "2"
    cover = r.paragraphs()[0]
    assert r.page_citation(cover.page) == "PDF p. 2"  # the summary page prints no number


# -- columns, lists, tables -------------------------------------------------------------------

def test_two_column_page_is_read_column_by_column():
    _, r = read("crs-IF12106-two-columns.pdf")
    # The paragraph runs from the foot of the left column to the top of the right one.
    p = paragraph_with(r, "The U.S. government assessed prior to the JCPOA")
    assert "Annual Threat Assessment published by the Office of the Director of National" \
        in p.text


def test_bullets_become_list_items_without_their_glyph():
    _, r = read("crs-IF11831-bullets.pdf")
    items = [p for p in r.paragraphs() if p.kind == "item"]
    assert len(items) >= 5
    assert not any(p.text.startswith(("•", "-")) for p in items)


def test_a_bullet_in_a_symbol_font_set_apart_from_its_text_opens_an_item():
    _, r = read("usco-1998-bold-caps-title.pdf")
    items = [p for p in r.paragraphs() if p.kind == "item"]
    assert [p.text.split(",")[0] for p in items][:3] == ["Title I", "Title II", "Title III"]


def test_table_cells_stay_in_their_rows():
    _, r = read("crs-RL30857-landscape-table.pdf")
    tables = [p for p in r.paragraphs() if p.kind in ("table", "grid")]
    assert tables
    rows = [re.split(r" {2,}|\t", row) for t in tables for row in t.text.split("\n")]
    assert ["Jeffries (D)", "212", "212", "210", "209"] in rows


def test_a_tables_column_heads_in_small_bold_type_are_its_first_row_not_a_heading():
    _, r = read("crs-RL30857-column-heads.pdf")
    assert "Year" not in [h.text for h in r.headings()]
    table = next(p for p in r.paragraphs() if p.kind in ("table", "grid"))
    first = re.split(r" {2,}|\t", table.text.split("\n")[0].strip())
    assert first[:3] == ["Year", "Republican Nominee", "Votes"]


def test_cells_between_a_tables_caption_and_its_source_line_are_one_table():
    _, r = read("crs-IF13201-table-in-a-column.pdf")
    kinds = [p.kind for p in r.paragraphs()]
    k = next(i for i, p in enumerate(r.paragraphs()) if p.text.startswith("Table 1."))
    assert kinds[k:k + 3] == ["caption", "grid", "caption"]
    rows = r.paragraphs()[k + 1].text.split("\n")
    assert rows[:2] == ["Fiscal Year\tAppropriation", "2005\t$25 million"]
    assert not any(p.kind == "paragraph" and p.text == "$25 million" for p in r.paragraphs())


def test_a_table_with_a_clear_grid_becomes_rows_and_cells():
    rows = [("State", "Staff", "Offices"), ("Alabama", "1,020", "25"),
            ("Alaska", "118", "4"), ("Arizona", "1,344", "21")]
    page = [Text(72, 100, "A Paper", 20, "bold"),
            Text(72, 120, "The table gives the staff of each state and its offices.", 11),
            Text(72, 140, "Table 1. Staff by state", 11, "bold")]
    for k, row in enumerate(rows):
        page += [Text(72 + 150 * c, 170 + 16 * k, cell, 10) for c, cell in enumerate(row)]
    page.append(Text(72, 250, "Source: A register of offices.", 9))
    _, r = read_made([page])
    grid = [p for p in r.paragraphs() if p.kind == "grid"]
    assert len(grid) == 1
    assert grid[0].text.split("\n")[2] == "Alaska\t118\t4"
    assert [p.kind for p in r.paragraphs()] == ["paragraph", "caption", "grid", "caption"]


# -- paragraphs and leads ---------------------------------------------------------------------

def test_a_drop_cap_written_after_its_page_is_the_first_letter_of_its_paragraph():
    _, r = read("crs-R48905-drop-cap.pdf")
    para = paragraph_with(r, "Act of May 15, 1862")
    assert para.text.startswith("The Act of May 15, 1862, established")
    assert not any(p.text.strip() == "T" for p in r.paragraphs())


def test_a_figure_caption_in_the_side_head_margin_is_a_caption_not_a_heading():
    _, r = read("gao-07-283-figure-caption-in-margin.pdf")
    assert not any(h.text.startswith("Figure 1") for h in r.headings())
    captions = [p.text for p in r.paragraphs() if p.kind == "caption"]
    # (The chart's axis label in the margin below it still runs into it: known.)
    assert captions[0].startswith("Figure 1: U.S. Oil Production, 1900-2005")
    assert captions[-1].startswith("Source: GAO analysis")


def test_a_wider_gap_between_lines_starts_a_paragraph():
    line = "A line of running prose that is long enough to be set as body text here,"
    page = [Text(72, 100, "A Paper", 20, "bold"),
            Text(72, 140, line, 11), Text(72, 153, "and it ends here.", 11),
            Text(72, 175, "A second paragraph opens after a wider gap than the lines'.", 11)]
    _, r = read_made([page])
    assert [p.text[:8] for p in r.paragraphs()] == ["A line o", "A second"]


def test_a_bold_run_in_head_is_a_lead():
    page = [Text(72, 100, "A Paper", 20, "bold"),
            Text(72, 140, "Background.", 11, "bold"),
            Text(130, 140, "The text of the paragraph follows its run-in head at once.", 11)]
    _, r = read_made([page])
    p = r.paragraphs()[0]
    assert (p.lead, p.text) == ("Background", "The text of the paragraph follows its run-in "
                                              "head at once.")


# -- nothing lost, errors ---------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(p.name for p in PDFS.glob("*.pdf")))
def test_every_line_of_the_pdf_is_shown_or_listed_as_dropped(name):
    layout, r = read(name)
    assert conservation_problems(layout.text(), r, name) == []


def test_a_pdf_with_no_text_layer_is_refused_with_a_clear_error():
    with pytest.raises(PdfError, match="no text layer"):
        read_pdf(make_pdf([[]]))
    text, reading, problems = read_source(make_pdf([[]]), "scan/source.pdf")
    assert reading is None and [p.code for p in problems] == ["S006"]
    assert "OCR" in problems[0].fix


def test_a_broken_pdf_is_refused_with_a_clear_error():
    data = make_pdf([[Text(72, 100, "Some text", 11)]])
    _, reading, problems = read_source(data[:200], "broken/source.pdf")
    assert reading is None and problems[0].code == "S006"
    assert "cannot be read" in problems[0].message


def test_italics_and_bold_inside_a_paragraph_are_kept():
    page = [Text(72, 100, "A Paper", 20, "bold"),
            Text(72, 140, "The report", 11), Text(122.5, 140, "Energy in Brief", 11, "italic"),
            Text(196, 140, "says the demand is", 11), Text(286, 140, "rising", 11, "bold"),
            Text(318, 140, "fast, and it will go on rising for years to come.", 11)]
    _, r = read_made([page])
    p = r.paragraphs()[0]
    assert [(p.text[a:z], tag) for a, z, tag in p.styles] == [("Energy in Brief", "em"),
                                                              ("rising", "strong")]


def test_emphasis_is_written_around_words_and_never_cuts_a_link():
    from glossa.enrich.linker import TermSpan
    from glossa.render.emit import inline_markdown

    text = "The report Energy in Brief says so."
    styles = ((11, 26, "em"),)
    assert inline_markdown(text, [(35, 4)], styles=styles) == \
        "The report <em>Energy in Brief</em> says so.[^4]"
    crossing = [TermSpan(4, 17, "x", "link")]  # "report Energy": cut by the run's edge
    assert inline_markdown(text, [], crossing, {}, styles=styles) == \
        "The report <em>Energy in Brief</em> says so."


def test_text_and_pdf_disagree_only_where_the_wording_differs_not_the_order():
    from glossa.ingest.source import disagreements

    pdf = ("Running Head\nThe first line of the paper says a thing.\n"
           "\fRunning Head\nThe sec-\nond.\n")
    moved = "The first line of the paper says a thing.\nThe second.\nRunning Head\nRunning Head\n"
    assert disagreements(moved, "source.txt", pdf, "source.pdf") == []
    edited = moved.replace("says a thing", "was rewritten by someone else entirely")
    found = disagreements(edited, "source.txt", pdf, "source.pdf")
    assert [(p.code, p.line) for p in found][:1] == [("P007", 1)]
    assert "rewritten by someone else entirely" in found[0].message


def test_a_box_beside_the_text_is_an_aside():
    _, r = read("crs-R48914-cover-and-notes.pdf")
    asides = [p for p in r.paragraphs() if p.kind == "aside"]
    assert [p.text for p in asides] == ["R48914 April 22, 2026 Corrie E. Clark Specialist in "
                                        "Energy Policy"]


def test_a_lettered_label_set_apart_from_its_text_opens_an_item():
    rows = [("a.", "Special election to fill a vacancy in the House."),
            ("b.", "Elected by resolution, not by roll call."),
            ("c.", "Not a member of the House at the time.")]
    page = [Text(72, 100, "A Paper", 20, "bold"),
            Text(72, 130, "The notes of the table say what each letter means, as follows.", 11)]
    page += [t for k, (label, text) in enumerate(rows)
             for t in (Text(72, 160 + 14 * k, label, 9), Text(100, 160 + 14 * k, text, 9))]
    _, r = read_made([page])
    items = [p.text for p in r.paragraphs() if p.kind == "item"]
    assert items == [f"{label} {text}" for label, text in rows]


def test_a_notes_list_that_goes_on_atop_the_next_page_keeps_its_notes():
    # (An EU briefing: "ENDNOTES" with notes 1-2 at the foot of one page, notes 3-4 at the
    # top of the next, in the notes' small type, then the publisher's disclaimer.)
    body = "A paragraph of the body that cites a source here and goes on"
    page1 = [Text(72, 100, "A Paper", 20, "bold")]
    for k in range(4):
        page1 += [Text(72, 140 + 28 * k, body, 11), Text(72 + 304, 136 + 28 * k, str(k + 1), 7),
                  Text(72, 153 + 28 * k, "to the end of its sentence here.", 11)]
    page1 += [Text(72, 600, "ENDNOTES", 14, "bold"),
              Text(72, 620, "1", 6), Text(78, 623, "The first source, a report of 2018.", 9),
              Text(72, 640, "2", 6), Text(78, 643, "The second source, an article of 2019.", 9)]
    page2 = [Text(72, 60, "3", 6), Text(78, 63, "The third source, a book of 2020.", 9),
             Text(72, 80, "4", 6), Text(78, 83, "The fourth source, a law of 2021.", 9),
             Text(72, 300, "DISCLAIMER AND COPYRIGHT", 11, "bold"),
             Text(72, 320, "This document is prepared for the members and staff.", 9)]
    _, r = read_made([page1, page2])
    assert {n: note.text for n, note in r.notes.items()} == {
        1: "The first source, a report of 2018.", 2: "The second source, an article of 2019.",
        3: "The third source, a book of 2020.", 4: "The fourth source, a law of 2021."}
    assert [m.n for m in r.markers] == [1, 2, 3, 4]


def test_notes_listed_at_the_end_under_a_notes_heading():
    body = "A paragraph of the body that cites a source here and goes on"
    page1 = [Text(72, 100, "A Paper", 20, "bold"),
             Text(72, 140, body, 11), Text(72 + 304, 136, "1", 7),
             Text(72, 153, "to cite another one at the end of its sentence.", 11),
             Text(72 + 230, 149, "2", 7)]
    page2 = [Text(72, 100, "Notes", 14, "bold"),
             Text(72, 130, "1. The first source, a report of 2018, p. 4.", 11),
             Text(72, 150, "2. The second source, an article of 2019.", 11)]
    _, r = read_made([page1, page2])
    assert {n: note.text for n, note in r.notes.items()} == {
        1: "The first source, a report of 2018, p. 4.",
        2: "The second source, an article of 2019."}
    assert [m.n for m in r.markers] == [1, 2]
    assert "Notes" not in [h.text for h in r.headings()]
