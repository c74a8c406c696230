"""Papers with their truth, every input of each -> each paper's figures, and the gate: a run
that names every paper, input and figure worse than the committed figures.

`make fidelity` writes the figures of every paper of the shared corpus, for every input it
has, into `FIDELITY.json` (one line a paper and input, so that a commit's diff shows what a
rule bought and what it cost); `make gate` (run by `make test`, so by CI) reads them all
again and fails when one figure of one paper is worse. A change that makes papers better
rewrites the file in the same commit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from glossa.measure.evaluate import PaperScore, score_input
from glossa.publish.workers import in_workers

HIGHER, LOWER = "higher", "lower"
# Each figure of a paper and input: how it is taken from its score, which way is better,
# and the total it is out of (a total that changes means the truth changed).
FIGURES: dict[str, tuple[str, str, str | None]] = {
    "notes right": ("notes_right", HIGHER, "notes_total"),
    "title right": ("title", HIGHER, None),
    "contents headings found": ("headings_found", HIGHER, "headings_total"),
    "spurious headings": ("headings_spurious", LOWER, None),
    "paragraph starts found": ("starts_found", HIGHER, "starts_total"),
    "paragraphs that start no publisher's": ("false_starts", LOWER, None),
    "furniture in paragraphs": ("furniture", LOWER, None),
    "lone bullets": ("lone_bullets", LOWER, None),
    "words lost": ("words_lost", LOWER, None),
    "notes and markers apart": ("notes_apart", LOWER, None),
    "notes in the body": ("notes_in_body", LOWER, None),
    "paragraphs of numbers": ("number_paragraphs", LOWER, None),
    "wrong and not caught": ("uncaught", LOWER, None),
    "self-check false alarms": ("false_alarms", LOWER, None),
}


@dataclass(frozen=True)
class Job:
    """One paper and one of its inputs, to score against its truth."""

    group: str  # the corpus folder's name: "crs", "other", "more"
    folder: str  # that folder's path
    paper: str  # the paper's folder name
    input: str  # "source.pdf", "source.txt", "web.txt"
    truth: str  # the truth.json to score against

    @property
    def label(self) -> str:
        return f"{self.group}/{self.paper} {self.input}"


def jobs_for(folders: list[Path], inputs: list[str], truth_dirs: list[Path]) -> list[Job]:
    """Every paper of `folders` that has a truth (in the paper's folder, or in a folder of
    `truth_dirs` under the paper's name) and the input, for each input."""
    out = []
    for folder in folders:
        for paper in sorted(p for p in folder.iterdir() if p.is_dir()):
            truth = next((d / paper.name / "truth.json" for d in truth_dirs
                          if (d / paper.name / "truth.json").is_file()),
                         paper / "truth.json")
            if not truth.is_file():
                continue
            for name in inputs:
                if (paper / name).is_file():
                    out.append(Job(folder.name, str(folder), paper.name, name, str(truth)))
    return out


def _score(job: Job) -> PaperScore:
    return score_input(Path(job.folder) / job.paper, job.input, Path(job.truth))


def score_jobs(jobs: list[Job]) -> list[PaperScore]:
    """Each job's score, in order; in worker processes, one per core, when there are enough."""
    return in_workers(_score, jobs) or [_score(job) for job in jobs]


def evaluate_dir(folder: Path, input_name: str = "source.txt",
                 truth_dir: Path | None = None) -> list[PaperScore]:
    """Every paper of `folder` with a truth.json (in `truth_dir`/<id>/ when given: truth
    written for papers kept elsewhere) and the input."""
    return score_jobs(jobs_for([folder], [input_name], [truth_dir] if truth_dir else []))


def figures(score: PaperScore) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for name, (attr, _, total) in FIGURES.items():
        value = getattr(score, attr)
        out[name] = None if value is None else int(value)
        if total:
            out[_total_name(name)] = getattr(score, total)
    return out


def _total_name(name: str) -> str:
    return name.replace(" right", "").replace(" found", "") + " in the truth"


def write_figures(path: Path, jobs: list[Job], scores: list[PaperScore]) -> None:
    """One line a paper and input, sorted: a diff shows each figure that moved."""
    rows = sorted((job.label, figures(s)) for job, s in zip(jobs, scores, strict=True))
    body = ",\n".join(f"{json.dumps(label)}: {json.dumps(row, ensure_ascii=False)}"
                      for label, row in rows)
    path.write_text("{\n" + body + "\n}\n", encoding="utf-8")


def compare(committed: dict[str, dict], now: dict[str, dict]) -> tuple[list[str], list[str]]:
    """(what is worse, what is better) than the committed figures, a line each, naming the
    paper, the input and the figure. A paper or input missing on either side, or a truth
    whose totals changed, counts as worse: the figures must be written again."""
    worse, better = [], []
    for label in sorted(set(committed) | set(now)):
        if label not in now:
            worse.append(f"{label}: no longer evaluated (the paper or its input is gone, or "
                         "its truth): write the figures again with `make fidelity`")
            continue
        if label not in committed:
            worse.append(f"{label}: not in the committed figures (a new paper or input): "
                         "write them with `make fidelity`")
            continue
        was, got = committed[label], now[label]
        for name, (_, better_way, total) in FIGURES.items():
            if total and was.get(_total_name(name)) != got.get(_total_name(name)):
                worse.append(f"{label}: {_total_name(name)} {was.get(_total_name(name))} -> "
                             f"{got.get(_total_name(name))}: the truth changed; write the "
                             "figures again with `make fidelity`")
                continue
            a, b = was.get(name), got.get(name)
            if a == b:
                continue
            if a is None or b is None:
                worse.append(f"{label}: {name} {a} -> {b}")
                continue
            if (b < a) == (better_way == HIGHER):
                worse.append(f"{label}: {name} {a} -> {b} (worse)")
            else:
                better.append(f"{label}: {name} {a} -> {b} (better)")
    return worse, better


def read_figures(path: Path) -> dict[str, dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def figures_of(jobs: list[Job], scores: list[PaperScore]) -> dict[str, dict]:
    return {job.label: figures(s) for job, s in zip(jobs, scores, strict=True)}
