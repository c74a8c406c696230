"""`glossa evaluate`'s scoring, on readings made by hand: what counts as a heading found."""

from __future__ import annotations

import pytest

from glossa.measure.evaluate import score_paper
from glossa.model.reading import Heading, Paragraph, Reading


def reading_with(*headings: str) -> Reading:
    blocks = tuple(Heading(2, text, line=k + 1) for k, text in enumerate(headings))
    return Reading("pdf", "Title", "", "", (), blocks, ())


@pytest.mark.parametrize("printed, listed", [
    ("2.1 Current challenges", "Current challenges"),
    ("6 RSE specialisations", "RSE specialisations"),  # an acronym after the number
    ("Appendix I: Scope and Methodology", "Scope and Methodology"),
    ("A Appendix", "Appendix"),  # a bare section letter
    ("Appendix II: GAO Contact and Staff Acknowledgments", "GAO Contact and Staff "
                                                           "Acknowledgments"),
])
def test_a_numbered_heading_is_found_under_its_title_as_the_contents_list_names_it(printed, listed):
    score = score_paper("x", "", {"headings": [listed]}, reading_with(printed))
    assert (score.headings_found, score.headings_spurious) == (1, 0)


def test_a_heading_the_truth_does_not_hold_is_spurious_numbered_or_not():
    score = score_paper("x", "", {"headings": ["Background"]},
                        reading_with("Background", "3 Values", "Signature Block"))
    assert (score.headings_found, score.headings_spurious) == (1, 2)


def test_a_minor_heading_the_truth_lists_is_no_spurious_heading_nor_a_heading_to_find():
    truth = {"headings": ["Background"], "minor_headings": ["General approach", "No mandate"]}
    score = score_paper("x", "", truth, reading_with("Background", "General approach"))
    assert (score.headings_total, score.headings_found, score.headings_spurious) == (1, 1, 0)


def test_a_heading_that_opens_with_a_capital_letter_word_keeps_it():
    score = score_paper("x", "", {"headings": ["A New Approach"]}, reading_with("A New Approach"))
    assert (score.headings_found, score.headings_spurious) == (1, 0)


def reading_of(*paragraphs: tuple[str, str]) -> Reading:
    blocks = tuple(Paragraph(f"p{k}", text, line=k + 1, kind=kind)
                   for k, (kind, text) in enumerate(paragraphs))
    return Reading("pdf", "Title", "", "", (), blocks, ())


def test_a_numbered_items_number_is_the_lists_not_a_word_of_its_start():
    # The reading keeps "1. " in the text of a numbered item or paragraph; a web copy's
    # list, and the truth written from it, leave the number out.
    truth = {"paragraphs": ["We agree that we have not defined a peak as either",
                            "Nonprofit library, archive and educational institution exception"]}
    reading = reading_of(("paragraph", "1. We agree that we have not defined a peak as either"),
                         ("item", "2. Nonprofit library, archive and educational institution "
                                  "exception"))
    score = score_paper("x", "", truth, reading)
    assert (score.starts_found, score.paragraphs_right) == (2, 2)


def test_a_decimal_number_that_opens_a_paragraph_is_no_label():
    # "12.5 percent ..." keeps its number: its start is not "5 percent ...".
    truth = {"paragraphs": ["5 percent of the oil was imported in the period"]}
    reading = reading_of(("paragraph", "12.5 percent of the oil was imported in the period"))
    assert score_paper("x", "", truth, reading).starts_found == 0
