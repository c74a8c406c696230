"""The content-hash cache: after an edit, only the changed paper is read again."""

from __future__ import annotations

import shutil

from glossa import content
from helpers import ROOT


def test_only_the_edited_paper_is_read_again(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    content.load_corpus(tmp_path)
    before = dict(content.STATS)
    source = tmp_path / "content/papers/russias-gambit/source.txt"
    text = source.read_text(encoding="utf-8")
    added = "\nA new closing paragraph.\n\n1. Victor Cha"
    source.write_text(text.replace("\n1. Victor Cha", added), encoding="utf-8")
    corpus = content.load_corpus(tmp_path)
    assert content.STATS["ingested"] - before["ingested"] == 1
    assert content.STATS["cached"] - before["cached"] == 1
    gambit = next(p for p in corpus.papers if p.meta.slug == "russias-gambit")
    assert gambit.reading.paragraphs()[-1].text == "A new closing paragraph."
    assert len(gambit.reading.notes) == 11


def test_metadata_edits_invalidate_too(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    content.load_corpus(tmp_path)
    meta = tmp_path / "content/papers/russias-gambit/paper.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('date: "2018"', 'date: "2018-02"'),
                    encoding="utf-8")
    corpus = content.load_corpus(tmp_path)
    gambit = next(p for p in corpus.papers if p.meta.slug == "russias-gambit")
    assert gambit.meta.date == "2018-02"
