"""The events the papers date (glossa.enrich.timeline): each date the text gives, placed in
time against the paper's own date when its year is left out, vague ones and spans left out,
and the editors' corrections."""

from __future__ import annotations

from glossa.enrich.timeline import Correction, correct, events_in, paper_events, timeline
from glossa.publish.content import load_paper
from helpers import ROOT


def paper(slug: str):
    p, _ = load_paper(ROOT / f"content/papers/{slug}", ROOT)
    return p


def dates(text: str, year: str | None = "2018") -> list[tuple[str, str]]:
    return [(d, phrase) for d, phrase, _, _ in events_in(text, year)]


def test_a_day_and_month_without_a_year_take_the_papers_year():
    assert dates("Lavrov met him on 10 April, a week later.") == [("2018-04-10", "on 10 April")]
    assert dates("Lavrov met him on 10 April.", year=None) == []  # never guessed


def test_full_dates_months_and_years_as_the_text_writes_them():
    assert dates("At the July 4, 2017 Putin-Xi summit") == [("2017-07-04", "the July 4, 2017")]
    assert dates("In March 2018 the talks resumed.") == [("2018-03", "In March 2018")]
    assert dates("He has dealt with it since 2008.") == [("2008", "since 2008")]
    assert dates("at the 2017 Shangri-La Dialogue") == [("2017", "the 2017")]
    assert dates("since around the spring of 2017") == [("2017", "the spring of 2017")]


def test_vague_times_spans_fiscal_years_and_amounts_are_no_events():
    for text in ("in recent years", "in the 1990s", "from 2014-2016", "between 2014 and "
                 "2016", "in FY2018", "US$2018 million", "in 2017 dollars", "2,018 people",
                 "on 31 February", "4 Spillovers and peer effects"):
        assert dates(text) == [], text


def test_the_site_papers_events_each_in_its_year():
    # Every event of the two papers, checked against its sentence (the closing note of
    # #34 lists them): the year is the one the sentence gives, or the paper's (2018).
    found = {(e.slug, e.number, e.date) for s in ("putin-and-north-korea", "russias-gambit")
             for e in paper_events(paper(s))}
    assert ("putin-and-north-korea", 3, "2018-04-10") in found  # "on 10 April"
    assert ("putin-and-north-korea", 7, "1961") in found  # the Friendship Treaty
    assert ("putin-and-north-korea", 38, "2018-04-27") in found  # the inter-Korean summit
    assert ("russias-gambit", 8, "2017-07-04") in found  # the Putin-Xi summit
    assert ("russias-gambit", 18, "2000-07") in found  # Putin in Pyongyang
    assert all(e[2][:4] in {"1948", "1961", "2000", "2006", "2014", "2017", "2018"}
               for e in found)


def test_an_editor_corrects_or_hides_an_event_and_a_stale_correction_is_reported():
    events = paper_events(paper("russias-gambit"))
    fixed, problems = correct(events, [
        Correction("content/timeline/russias-gambit.yml", 3, "russias-gambit", "p18",
                   "in 2000", date="2000-05", why="Putin took office in May 2000"),
        Correction("content/timeline/russias-gambit.yml", 6, "russias-gambit", "p16",
                   "the spring of 2017", hide=True, why="a season, not an event"),
        Correction("content/timeline/russias-gambit.yml", 9, "russias-gambit", "p16",
                   "in 1999", hide=True, why="stale")])
    assert ("2000-05", True) in {(e.date, e.corrected) for e in fixed if e.paragraph == "p18"}
    assert not [e for e in fixed if e.paragraph == "p16" and e.phrase == "the spring of 2017"]
    [stale] = problems
    assert (stale.code, stale.line) == ("E010", 9)
    assert "no event “in 1999” in ¶ p16" in stale.message and "July 2017" in stale.fix


def test_events_in_time_order_a_year_before_its_months():
    events = timeline(paper_events(paper("russias-gambit")))
    assert [e.date for e in events][:3] == ["2000", "2000-07", "2017"]
