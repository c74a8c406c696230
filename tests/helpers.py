"""Paths and readers shared by the tests (conftest.py holds the fixtures)."""

from __future__ import annotations

from pathlib import Path

from glossa.ingest import Hints, ingest_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


def read_fixture(name: str):
    text = (FIXTURES / "more" / name).read_text(encoding="utf-8")
    return text, ingest_text(text, Hints())
