"""The content-hash caches: after an edit, only the changed paper is read again, in one
process (`mkdocs serve`) and from one run to the next (the disk cache)."""

from __future__ import annotations

import shutil

from glossa.publish import cache, content
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


# The disk cache (.cache/glossa/papers/): what a second process finds.

def _fresh_process_load(root):
    """As a new `glossa build` would: the in-memory cache is empty, the disk one is not."""
    content._CACHE.clear()
    before = dict(content.STATS)
    corpus = content.load_corpus(root)
    return corpus, {k: content.STATS[k] - before[k] for k in content.STATS}


def _entries(root):
    return sorted((root / cache.FOLDER).glob("*.pickle"))


def test_a_second_run_takes_unchanged_papers_from_disk(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    first, counts = _fresh_process_load(tmp_path)
    assert counts["ingested"] == 2 and len(_entries(tmp_path)) == 2
    second, counts = _fresh_process_load(tmp_path)
    assert counts == {"ingested": 0, "cached": 0, "from_disk": 2}
    assert [p.reading for p in second.papers] == [p.reading for p in first.papers]
    assert [p.footnotes for p in second.papers] == [p.footnotes for p in first.papers]


def test_an_edited_paper_is_read_again_and_its_old_entry_removed(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    _fresh_process_load(tmp_path)
    source = tmp_path / "content/papers/russias-gambit/source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "\n1. Victor Cha", "\nA new closing paragraph.\n\n1. Victor Cha"), encoding="utf-8")
    corpus, counts = _fresh_process_load(tmp_path)
    assert counts == {"ingested": 1, "cached": 0, "from_disk": 1}
    gambit = next(p for p in corpus.papers if p.meta.slug == "russias-gambit")
    assert gambit.reading.paragraphs()[-1].text == "A new closing paragraph."
    assert len(_entries(tmp_path)) == 2


def test_a_change_to_the_code_invalidates_every_entry(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    _fresh_process_load(tmp_path)
    old = _entries(tmp_path)
    monkeypatch.setattr(cache, "code_version", lambda: "another version of the converter")
    _, counts = _fresh_process_load(tmp_path)
    assert counts == {"ingested": 2, "cached": 0, "from_disk": 0}
    assert not set(old) & set(_entries(tmp_path)) and len(_entries(tmp_path)) == 2


def test_a_damaged_entry_counts_as_missing(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    _fresh_process_load(tmp_path)
    for entry in _entries(tmp_path):
        entry.write_bytes(b"not a pickle")
    corpus, counts = _fresh_process_load(tmp_path)
    assert counts["ingested"] == 2 and len(corpus.papers) == 2


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("GLOSSA_CACHE", "off")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    _fresh_process_load(tmp_path)
    _, counts = _fresh_process_load(tmp_path)
    assert counts["ingested"] == 2 and not (tmp_path / ".cache").exists()
