"""Reading papers in worker processes (glossa/workers.py) gives what reading them in turn
gives, byte for byte; results come back as they are made; a worker's failure is reported,
not hidden."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from glossa.bench.synthetic import make_corpus
from glossa.publish import content, workers
from glossa.publish.site import build_site, generate
from helpers import ROOT


def _double(x: int, plus: int) -> int:
    return 2 * x + plus


def _fail(x: int) -> int:
    raise ValueError(f"item {x} is bad")


def _after_flag(x: int, flag: str) -> int:
    """Items from 2 on wait until the parent has made `flag` (at most 30 s)."""
    deadline = time.monotonic() + 30
    while x >= 2 and not Path(flag).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"item {x}: the parent never had the first results")
        time.sleep(0.05)
    return x


def test_results_come_back_in_the_order_of_the_items(monkeypatch):
    monkeypatch.setattr(workers, "POOL_FROM", 2)
    assert workers.in_workers(_double, list(range(7)), (1,), workers=3) == [
        1, 3, 5, 7, 9, 11, 13]


def test_results_come_back_as_they_are_made_while_the_children_go_on(tmp_path, monkeypatch):
    # The children cannot make items 2-5 before the parent has had items 0 and 1: a pool
    # that handed results back only once all were made would never get there.
    monkeypatch.setattr(workers, "POOL_FROM", 2)
    flag = tmp_path / "first results had"
    results = workers.stream(_after_flag, list(range(6)), (str(flag),), workers=2)
    assert [next(results), next(results)] == [0, 1]
    flag.touch()
    assert list(results) == [2, 3, 4, 5]


def test_too_few_items_or_cores_are_left_to_the_caller():
    assert workers.in_workers(_double, [1, 2], (0,)) is None  # fewer than POOL_FROM
    assert workers.in_workers(_double, list(range(100)), (0,), workers=1) is None


def test_a_failing_worker_says_what_failed(monkeypatch):
    monkeypatch.setattr(workers, "POOL_FROM", 2)
    with pytest.raises(RuntimeError, match=r"test_workers._fail[^$]*ValueError: item \d is bad"):
        workers.in_workers(_fail, [1, 2, 3], workers=2)


def test_a_first_build_read_in_workers_is_the_same_as_read_in_turn(tmp_path, monkeypatch):
    project = make_corpus(ROOT, tmp_path / "project", 6)
    monkeypatch.setenv("GLOSSA_CACHE", "off")
    monkeypatch.setattr(workers, "POOL_FROM", 10 ** 9)
    content._CACHE.clear()
    alone = generate(project, memo=None)
    assert content.STATS["ingested"] >= 6
    content._CACHE.clear()
    monkeypatch.setattr(workers, "POOL_FROM", 2)
    calls = []
    real = workers.stream
    monkeypatch.setattr(content, "stream", lambda *a, **k: calls.append(len(a[1]))
                        or real(*a, **k))
    pooled = generate(project, memo=None)
    assert calls == [6]
    assert pooled.pages == alone.pages
    assert pooled.files == alone.files
    assert [str(p) for p in pooled.problems] == [str(p) for p in alone.problems]


def test_pages_made_as_the_papers_are_read_are_those_made_after(tmp_path, monkeypatch):
    # generate() links each paper and writes its page while the workers read the next ones;
    # build_site alone makes every part after the whole corpus is read.
    project = make_corpus(ROOT, tmp_path / "project", 6)
    monkeypatch.setenv("GLOSSA_CACHE", "off")
    monkeypatch.setattr(workers, "POOL_FROM", 2)
    content._CACHE.clear()
    early = generate(project, memo=None)
    assert early.timings["glossary linking"] > 0
    after = build_site(content.load_corpus(project))
    assert early.pages == after.pages
    assert early.files == after.files
    assert [str(p) for p in early.problems] == [str(p) for p in after.problems]


def test_readings_made_in_workers_are_kept_on_disk_for_the_next_build(tmp_path, monkeypatch):
    # The workers put each reading in the disk cache themselves (pickled once): a second
    # build in a fresh process (here: with the memory cache emptied) reads no paper again.
    project = make_corpus(ROOT, tmp_path / "project", 6)
    monkeypatch.delenv("GLOSSA_CACHE", raising=False)
    monkeypatch.setattr(workers, "POOL_FROM", 2)
    content._CACHE.clear()
    first = generate(project, memo=None)
    kept = sorted((project / ".cache/glossa/papers").iterdir())
    assert len(kept) == 6
    content._CACHE.clear()
    before = dict(content.STATS)
    second = generate(project, memo=None)
    assert content.STATS["from_disk"] - before["from_disk"] == 6
    assert content.STATS["ingested"] == before["ingested"]
    assert sorted((project / ".cache/glossa/papers").iterdir()) == kept  # none pruned
    assert second.pages == first.pages and second.files == first.files


def test_a_caller_that_stops_early_stops_the_children(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "POOL_FROM", 2)
    flag = tmp_path / "never made"  # items 2-5 wait for it: the children would hang on
    results = workers.stream(_after_flag, list(range(6)), (str(flag),), workers=2)
    assert next(results) == 0
    started = time.monotonic()
    results.close()
    assert time.monotonic() - started < 10  # killed, not waited for (they wait 30 s)
    assert list(results) == []
