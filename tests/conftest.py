"""Shared fixtures: the project root, the real inputs, golden-file comparison."""

from __future__ import annotations

import json

import pytest

from glossa.publish.content import load_corpus
from helpers import GOLDEN, ROOT


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files from the current output (review the diff)")


@pytest.fixture(scope="session")
def corpus():
    c = load_corpus(ROOT)
    assert not [p for p in c.problems if p.severity == "error"], c.problems
    return c


@pytest.fixture(scope="session")
def papers(corpus):
    return {p.meta.slug: p for p in corpus.papers}


@pytest.fixture
def golden(request):
    """Compare text with a golden file; `--update-golden` rewrites it instead."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: str | dict) -> None:
        path = GOLDEN / name
        if not isinstance(actual, str):
            actual = json.dumps(actual, ensure_ascii=False, indent=2) + "\n"
        if update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            if not update:
                pytest.fail(f"golden file {path} was missing and has been written; review it")
        assert actual == path.read_text(encoding="utf-8"), (
            f"output differs from {path}; if the change is right, rerun with --update-golden "
            "and review the diff")

    return check
