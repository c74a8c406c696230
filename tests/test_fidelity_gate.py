"""The per-paper gate (`glossa evaluate --figures` / `--gate`, `make fidelity` / `make gate`):
every paper's figures for every input in one file, and a run that fails naming the paper,
the input and the figure that got worse."""

from __future__ import annotations

import json

from glossa.cli import main
from glossa.measure.fidelity import compare
from helpers import FIXTURES

CORPUS = FIXTURES / "corpus"  # six CRS papers with their publisher's truth


def row(**figures) -> dict:
    base = {"notes right": 8, "notes in the truth": 8, "title right": 1,
            "contents headings found": 3, "contents headings in the truth": 3,
            "spurious headings": 0, "paragraph starts found": 40,
            "paragraph starts in the truth": 45, "paragraphs that start no publisher's": 2,
            "furniture in paragraphs": 0, "lone bullets": 0, "words lost": 0,
            "notes and markers apart": 0, "notes in the body": 0, "paragraphs of numbers": 0,
            "wrong and not caught": 0, "self-check false alarms": 0}
    return {**base, **figures}


def test_a_paper_worse_on_one_figure_is_named_with_its_input_and_the_figure():
    worse, better = compare({"crs/A source.txt": row(), "crs/B source.pdf": row()},
                            {"crs/A source.txt": row(**{"notes right": 7}),
                             "crs/B source.pdf": row(**{"spurious headings": 0})})
    assert worse == ["crs/A source.txt: notes right 8 -> 7 (worse)"]
    assert better == []


def test_lower_is_better_for_faults_and_higher_for_what_is_found():
    worse, better = compare({"x/P web.txt": row()},
                            {"x/P web.txt": row(**{"spurious headings": 1,
                                                   "paragraph starts found": 41})})
    assert worse == ["x/P web.txt: spurious headings 0 -> 1 (worse)"]
    assert better == ["x/P web.txt: paragraph starts found 40 -> 41 (better)"]


def test_a_title_no_longer_right_is_worse():
    worse, _ = compare({"x/P source.pdf": row()}, {"x/P source.pdf": row(**{"title right": 0})})
    assert worse == ["x/P source.pdf: title right 1 -> 0 (worse)"]


def test_a_changed_truth_or_a_paper_added_or_gone_asks_for_the_figures_again():
    worse, _ = compare({"x/P source.txt": row(), "x/Gone source.txt": row()},
                       {"x/P source.txt": row(**{"notes in the truth": 9}),
                        "x/New source.txt": row()})
    assert any(w.startswith("x/P source.txt: notes in the truth 8 -> 9: the truth changed")
               for w in worse)
    assert any(w.startswith("x/Gone source.txt: no longer evaluated") for w in worse)
    assert any(w.startswith("x/New source.txt: not in the committed figures") for w in worse)


def test_the_gate_passes_on_its_own_figures_and_fails_on_a_paper_made_worse(tmp_path, capsys):
    figures = tmp_path / "figures.json"
    args = ["evaluate", str(CORPUS), "--input", "source.txt", "--brief"]
    assert main([*args, "--figures", str(figures)]) == 0
    assert main([*args, "--gate", str(figures)]) == 0
    assert "gate passed" in capsys.readouterr().out
    # The committed figures say one paper read one more paragraph start than it does now:
    # as if the change under test had lost it.
    committed = json.loads(figures.read_text())
    label = sorted(committed)[0]
    committed[label]["paragraph starts found"] += 1
    figures.write_text(json.dumps(committed))
    assert main([*args, "--gate", str(figures)]) == 1
    err = capsys.readouterr().err
    found = committed[label]["paragraph starts found"]
    assert f"worse: {label}: paragraph starts found {found} -> {found - 1} (worse)" in err
    assert "gate failed: 1 figure worse" in err


def test_the_figures_file_has_a_line_per_paper_and_input(tmp_path):
    figures = tmp_path / "figures.json"
    main(["evaluate", str(CORPUS), "--input", "source.txt", "--input", "web.txt", "--brief",
          "--figures", str(figures)])
    lines = figures.read_text().splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert len(lines) - 2 == len(json.loads(figures.read_text())) == 12
