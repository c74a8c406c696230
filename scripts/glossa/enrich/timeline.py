"""Papers' paragraphs -> the events they date: each date the text gives ("on 10 April",
"in March 2018", "since 2008", "the 2017 Shangri-La Dialogue"), placed in time, with the
sentence and paragraph it comes from; then an editor's corrections (content/timeline/).

A date with its year left out takes the year of the paper's own date; one whose year cannot
be known (the paper's date is unknown) is left out, never guessed. Vague times ("in recent
years", "the 1990s"), spans ("2014-2016"), fiscal years and amounts are no events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from glossa.model.paper import Paper
from glossa.model.problems import Problem
from glossa.model.reading import TEXT_KINDS
from glossa.model.schema import read_records

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), start=1)}
_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|" \
     r"November|December)"
_Y = r"(?P<year>(?:19|20)\d\d)"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A year after the word that places something in it, or before a named event; not a span,
# a decade, a fiscal year, an amount or a count ("2017 dollars", "2018 levels").
_LEADS = r"(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Tt]hrough|[Ee]arly|[Ll]ate|" \
         r"[Mm]id-?|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|[Oo]f|[Bb]efore|[Aa]fter)"
PATTERNS = (
    ("day", re.compile(rf"\b{_D}\s+{_M}(?:,?\s+{_Y})?\b")),
    ("day", re.compile(rf"\b{_M}\s+{_D}(?:,\s*{_Y})?\b(?![\d,]*\d)")),
    ("month", re.compile(rf"\b{_M}\s+(?:of\s+)?{_Y}\b")),
    ("year", re.compile(rf"\b(?:(?:the\s+)?(?:(?:early|late)\s+)?(?:spring|summer|autumn|fall|"
                        rf"winter|first half|second half|end|beginning|start|middle)\s+of\s+)"
                        rf"{_Y}\b(?!\s*[-–—/]\s*\d)", re.I)),
    ("year", re.compile(rf"\b{_LEADS}\s+{_Y}\b(?!\s*[-–—/]\s*\d)(?!s\b|’s\b)"
                        r"(?!\s+(?:dollars|levels|prices|figures|budget|rates?)\b)")),
    ("year", re.compile(rf"\b[Tt]he\s+{_Y}(?=\s+[A-Z][a-z])(?!\s*[-–—/]\s*\d)")),
)
# A sentence ends: a full stop (not an initial's, "U.S.", or "Jan."), maybe a closing
# quote, then a capital.
SENTENCE = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|No|vs))(?<!\b[A-Z][a-z]{2})"
                      r"([.!?][”’\"')\]]?)\s+(?=[A-Z“\"‘(])")
SPAN = re.compile(r"\b(?:19|20)\d\d\s*[-–—]\s*(?:(?:19|20)?\d\d)\b|\bbetween\s+(?:19|20)\d\d\s+"
                  r"and\s+(?:19|20)\d\d")
PRECISION = {"day": 3, "month": 2, "year": 1}
ANY_YEAR = re.compile(r"(?:19|20)\d\d")
ANY_MONTH = re.compile(_M)


@dataclass(frozen=True)
class Event:
    """A date a paper's text gives, and where: the sentence and the paragraph."""

    slug: str
    paragraph: str  # the paragraph's id ("p12"): its anchor on the paper's page
    date: str  # "2018-04-10", "2018-03" or "2018"
    phrase: str  # the date as written: "on 10 April"
    sentence: str
    number: int = 0  # the paragraph's number as the page shows it (¶ 12)
    corrected: bool = False  # an editor gave the date

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def precision(self) -> str:
        return {10: "day", 7: "month"}.get(len(self.date), "year")


def events_in(text: str, year: str | None) -> list[tuple[str, str, int, int]]:
    """(date, phrase as written, start, end) of every date of `text`; a date without its
    year takes `year`, or is left out when it is None."""
    # Every date holds a year or a month's name: most sentences hold neither.
    has_year, has_month = ANY_YEAR.search(text), ANY_MONTH.search(text)
    if not has_year and not has_month:
        return []
    found: list[tuple[str, str, int, int]] = []
    taken: list[tuple[int, int]] = []
    spans = [m.span() for m in SPAN.finditer(text)] if has_year else []
    for kind, pattern in PATTERNS:
        if not (has_month if kind != "year" else has_year):
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken + spans):
                continue
            g = m.groupdict()
            y = g.get("year") or year
            if not y:
                continue
            if kind == "year":
                date = y
            else:
                month = MONTHS[g["month"].lower()]
                date = f"{y}-{month:02d}"
                if kind == "day":
                    day = int(g["day"])
                    if not 1 <= day <= _days(int(y), month):
                        continue
                    date += f"-{day:02d}"
            lead = "" if kind == "year" else re.search(
                r"(?:\b(?:[Oo]n|[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|of|[Tt]he)\s)?$",
                text[:s]).group(0)
            found.append((date, (lead + m.group(0)).strip(), s, e))
            taken.append((s, e))
    return sorted(found, key=lambda f: f[2])


def sentences(text: str) -> list[str]:
    parts = SENTENCE.split(text)  # text, end, text, end, ...
    return [("".join(parts[i:i + 2])).strip() for i in range(0, len(parts), 2)]


def _days(year: int, month: int) -> int:
    import calendar
    return calendar.monthrange(year, month)[1]


def paper_events(paper: Paper) -> list[Event]:
    """Every dated event of a paper's running text, in reading order."""
    out = []
    year = paper.meta.year
    for b in paper.reading.paragraphs():
        if b.kind not in TEXT_KINDS:
            continue
        if not ANY_YEAR.search(b.text) and not ANY_MONTH.search(b.text):
            continue
        for sentence in sentences(b.text):
            for date, phrase, _, _ in events_in(sentence, year):
                out.append(Event(paper.meta.slug, b.id, date, phrase, sentence.strip(),
                                 int(b.id[1:]) if b.id[1:].isdigit() else 0))
    return out


@dataclass(frozen=True)
class Correction:
    """An editor's word on one event: its right date, or that it is no event."""

    path: str
    line: int
    slug: str
    paragraph: str
    phrase: str
    date: str | None = None
    hide: bool = False
    why: str = ""


def correct(events: list[Event], corrections: list[Correction]) -> tuple[list[Event],
                                                                          list[Problem]]:
    """Events with the editors' corrections applied; a correction that names no event of
    its paper (the text changed, a typo) is reported (E010)."""
    problems = []
    out = list(events)
    for c in corrections:
        hits = [i for i, e in enumerate(out) if e.slug == c.slug and e.paragraph == c.paragraph
                and e.phrase.casefold() == c.phrase.casefold()]
        if not hits:
            phrases = sorted({e.phrase for e in out if e.slug == c.slug
                              and e.paragraph == c.paragraph})
            problems.append(Problem(
                c.path, c.line, "E010", f"no event “{c.phrase}” in ¶ {c.paragraph}",
                "copy the date as the timeline shows it"
                + (f" (that paragraph gives: {', '.join(phrases)})" if phrases else
                   " (that paragraph gives no date)")))
            continue
        for i in hits:
            out[i] = None if c.hide else replace(out[i], date=c.date or out[i].date,
                                                 corrected=bool(c.date))
        out = [e for e in out if e is not None]
    return out, problems


def timeline(events: list[Event]) -> list[Event]:
    """Events in time order: a year alone before its months, a month before its days."""
    return sorted(events, key=lambda e: (e.date[:4], e.date[5:7] or "00", e.date[8:] or "00",
                                         e.slug, e.number))


def load_corrections(root: Path, slugs: set[str]) -> tuple[list[Correction], list[Problem]]:
    """content/timeline/<paper>.yml -> the editors' corrections, or problems (E-codes)."""
    records, problems = read_records(root / "content" / "timeline", "content/timeline",
                                     "timeline", "E", "timeline correction",
                                     "putin-and-north-korea.yml")
    out = []
    for slug, doc, label in records:
        if slug not in slugs:
            problems.append(Problem(label, 0, "E011", f"no paper '{slug}'",
                                    "name the file after a folder of content/papers/"))
            continue
        for i, item in enumerate(doc.data["events"]):
            out.append(Correction(label, doc.line("events", i), slug, item["paragraph"],
                                  item["phrase"], item.get("date"), bool(item.get("hide")),
                                  item["why"]))
    return out, problems
