"""Papers' notes -> the works they cite: each note's citations (read by
`glossa.enrich.citation`), "Id.", "ibid." and "supra note 12" resolved to the work they
repeat, and the records of one work, across notes and papers, gathered into one `Work`, each
gathering with how sure it is.

Two records are one work only on evidence: the same web address, the same law, the same
title and year, or a short form that names it. Nothing is matched by likeness alone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from glossa.enrich.citation import (
    BARE_INSTRUMENT,
    Citation,
    _squash,
    cites_a_work,
    normal_url,
    read_citations,
    split_citations,
)
from glossa.model.paper import Paper
from glossa.model.problems import WARNING, Problem


@dataclass
class Work:
    """Every citation of one work, and how sure the gathering is."""

    key: str
    citations: list[Citation] = field(default_factory=list)
    matched_by: set[str] = field(default_factory=set)  # "address", "law", "title and year"...

    @property
    def first(self) -> Citation:
        return max(self.citations, key=lambda c: (bool(c.title), bool(c.who), len(c.text)))

    @property
    def papers(self) -> list[str]:
        return list(dict.fromkeys(c.slug for c in self.citations))



def paper_citations(paper: Paper) -> tuple[list[Citation], list[Problem]]:
    """Every citation of every note of a paper with a text, short forms resolved: "Id." to
    the work cited just before, "supra note 12" to the work note 12 cites (by its author,
    when it names one)."""
    out: list[Citation] = []
    problems: list[Problem] = []
    by_note: dict[int, list[Citation]] = {}
    last: Citation | None = None
    for n, note in sorted(paper.footnotes.items()):
        if not note.text:
            continue
        found = []
        for c in (c for part in split_citations(note.text)
                  for c in read_citations(paper.meta.slug, n, part)):
            if c.kind == "id" and last is not None:
                c = _repeat(c, last)
            elif c.kind == "supra":
                earlier = by_note.get(c.refers_to, [])
                named = [e for e in earlier if c.who and _squash(c.who).split()[:1]
                         == _squash(e.who).split()[:1]] or earlier[:1]
                if named:
                    c = _repeat(c, named[0])
            if c.read or c.kind in ("id", "supra"):
                found.append(c)
                last = c if c.read else last
        if not any(c.read for c in found) and cites_a_work(note.text):
            problems.append(Problem(paper.source_path, note.line, "C001",
                                    f"note {n}: no work could be read from “"
                                    f"{' '.join(note.text.split())[:70]}”",
                                    "check the note's text; the Sources page leaves it out",
                                    WARNING))
        by_note[n] = [c for c in found if c.read]
        out += by_note[n]
    return out, problems


def _repeat(short: Citation, work: Citation) -> Citation:
    """A short form as the record of the work it repeats (its own text and pages kept)."""
    return Citation(short.slug, short.note, short.text, who=work.who, title=work.title,
                    outlet=work.outlet, date=work.date, url=work.url,
                    pages=short.pages, identifier=work.identifier,
                    kind="id" if short.kind == "id" else "supra", refers_to=short.refers_to)


def gather(citations: list[Citation]) -> tuple[list[Work], list[Problem]]:
    """Citations -> works: one work for one address, one law, or one title in one year; a
    short form joins the work it repeats. Two records of one address whose titles or years
    differ are reported (C002), and stay one work."""
    works: dict[str, Work] = {}
    alias: dict[str, str] = {}  # another key of a work -> its key
    problems: list[Problem] = []
    for c in citations:
        keys = []
        if c.url:
            keys.append(("address", "url:" + normal_url(c.url)))
        if c.kind in ("law", "case") and c.identifier:
            keys.append(("law", "law:" + _squash(c.identifier)))
        title_key = "title:" + _squash(c.title) + ":" + (c.date[:4] or _squash(c.identifier)) \
            if c.title and (c.date or c.identifier) else ""
        if title_key and not c.url:  # (an address says more than a title: one or the other)
            keys.append(("title and year", title_key))
        if c.kind == "reference":  # one paper's list of works: its own, not another's
            keys.append(("author and year", f"ref:{c.slug}:" + _squash(c.identifier)))
        if not keys and c.identifier:
            # (A bare "Article 5" or "Rule X" names no instrument: one paper's only.)
            own = f"{c.slug}:" if BARE_INSTRUMENT.match(c.identifier) else ""
            keys.append(("number", "id:" + own + _squash(c.identifier)))
        if not keys:
            keys.append(("title alone (not matched)", f"one:{c.slug}:{c.note}:{c.text}"))
        found = next((alias[k] for _, k in keys if k in alias), None)
        key = found or keys[0][1]
        work = works.setdefault(key, Work(key))
        if work.citations and found:
            how = next(how for how, k in keys if alias.get(k) == found)
            work.matched_by.add(c.kind if c.kind in ("id", "supra") else how)
            if how == "address":
                problems += _differs(work, c)
        work.citations.append(c)
        for _, k in keys + ([("title and year", title_key)] if title_key and c.url else []):
            alias.setdefault(k, key)
    return sorted(works.values(), key=lambda w: _squash(w.first.title or w.first.identifier
                                                         or w.first.url)), problems


def _differs(work: Work, c: Citation) -> list[Problem]:
    """Two records of one address that name another title or year."""
    other = next((x for x in work.citations if x.url), None)
    if other is None:
        return []
    why = []
    if c.title and other.title and _squash(c.title) != _squash(other.title):
        why.append(f"titles “{other.title[:40]}” and “{c.title[:40]}”")
    if c.date and other.date and c.date[:4] != other.date[:4]:
        why.append(f"years {other.date[:4]} and {c.date[:4]}")
    if not why:
        return []
    return [Problem(f"papers/{c.slug}", 0, "C002",
                    f"note {c.note} and {other.slug} note {other.note} cite one address "
                    f"({c.url[:60]}) with {' and '.join(why)}",
                    "check both notes: one may cite another version or a wrong address",
                    WARNING)]


def sources_of(papers: list[Paper]) -> tuple[list[Work], dict[str, list[Citation]],
                                             list[Problem]]:
    """(every work the papers cite, each paper's citations, the problems)."""
    by_paper: dict[str, list[Citation]] = {}
    problems: list[Problem] = []
    for p in papers:
        by_paper[p.meta.slug], found = paper_citations(p)
        problems += found
    works, differ = gather([c for cs in by_paper.values() for c in cs])
    return works, by_paper, problems + differ


ALSO_SHOWN = 5  # other papers' notes a note names as citing its work; the rest are counted


def cited_elsewhere(works: list[Work]
                    ) -> dict[tuple[str, int], tuple[list[tuple[str, int]], int]]:
    """(paper, note) -> the first ALSO_SHOWN notes of other papers that cite a work it cites
    (in the order of the works' citations), and how many more there are."""
    shown: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    more: dict[tuple[str, int], int] = defaultdict(int)
    seen: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    for w in works:
        if len(w.papers) < 2:
            continue
        notes = list(dict.fromkeys((c.slug, c.note) for c in w.citations))
        for c in notes:
            for d in notes:
                if d[0] == c[0] or d in seen[c]:
                    continue
                seen[c].add(d)
                if len(shown[c]) < ALSO_SHOWN:
                    shown[c].append(d)
                else:
                    more[c] += 1
    return {c: (others, more[c]) for c, others in shown.items()}
