"""Editors' annotations (content/annotations/<paper-slug>/<id>.yml) + the papers -> each
annotation anchored to a paragraph and a span of its text, or problems.

An anchor is found again on every build, so it survives a re-conversion or an edited source:
by the exact quote (typography folded: ’ and ', “ and ", – and -, runs of spaces), then by the
quote's prefix and suffix with new words between them, then by a fuzzy match of the quote at
or above SIMILARITY. Every anchor found by the second or third way, or in another paragraph
than the one the file names, is reported (a warning) so that an editor can update the file.
An anchor found nowhere, or in two places that the prefix and suffix do not tell apart, is an
error naming the closest candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from glossa.model.dates import real_date
from glossa.model.problems import WARNING, Problem
from glossa.model.reading import TEXT_KINDS
from glossa.model.schema import read_records
from glossa.model.yamlfile import Located

if TYPE_CHECKING:
    from glossa.model.paper import Paper

KINDS = ("update", "correction", "dispute", "context", "source")  # the order of lists
KIND_NAMES = {"context": "Context", "update": "Update", "correction": "Correction",
              "dispute": "Dispute", "source": "Source"}
KIND_PLURALS = {"context": "context", "update": "updates", "correction": "corrections",
                "dispute": "disputes", "source": "sources"}
# A fuzzy match must be at least this similar (rapidfuzz's partial ratio, 0-1), and the best
# paragraph must beat the next by MARGIN, or the anchor is ambiguous.
SIMILARITY = 0.85
MARGIN = 0.03
CANDIDATES = 2  # closest candidates named when an anchor is lost

# Typography an editor may type differently from the paper; each maps to one character, so
# offsets in the folded text map back one to one.
_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"',
                       "″": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
                       "\u00a0": " ", "\u2009": " ", "\u202f": " "})
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]*)")
_SAFE_URL = re.compile(r"^(?:https?://|mailto:)\S", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None = None


@dataclass(frozen=True)
class Annotation:
    id: str
    paper: str
    kind: str
    body: str
    author: str
    date: str
    quote: str | None
    prefix: str = ""
    suffix: str = ""
    paragraph: str | None = None
    sources: tuple[Source, ...] = ()
    path: str = ""
    doc: Located = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Anchored:
    """An annotation where it belongs now: paragraph, span of its text (None: the whole
    paragraph), how it was found, and its number in the paper's reading order (A1, A2...)."""
    note: Annotation
    para: str
    start: int | None
    end: int | None
    how: str  # "exact", "context" (by prefix and suffix), "fuzzy" or "paragraph"
    score: float = 1.0
    number: int = 0

    @property
    def html_id(self) -> str:
        return f"a-{self.note.id}"


def fold(text: str) -> tuple[str, list[int]]:
    """`text` with typography folded and runs of white space made one space, and for every
    character of the result its offset in `text` (plus one past the end)."""
    out, where, space = [], [], False
    for i, ch in enumerate(text.translate(_FOLD)):
        if ch.isspace():
            if space:
                continue
            ch, space = " ", True
        else:
            space = False
        out.append(ch)
        where.append(i)
    where.append(len(text))
    return "".join(out), where


def _clean(text: str) -> str:
    return " ".join(text.translate(_FOLD).split())


def load_annotations(root: Path, papers: set[str], unreadable: frozenset[str] = frozenset()
                     ) -> tuple[list[Annotation], list[Problem]]:
    """Every annotation file, validated; a folder must be named after a paper."""
    base = root / "content" / "annotations"
    annotations: list[Annotation] = []
    problems: list[Problem] = []
    if not base.is_dir():
        return annotations, problems
    for folder in sorted(base.iterdir()):
        label_dir = f"content/annotations/{folder.name}"
        if folder.name.startswith("."):
            continue
        if not folder.is_dir():
            problems.append(Problem(label_dir, 0, "A007", "an annotation file must be in the "
                                    "folder of its paper", f"move it to content/annotations/"
                                    f"<paper-slug>/{folder.name}"))
            continue
        if folder.name not in papers:
            if folder.name not in unreadable:  # its paper's own errors are the cause
                problems.append(Problem(label_dir, 0, "A010", f"no paper '{folder.name}'",
                                        "name the folder after a paper: "
                                        + (", ".join(sorted(papers)) or "none can be read")))
            continue
        records, found = read_records(folder, label_dir, "annotation", "A", "annotation",
                                      "singapore-summit.yml")
        problems += found
        for note_id, doc, label in records:
            d = doc.data
            anchor = d["anchor"]
            if not real_date(d["date"]):
                problems.append(Problem(label, doc.line("date"), "A005", f"date: {d['date']} "
                                        "is not a date that exists", "write YYYY-MM-DD"))
                continue
            bad = [(i, m) for i, line in enumerate(d["body"].split("\n"))
                   for m in _LINK.finditer(line)
                   if m.group(0).startswith("!") or not _SAFE_URL.match(m.group(1))]
            first = doc.line("body") + (1 if "\n" in d["body"].rstrip() else 0)
            # Shown as text (the renderer keeps no other link and no image): a warning,
            # like raw HTML (Y008), so the reviewer sees it.
            for i, m in bad:
                problems.append(
                    Problem(label, first + i, "A015", f"body: an image ({m.group(0)[:40]}…); "
                            "it is shown as its text: nothing on a page is fetched from "
                            "elsewhere", "link to it instead: drop the '!'", WARNING)
                    if m.group(0).startswith("!") else
                    Problem(label, first + i, "A015", f"body: a link to a "
                            f"'{m.group(1).split(':')[0][:20]}:' address; it is shown as text "
                            "(only http(s) and mailto links are kept)",
                            "link to the full https:// address", WARNING))
            annotations.append(Annotation(
                note_id, folder.name, d["kind"], d["body"].strip(), d["author"], d["date"],
                _clean(anchor["quote"]) if anchor.get("quote") else None,
                _clean(anchor.get("prefix", "")), _clean(anchor.get("suffix", "")),
                anchor.get("paragraph"),
                tuple(Source(s["title"], s.get("url")) for s in d.get("sources", ())),
                label, doc))
    return annotations, problems


@dataclass
class _Para:
    id: str
    text: str
    folded: str
    where: list[int]


def _paras(paper: Paper) -> list[_Para]:
    out = []
    for p in paper.reading.paragraphs():
        if p.kind in TEXT_KINDS:
            folded, where = fold(p.text)
            out.append(_Para(p.id, p.text, folded, where))
    return out


def _words(para: _Para, start: int, end: int) -> tuple[int, int]:
    """A span of the folded text widened to whole words."""
    text = para.folded
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def _tighten(para: _Para, start: int, end: int, quote: str, reach: int = 4
             ) -> tuple[int, int]:
    """The best-aligned window has the quote's length; the passage now may be a few words
    longer or shorter. Of the word edges near the window's, the pair whose words are most
    like the quote (nearest the window on a tie)."""
    text = para.folded
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == " "]
    ends = [i for i, ch in enumerate(text) if ch == " "] + [len(text)]
    near_start = sorted(starts, key=lambda x: abs(x - start))[:2 * reach + 1]
    near_end = sorted(ends, key=lambda x: abs(x - end))[:2 * reach + 1]
    best = max(((fuzz.ratio(quote, text[s:e]), -abs(s - start) - abs(e - end), s, e)
                for s in near_start for e in near_end if e > s), default=None)
    return (best[2], best[3]) if best else (start, end)


def _snippet(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def anchor_one(note: Annotation, paras: list[_Para]) -> tuple[Anchored | None, list[Problem]]:
    """Find `note` in a paper's paragraphs: exact quote, then prefix and suffix, then fuzzy."""
    line = note.doc.line("anchor", "quote") if note.doc else 0
    if note.quote is None:
        hit = next((p for p in paras if p.id == note.paragraph), None)
        if hit is None:
            return None, [Problem(note.path, note.doc.line("anchor", "paragraph") if note.doc
                                  else 0, "A014", f"anchor: no paragraph {note.paragraph} in "
                                  f"{note.paper}", "give the number shown by the paragraph's ¶ "
                                  "on its page, or quote its words")]
        return Anchored(note, hit.id, None, None, "paragraph"), []
    quote = note.quote
    exact = [(p, m.start()) for p in paras for m in re.finditer(re.escape(quote), p.folded)]
    if len(exact) > 1 and (note.prefix or note.suffix):
        told = [(p, i) for p, i in exact if _context_fits(p, paras, i, i + len(quote), note)]
        if len(told) == 1:
            exact = told
        else:
            where = ", ".join(f"{p.id}" for p, _ in exact)
            return None, [Problem(note.path, line, "A012", f"anchor: the quote “{_snippet(quote)}”"
                                  f" is in {len(exact)} places of {note.paper} ({where}) and its "
                                  f"prefix and suffix fit {'none' if not told else len(told)} "
                                  "of them", "change prefix or suffix to the words just before "
                                  "or after the place you mean")]
    if len(exact) > 1:
        where = ", ".join(f"{p.id}" for p, _ in exact)
        return None, [Problem(note.path, line, "A012", f"anchor: the quote “{_snippet(quote)}” "
                              f"is in {len(exact)} places of {note.paper} ({where})",
                              "add a prefix or a suffix, the words just before or after "
                              "the place you mean; or quote more words")]
    if exact:
        p, i = exact[0]
        return _moved(Anchored(note, p.id, p.where[i], p.where[i + len(quote)], "exact"))
    if note.prefix and note.suffix:
        found = _between(note, paras)
        if len(found) == 1:
            p, a, b = found[0]
            return _moved(Anchored(note, p.id, p.where[a], p.where[b], "context"),
                          p.text[p.where[a]:p.where[b]])
    scored = []
    for p in paras:
        if len(p.folded) < len(quote):
            score = fuzz.ratio(quote, p.folded) / 100
            scored.append((score, p, 0, len(p.folded)))
        else:
            al = fuzz.partial_ratio_alignment(quote, p.folded)
            scored.append((al.score / 100, p, al.dest_start, al.dest_end))
    scored.sort(key=lambda s: -s[0])
    if scored and scored[0][0] >= SIMILARITY:
        if len(scored) > 1 and scored[1][0] >= SIMILARITY and scored[0][0] - scored[1][0] < MARGIN:
            where = ", ".join(f"{p.id} ({s:.2f})" for s, p, _, _ in scored[:CANDIDATES])
            return None, [Problem(note.path, line, "A012", f"anchor: the quote “{_snippet(quote)}"
                                  f"” is no longer in {note.paper} as written, and it is as "
                                  f"close to several places: {where}", "quote the passage "
                                  "again from the paper's page, with a prefix or suffix")]
        score, p, a, b = scored[0]
        a, b = _tighten(p, *_words(p, a, b), quote)
        return _moved(Anchored(note, p.id, p.where[a], p.where[b], "fuzzy", score),
                      p.text[p.where[a]:p.where[b]])
    closest = "; ".join(f"{p.id} ({s:.2f}) “{_snippet(p.text[p.where[_words(p, a, b)[0]]:])}”"
                        for s, p, a, b in scored[:CANDIDATES]) or "the paper has no paragraph"
    return None, [Problem(note.path, line, "A011", f"anchor: the quote “{_snippet(quote)}” is "
                          f"no longer in {note.paper}; closest: {closest}",
                          "quote the passage again from the paper's page, or remove the "
                          "annotation")]


def _context_fits(p: _Para, paras: list[_Para], start: int, end: int, note: Annotation) -> bool:
    """The prefix ends just before the quote and the suffix starts just after it (across the
    paragraph's edge into its neighbours when they are short)."""
    k = paras.index(p)
    before = " ".join([x.folded for x in paras[max(0, k - 1):k]] + [p.folded[:start]])
    after = " ".join([p.folded[end:]] + [x.folded for x in paras[k + 1:k + 2]])
    return ((not note.prefix or before.rstrip().endswith(note.prefix))
            and (not note.suffix or after.lstrip().startswith(note.suffix)))


def _between(note: Annotation, paras: list[_Para]) -> list[tuple[_Para, int, int]]:
    """Places where the prefix and the suffix stand with new words between them (at most
    twice the quote's length): the passage as it reads now."""
    most = 2 * len(note.quote or "") + 40
    pattern = re.compile(re.escape(note.prefix) + f" ?(.{{1,{most}}}?) ?"
                         + re.escape(note.suffix))
    return [(p, m.start(1), m.end(1)) for p in paras for m in pattern.finditer(p.folded)]


def _moved(anchored: Anchored, now: str | None = None) -> tuple[Anchored, list[Problem]]:
    """The anchor, and a warning when it is not where the file says: new words, or another
    paragraph than the one named."""
    note = anchored.note
    problems = []
    if anchored.how in ("context", "fuzzy"):
        how = ("by its prefix and suffix" if anchored.how == "context" else
               f"by a fuzzy match ({anchored.score:.2f})")
        words = _snippet(now or "", 80)
        problems.append(Problem(note.path, note.doc.line("anchor", "quote") if note.doc else 0,
                                "A013", f"anchor moved: the quote is no longer in {note.paper} "
                                f"as written; found {how} in {anchored.para}: “{words}”",
                                "check the place, then copy these words into quote", WARNING))
    if note.paragraph and note.paragraph != anchored.para and anchored.how != "paragraph":
        problems.append(Problem(note.path, note.doc.line("anchor", "paragraph") if note.doc
                                else 0, "A013", f"anchor moved from {note.paragraph} to "
                                f"{anchored.para}", f"write paragraph: {anchored.para}", WARNING))
    return anchored, problems


def anchor_annotations(annotations: list[Annotation], papers: list[Paper]
                       ) -> tuple[dict[str, list[Anchored]], list[Problem]]:
    """Each paper's annotations anchored and numbered in reading order, and the problems."""
    by_paper: dict[str, list[Annotation]] = {}
    for a in annotations:
        by_paper.setdefault(a.paper, []).append(a)
    result: dict[str, list[Anchored]] = {}
    problems: list[Problem] = []
    for paper in papers:
        notes = by_paper.get(paper.meta.slug)
        if not notes:
            continue
        paras = _paras(paper)
        order = {p.id: i for i, p in enumerate(paras)}
        found = []
        for note in notes:
            anchored, found_problems = anchor_one(note, paras)
            problems += found_problems
            if anchored:
                found.append(anchored)
        found.sort(key=lambda a: (order[a.para], a.start if a.start is not None else 1 << 30,
                                  a.note.id))
        result[paper.meta.slug] = [replace(a, number=i) for i, a in enumerate(found, 1)]
    return result, problems
