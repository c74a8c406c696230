"""Nothing lost: every word of a source is shown, in order, or listed as dropped."""

from __future__ import annotations

import random
import textwrap
from dataclasses import replace

import pytest

from glossa.ingest import Hints, ingest_text
from glossa.ingest.conservation import conservation_problems
from helpers import FIXTURES, ROOT

SOURCES = [ROOT / "content/papers/putin-and-north-korea/source.txt",
           ROOT / "content/papers/russias-gambit/source.txt",
           FIXTURES / "more/crs_kuwait_R47390.txt",
           FIXTURES / "more/crs_mongolia_in_brief_web.txt"]
WORDS = ("the council reviewed Moscow’s proposal on sanctions while Seoul and Beijing weighed "
         "pipeline railways energy security talks under pressure from Washington during 2017 "
         "negotiations non-proliferation self-reliance US$3 billion 1,200 workers").split()


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_real_sources_lose_nothing(path):
    text = path.read_text(encoding="utf-8")
    assert conservation_problems(text, ingest_text(text, Hints()), path.name) == []


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
    return words[0][0].upper() + " ".join(words)[1:] + "."


def make_pdf_text(seed: int) -> tuple[str, int, int]:
    """A hard-wrapped text with a running header, page breaks and markers; returns the text,
    the number of paragraphs and of markers in it."""
    rng = random.Random(seed)
    lines = ["A Made-Up Report on Regional Affairs", "What a generator writes", ""]
    n_marker, n_paras = 0, 0
    for section in range(3):
        lines += [f"Section heading number {section + 1}", ""]
        for _ in range(rng.randint(2, 4)):
            sents = [sentence(rng) for _ in range(rng.randint(3, 7))]
            n_marker += 1
            sents[-1] = sents[-1] + str(n_marker)
            wrapped = textwrap.wrap(" ".join(sents), 90)
            lines += wrapped + [""]
            n_paras += 1
        lines += ["", f"{section + 2} A Made-Up Report on Regional Affairs: What a generator "
                  "writes", ""]
    return "\n".join(lines), n_paras, n_marker


@pytest.mark.parametrize("seed", range(12))
def test_generated_pdf_text_loses_nothing(seed):
    text, n_paras, n_markers = make_pdf_text(seed)
    reading = ingest_text(text)
    assert conservation_problems(text, reading, "made-up.txt") == []
    assert [h.text for h in reading.headings()] == [f"Section heading number {i}"
                                                     for i in (1, 2, 3)]
    assert len(reading.paragraphs()) == n_paras
    assert [m.n for m in reading.markers] == list(range(1, n_markers + 1))
    assert [d.why for d in reading.dropped] == ["running header (page number and title)"] * 3


@pytest.mark.parametrize("seed", range(6))
def test_generated_web_text_loses_nothing(seed):
    rng = random.Random(seed)
    paras = [" ".join(sentence(rng) for _ in range(5)) + str(i + 1) for i in range(6)]
    notes = [f"{i + 1}. A source, {2000 + i}, https://example.org/{i}" for i in range(6)]
    text = "\n\n".join(["A Title For a Web Article", *paras[:3], "A Heading", *paras[3:],
                        *notes])
    reading = ingest_text(text)
    assert conservation_problems(text, reading, "web.txt") == []
    assert reading.format == "web" and len(reading.notes) == 6
    assert [m.n for m in reading.markers] == list(range(1, 7))


def test_the_check_fails_when_a_paragraph_is_lost():
    text = (ROOT / "content/papers/russias-gambit/source.txt").read_text(encoding="utf-8")
    reading = ingest_text(text)
    lost = replace(reading, blocks=reading.blocks[:-1])
    codes = {p.code for p in conservation_problems(text, lost, "x.txt")}
    assert "S012" in codes


def test_the_check_fails_when_a_word_changes():
    text = (ROOT / "content/papers/russias-gambit/source.txt").read_text(encoding="utf-8")
    reading = ingest_text(text)
    p = reading.paragraphs()[0]
    changed = replace(p, text=p.text.replace("Russia", "Prussia", 1))
    blocks = tuple(changed if b is p else b for b in reading.blocks)
    problems = conservation_problems(text, replace(reading, blocks=blocks), "x.txt")
    assert [pr.code for pr in problems] == ["S011"]
