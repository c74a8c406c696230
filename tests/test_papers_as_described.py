"""Every fact in the papers' README holds for our own copies of the two papers."""

from __future__ import annotations

import re

PUTIN_HEADINGS = [
    (2, "Introduction"),
    (2, "Applying a historical lens to the relationship"),
    (2, "Russia’s interests on the peninsula"),
    (3, "Geopolitical and strategic interests"),
    (3, "Economic interests"),
    (3, "National policy interests"),
    (2, "What do Russian North Korea experts say?"),
    (2, "Quo vadis? Options for Russia and beyond"),
    (2, "Conclusion"),
]
GAMBIT_HEADINGS = [(2, "Russian interests in the North Korea crisis"),
                   (2, "Moscow’s diplomatic offensive")]
GAMBIT_LEADS = [
    "Denuclearization", "Averting war on the Korean Peninsula",
    "Exploiting the North Korea crisis as a bargaining chip vis-à-vis the US",
    "The politics of the quasi-alliance with China",
    "International prestige and great-power posturing", "Pursuit of economic benefits",
    "Adherence to the principle of sovereignty and opposition to regime change",
    "Promotion of a new regional order in Northeast Asia", "The future of Korea",
]


def body_text(reading) -> str:
    return "\n".join(p.text for p in reading.paragraphs())


def test_putin_headings_in_order_with_subsections(papers):
    r = papers["putin-and-north-korea"].reading
    assert [(h.level, h.text) for h in r.headings()] == PUTIN_HEADINGS


def test_putin_title_and_subtitle(papers):
    r = papers["putin-and-north-korea"].reading
    assert (r.title, r.subtitle, r.series) == (
        "Putin and North Korea", "Exploring Russian interests around the peninsula", "")


def test_putin_has_25_markers_in_order_and_no_notes(papers):
    r = papers["putin-and-north-korea"].reading
    assert [m.n for m in r.markers] == list(range(1, 26))
    assert r.notes == {}


def test_putin_running_header_dropped_and_reported(papers):
    r = papers["putin-and-north-korea"].reading
    header = "4 Putin and North Korea: Exploring Russian interests around the peninsula"
    assert [(d.text, d.why.startswith("running header")) for d in r.dropped] == [(header, True)]
    assert r.dropped[0].line == 117
    assert "Exploring Russian interests around the peninsula" not in body_text(r)


def test_year_then_marker_reads_year_and_marker(papers):
    r = papers["putin-and-north-korea"].reading
    m13 = next(m for m in r.markers if m.n == 13)
    assert m13.after.endswith("agreed to take place in 2018.")
    assert "in 2018.13" not in body_text(r)


def test_numbers_that_are_not_markers_stay_text(papers):
    text = body_text(papers["putin-and-north-korea"].reading)
    for number in ["US$11\u00a0billion", "37,000", "50\u00a0million", "18\u00a0kilometres",
                   "In 1961,", "2005–06 talks"]:
        assert number in text, number


def test_real_hyphens_and_dashes_untouched(papers):
    text = body_text(papers["putin-and-north-korea"].reading)
    assert "(non-)proliferation" in text
    assert "a divided Korea—something" in text
    assert "self-interest" in text


def test_line_break_hyphen_mended(papers):
    text = body_text(papers["russias-gambit"].reading)
    assert "Kim Jong-un" in text and "Jong- un" not in text


def test_marker_separated_from_the_word_it_was_glued_to(papers):
    text = body_text(papers["putin-and-north-korea"].reading)
    assert "agreements." in text and not re.search(r"[a-z][.,’”]\d{1,2}\b", text)


def test_gambit_series_title_headings(papers):
    r = papers["russias-gambit"].reading
    assert (r.series, r.title, r.subtitle) == (
        "A Russian Perspective", "Russia’s Gambit in the Korean Nuclear Crisis", "")
    assert [(h.level, h.text) for h in r.headings()] == GAMBIT_HEADINGS


def test_gambit_run_in_headings_are_lead_ins(papers):
    r = papers["russias-gambit"].reading
    leads = [p.lead for p in r.paragraphs() if p.lead]
    assert leads == GAMBIT_LEADS
    first = next(p for p in r.paragraphs() if p.lead == "Denuclearization")
    assert first.text.startswith("Moscow is loath")


def test_gambit_eleven_markers_and_notes(papers):
    r = papers["russias-gambit"].reading
    assert [m.n for m in r.markers] == list(range(1, 12))
    assert sorted(r.notes) == list(range(1, 12))
    assert r.markers[0].after.endswith("“the forgotten player.”")
    assert r.notes[3].text.endswith("http://tass.ru/politika/4936217")


def test_typography_kept_as_received(papers):
    text = body_text(papers["russias-gambit"].reading)
    assert "“the forgotten player.”" in text and "Moscow’s" in text


def test_paragraph_ids_are_numbered_in_order(papers):
    for paper in papers.values():
        ids = [p.id for p in paper.reading.paragraphs() if p.kind == "paragraph"]
        assert ids == [f"p{i}" for i in range(1, len(ids) + 1)]


def test_page_break_inside_a_paragraph_is_joined(papers):
    text = body_text(papers["putin-and-north-korea"].reading)
    assert "The window of opportunity for finding an acceptable" in text
    assert "some are significantly influenced by official Kremlin positions" in text


def test_page_break_after_a_short_final_line_starts_a_paragraph(papers):
    paras = papers["putin-and-north-korea"].reading.paragraphs()
    assert any(p.text.startswith("However, at the moment, Russia can’t rely") for p in paras)
