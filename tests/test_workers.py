"""Reading papers in worker processes (glossa/workers.py) gives what reading them in turn
gives, byte for byte; a worker's failure is reported, not hidden."""

from __future__ import annotations

import pytest

from glossa import content, workers
from glossa.site import generate
from glossa.synthetic import make_corpus
from helpers import ROOT


def _double(x: int, plus: int) -> int:
    return 2 * x + plus


def _fail(x: int) -> int:
    raise ValueError(f"item {x} is bad")


def test_results_come_back_in_the_order_of_the_items(monkeypatch):
    monkeypatch.setattr(workers, "POOL_FROM", 2)
    assert workers.in_workers(_double, list(range(7)), (1,), workers=3) == [
        1, 3, 5, 7, 9, 11, 13]


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
    real = workers.in_workers
    monkeypatch.setattr(content, "in_workers", lambda *a, **k: calls.append(len(a[1]))
                        or real(*a, **k))
    pooled = generate(project, memo=None)
    assert calls == [6]
    assert pooled.pages == alone.pages
    assert pooled.files == alone.files
    assert [str(p) for p in pooled.problems] == [str(p) for p in alone.problems]
