"""Text copied from a PDF in layouts of publishers the converter had not seen (issue #37),
read right: one test per class, each on a short text in the shape pdftotext gives the
layout (tests/fixtures/layouts/, our own words in the publishers' shapes: README.md there),
and one that shows the rule quiet where the shape is something else."""

from __future__ import annotations

from glossa.ingest import ingest_text
from glossa.ingest.conservation import conservation_problems
from helpers import FIXTURES

LAYOUTS = FIXTURES / "layouts"


def read(name: str):
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    reading = ingest_text(text)
    assert conservation_problems(text, reading, name) == []  # and nothing is lost
    return reading


def test_an_endnotes_list_across_a_page_break_keeps_every_note_and_its_marker():
    # (An EU parliamentary briefing: the list's page ends with note 5 and the page number,
    # the next page opens with the running head and note 6.)
    reading = read("endnotes-across-a-page-break.txt")
    assert sorted(reading.notes) == [1, 2, 3, 4, 5, 6, 7]
    assert reading.notes[5].text.startswith("The proposal named five problems")
    assert reading.notes[6].text == "The office was set up by a decision of the commission in 2024."
    assert sorted(m.n for m in reading.markers) == [1, 2, 3, 4, 5, 6, 7]
    assert not any("See the" in p.text or "Penalties reach" in p.text
                   for p in reading.paragraphs())


def test_a_number_alone_is_a_page_number_only_where_the_page_has_none():
    reading = read("endnotes-across-a-page-break.txt")
    pages = sorted(d.text for d in reading.dropped if d.why == "page number")
    assert pages == ["2", "3", "4"]


def test_the_notes_heading_titles_the_notes_read_page_by_page():
    reading = read("endnotes-across-a-page-break.txt")
    assert any(d.text == "ENDNOTES" and d.why.startswith("notes heading") for d in reading.dropped)
    assert "ENDNOTES" not in [b.text for b in reading.blocks]


def test_markers_set_one_space_after_their_punctuation_are_markers():
    reading = read("endnotes-across-a-page-break.txt")
    intro = next(p for p in reading.paragraphs() if p.text.startswith("The rules apply"))
    assert "sectors and bring benefits to them all. However" in intro.text
    assert "action, as well" in intro.text


def test_markers_one_space_after_punctuation_are_text_where_the_paper_glues_its_markers():
    text = ("Cover Title\n\nThe act came in 2018.1 It named 3 bodies, 4 offices and more.2\n"
            "Its second part, 3 of them, came later.3\n\n1 Note one, 2019.\n2 Note two, 2020.\n"
            "3 Note three, 2021.\n")
    reading = ingest_text(text, fmt="pdf")
    para = next(p for p in reading.paragraphs() if p.text.startswith("The act"))
    assert "3 bodies, 4 offices" in para.text and "part, 3 of them" in para.text


def test_page_foot_notes_numbered_in_a_column_apart_from_their_texts_are_notes():
    # (An EU research report: "1", "2", "3" each alone, then the three notes' texts.)
    reading = read("notes-numbered-in-a-column-apart.txt")
    assert {n: note.text for n, note in reading.notes.items()} == {
        1: "Smith (2017).",
        2: "Jones and Lee (2016) review the first results and the doubts they raised among "
           "teachers and parents.",
        3: "Brown (2018).",
        4: "Green (1943).",
        5: "White (1958) describes the first trained network of this kind.",
        6: "See Pennington and others (2014)",
        7: "https://example.org/vectors",
        8: "Vygotsky (1986) is the classic account of this view.",
    }
    assert sorted(m.n for m in reading.markers) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert not any("(1943)" in p.text or "Smith (2017)" in p.text for p in reading.paragraphs())


def test_words_torn_from_the_body_between_the_numbers_and_their_notes_are_set_aside():
    # ("6" / "7" / "8" / "the" / "centre's" / "hub:" / the notes: the three words belong
    # to a sentence of the body, which the text printed there.)
    reading = read("notes-numbered-in-a-column-apart.txt")
    assert [d.text for d in reading.dropped if "between notes' numbers" in d.why] == [
        "the", "centre's", "hub:"]
    assert not any(p.text in ("the", "hub:") for p in reading.paragraphs())


def test_a_page_whose_numbers_stand_alone_in_a_table_has_no_notes_apart():
    # (A CRS report's table of votes, RL30857: a column of counts, the next note's number
    # among them, then the table's source line.)
    from glossa.ingest.text.pagenotes import _numbers_apart
    from glossa.model.reading import Line

    texts = ["Body line of the table's page, with its marker.17 It goes on here.",
             *"6 5 5 5 2 4 3 3 3 17".split(),
             "Source: Congressional Record, vol. 65 (December 3 - 5, 1923), pp. H8-H15."]
    lines = [Line(no, t, 0) for no, t in enumerate(texts, 1)]
    idx = list(range(len(lines)))
    assert _numbers_apart(lines, idx, [], 17, [], True) is None
    # The same numbers with no column of counts around them: a note.
    alone = [lines[0], Line(11, "17", 0), lines[-1]]
    assert _numbers_apart(alone, [0, 1, 2], [], 17, [], True) == (
        [(17, [11, 12], [texts[-1]])], [])


def test_a_marker_glued_to_a_word_before_the_full_stop_is_a_marker():
    reading = read("notes-numbered-in-a-column-apart.txt")
    para = next(p for p in reading.paragraphs() if "games and in medicine" in p.text)
    assert "medicine. Others" in para.text


def test_a_section_number_alone_over_its_title_is_no_note():
    body = "\n".join(f"Body line {i} says something about the topic at hand, at length."
                     for i in range(20))
    text = (f"Paper Title\n\nIt begins here.1\n{body}\n\n1\n\nA note at the foot, 2020.\n\f"
            f"{body}\n\n2\n\nRelated work\n\nOthers have worked on this, as said before.\n{body}\n")
    reading = ingest_text(text, fmt="pdf")
    assert sorted(reading.notes) == [1]
    assert any(getattr(b, "text", "").endswith("Related work") for b in reading.headings())


BODY = "\n".join(f"Body line {i} of the paper holds enough words to fill a line of the page."
                 for i in range(30))


def test_a_title_whose_line_ends_on_a_word_that_needs_more_goes_on_on_the_next():
    # (An OECD legal instrument: "Recommendation of the Council on" / "Artificial Intelligence".)
    reading = ingest_text(f"Recommendation of the Council on\nArtificial Intelligence\n\n{BODY}\n",
                          fmt="pdf")
    assert reading.title == "Recommendation of the Council on Artificial Intelligence"


def test_a_title_goes_on_through_a_line_that_leaves_its_phrase_open():
    # (A JRC report's cover: four lines, the title on three, its subtitle on the fourth.)
    reading = ingest_text("The Effect of Machine\nLearning on Schools,\nTeachers, and Pupils\n"
                          f"Choices for the future\nAuthor: Doe, Jane\n\n{BODY}\n", fmt="pdf")
    assert reading.title == "The Effect of Machine Learning on Schools, Teachers, and Pupils"
    assert reading.subtitle == "Choices for the future"


def test_a_label_stamped_three_times_atop_the_first_page_is_no_title():
    # (A World Bank brochure's text: "Public Disclosure Authorized", printed down its
    # margins, comes first; the title is in capitals, its subtitle a block of capitals.)
    stamp = "Public Disclosure Authorized\n" * 4
    reading = ingest_text(f"{stamp}\nREIMAGINING SHARED\nLESSONS\n\nTHE ROLE OF\nSCHOOLS IN\n"
                          f"OUR TOWNS\n\nAnn Author and Ben Author\n\n{BODY}\n", fmt="pdf")
    assert reading.title == "REIMAGINING SHARED LESSONS"
    assert reading.subtitle == "THE ROLE OF SCHOOLS IN OUR TOWNS"
    assert sum(d.text == "Public Disclosure Authorized" for d in reading.dropped) == 4


def test_a_line_said_twice_on_the_cover_is_no_stamp():
    reading = ingest_text(f"Shared Rules\nShared Rules\n\n{BODY}\n", fmt="pdf")
    assert not any(d.why.startswith("a label stamped") for d in reading.dropped)


def test_a_title_goes_on_into_the_short_line_that_ends_it():
    # (A paper's cover: "... of a Research" / "Software Engineer" / its subtitle.)
    reading = ingest_text("Foundational Skills and Duties of a Research\nSoftware Engineer\n"
                          f"Where We Stand and Where to Go\n\n{BODY}\n", fmt="pdf")
    assert reading.title == "Foundational Skills and Duties of a Research Software Engineer"
    assert reading.subtitle == "Where We Stand and Where to Go"


def test_a_bracket_under_a_title_the_running_heads_name_goes_with_it():
    # (A CRS report: its running heads leave out the title's "(FY2012-FY2026)".)
    page = "\n".join(f"Body line {i} of the page holds enough words to fill the page's measure."
                     for i in range(12))
    text = ("Regional Grants:\nAn Overview of Programs\n(FY2012-FY2026)\n"
            f"Updated April 15, 2026\n\n{page}\n"
            + "".join(f"\fRegional Grants: An Overview of Programs\n\n{page}\n{k}\n"
                      for k in range(2, 5)))
    reading = ingest_text(text, fmt="pdf")
    assert reading.title == "Regional Grants: An Overview of Programs (FY2012-FY2026)"
