"""Theme files (content/themes/<id>.yml) + the papers -> themes with their passages resolved:
pinned (by paragraph id or quoted phrase), excluded, or suggested by the ranking."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from glossa.model.problems import Problem
from glossa.model.reading import TEXT_KINDS
from glossa.model.schema import read_records
from glossa.model.yamlfile import Located

if TYPE_CHECKING:
    from glossa.enrich.ranking import Ranker
    from glossa.model.paper import Paper
    # import content.py, which loads themes, and need neither numpy nor bm25s)

PARA_ID = re.compile(r"^p\d+$")
SUGGESTIONS = 3
# A suggestion must score at least this (BM25 on the theme's query), and at least this share
# of the best score any paper reaches on the theme: a paper with nothing on the theme shows
# "no passage", not its least irrelevant paragraph.
MIN_SCORE = 1.0
MIN_SHARE = 0.25


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    question: str
    order: int
    keywords: tuple[str, ...]
    related: tuple[str, ...]
    summaries: dict[str, str]
    pins: dict[str, tuple[str, ...]]
    excludes: dict[str, tuple[str, ...]]
    path: str
    doc: Located = field(repr=False, compare=False, default=None)

    @property
    def query(self) -> str:
        return " ".join((self.title, self.question, *self.keywords))


@dataclass(frozen=True)
class Passage:
    paper: str
    para: str
    how: str  # "pinned" or "suggested"
    score: float = 0.0


def load_themes(root: Path) -> tuple[list[Theme], list[Problem]]:
    records, problems = read_records(root / "content" / "themes", "content/themes", "theme",
                                     "T", "theme", "sanctions.yml")
    themes = []
    for theme_id, doc, label in records:
        d = doc.data
        themes.append(Theme(theme_id, d["title"], " ".join(d["question"].split()),
                            d.get("order", 100), tuple(d.get("keywords", ())),
                            tuple(d.get("related", ())),
                            {k: " ".join(v.split()) for k, v in d["summaries"].items()},
                            {k: tuple(v) for k, v in (d.get("passages") or {}).items()},
                            {k: tuple(v) for k, v in (d.get("exclude") or {}).items()},
                            label, doc))
    themes.sort(key=lambda t: (t.order, t.title.casefold()))
    return themes, problems


def _find(pin: str, paper: Paper) -> list[str]:
    """Paragraph ids a pin names: an id, or every paragraph holding the quoted phrase."""
    paras = [p for p in paper.reading.paragraphs() if p.kind in TEXT_KINDS]
    if PARA_ID.match(pin):
        return [p.id for p in paras if p.id == pin]
    needle = " ".join(pin.split()).casefold()
    return [p.id for p in paras
            if needle in " ".join(((p.lead or "") + ". " + p.text).split()).casefold()]


def resolve_themes(themes: list[Theme], papers: list[Paper], ranker: Ranker,
                   glossary_ids: set[str], unreadable: frozenset[str] = frozenset()
                   ) -> tuple[dict[str, list[Passage]], list[Problem]]:
    """Every theme's passages in paper order, and the problems with its pins. A pin on a
    paper that exists but could not be read is no problem of the theme's (its paper's
    errors are the cause): it is skipped."""
    by_slug = {p.meta.slug: p for p in papers}
    problems: list[Problem] = []
    result: dict[str, list[Passage]] = {}
    for theme in themes:
        doc = theme.doc
        for key in ("summaries", "passages", "exclude"):
            section = {"summaries": theme.summaries, "passages": theme.pins,
                       "exclude": theme.excludes}[key]
            for slug in section:
                if slug not in by_slug and slug not in unreadable:
                    problems.append(Problem(theme.path, doc.line(key, slug), "T010",
                                            f"{key}: no paper '{slug}'",
                                            f"use one of: {', '.join(sorted(by_slug))}"
                                            if by_slug else "no paper could be read: fix "
                                            "the errors above first"))
        for i, rel in enumerate(theme.related):
            if rel not in glossary_ids:
                problems.append(Problem(theme.path, doc.line("related", i), "T013",
                                        f"related: no glossary entry '{rel}'",
                                        "use the file name of a glossary entry"))
        passages: list[Passage] = []
        ranked = ranker.rank_per_paper(theme.query, SUGGESTIONS + 5 + max(
            (len(v) for v in theme.excludes.values()), default=0))
        top = max((sc for hits in ranked.values() for _, sc in hits), default=0.0)
        floor = max(MIN_SCORE, MIN_SHARE * top)
        on_theme = _mentions(theme.keywords)
        for paper in papers:
            slug = paper.meta.slug
            pinned, excluded = [], set()
            for key, pins, into in (("passages", theme.pins.get(slug, ()), pinned),
                                    ("exclude", theme.excludes.get(slug, ()), None)):
                for i, pin in enumerate(pins):
                    ids = _find(pin, paper)
                    line = doc.line(key, slug, i)
                    if not ids:
                        what = "paragraph" if PARA_ID.match(pin) else "phrase"
                        problems.append(Problem(theme.path, line, "T011", f"{key}: {what} "
                                                f"'{pin}' is not in {slug}",
                                                "the source may have changed: quote the "
                                                "passage again, or remove the pin"))
                    elif len(ids) > 1:
                        problems.append(Problem(theme.path, line, "T012", f"{key}: phrase "
                                                f"'{pin}' is in {len(ids)} paragraphs of {slug} "
                                                f"({', '.join(ids)})", "quote more words"))
                    elif into is not None:
                        if ids[0] not in into:
                            into.append(ids[0])
                    else:
                        excluded.add(ids[0])
            if pinned:
                order = {p.id: i for i, p in enumerate(paper.reading.paragraphs())}
                passages += [Passage(slug, pid, "pinned") for pid in
                             sorted(pinned, key=order.get)]
            elif slug in ranked:
                # Suggestions come best first (a pinned set keeps the paper's order). The
                # first SUGGESTIONS that pass: no need to test the paragraphs after them.
                best = list(islice(((d, s) for d, s in ranked[slug]
                                    if d.para not in excluded and s >= floor
                                    and on_theme(d.text)), SUGGESTIONS))
                order = {p.id: i for i, p in enumerate(paper.reading.paragraphs())}
                passages += [Passage(slug, d.para, "suggested", s)
                             for d, s in sorted(best, key=lambda x: (-x[1], order[x[0].para]))]
        result[theme.id] = passages
    return result, problems


def _mentions(keywords: tuple[str, ...]):
    """A test that a passage names the theme: one of its keywords (or their plural) as a
    word. With no keywords, every passage passes (the score alone decides)."""
    if not keywords:
        return lambda text: True
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keywords) + r")(?:s|es)?\b",
                         re.IGNORECASE)
    return lambda text: bool(pattern.search(text))


def unpinned_candidates(theme: Theme, passages: list[Passage], papers: list[Paper],
                        ranker: Ranker, k: int = 3) -> list[tuple[str, str, float]]:
    """For the build report: the best paragraphs of each paper not yet pinned or excluded."""
    shown = {(p.paper, p.para) for p in passages if p.how == "pinned"}
    pinned = max(Counter(p.paper for p in passages).values(), default=0)
    ranked = ranker.rank_per_paper(theme.query, k + pinned + 5 + max(
        (len(v) for v in theme.excludes.values()), default=0))
    out = []
    for paper in papers:
        slug = paper.meta.slug
        excluded = {i for pin in theme.excludes.get(slug, ()) for i in _find(pin, paper)}
        best = [(d, s) for d, s in ranked.get(slug, [])
                if (slug, d.para) not in shown and d.para not in excluded][:k]
        out += [(slug, d.para, s) for d, s in best]
    return out


