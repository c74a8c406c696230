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

from glossa.enrich.checks import check_reading
from glossa.ingest import ingest_text, normalise_text
from glossa.ingest.conservation import conservation_problems
from glossa.ingest.pdf import ingest_layout, read_pdf
from glossa.ingest.selfcheck import CATEGORY, OPEN_END, Finding, numbers_only
from glossa.model.reading import TEXT_KINDS, Heading, Paragraph, Reading

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
    notes_apart: int = 0  # notes with no marker in the reading, and markers with no note
    notes_in_body: int = 0  # paragraphs that are a truth note's text
    number_paragraphs: int = 0  # paragraphs of numbers only (chart axes, table cells)
    # What the self-checks reported, each held against the truth: (code, verdict), verdict
    # "right" (the truth shows that fault), "false" (it does not) or "unverified" (the
    # truth does not say).
    checks: list[tuple[str, str]] = field(default_factory=list)
    notes_wrong: bool | None = None  # a note wrong or missing, or not marked
    uncaught: int = 0  # wrong notes or a wrong title that no self-check reported
    shortfalls: list[str] = field(default_factory=list)

    @property
    def notes_all_right(self) -> bool | None:
        return None if not self.notes_total else self.notes_right == self.notes_total

    @property
    def false_starts(self) -> int:
        return self.paragraphs_total - self.paragraphs_right

    @property
    def false_alarms(self) -> int:
        return sum(1 for _, verdict in self.checks if verdict == "false")


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
        # A catalogue's title holds the subtitle too ("Title: Subtitle"): the reading may
        # give the words before the colon as its title and the rest as its subtitle, but a
        # title cut elsewhere ("Recommendation of the Council on" over "Artificial
        # Intelligence") is not the title.
        want, main = key(truth["title"], 60), key(truth["title"].split(":")[0], 60)
        s.title = want == key(reading.title, 60) or (
            main == key(reading.title, 60)
            and want == key(f"{reading.title} {reading.subtitle}", 60))
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
    # The heading of the notes ("Endnotes") titles the notes the reading gave the note
    # list: found when the reading set it there.
    got |= {key(d.text, 40) for d in reading.dropped if d.why.startswith("notes heading")}
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
    _notes_figures(s, truth_notes, reading, {key(p, START_WORDS) for p in paras})
    _judge_checks(s, truth, reading, lines, spurious_ids={
        h.id for h, v in zip(reading.headings(), variants, strict=True)
        if not v & (wanted | lines_alone)} if (wanted or lines_alone) else None)
    return s


NOTE_BODY_WORDS = 12
NOTE_NUMBER = re.compile(r"^\(?\d{1,3}[.)]?\s+")


def _notes_figures(s: PaperScore, truth_notes: dict[int, str], reading: Reading,
                   truth_starts: set[str]) -> None:
    """Notes and markers apart in the reading; truth notes read as body paragraphs (not
    where the publisher prints the same words as a paragraph too: a table's notes); numbers
    read as paragraphs."""
    marked = {m.n for m in reading.markers}
    s.notes_apart = len(set(reading.notes) ^ marked)
    # A note's first twelve words (all of a shorter one's): a paragraph of the body may
    # open with the same eight words as a note does ("As of the cover date of this report").
    note_starts = {key(t, NOTE_BODY_WORDS) for t in truth_notes.values()
                   if len(words(t)) >= 3}
    for b in reading.blocks:
        if isinstance(b, Paragraph) and b.kind in TEXT_KINDS:
            text = NOTE_NUMBER.sub("", b.text)
            if note_starts and key(b.text, START_WORDS) not in truth_starts and any(
                    key(text, n) in note_starts for n in range(3, NOTE_BODY_WORDS + 1)):
                s.notes_in_body += 1
            if numbers_only(b.text):
                s.number_paragraphs += 1
    if truth_notes:
        s.notes_wrong = (s.notes_right < s.notes_total or s.notes_in_body > 0
                         or any(n not in marked for n in truth_notes))


def reading_findings(reading: Reading, pid: str, lines: list[str]) -> list[Finding]:
    """Every self-check's report on a reading: the self-checks, and the footnotes' own
    checks of markers against notes (F001 a marker with no note, F013 a note in the text
    not read)."""
    _, notes, found = check_reading(reading, pid, lines)
    return [Finding(p) for p in notes if p.code in ("F001", "F013")] + found


def _judge_checks(s: PaperScore, truth: dict, reading: Reading, lines: list[str],
                  spurious_ids: set[str] | None) -> None:
    """Each self-check's report held against the truth, and the wrong readings that no
    self-check reported."""
    paras = [p for p in truth.get("paragraphs") or [] if len(words(p)) >= 3]
    starts = {key(p, START_WORDS) for p in paras}
    note_starts = {key(t, START_WORDS) for t in (truth.get("notes") or {}).values()}
    blocks = {b.id: b for b in reading.blocks}
    # A truth paragraph whose sentence began in the paragraph before it (a web copy cuts a
    # sentence where a figure stands): a check that says so is right about the sentence.
    cut_before = {key(b, START_WORDS) for a, b in zip(paras, paras[1:], strict=False)
                  if OPEN_END.search(a.rstrip()) and b[:1].islower()}
    reported = set()
    for f in reading_findings(reading, s.id, lines):
        code = f.problem.code
        category = CATEGORY.get(code, "notes")
        reported.add(category)
        if category == "notes":
            verdict = None if s.notes_wrong is None else s.notes_wrong
        elif category == "title":
            verdict = None if s.title is None else not s.title
        elif category == "headings":
            verdict = None if spurious_ids is None else f.block in spurious_ids
        else:  # a paragraph: right when no paragraph of the publisher's starts there
            b = blocks.get(f.block)
            k = key(b.text, START_WORDS) if b is not None else ""
            verdict = None if not paras else (k not in starts or k in note_starts
                                              or (code == "R007" and k in cut_before))
        s.checks.append((code, "unverified" if verdict is None else
                         "right" if verdict else "false"))
    s.uncaught = int(bool(s.notes_wrong) and "notes" not in reported) \
        + int(s.title is False and "title" not in reported)
    if s.uncaught:
        s.shortfalls.insert(0, "not caught by a self-check: " + ", ".join(
            what for what, missed in (("the notes", s.notes_wrong and "notes" not in reported),
                                      ("the title", s.title is False
                                       and "title" not in reported)) if missed))


def score_input(paper: Path, input_name: str, truth_path: Path) -> PaperScore:
    """One paper's input, read as a new paper would be (no metadata), against its truth."""
    source = paper / input_name
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    if source.suffix.lower() == ".pdf":
        layout = read_pdf(source.read_bytes())
        text, reading = layout.text(), ingest_layout(layout)
    else:
        text = source.read_text(encoding="utf-8", errors="replace")
        reading = ingest_text(text)
    return score_paper(paper.name, text, truth, reading)
