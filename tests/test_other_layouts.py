"""The two CRS reports in tests/fixtures/more/ (public domain; not published on the site) are
read as their expect.md files describe: headings, every marker, page furniture dropped."""

from __future__ import annotations

import re

import pytest

from helpers import FIXTURES, read_fixture

KUWAIT_HEADINGS = [
    "Overview and Bilateral Relations", "U.S.-Kuwaiti Defense Relations",
    "U.S.-Kuwaiti Economic Relations", "Congress and Kuwait",
    "Kuwait’s History and Politics", "Political System",
    "2023 Succession, 2024 Election, and Assembly Suspension", "Human Rights",
    "Women’s Rights", "Trafficking in Persons", "Religious Freedom and Tolerance",
    "Kuwait’s Foreign Policy", "Kuwait and Russia’s War against Ukraine", "Kuwait and China",
    "Kuwait and its Neighbors", "Fiscal, Economic, and Energy Issues",
    "Resources and Climate Change", "Outlook", "Appendix. Political Developments 2006-2023",
]
MONGOLIA_HEADINGS = [
    "Summary", "Overview", "U.S.-Mongolia Bilateral Relations", "U.S.-Mongolia Trade Relations",
    "U.S. Foreign Assistance to Mongolia", "Domestic Political Background", "Economy",
    "Relations with Russia and China",
]
# Rows of the expect.md marker tables: | n | ... | `…text just before marker`N | ...
MARKER_ROW = re.compile(r"^\| (\d+) \|.*?`…?(.+?)`(\d+) \|", re.M)


def same_tail(got: str, want: str) -> bool:
    n = min(len(got), len(want))
    return n >= min(8, len(want)) and got[-n:] == want[-n:]


def expected_afters(name: str) -> dict[int, str]:
    text = (FIXTURES / "more" / name).read_text(encoding="utf-8")
    return {int(n): before.strip() for n, before, again in MARKER_ROW.findall(text)
            if n == again}


@pytest.fixture(scope="module")
def kuwait():
    return read_fixture("crs_kuwait_R47390.txt")[1]


@pytest.fixture(scope="module")
def mongolia():
    return read_fixture("crs_mongolia_in_brief_web.txt")[1]


def body(reading) -> str:
    return "\n".join(p.text for p in reading.paragraphs())


def test_kuwait_title_and_front_matter(kuwait):
    assert kuwait.title == "Kuwait: Issues for the 118th Congress"
    roles = {f.role: f.text for f in kuwait.front}
    assert roles["date"] == "Updated May 24, 2024"
    assert roles["identifier"] == "R47390"


def test_kuwait_body_headings_in_order_and_none_from_the_contents(kuwait):
    texts = [h.text for h in kuwait.headings()]
    positions = [texts.index(h) for h in KUWAIT_HEADINGS]
    assert positions == sorted(positions)
    assert all(texts.count(h) == 1 for h in KUWAIT_HEADINGS)
    assert not [t for t in texts if re.match(r"(Figure|Source|January|June|R47390)", t)]


def test_kuwait_text_box_is_an_aside_that_ends_with_its_last_wide_line(kuwait):
    # The contents list does not name it and its lines are set wider than the text's: a box.
    box = [p for p in kuwait.paragraphs() if p.kind == "aside" and 191 <= p.line < 210]
    assert box[0].lead == "The 1990-1991 Invasion of Kuwait and its Aftermath"
    assert box[-1].text.endswith("AUMFs.")
    after = next(p for p in kuwait.paragraphs() if p.text.startswith("The after-effects of"))
    assert after.kind == "paragraph"


def test_kuwait_every_marker_found_in_order(kuwait):
    assert [m.n for m in kuwait.markers] == list(range(1, 71))


def test_kuwait_markers_follow_the_expected_text(kuwait):
    want = expected_afters("crs_kuwait_R47390.expect.md")
    assert len(want) == 70
    got = {m.n: m.after for m in kuwait.markers}
    wrong = {n: (got.get(n), w) for n, w in want.items() if not same_tail(got.get(n, ""), w)}
    assert not wrong


def test_kuwait_foot_of_page_notes_all_read(kuwait):
    assert sorted(kuwait.notes) == list(range(1, 71))
    assert "Sheikh Ahmed Nasser Al-Mohammed Al-Sabah Statements" in kuwait.notes[2].text
    assert kuwait.notes[34].text == "Ibid."
    assert kuwait.notes[4].text.endswith("U.S. 29th Infantry Division, November 5, 2021.")
    assert kuwait.notes[52].text.endswith("24, 2022.")


def test_kuwait_page_furniture_dropped(kuwait):
    text = body(kuwait)
    assert "\f" not in text
    paras = [p.text for p in kuwait.paragraphs()]
    assert "Congressional Research Service" not in paras
    assert not [p for p in paras if re.fullmatch(r"\d{1,3}", p)]
    assert sum(1 for d in kuwait.dropped if d.why.startswith("running")) >= 38
    assert not [p for p in paras if "......" in p]


def test_kuwait_paragraph_joined_across_page_break_notes_and_footer(kuwait):
    assert "which appear to enable the executive branch to issue laws" in body(kuwait)


def test_kuwait_no_note_text_inside_a_paragraph(kuwait):
    text = body(kuwait)
    for note in kuwait.notes.values():
        if len(note.text) > 40:
            assert note.text[:40] not in text


def test_kuwait_run_in_headings(kuwait):
    leads = [p.lead for p in kuwait.paragraphs() if p.lead and p.kind != "aside"]
    assert leads == ["Gulf Cooperation Council and Yemen", "Iran", "Israel and the Palestinians",
                     "Iraq", "Syria"]
    # The report's author block and disclaimer: boxes, their labels as lead-ins.
    assert [p.lead for p in kuwait.paragraphs() if p.kind == "aside" and p.lead][-2:] == [
        "Author Information", "Disclaimer"]


def test_kuwait_numbers_that_are_not_markers(kuwait):
    text = body(kuwait) + "\n".join(n.text for n in kuwait.notes.values())
    for s in ["$2.92 billion", "5,000 Afghans", "~92.5%", "1.3 million citizens", "8% annual"]:
        assert s in text, s


def test_mongolia_headings_and_paragraphs(mongolia):
    assert [h.text for h in mongolia.headings()] == MONGOLIA_HEADINGS
    paras = [p for p in mongolia.paragraphs() if p.kind == "paragraph"]
    assert len(paras) == 22
    captions = [p.text for p in mongolia.paragraphs() if p.kind == "caption"]
    assert captions[0] == "Figure 1. Map of Mongolia" and captions[1].startswith("Source:")


def test_mongolia_date_line_is_front_matter(mongolia):
    assert mongolia.title == "Mongolia: In Brief"
    assert [f.role for f in mongolia.front] == ["title", "date"]


def test_mongolia_markers_and_notes(mongolia):
    assert [m.n for m in mongolia.markers] == list(range(1, 72))
    assert sorted(mongolia.notes) == list(range(1, 72))
    assert mongolia.notes[43].text == mongolia.notes[44].text
    want = expected_afters("crs_mongolia_in_brief_web.expect.md")
    got = {m.n: m.after for m in mongolia.markers}
    assert len(want) == 71
    assert not {n: (got[n], w) for n, w in want.items() if not same_tail(got[n], w)}
