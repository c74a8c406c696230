"""Golden files for both papers: what `glossa ingest --json` prints and the generated page.

Reviewed by hand against the source; refresh with `pytest --update-golden` and review the diff.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from glossa.publish.site import generate
from helpers import ROOT

SLUGS = ["putin-and-north-korea", "russias-gambit"]


@pytest.mark.parametrize("slug", SLUGS)
def test_ingest_json_matches_golden(slug, golden):
    source = f"content/papers/{slug}/source.txt"
    out = subprocess.run([sys.executable, "-m", "glossa.cli", "ingest", source, "--json"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    golden(f"{slug}.reading.json", json.loads(out.stdout))


@pytest.fixture(scope="module")
def site():
    return generate(ROOT)


@pytest.mark.parametrize("slug", SLUGS)
def test_generated_markdown_matches_golden(slug, site, golden):
    golden(f"{slug}.page.md", site.pages[f"papers/{slug}.md"])


def test_ingest_json_has_the_documented_shape():
    out = subprocess.run([sys.executable, "-m", "glossa.cli", "ingest",
                          "content/papers/russias-gambit/source.txt", "--json"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert {"title", "subtitle", "series", "blocks", "markers", "notes", "dropped"} <= set(data)
    para = next(b for b in data["blocks"] if b["type"] == "paragraph")
    assert {"id", "text", "lead"} <= set(para)
    heading = next(b for b in data["blocks"] if b["type"] == "heading")
    assert {"level", "text"} <= set(heading)
    assert set(data["markers"][0]) >= {"n", "block", "after"}
    assert data["notes"]["1"].startswith("Victor Cha.")
