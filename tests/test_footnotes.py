"""Footnote resolution: markers found only where they fit, bound to their notes, rendered as
real footnotes; missing notes shown honestly and reported; editors can supply them."""

from __future__ import annotations

import shutil

import markdown
import pytest
from bs4 import BeautifulSoup

from glossa.ingest import ingest_text
from glossa.ingest.markers import MarkerSequence, take_markers
from glossa.publish.content import load_corpus
from glossa.render.emit import paper_markdown
from glossa.render.markdown_text import linkify
from helpers import ROOT

EXTENSIONS = ["footnotes", "attr_list", "md_in_html", "toc"]


def render(paper) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(paper_markdown(paper), extensions=EXTENSIONS),
                         "html.parser")


def markers(text: str, expected: int = 1, highest: int | None = None):
    seq = MarkerSequence(expected=expected, highest=highest)
    clean, found = take_markers(text, seq)
    return clean, [f.n for f in found], seq


# -- detection ------------------------------------------------------------------------------

def test_year_then_marker():
    clean, found, _ = markers("was agreed to take place in 2018.13 However, it", expected=13)
    assert (clean, found) == ("was agreed to take place in 2018. However, it", [13])


def test_decimal_looking_marker_at_a_sentence_end():
    clean, found, _ = markers("employs 1,200.6 The plant", expected=6)
    assert (clean, found) == ("employs 1,200. The plant", [6])


def test_decimal_is_not_a_marker():
    clean, found, _ = markers("valued at $1.72 billion.8 The overall", expected=8)
    assert (clean, found) == ("valued at $1.72 billion. The overall", [8])
    assert markers("exports rose to 2.5 million", expected=5)[1] == []


def test_marker_after_a_closing_quote():
    assert markers("labeled “the forgotten player.”1 Apart")[:2] == (
        "labeled “the forgotten player.” Apart", [1])
    assert markers('foreign policy."5 The', expected=5)[1] == [5]


def test_marker_after_a_comma():
    assert markers("a regional energy ring,15 which is", expected=15)[:2] == (
        "a regional energy ring, which is", [15])


def test_marker_after_a_parenthesis():
    assert markers("its own set of rules).3", expected=3)[:2] == ("its own set of rules).", [3])


def test_numbers_that_are_text():
    for text in ["US$11 billion", "an estimated 37,000 guest", "the 2005–06 talks",
                 "In 1961, the", "a border of 18 kilometres", "COVID-19 pandemic", "G7 summit",
                 "report R47390 says", "P.L. 102-1 passed"]:
        assert markers(text)[1] == [], text


def test_a_number_that_breaks_the_sequence_stays_text_and_is_reported():
    clean, found, seq = markers("the number of districts fell to 25.7 Then", expected=3)
    assert found == [] and "25.7" in clean
    clean, found, seq = markers("as the minister said.9 Then", expected=3)
    assert found == [] and [(i.kind, i.n) for i in seq.issues] == [("ambiguous", 9)]


def test_a_skipped_number_is_accepted_and_reported_as_a_gap():
    clean, found, seq = markers("first claim.1 Second claim.3 Third", expected=1)
    assert found == [1, 3]
    assert [(i.kind, i.n, i.expected) for i in seq.issues] == [("gap", 3, 2)]


def test_a_repeated_number_is_a_second_reference_and_reported():
    clean, found, seq = markers("first claim.1 Again the same source.1 Then", expected=1)
    assert found == [1, 1] and [i.kind for i in seq.issues] == ["duplicate"]


def test_an_earlier_number_after_a_sentence_is_reported_out_of_order():
    clean, found, seq = markers("a claim.2 Then", expected=4)
    assert found == [] and [i.kind for i in seq.issues] == ["out-of-order"]


def test_markers_beyond_the_notes_list_stay_text():
    clean, found, seq = markers("in the year.12 Then", expected=12, highest=11)
    assert found == [] and [i.kind for i in seq.issues] == ["beyond-notes"]


# -- notes ----------------------------------------------------------------------------------

BODY = ("A Title For a Test\n\nThe first claim is here and has a source.1 The second "
        "claim follows with another.2\n\n")


@pytest.mark.parametrize("form", ["1. {t}", "1 {t}", "[1] {t}", "1) {t}"])
def test_notes_list_forms(form):
    second = form.replace("1", "2", 1)
    text = BODY + form.format(t="A. Author, Book, 2017.") + "\n\n" + \
        second.format(t="B. Writer, Article, 2018.")
    r = ingest_text(text)
    assert {n: note.text for n, note in r.notes.items()} == {
        1: "A. Author, Book, 2017.", 2: "B. Writer, Article, 2018."}
    assert [m.n for m in r.markers] == [1, 2]


def test_a_note_spanning_lines():
    text = BODY + "Notes\n\n1. A. Author, A Long Book Title That\nWraps onto a Second Line, 2017." \
        "\n2. B. Writer, 2018."
    r = ingest_text(text)
    assert r.notes[1].text == "A. Author, A Long Book Title That Wraps onto a Second Line, 2017."


def test_url_with_trailing_punctuation():
    html = linkify("See http://kremlin.ru/events/president/news/54667. And (https://a.org/x).")
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == [
        "http://kremlin.ru/events/president/news/54667", "https://a.org/x"]
    assert soup.get_text() == "See http://kremlin.ru/events/president/news/54667. And " \
        "(https://a.org/x)."


def test_only_http_links():
    soup = BeautifulSoup(linkify("javascript:alert(1) data:text/html,x ftp://x.org/f"),
                         "html.parser")
    assert soup.find_all("a") == []


# -- the two papers -------------------------------------------------------------------------

def test_gambit_eleven_markers_bound_with_clickable_urls(papers):
    paper = papers["russias-gambit"]
    assert {n: r.origin for n, r in paper.footnotes.items()} == {n: "source" for n in range(1, 12)}
    soup = render(paper)
    items = soup.select("div.footnote li")
    assert [li["id"] for li in items] == [f"fn:{n}" for n in range(1, 12)]
    hrefs = [a["href"] for a in items[1].find_all("a")
             if "footnote-backref" not in a.get("class", [])]
    assert hrefs == ["https://www.fpri.org/article/2017/11/nuclear-weapons-russian-north-korean-"
                     "relations/"]
    assert items[3].find("a")["href"] == "http://kremlin.ru/events/president/news/54667"
    assert items[0].select_one("a.footnote-backref")["href"] == "#fnref:1"


def test_putin_twenty_five_footnotes_each_saying_missing(papers, corpus):
    paper = papers["putin-and-north-korea"]
    soup = render(paper)
    items = soup.select("div.footnote li")
    assert len(items) == 25
    for li in items:
        assert "was not included in the text we received" in li.get_text()
        assert li.find("a", href=paper.meta.url)
    f001 = [p for p in corpus.problems if p.code == "F001"]
    assert [p.line for p in f001][:3] == [17, 20, 31] and len(f001) == 25


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def test_editor_notes_fill_two_missing_notes(project):
    (project / "content/papers/putin-and-north-korea/notes.yml").write_text(
        "notes:\n"
        "  - n: 3\n    text: Test note three, https://example.org/three.\n"
        "    source: A test fixture, not the real note\n"
        "  - n: 14\n    text: Test note fourteen.\n    source: A test fixture\n",
        encoding="utf-8")
    corpus = load_corpus(project)
    paper = next(p for p in corpus.papers if p.meta.slug == "putin-and-north-korea")
    assert paper.footnotes[3].text == "Test note three, https://example.org/three."
    assert paper.footnotes[3].origin == "editor"
    assert len([p for p in corpus.problems if p.code == "F001"]) == 23
    li = render(paper).select_one("li#fn\\:3")
    assert li.find("a", href="https://example.org/three")
    assert "supplied by an editor" in li.get_text()


def test_editor_notes_file_errors_name_the_line(project):
    (project / "content/papers/putin-and-north-korea/notes.yml").write_text(
        "notes:\n  - n: 3\n    text: A.\n    source: x y z\n    page: 4\n"
        "  - n: 3\n    text: B.\n    source: x y z\n", encoding="utf-8")
    problems = [p.format() for p in load_corpus(project).problems if p.code.startswith("N")]
    assert problems == [
        "content/papers/putin-and-north-korea/notes.yml:5: N002 unknown key 'page'"]
    (project / "content/papers/putin-and-north-korea/notes.yml").write_text(
        "notes:\n  - n: 3\n    text: A.\n    source: x y z\n"
        "  - n: 3\n    text: B.\n    source: x y z\n", encoding="utf-8")
    problems = [p.format() for p in load_corpus(project).problems if p.code == "F010"]
    assert problems == ["content/papers/putin-and-north-korea/notes.yml:5: F010 note 3 is given "
                        "twice (first on line 2) (keep one of them)"]


def test_a_note_in_the_text_but_not_read_is_never_called_missing_from_it(project):
    """Notes 1 and 3 are read at the page foot; note 2 is glued to the end of note 1's line.
    The page must not say the text lacks note 2: it says the note could not be read, and
    check reports an error (F013) until an editor supplies it."""
    case = ROOT / "tests/problems/F013-note-in-the-text-not-read/files/content/papers/feet"
    shutil.copytree(case, project / "content/papers/feet")
    corpus = load_corpus(project)
    paper = next(p for p in corpus.papers if p.meta.slug == "feet")
    assert paper.footnotes[2].origin == "unread"
    [problem] = [p for p in corpus.problems if p.code == "F013"]
    assert problem.severity == "error" and problem.path.endswith("feet/source.txt")
    li = render(paper).select_one("li#fn\\:2").get_text()
    assert "is in the text we received, but it could not be read" in li
    assert "not included" not in li
    (project / "content/papers/feet/notes.yml").write_text(
        "notes:\n  - n: 2\n    text: Interview with a delegate, Seoul, June 2019.\n"
        "    source: The publisher's PDF, page 1\n", encoding="utf-8")
    corpus = load_corpus(project)
    paper = next(p for p in corpus.papers if p.meta.slug == "feet")
    assert paper.footnotes[2].origin == "editor"
    assert not [p for p in corpus.problems if p.code == "F013"]
