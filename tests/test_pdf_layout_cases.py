"""Small PDF-text cases named after the layout behaviour they pin down."""

from __future__ import annotations

from glossa.ingest import ingest_text
from glossa.ingest.conservation import conservation_problems

WIDE = ("The quick survey of regional security arrangements continued through the spring "
        "and into the")


def read(text: str):
    reading = ingest_text(text, fmt="pdf")
    assert conservation_problems(text, reading, "case.txt") == []
    return reading


def test_page_number_glued_to_a_page_first_line_is_dropped_and_reported():
    text = "\n".join([
        "A Report Title", "", "First heading", "",
        WIDE, "summer of that year, when the talks resumed after a long pause in the",
        "\f7negotiations between the parties, which had stalled over sanctions and aid.",
        "Another paragraph starts here and runs on for a while to fill the column width",
        "before it ends.",
    ])
    r = read(text)
    assert [(d.text, d.why) for d in r.dropped] == [("7", "page number glued to a line")]
    assert "in the negotiations between the parties" in r.paragraphs()[0].text


def test_marker_pushed_to_the_start_of_a_line_stays_with_its_sentence():
    text = "\n".join([
        "A Report Title", "", "First heading", "",
        WIDE, "summer of that year, when the talks resumed after a long pause in all the talks.",
        "1 The parties then agreed on a timetable for the next round of meetings in the",
        "capital, to be held before the end of the year.",
    ])
    r = read(text)
    assert [m.n for m in r.markers] == [1]
    assert r.markers[0].after.endswith("in all the talks.")
    assert len(r.paragraphs()) == 1 and "The parties then agreed" in r.paragraphs()[0].text


def test_footnote_at_the_foot_of_a_page_is_a_note_not_text():
    text = "\n".join([
        "A Report Title", "", "First heading", "",
        WIDE, "summer of that year, when the talks resumed.1 After a long pause in the",
        "negotiations, the parties met again.",
        "1 Ministry of Foreign Affairs, statement of 3 May 2019.",
        "\fThe next page continues with a new paragraph that says more about the talks",
        "and ends here.",
    ])
    r = read(text)
    assert r.notes[1].text == "Ministry of Foreign Affairs, statement of 3 May 2019."
    assert all("Ministry" not in p.text for p in r.paragraphs())


def _two_pages(note_2_end: str, page_2_foot: list[str]) -> str:
    return "\n".join([
        "A Report Title", "", "First heading", "",
        WIDE, "summer of that year, when the talks resumed.1 After a long pause in the",
        "negotiations, the parties met again in the capital to agree a timetable.2", "",
        "1 Ministry of Foreign Affairs, statement of 3 May 2019.",
        "2 Ministry of Foreign Affairs, press briefing by the spokesperson" + note_2_end,
        "\fThe next page continues with a new paragraph that says more about the talks",
        "and ends here with a sentence that closes the paragraph on this very page.3", "",
        *page_2_foot,
    ])


def test_note_running_over_to_the_next_page_is_joined_to_its_start():
    r = read(_two_pages(" on the resumption of",
                        ["talks with the other party, Seoul, 4 May 2019.",
                         "3 Interview with a delegate, Seoul, June 2019."]))
    assert r.notes[2].text == ("Ministry of Foreign Affairs, press briefing by the spokesperson "
                               "on the resumption of talks with the other party, Seoul, 4 May "
                               "2019.")
    assert [m.n for m in r.markers] == [1, 2, 3]
    assert r.paragraphs()[-1].text.startswith("The next page continues")
    assert all("Seoul" not in p.text for p in r.paragraphs())


def test_notes_at_the_foot_of_the_last_pages_are_not_an_end_list_swallowing_the_body():
    r = read(_two_pages(".", ["3 Interview with a delegate, Seoul, June 2019."]))
    assert [m.n for m in r.markers] == [1, 2, 3]
    assert sorted(r.notes) == [1, 2, 3]
    assert r.notes[2].text.endswith("spokesperson.")
    assert len(r.paragraphs()) == 2


def test_a_finished_note_takes_no_body_line_from_the_next_page():
    r = read(_two_pages(".", ["A last short paragraph of the body closes here.",
                              "3 Interview with a delegate, Seoul, June 2019."]))
    assert r.notes[2].text.endswith("spokesperson.")
    assert r.paragraphs()[-1].text == "A last short paragraph of the body closes here."


def test_running_footer_repeated_on_every_page_is_dropped():
    pages = []
    for i in range(1, 5):
        pages.append("\n".join([f"Body text on page {i} that runs to the full width of the "
                                "column, and then on a bit further to be sure.",
                                "It ends here.", "", "Institute for Made-Up Studies", str(i)]))
    r = read("A Report Title\n\n" + "\n\f".join(pages))
    whys = [d.why for d in r.dropped]
    assert whys.count("running header or footer") == 4 and whys.count("page number") == 4
