"""The Sources reader held to its figures on the hand-labelled sample of the shared corpus's
notes (tests/fixtures/truth/citations/, written by `python -m glossa.measure.citations`'s
draw and labelled by reading each note): the share of citing notes given a record for every
labelled work, no record for notes that cite nothing, and the merges checked by hand. The
labels hold the note texts, so this runs without ../shared."""

from __future__ import annotations

import json

import pytest

from glossa.measure.citations import LABELS, one_work, score_sample

# The figures reached (CITATIONS.md), rounded down: a change that reads fewer fails here.
EVERY_WORK = 95  # % of citing notes with a record for every labelled work
ANY_RECORD = 98  # % of citing notes with at least one record
FALSE_RECORDS = 0  # notes that cite nothing given a record


def load(name: str) -> list[dict]:
    return json.loads((LABELS / name).read_text(encoding="utf-8"))


def test_the_sample_is_two_hundred_labelled_notes():
    sample = load("sample.json")
    assert len(sample) == 200
    assert all(isinstance(i["cites_a_work"], bool) and i["text"] for i in sample)
    assert all(i["works"] for i in sample if i["cites_a_work"])


def test_the_reader_gives_every_labelled_work_on_the_sample():
    s = score_sample(load("sample.json"))
    assert 100 * s.every_work / s.citing >= EVERY_WORK, "\n".join(s.failures)
    assert 100 * s.any_record / s.citing >= ANY_RECORD, "\n".join(s.failures)
    assert s.false_records <= FALSE_RECORDS, "\n".join(s.failures)


@pytest.mark.parametrize("merge", load("merges.json"), ids=lambda m: m["key"][:60])
def test_a_merge_checked_by_hand_stays_as_it_was_judged(merge):
    # One work stays one; two works judged apart are never gathered into one.
    assert one_work(merge) == merge["same_work"], merge["remark"]
