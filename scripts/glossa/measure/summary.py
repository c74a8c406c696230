"""Papers' scores -> the summaries `glossa evaluate` prints and FIDELITY.md holds: a table of
what was read right, a table of what the self-checks said, a line per paper."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from glossa.measure.evaluate import NOTE_WORDS, START_WORDS, PaperScore


@dataclass
class Summary:
    papers: int
    with_notes: int
    notes_all_right: int
    notes_total: int
    notes_right: int
    titles_total: int
    titles_right: int
    headings_total: int
    headings_found: int
    headings_spurious: int
    starts_total: int
    starts_found: int
    paragraphs_total: int
    paragraphs_right: int
    furniture: int
    lone_bullets: int
    words_lost: int
    notes_apart: int = 0
    notes_in_body: int = 0
    number_paragraphs: int = 0
    wrong: int = 0  # papers whose notes or title are wrong
    uncaught: int = 0  # of those, wrong readings no self-check reported
    alarmed: int = 0  # papers with a self-check's false alarm
    verdicts: tuple[int, int, int] = (0, 0, 0)  # self-check reports right, false, unverified

    def row(self) -> dict[str, str]:
        def share(a: int, b: int) -> str:
            return f"{a / b:.2f}" if b else "–"
        return {
            "papers": str(self.papers),
            "every note right": f"{self.notes_all_right} of {self.with_notes}",
            "notes right": share(self.notes_right, self.notes_total)
            + f" ({self.notes_right}/{self.notes_total})",
            "titles": f"{self.titles_right} of {self.titles_total}",
            "contents headings found": share(self.headings_found, self.headings_total),
            "spurious headings": str(self.headings_spurious),
            "paragraph starts found": share(self.starts_found, self.starts_total),
            "paragraphs that start a publisher's": share(self.paragraphs_right,
                                                         self.paragraphs_total),
            "furniture in paragraphs": str(self.furniture),
            "lone bullets": str(self.lone_bullets),
            "words lost": str(self.words_lost),
        }

    def checks_row(self) -> dict[str, str]:
        """What is wrong that the first table does not show, and what the self-checks said."""
        return {
            "papers": str(self.papers),
            "notes and markers apart": str(self.notes_apart),
            "notes in the body": str(self.notes_in_body),
            "paragraphs of numbers": str(self.number_paragraphs),
            "papers with notes or title wrong": str(self.wrong),
            "of them, not caught by a self-check": str(self.uncaught),
            "self-check reports: right / false / truth silent": "{} / {} / {}".format(
                *self.verdicts),
            "papers with a false alarm": str(self.alarmed),
        }


def summarise(scores: list[PaperScore]) -> Summary:
    return Summary(
        papers=len(scores),
        with_notes=sum(1 for s in scores if s.notes_total),
        notes_all_right=sum(1 for s in scores if s.notes_all_right),
        notes_total=sum(s.notes_total for s in scores),
        notes_right=sum(s.notes_right for s in scores),
        titles_total=sum(1 for s in scores if s.title is not None),
        titles_right=sum(1 for s in scores if s.title),
        headings_total=sum(s.headings_total for s in scores),
        headings_found=sum(s.headings_found for s in scores),
        headings_spurious=sum(s.headings_spurious for s in scores),
        starts_total=sum(s.starts_total for s in scores),
        starts_found=sum(s.starts_found for s in scores),
        paragraphs_total=sum(s.paragraphs_total for s in scores),
        paragraphs_right=sum(s.paragraphs_right for s in scores),
        furniture=sum(s.furniture for s in scores),
        lone_bullets=sum(s.lone_bullets for s in scores),
        words_lost=sum(s.words_lost for s in scores),
        notes_apart=sum(s.notes_apart for s in scores),
        notes_in_body=sum(s.notes_in_body for s in scores),
        number_paragraphs=sum(s.number_paragraphs for s in scores),
        wrong=sum(1 for s in scores if s.notes_wrong or s.title is False),
        uncaught=sum(s.uncaught for s in scores),
        alarmed=sum(1 for s in scores if s.false_alarms),
        verdicts=tuple(sum(1 for s in scores for _, v in s.checks if v == verdict)
                       for verdict in ("right", "false", "unverified")),
    )


def markdown_table(rows: list[tuple[str, Summary]], checks: bool = False) -> str:
    """The summary table; with `checks`, the second one: what the self-checks said."""
    if not rows:
        return ""
    cells = [(label, summary.checks_row() if checks else summary.row())
             for label, summary in rows]
    head = ["input", *cells[0][1]]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, row in cells:
        out.append("| " + " | ".join([label, *row.values()]) + " |")
    return "\n".join(out)


def report_lines(scores: list[PaperScore], verbose: bool = True) -> list[str]:
    out = []
    for s in scores:
        bits = []
        if s.notes_total:
            bits.append(f"notes {s.notes_right}/{s.notes_total}")
        if s.title is not None:
            bits.append("title ok" if s.title else "title wrong")
        if s.headings_total:
            bits.append(f"headings {s.headings_found}/{s.headings_total} "
                        f"(+{s.headings_spurious} spurious)")
        bits.append(f"starts {s.starts_found}/{s.starts_total}")
        for label, n in (("furniture", s.furniture), ("lone bullets", s.lone_bullets),
                         ("words lost", s.words_lost), ("notes apart", s.notes_apart),
                         ("notes in the body", s.notes_in_body),
                         ("paragraphs of numbers", s.number_paragraphs)):
            if n:
                bits.append(f"{label} {n}")
        if s.checks:
            bits.append("self-checks " + checks_summary(s.checks))
        if s.uncaught:
            bits.append(f"NOT CAUGHT {s.uncaught}")
        out.append(f"{s.id}: " + ", ".join(bits))
        if verbose:
            out += [f"    {line}" for line in s.shortfalls[:12]]
    return out


def checks_summary(checks: list[tuple[str, str]]) -> str:
    """ "R004 (right), R005 ×15 (right), R007 ×2 (1 right, 1 false)" """
    by_code: dict[str, Counter[str]] = {}
    for code, verdict in checks:
        by_code.setdefault(code, Counter())[verdict] += 1
    parts = []
    for code, verdicts in sorted(by_code.items()):
        n = sum(verdicts.values())
        said = ", ".join(f"{k} {v}" if len(verdicts) > 1 else v and k
                         for v, k in ((verdicts[k], k) for k in ("right", "false", "unverified"))
                         if v)
        parts.append(f"{code}{f' ×{n}' if n > 1 else ''} ({said})")
    return ", ".join(parts)


def fidelity_markdown(rows: list[tuple[str, Summary]],
                      details: list[tuple[str, list[PaperScore]]], args) -> str:
    """FIDELITY.md: the summary table, then one line per paper and input."""
    command = "glossa evaluate " + " ".join(args.dirs) + "".join(
        f" --input {name}" for name in (args.input or [])) + (
        "".join(f" --truth {t}" for t in args.truth or []))
    out = ["# Fidelity: the converter against the publishers' own truth", "",
           f"Written by `make fidelity` (`{command}`), from the shared corpus beside the "
           "project (`../shared/corpus`: 48 CRS products with their publisher's truth, and "
           "eleven papers of ten other publishers, five in `other/` and six in `more/`, "
           "whose truth files are in `tests/fixtures/truth/other/` and "
           "`tests/fixtures/truth/more/`, written from their PDFs: titles, authors, dates, "
           "every contents heading, the other headings printed (minor headings, not "
           "looked for but not spurious), every note that its number keys, and "
           "every body paragraph and list item, each checked on the rendered pages; how: "
           "the `drafting/` folder beside each). "
           "Inputs: "
           "`source.pdf` is the PDF as published, read from its layout; `source.txt` is "
           "pdftotext's text of it; `web.txt` the publisher's web version as an editor "
           "copies it. Each paper is "
           "read as a new paper would be, with no metadata. What each column means: "
           "`scripts/glossa/measure/evaluate.py`. Notes are compared on their first "
           f"{NOTE_WORDS} words, paragraph starts on their first {START_WORDS}; – means the "
           "truth does not say. Every paper's figures for every input are in "
           "`FIDELITY.json`, which `make gate` (in `make test`, so in CI) holds every "
           "reading to.", "",
           markdown_table(rows), "",
           "The self-checks (problem codes F001, F002, F013 and R001-R009, which need no "
           "truth) on the same readings, each report held against the truth: right when the "
           "truth shows the fault it names, false when it does not. A paper's notes are "
           "wrong when a note is wrong or missing, unmarked, or read into the body; "
           "\"not caught\" counts the papers whose wrong notes or title no self-check of "
           "notes or of the title reported.", "",
           markdown_table(rows, checks=True), ""]
    for label, scores in details:
        out += [f"## {label}", "", "```", *report_lines(scores, verbose=False), "```", ""]
    return "\n".join(out)
