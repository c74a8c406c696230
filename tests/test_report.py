"""The build report a reviewer reads in a pull request."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from glossa.cli import main
from helpers import ROOT


def test_check_writes_a_markdown_report(tmp_path, capsys):
    report = tmp_path / "report.md"
    assert main(["check", "--root", str(ROOT), "--report", str(report)]) == 0
    soup = BeautifulSoup(markdown.markdown(report.read_text(encoding="utf-8"),
                                           extensions=["tables", "md_in_html"]), "html.parser")
    headings = [h.get_text() for h in soup.find_all(["h1", "h2"])]
    assert headings[:3] == ["Glossa build report", "Problems", "Papers"]
    assert "Theme passages to consider pinning" in headings
    rows = {tr.find("td").get_text(): [td.get_text() for td in tr.find_all("td")]
            for tr in soup.select("table tr") if tr.find("td")}
    assert rows["putin-and-north-korea"][4:7] == ["25", "0", "25"]
    assert rows["russias-gambit"][4:7] == ["11", "11", "0"]
    assert "Build report written to" in capsys.readouterr().out


def test_the_report_counts_the_works_cited_and_the_events_dated(tmp_path):
    report = tmp_path / "report.md"
    assert main(["check", "--root", str(ROOT), "--report", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    section = text.split("## Across the collection", 1)[1].split("##", 1)[0]
    # Russia's Gambit's eleven notes cite eleven works; Putin and North Korea's notes are
    # not in the text we received, so the two papers share none that we can see.
    assert "Sources: 11 works read from 11 citations in the notes; 0 cited by more than one" \
        in section
    assert "Timeline: 27 dated events" in section
