"""The contract with Material's successor: `glossa export`'s tree builds with Zensical 0.0.73
as it is (no hook, no plugin), papers, notes, glossary, comparisons and downloads included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import ROOT

CONFIG = """site_name: Glossa
docs_dir: docs
site_dir: site
markdown_extensions:
  - attr_list
  - md_in_html
  - footnotes
  - tables
  - toc:
      permalink: "#"
extra_javascript:
  - javascripts/glossa.js
extra_css:
  - stylesheets/glossa.css
"""


def test_the_export_tree_builds_with_zensical(tmp_path):
    docs = tmp_path / "docs"
    result = subprocess.run([sys.executable, "-m", "glossa.cli", "export", "--out", str(docs)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    zensical = Path(sys.executable).parent / "zensical"
    result = subprocess.run([str(zensical), "build"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    for slug in ("putin-and-north-korea", "russias-gambit"):
        page = BeautifulSoup((site / "papers" / slug / "index.html").read_text("utf-8"),
                             "html.parser")
        assert page.find(id="p1") is not None  # paragraph permalinks
        assert page.select("a.glossa-term")  # glossary links
        assert (site / "papers" / f"{slug}.epub").read_bytes()[:2] == b"PK"
        assert (site / "papers" / f"{slug}.bib").is_file()
    gambit = BeautifulSoup((site / "papers/russias-gambit/index.html").read_text("utf-8"),
                           "html.parser")
    assert gambit.find(id="fn:3") is not None  # the notes, as footnotes
    assert (site / "glossary" / "north-korea" / "index.html").is_file()
    assert any((site / "compare").glob("*/index.html"))
