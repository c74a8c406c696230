"""A folder of papers with their publisher's truth -> how well the converter reads them.

Each `DIR/<id>/` with a `truth.json` (title, authors, date, contents headings, every note,
every body paragraph, as the publisher gives them; format in the corpus README) and an input
(`source.txt`, `web.txt`, ...) is read as a new paper would be, with no metadata, and
compared with its truth on words, not characters:

- notes: each truth note is right when the reading has a note of its number whose first
  words are the truth's first words;
- title: the reading's title has the words of the catalogued title;
- headings: each contents heading is found among the reading's headings; a reading heading
  that is no contents heading, nor a line of its own in the web version (minor headings the
  contents leave out), nor one of the truth's `minor_headings` (for papers without a web
  version: the other headings printed, read on the rendered pages), is spurious;
- paragraph starts: each truth paragraph's first eight words open a paragraph (or a note,
  a caption, a list item) of the reading;
- paragraphs that start a publisher's: the other way round, the share of the reading's
  paragraphs and list items whose first words open a truth paragraph (a paragraph cut in
  two at a line that ends a sentence starts where no paragraph of the publisher does, so a
  rule that finds more starts by cutting more often shows here);
- furniture: paragraphs that took a line printed at the edge of three or more pages (two
  in a brief), a page number, or a bare web address printed on several pages;
- lone bullets: paragraphs that are a bullet glyph and nothing else;
- words lost: words of source lines that the reading neither shows nor lists as dropped.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .ingest import ingest_text, normalise_text
from .ingest.conservation import conservation_problems
from .ingest.pdflayout import read_pdf
from .ingest.pdfread import ingest_layout
from .model import Heading, Paragraph, Reading

WORD = re.compile(r"[^\W_]+")
NOTE_WORDS = 5
START_WORDS = 8
START_CHARS = 30  # or its first letters, whatever the spacing ("oftencreates" in a web copy)
BULLETS = frozenset("•◦▪▫‣⁃●○■□–-*·")


URL = re.compile(r"https?://\S+")
# A heading's number or label, which contents lists and truth files leave out: "2.1 ",
# "A.3 ", "IV. ", "Appendix I: "; before a word or an acronym ("6 RSE specialisations").
SECTION_NUMBER = re.compile(r"^(?:Appendix\s+(?:[A-Z]|[IVX]+)[.:]?\s+|(?:Appendix\s+)?"
                            r"(?:\d{1,2}(?:\.\d+)*\.?|[A-Z](?:\.\d+)+\.?|[A-Z]\.|[IVX]+\.)"
                            r"[:]?\s+)(?=[A-Z][A-Za-z])")
SECTION_LETTER = re.compile(r"^[A-Z]\s+(?=[A-Z][a-z])")
LINK_JUNK = re.compile(r"%2\S*|&f=\S*")  # what a web copy's broken links leave in its text


ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")  # the web copy writes "119th" as "119"
# A list item's number or letter ("1. ", "(b) "): the list's, not the item's words; the
# reading keeps it in the text of an item or of a numbered paragraph, a web copy's list
# leaves it out.
ITEM_LABEL = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s+")


def words(text: str) -> list[str]:
    return [ORDINAL.sub(r"\1", w) for w in WORD.findall(LINK_JUNK.sub("", text).casefold())]


def key(text: str, n: int) -> str:
    return " ".join(words(text)[:n])


@dataclass
class PaperScore:
    id: str
    notes_total: int = 0
    notes_right: int = 0
    title: bool | None = None
    headings_total: int = 0
    headings_found: int = 0
    headings_spurious: int = 0
    starts_total: int = 0
    starts_found: int = 0
    paragraphs_total: int = 0  # our prose paragraphs and list items
    paragraphs_right: int = 0  # of them, those that start where one of the publisher's does
    furniture: int = 0
    lone_bullets: int = 0
    words_lost: int = 0
    shortfalls: list[str] = field(default_factory=list)

    @property
    def notes_all_right(self) -> bool | None:
        return None if not self.notes_total else self.notes_right == self.notes_total


def edge_lines(text: str) -> set[int]:
    """The line numbers of page furniture: lines at the top or the foot of a page (form
    feeds mark pages) whose words recur at the edge of three or more pages, two in a paper
    of four pages or fewer (running heads and footers), page numbers there, and a bare web
    address printed more than once."""
    lines = normalise_text(text).split("\n")
    pages: list[list[int]] = [[]]
    for no, raw in enumerate(lines, start=1):
        if "\f" in raw:
            pages.append([])
        if raw.strip(" \f"):
            pages[-1].append(no)
    at_edge: dict[int, str] = {}
    for page in pages:
        for no in page[:2] + page[-3:]:
            at_edge[no] = " ".join(words(lines[no - 1]))
    seen = Counter(at_edge.values())
    times = 2 if len(pages) <= 4 else 3  # a brief repeats its running lines fewer times
    out = {no for no, w in at_edge.items()
           if (seen[w] >= times and len(w.split()) >= 2)
           or re.fullmatch(r"\d{1,3}", lines[no - 1].strip(" \f"))}
    # A bare web address printed on several pages (two-column pages put the footer between
    # the columns, away from the page's edge).
    urls = Counter(ln.strip(" \f") for ln in lines if URL.fullmatch(ln.strip(" \f")))
    return out | {no for no, ln in enumerate(lines, start=1) if urls[ln.strip(" \f")] >= 2}


def _starts(reading: Reading) -> set[str]:
    """The first words of every block a truth paragraph may be (the web version lists its
    headings and title among its paragraphs)."""
    out = {key(reading.title, START_WORDS), *(key(f.text, START_WORDS) for f in reading.front)}
    for b in reading.blocks:
        if isinstance(b, Heading):
            out.add(key(b.text, START_WORDS))
        elif isinstance(b, Paragraph):
            out.add(key(((b.lead + " ") if b.lead else "") + b.text, START_WORDS))
            out.add(key(b.text, START_WORDS))
            out.add(key(ITEM_LABEL.sub("", b.text), START_WORDS))
            if b.kind in ("table", "grid"):  # a table: a row a line, cells apart
                for line in b.text.split("\n"):
                    out.add(key(line, START_WORDS))
                    out.update(key(cell, START_WORDS) for cell in re.split(r" {2,}|\t", line))
    return out


def _squeezed(start: str) -> str:
    """A start's first letters without spaces: "S. 4188would" and "S. 4188 would" agree."""
    return start.replace(" ", "")[:START_CHARS]


def _texts(reading: Reading) -> list[str]:
    out = []
    for b in reading.blocks:
        if isinstance(b, Paragraph):
            out += [((b.lead + " ") if b.lead else "") + b.text, b.text]
            out.append(ITEM_LABEL.sub("", b.text))
    return out + [n.text for n in reading.notes.values()]


def score_paper(pid: str, source: str, truth: dict, reading: Reading) -> PaperScore:
    s = PaperScore(pid)
    # Notes.
    truth_notes = {int(n): t for n, t in (truth.get("notes") or {}).items()}
    s.notes_total = len(truth_notes)
    for n, text in sorted(truth_notes.items()):
        got = reading.notes.get(n)
        want = key(text, NOTE_WORDS)
        if got is not None and key(got.text, len(want.split())) == want:
            s.notes_right += 1
        elif len(s.shortfalls) < 40:
            found = f"“{' '.join(got.text.split()[:8])}”" if got else "missing"
            s.shortfalls.append(f"note {n}: {found}; truth “{' '.join(text.split()[:8])}”")
    # Title.
    if truth.get("title"):
        # A catalogue's title holds the subtitle too ("Title: Subtitle").
        want = key(truth["title"], 60)
        s.title = want in (key(reading.title, 60),
                           key(f"{reading.title} {reading.subtitle}", 60))
        if not s.title:
            s.shortfalls.append(f"title: “{reading.title}”; truth “{truth['title']}”")
    # Headings.
    wanted = {key(h, 40) for h in truth.get("headings") or []}
    # Each heading as printed, without its number, and without a bare section letter ("A
    # Appendix", listed as "Appendix"; "A New Approach" keeps its "A" unless the truth lists
    # "New Approach").
    variants = [{key(h.text, 40), key(SECTION_NUMBER.sub("", h.text), 40),
                 key(SECTION_LETTER.sub("", h.text), 40)} for h in reading.headings()]
    got = set().union(*variants)
    s.headings_total = len(wanted)
    s.headings_found = len(wanted & got)
    # A heading the contents leave out (a minor one) is still a heading when the web version
    # prints it as a line of its own.
    lines_alone = {key(p, 40) for p in truth.get("paragraphs") or [] if len(words(p)) <= 14}
    # Or when the truth lists it among the minor headings printed (papers without a web
    # version: headings read on the rendered pages, not in the contents list).
    lines_alone |= {key(h, 40) for h in truth.get("minor_headings") or []}
    # Numbered or not: "Appendix A. Grant Programs" is a line of its own in the web version.
    spurious = [h.text for h, v in zip(reading.headings(), variants, strict=True)
                if not v & (wanted | lines_alone)] if wanted else []
    s.headings_spurious = len(spurious)
    for h in sorted(wanted - got)[:10]:
        s.shortfalls.append(f"heading not found: “{h}”")
    for text in spurious[:10]:
        s.shortfalls.append(f"spurious heading: “{' '.join(text.split()[:10])}”")
    # Paragraph starts (a truth paragraph of one or two words is a label, not a paragraph).
    starts = _starts(reading) | {key(n.text, START_WORDS) for n in reading.notes.values()}
    paras = [p for p in truth.get("paragraphs") or [] if len(words(p)) >= 3]
    s.starts_total = len(paras)
    # Spacing may differ ("S. 4188would" in a web copy): compare the first letters of a few
    # more words.
    glued = {_squeezed(st) for st in starts} | {
        _squeezed(key(t, START_WORDS + 4)) for t in _texts(reading)}
    for p in paras:
        k = key(p, START_WORDS)
        g = _squeezed(k)
        if k in starts or g in glued or (len(g) >= 15 and any(x.startswith(g) for x in glued)):
            s.starts_found += 1
        elif len(s.shortfalls) < 60:
            s.shortfalls.append(f"paragraph start not found: “{' '.join(p.split()[:8])}”")
    # And the other way round: a paragraph of ours that starts where none of the publisher's
    # does is a paragraph cut in two (or text that is no paragraph there).
    if paras:
        truth_starts = {key(p, START_WORDS) for p in paras}
        truth_glued = {_squeezed(k) for k in truth_starts}
        for b in reading.blocks:
            if isinstance(b, Paragraph) and b.kind in ("paragraph", "item"):
                s.paragraphs_total += 1
                ks = {key(((b.lead + " ") if b.lead else "") + b.text, START_WORDS),
                      key(b.text, START_WORDS), key(ITEM_LABEL.sub("", b.text), START_WORDS)}
                if ks & truth_starts or {_squeezed(k) for k in ks} & truth_glued:
                    s.paragraphs_right += 1
    # Furniture left in paragraphs, lone bullets.
    edges = edge_lines(source)
    for b in reading.blocks:
        if not isinstance(b, Paragraph):
            continue
        if edges & set(b.lines or (b.line,)) and b.kind not in ("table", "grid"):
            s.furniture += 1
            if len(s.shortfalls) < 70:
                s.shortfalls.append(f"furniture in ¶ {b.id}: “{b.text[:60]}”")
        if b.text.strip() and all(c in BULLETS or c.isspace() for c in b.text):
            s.lone_bullets += 1
    # Words lost.
    lines = normalise_text(source).split("\n")
    for p in conservation_problems(source, reading, pid):
        if p.code == "S012":
            s.words_lost += len(words(lines[p.line - 1]))
    return s


def evaluate_dir(folder: Path, input_name: str = "source.txt",
                 truth_dir: Path | None = None) -> list[PaperScore]:
    """Every paper of `folder` with a truth.json (in `truth_dir`/<id>/ when given: truth
    written for papers kept elsewhere) and the input."""
    scores = []

    def truth_file(paper: Path) -> Path:
        kept = truth_dir / paper.name / "truth.json" if truth_dir else None
        return kept if kept is not None and kept.is_file() else paper / "truth.json"

    for paper in sorted(p for p in folder.iterdir() if truth_file(p).is_file()):
        source = paper / input_name
        if not source.is_file():
            continue
        truth = json.loads(truth_file(paper).read_text(encoding="utf-8"))
        if source.suffix.lower() == ".pdf":
            layout = read_pdf(source.read_bytes())
            text, reading = layout.text(), ingest_layout(layout)
        else:
            text = source.read_text(encoding="utf-8", errors="replace")
            reading = ingest_text(text)
        scores.append(score_paper(paper.name, text, truth, reading))
    return scores


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
    )


def markdown_table(rows: list[tuple[str, Summary]]) -> str:
    if not rows:
        return ""
    head = ["input", *rows[0][1].row()]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, summary in rows:
        out.append("| " + " | ".join([label, *summary.row().values()]) + " |")
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
                         ("words lost", s.words_lost)):
            if n:
                bits.append(f"{label} {n}")
        out.append(f"{s.id}: " + ", ".join(bits))
        if verbose:
            out += [f"    {line}" for line in s.shortfalls[:12]]
    return out


def fidelity_markdown(rows: list[tuple[str, Summary]],
                      details: list[tuple[str, list[PaperScore]]], args) -> str:
    """FIDELITY.md: the summary table, then one line per paper and input."""
    command = "glossa evaluate " + " ".join(args.dirs) + "".join(
        f" --input {name}" for name in (args.input or [])) + (
        f" --truth {args.truth}" if args.truth else "")
    out = ["# Fidelity: the converter against the publishers' own truth", "",
           f"Written by `make fidelity` (`{command}`), from the shared corpus beside the "
           "project (`../shared/corpus`: 48 CRS products with their publisher's truth, and "
           "five papers of other publishers whose truth files are in "
           "`tests/fixtures/truth/other/`, written from their PDFs: titles, authors, dates, "
           "every contents heading, the other headings printed (minor headings, not "
           "looked for but not spurious), every page-foot note that its number keys, and "
           "every body paragraph and list item, each checked on the rendered pages). "
           "Inputs: "
           "`source.pdf` is the PDF as published, read from its layout; `source.txt` is "
           "pdftotext's text of it; `web.txt` the publisher's web version as an editor "
           "copies it. Each paper is "
           "read as a new paper would be, with no metadata. What each column means: "
           "`scripts/glossa/evaluate.py`. Notes are compared on their first "
           f"{NOTE_WORDS} words, paragraph starts on their first {START_WORDS}; – means the "
           "truth does not say.", "",
           markdown_table(rows), ""]
    for label, scores in details:
        out += [f"## {label}", "", "```", *report_lines(scores, verbose=False), "```", ""]
    return "\n".join(out)
