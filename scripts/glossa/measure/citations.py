"""The publishers' notes of the shared corpus -> how well the Sources reader reads them
(CITATIONS.md): the whole corpus counted automatically, a sample of 200 notes against labels
written by hand, every "Id.", "ibid." and "supra", and a sample of 40 gathered works checked
by hand for works merged that are not one.

Every note goes through `paper_citations`, one paper at a time in note order, as the site
reads it, so short forms are resolved as the Sources page resolves them. The labels
(tests/fixtures/truth/citations/) were written by reading each note's text, never the
reader's output; they hold the note texts, so that tests/test_citation_measure.py holds the
reader to its figures without the shared corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from glossa.enrich.citation import ID, SUPRA, Citation, cites_a_work, normal_url, split_citations
from glossa.enrich.sources import Work, gather, paper_citations
from glossa.model.paper import Paper, PaperMeta, ResolvedNote
from glossa.model.reading import Reading

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT.parent / "shared" / "corpus"
TRUTH = ROOT / "tests" / "fixtures" / "truth"
LABELS = TRUTH / "citations"
GROUPS = ("crs", "other", "more")
SEED = 34  # the issue that built the Sources page
SAMPLE_SIZE = 200
MERGE_SAMPLE = 40
# A labelled title is given by a record whose title holds this share of its words.
TITLE_OVERLAP = 0.6
# A note that repeats a work: "Id.", "Ibid."/"ibid.", "supra" anywhere in its text.
SHORT_FORM = re.compile(r"\bId\.|\bI[bB]id\b|\bsupra\b")
HEREINAFTER = re.compile(r"\bhereinafter\b", re.I)
SUPRA_NOTE = re.compile(r"\bsupra\s+notes?\s+(\d{1,3})", re.I)


@dataclass(frozen=True)
class TruthPaper:
    """One paper's notes as its publisher typed them."""

    group: str  # "crs", "other", "more"
    name: str  # the paper's folder
    notes: dict[int, str]

    @property
    def slug(self) -> str:
        return f"{self.group}/{self.name}"


def truth_papers(corpus: Path = CORPUS, truth: Path = TRUTH) -> list[TruthPaper]:
    """Every paper of the corpus with notes in its truth: crs/ keeps its truth beside each
    paper, other/ and more/ keep theirs in the project's tests/fixtures/truth/."""
    out = []
    for group in GROUPS:
        files = sorted((corpus / group).glob("*/truth.json")) if group == "crs" else sorted(
            (truth / group).glob("*/truth.json"))
        for f in files:
            notes = json.loads(f.read_text(encoding="utf-8")).get("notes") or {}
            if notes:
                out.append(TruthPaper(group, f.parent.name,
                                      {int(n): t for n, t in notes.items()}))
    return out


def as_paper(slug: str, notes: dict[int, str]) -> Paper:
    """A paper that is only its notes: what `paper_citations` reads."""
    reading = Reading("web", "", "", "", (), (), ())
    return Paper(PaperMeta(slug, slug), f"truth/{slug}", reading, "",
                 {n: ResolvedNote(n, t, "source", line=n) for n, t in notes.items()})


def read_papers(papers: dict[str, dict[int, str]]) -> dict[tuple[str, int], list[Citation]]:
    """(paper, note) -> the records the reader gives it (those that name a work)."""
    out: dict[tuple[str, int], list[Citation]] = {}
    for slug, notes in papers.items():
        out.update({(slug, n): [] for n in notes})
        for c in paper_citations(as_paper(slug, notes))[0]:
            out[(slug, c.note)].append(c)
    return out


def context(notes: dict[int, str], n: int) -> dict[int, str]:
    """The earlier notes a note's short forms may repeat: the notes before it back to the
    first that is not only a short form, and each note it names by "supra note N"."""
    out: dict[int, str] = {}
    todo = [n]
    while todo:
        m = todo.pop()
        text = notes.get(m, "")
        if not SHORT_FORM.search(text):
            continue
        k = m - 1
        while k in notes and k not in out:
            out[k] = notes[k]
            todo.append(k)
            if not _only_short(notes[k]):
                break
            k -= 1
        for s in SUPRA_NOTE.findall(text):
            if int(s) in notes and int(s) not in out and int(s) != n:
                out[int(s)] = notes[int(s)]
                todo.append(int(s))
    out.pop(n, None)
    return dict(sorted(out.items()))


def _only_short(text: str) -> bool:
    return all(ID.match(p) or SUPRA.match(p) for p in split_citations(text))


# --- the hand-labelled sample ------------------------------------------------------------

def draw_sample(papers: list[TruthPaper], size: int = SAMPLE_SIZE,
                seed: int = SEED) -> list[tuple[str, int]]:
    """`size` notes of all the truth's notes, drawn with a fixed seed."""
    every = [(p.slug, n) for p in papers for n in sorted(p.notes)]
    return sorted(random.Random(seed).sample(every, size), key=every.index)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.casefold()))


def gives(label: dict, c: Citation) -> bool:
    """Whether a record names the labelled work: the same address (normalised), the
    labelled number found in the record's number, or the record's title (or its number, for a
    named instrument) holding at least TITLE_OVERLAP of the labelled title's words."""
    if label.get("url") and c.url and normal_url(label["url"]) == normal_url(c.url):
        return True
    if label.get("identifier") and c.identifier:
        want = " ".join(sorted(_words(label["identifier"])))
        if want and (_words(label["identifier"]) <= _words(c.identifier)
                     or want == " ".join(sorted(_words(c.identifier)))):
            return True
    if label.get("title") and (c.title or c.identifier):
        # (A named instrument's number holds its name: "UNCLOS Article 156".)
        want = _words(label["title"])
        return bool(want) and max(len(want & _words(c.title)), len(want & _words(c.identifier))
                                  ) / len(want) >= TITLE_OVERLAP
    return False


def all_given(labels: list[dict], records: list[Citation]) -> list[dict]:
    """The labelled works left without a record when each record names one work at most
    (the most labelled works matched: a bipartite matching, so that the order of the labels
    does not decide)."""
    owner: dict[int, int] = {}  # record -> the label it names

    def place(i: int, seen: set[int]) -> bool:
        for j, c in enumerate(records):
            if j not in seen and gives(labels[i], c):
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    placed = {i for i in range(len(labels)) if place(i, set())}
    return [w for i, w in enumerate(labels) if i not in placed]


@dataclass
class SampleScore:
    notes: int = 0
    citing: int = 0  # notes that cite a work, by the label
    every_work: int = 0  # of them, a record for every labelled work
    any_record: int = 0  # of them, at least one record
    not_citing: int = 0
    false_records: int = 0  # notes that cite nothing, given a record
    records: int = 0  # records given to the notes that cite a work
    unlabelled: int = 0  # of them, records that name no labelled work
    failures: list[str] = field(default_factory=list)


def score_sample(sample: list[dict]) -> SampleScore:
    """The reader against the labels: each labelled note read with its context notes, in
    one paper, as the site reads it."""
    score = SampleScore()
    for item in sample:
        notes = {int(k): v for k, v in item.get("context", {}).items()}
        notes[item["note"]] = item["text"]
        records = read_papers({item["paper"]: notes})[(item["paper"], item["note"])]
        score.notes += 1
        where = f"{item['paper']} note {item['note']}"
        if item["cites_a_work"]:
            score.citing += 1
            missing = all_given(item["works"], records)
            score.records += len(records)
            score.unlabelled += len(records) - (len(item["works"]) - len(missing))
            score.every_work += not missing
            score.any_record += bool(records)
            if missing:
                names = "; ".join(_label_name(w) for w in missing)
                score.failures.append(f"{where}: not read: {names} (“{_short(item['text'])}”)")
        else:
            score.not_citing += 1
            if records:
                score.false_records += 1
                score.failures.append(f"{where}: cites no work, given “{_record(records[0])}” "
                                      f"(“{_short(item['text'])}”)")
    return score


def _label_name(w: dict) -> str:
    return w.get("title") or w.get("identifier") or w.get("url") or "?"


def _record(c: Citation) -> str:
    return (c.title or c.identifier or c.url)[:60]


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


# --- short forms -------------------------------------------------------------------------

def short_forms(papers: list[TruthPaper], read: dict[tuple[str, int], list[Citation]]
                ) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(the notes whose text has "Id.", "ibid." or "supra", those of them whose short form
    was resolved to a work: a record of kind "id" or "supra" that names one)."""
    found, resolved = [], []
    for p in papers:
        for n, text in sorted(p.notes.items()):
            if SHORT_FORM.search(text):
                found.append((p.slug, n))
                if any(c.kind in ("id", "supra") and c.read for c in read[(p.slug, n)]):
                    resolved.append((p.slug, n))
    return found, resolved


# --- merges ------------------------------------------------------------------------------

def merged(works: list[Work]) -> list[Work]:
    """The works gathered from two notes or more."""
    return [w for w in works if len({(c.slug, c.note) for c in w.citations}) >= 2]


def draw_merges(works: list[Work], size: int = MERGE_SAMPLE, seed: int = SEED) -> list[Work]:
    many = sorted(merged(works), key=lambda w: w.key)
    return sorted(random.Random(seed).sample(many, min(size, len(many))), key=lambda w: w.key)


def merge_notes(work: Work) -> list[tuple[str, int]]:
    return sorted({(c.slug, c.note) for c in work.citations})


def one_work(item: dict) -> bool:
    """Whether the notes of a hand-checked merge are still gathered into one work, read
    with the notes their short forms need."""
    papers: dict[str, dict[int, str]] = {}
    for n in item["notes"] + item.get("context", []):
        papers.setdefault(n["paper"], {})[n["note"]] = n["text"]
    read = read_papers(papers)
    works, _ = gather([c for cs in read.values() for c in cs])
    want = {(n["paper"], n["note"]) for n in item["notes"]}
    return any(want <= {(c.slug, c.note) for c in w.citations} for w in works)


# --- the report --------------------------------------------------------------------------

def _pct(a: int, b: int) -> str:
    return f"{a} of {b} ({100 * a / b:.1f}%)" if b else "0 of 0"


def report(papers: list[TruthPaper], read: dict[tuple[str, int], list[Citation]],
           works: list[Work], sample: list[dict] | None, checked: list[dict] | None) -> str:
    lines = ["# Citations: the Sources reader on the shared corpus", "",
             "Written by `make citations` (`python -m glossa.measure.citations --out "
             "CITATIONS.md`). Every note of the truth files (`../shared/corpus/crs/*/truth.json`"
             ", `tests/fixtures/truth/{other,more}/*/truth.json`) is read as the site reads a "
             "paper's notes (`paper_citations`, a paper at a time, in note order, so that "
             "\"Id.\" and \"supra note N\" are resolved as the Sources page does), and the works "
             "of all papers are gathered together (`gather`).", "",
             "## The whole corpus, counted automatically", "",
             "A note *cites a work* when `cites_a_work` says so (a web address, a quoted "
             "title, a report's number, a law, a date after a comma, a short form); it is "
             "*read* when the reader gives it at least one record that names a work (a title, "
             "an address, or a report's or law's number: `Citation.read`).", "",
             "| folder | papers | notes | cite a work | read (at least one record) |",
             "|---|---:|---:|---:|---:|"]
    totals = [0, 0, 0, 0]
    for group in GROUPS + ("all",):
        ps = [p for p in papers if group in (p.group, "all")]
        keys = [(p.slug, n) for p in ps for n in p.notes]
        citing = [k for k in keys if cites_a_work(_text(papers, k))]
        got = [k for k in citing if read[k]]
        row = [len(ps), len(keys), len(citing), len(got)]
        if group != "all":
            totals = [a + b for a, b in zip(totals, row, strict=True)]
        name = "**all**" if group == "all" else f"`{group}/`"
        lines.append(f"| {name} | {row[0]} | {row[1]} | {row[2]} | {_pct(row[3], row[2])} |")
    unread = [k for p in papers for k in ((p.slug, n) for n in p.notes)
              if cites_a_work(_text(papers, k)) and not read[k]]
    lines += ["", "`cites_a_work` counts any words in quotation marks, so a note of prose that "
              "quotes a word (voted \"present\") counts as citing: the hand-labelled "
              "sample below is the measure of record.", "",
              f"Notes that cite a work and gave no record ({len(unread)}):", ""]
    lines += [f"- {s} note {n}: “{_short(_text(papers, (s, n)))}”" for s, n in unread]

    lines += ["", "## A sample of 200 notes, labelled by hand", ""]
    if sample is None:
        lines.append("No labels (`tests/fixtures/truth/citations/sample.json`).")
    else:
        s = score_sample(sample)
        lines += [
            f"{s.notes} notes drawn at random (seed {SEED}) from all {len(read)} notes of the "
            "truth files; each labelled by hand from its text alone (does it cite a work, "
            "and which: the title as printed, the address, or a report's or law's number), "
            "in `tests/fixtures/truth/citations/sample.json`. A note with \"Id.\" or "
            "\"supra\" is labelled with the work it repeats, and read with the earlier notes "
            "it needs. A labelled work is *given* when one record of the note (each record "
            "counting for one work) has the same address (normalised: no scheme, `www.`, "
            "tracking parameters or trailing slash), or a number holding every word of the "
            "labelled number, or a title holding at least "
            f"{TITLE_OVERLAP:.0%} of the labelled title's words (lower-cased letters and "
            "digits).", "",
            "| on the sample | figure |", "|---|---:|",
            f"| notes that cite a work (by the label) | {s.citing} of {s.notes} |",
            f"| of them, a record for **every** labelled work | {_pct(s.every_work, s.citing)} |",
            f"| of them, at least one record | {_pct(s.any_record, s.citing)} |",
            f"| records given to those notes that name no labelled work | "
            f"{_pct(s.unlabelled, s.records)} |",
            f"| notes that cite nothing, given a record (false records) | "
            f"{_pct(s.false_records, s.not_citing)} |", "",
            f"Failures ({len(s.failures)}):", ""]
        lines += [f"- {f}" for f in s.failures] or ["- none"]

    found, resolved = short_forms(papers, read)
    unresolved = [k for k in found if k not in resolved]
    lines += ["", "## \"Id.\", \"ibid.\" and \"supra\"", "",
              "Every note whose text has \"Id.\", \"Ibid.\"/\"ibid.\" or \"supra\"; *resolved* "
              "when the reader gives it a record of kind \"id\" or \"supra\" carrying the "
              "repeated work's title, address or number.", "",
              f"{_pct(len(resolved), len(found))} resolved." if found else
              "No note of the corpus has one.", "",
              f"Unresolved ({len(unresolved)}):", ""]
    lines += [f"- {s} note {n}: “{_short(_text(papers, (s, n)))}”" for s, n in unresolved] \
        or ["- none"]
    named = [(p.slug, n) for p in papers for n, t in p.notes.items() if HEREINAFTER.search(t)]
    lines += ["", f"The corpus's own short form is another: {len(named)} notes name a work "
              "for later notes (\"(hereinafter IEA, 2019)\"), and later notes cite it by that "
              "name alone (\"IEA, 2019.\"). The reader does not resolve these names; a short "
              "cite with a title in quotation marks is still read as that title (unmatched "
              "with its full citation unless it carries a year)."]

    many = merged(works)
    how: dict[str, int] = {}
    for w in many:
        for m in sorted(w.matched_by) or ["(one note's several parts)"]:
            how[m] = how.get(m, 0) + 1
    lines += ["", "## Works gathered from two notes or more", "",
              f"{len(many)} works are cited by two notes or more "
              f"({sum(len(w.papers) >= 2 for w in many)} of them by two papers or more). "
              "How their records were matched (a work can count under several):", "",
              "| matched by | works |", "|---|---:|"]
    lines += [f"| {m} | {k} |" for m, k in sorted(how.items(), key=lambda x: -x[1])]
    if checked is None:
        lines += ["", "No hand check (`tests/fixtures/truth/citations/merges.json`)."]
    else:
        wrong = [c for c in checked if not c["same_work"]]
        lines += ["", f"{len(checked)} of them drawn at random (seed {SEED}) and checked by "
                  "hand, reading every note of each (`tests/fixtures/truth/citations/"
                  "merges.json`): "
                  + ("all one work." if not wrong else f"{len(wrong)} wrong merges:"), ""]
        lines += [f"- `{c['key']}`: {c['remark']}" for c in wrong]
        stale = [c["key"] for c in checked if c["same_work"] and not one_work(c)]
        if stale:
            lines += ["", "Checked as one work and no longer gathered into one: "
                      + ", ".join(f"`{k}`" for k in stale)]
    lines += ["", "Every work of two notes or more:", "",
              "| work | notes | matched by |", "|---|---:|---|"]
    for w in sorted(many, key=lambda w: (-len(merge_notes(w)), w.key)):
        name = (w.first.title or w.first.identifier or w.first.url).replace("|", "\\|")
        lines.append(f"| {_short(name, 70)} | {len(merge_notes(w))} | "
                     f"{', '.join(sorted(w.matched_by)) or '—'} |")
    return "\n".join(lines) + "\n"


def _text(papers: list[TruthPaper], key: tuple[str, int]) -> str:
    slug, n = key
    return next(p.notes[n] for p in papers if p.slug == slug)


def _load(name: str) -> list[dict] | None:
    path = LABELS / name
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def sample_skeleton(papers: list[TruthPaper]) -> list[dict]:
    """The drawn sample, unlabelled: what a person labels by hand."""
    by_slug = {p.slug: p for p in papers}
    out = []
    for slug, n in draw_sample(papers):
        notes = by_slug[slug].notes
        item = {"paper": slug, "note": n, "text": notes[n], "cites_a_work": None,
                "works": [], "remark": ""}
        if ctx := context(notes, n):
            item["context"] = {str(k): v for k, v in ctx.items()}
        out.append(item)
    return out


def merges_skeleton(papers: list[TruthPaper], works: list[Work]) -> list[dict]:
    """The drawn merges, unchecked: each with its notes' texts, and the earlier notes their
    short forms need."""
    by_slug = {p.slug: p for p in papers}
    out = []
    for w in draw_merges(works):
        keys = merge_notes(w)
        ctx = sorted({(s, k) for s, n in keys for k in context(by_slug[s].notes, n)}
                     - set(keys))
        out.append({"key": w.key, "matched_by": sorted(w.matched_by),
                    "notes": [{"paper": s, "note": n, "text": by_slug[s].notes[n]}
                              for s, n in keys],
                    "context": [{"paper": s, "note": n, "text": by_slug[s].notes[n]}
                                for s, n in ctx],
                    "same_work": None, "remark": ""})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m glossa.measure.citations",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", help="write the report (Markdown) here")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--draw", choices=("sample", "merges"),
                        help="print the drawn sample or merges, unlabelled, as JSON")
    args = parser.parse_args(argv)
    if not (args.corpus / "crs").is_dir():
        print(f"no shared corpus at {args.corpus}", file=sys.stderr)
        return 2
    papers = truth_papers(args.corpus)
    read = read_papers({p.slug: p.notes for p in papers})
    works, _ = gather([c for cs in read.values() for c in cs])
    if args.draw:
        drawn = sample_skeleton(papers) if args.draw == "sample" else merges_skeleton(
            papers, works)
        print(json.dumps(drawn, ensure_ascii=False, indent=1))
        return 0
    text = report(papers, read, works, _load("sample.json"), _load("merges.json"))
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"Wrote {args.out}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
