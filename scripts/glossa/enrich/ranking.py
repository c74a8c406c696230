"""Paragraphs + a theme's words -> paragraphs ranked by BM25 (the bm25s library).

Glossary names are folded into one token per entry before ranking, so "denuclearization"
and "denuclearisation", or "DPRK" and "North Korea", count as the same term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import bm25s
import numpy as np

from glossa.enrich.linker import Linker

WORD = re.compile(r"[^\W\d_][\w’'-]*")
STOPWORDS = frozenset(
    "a about above after again against all also am an and any are as at be because been before "
    "being below between both but by can could did do does doing down during each few for from "
    "further had has have having he her here hers him his how i if in into is it its itself just "
    "may me might more most much must my no nor not now of off on once only or other our out "
    "over own same she should so some such than that the their them then there these they this "
    "those through to too under until up very was we were what when where which while who whom "
    "why will with would you your one two".split())


def tokens(text: str, linker: Linker | None,
           spans: list[tuple[int, int, str]] | None = None) -> list[str]:
    """Lower-case word stems, with each glossary mention replaced by its entry's token.
    `spans` are the linker's matches when the caller has them already."""
    out: list[str] = []
    pos = 0
    if spans is None:
        spans = linker.find(text) if linker else []
    for start, end, entry in spans + [(len(text), len(text), None)]:
        out += filter(None, map(_term, WORD.findall(text, pos, start)))
        if entry:
            out.append(f"entry:{entry}")
        pos = end
    return out


@lru_cache(maxsize=65536)
def _term(word: str) -> str:
    """A word as the index counts it: lower case, no possessive, stemmed; "" if ignored."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    if w in STOPWORDS or len(w) < 3:
        return ""
    return _stem(w)


def _stem(w: str) -> str:
    for suffix in ("ations", "ation", "ies", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return w


@dataclass(frozen=True)
class Doc:
    paper: str
    para: str
    text: str


class Ranker:
    """A BM25 index over every paragraph of every paper; built once, queried per theme."""

    def __init__(self, docs: list[Doc], linker: Linker | None,
                 matches: dict[tuple[str, str], list] | None = None,
                 tokenized: list[list[str]] | None = None):
        """`tokenized`, if given, holds each doc's `tokens` already (kept from a run before)."""
        self.docs = docs
        self.linker = linker
        matches = matches or {}
        if tokenized is None:
            tokenized = [tokens(d.text, linker, matches.get((d.paper, d.para))) for d in docs]
        corpus = [t or ["<empty>"] for t in tokenized]
        codes: dict[str, int] = {}
        self.paper_codes = np.array([codes.setdefault(d.paper, len(codes)) for d in docs],
                                    dtype=np.int64)
        self.index = bm25s.BM25()
        if docs:
            self.index.index(corpus, show_progress=False)

    def scores(self, query: str) -> np.ndarray:
        q = tokens(query, self.linker)
        if not self.docs or not q:
            return np.zeros(len(self.docs))
        vocab = self.index.vocab_dict
        q = [t for t in q if t in vocab]
        if not q:
            return np.zeros(len(self.docs))
        return np.asarray(self.index.get_scores(q))

    def rank(self, query: str, paper: str | None = None, k: int = 5) -> list[tuple[Doc, float]]:
        """The best `k` paragraphs (of `paper`, if given) with a score above zero."""
        if paper is not None:
            return self.rank_per_paper(query, k).get(paper, [])
        scores = self.scores(query)
        order = np.argsort(-scores, kind="stable")
        return [(self.docs[i], float(scores[i])) for i in order[:k] if scores[i] > 0]

    def rank_per_paper(self, query: str, k: int) -> dict[str, list[tuple[Doc, float]]]:
        """The best `k` paragraphs of every paper, from one scoring of the whole corpus."""
        scores = self.scores(query)
        positive = np.flatnonzero(scores > 0)
        if len(positive) == 0:
            return {}
        # The first k of each paper (by score, then reading order), found in numpy; then in
        # the order of the whole ranking.
        group = self.paper_codes[positive]
        by_paper = positive[np.lexsort((positive, -scores[positive], group))]
        sorted_group = self.paper_codes[by_paper]
        starts = np.flatnonzero(np.r_[True, sorted_group[1:] != sorted_group[:-1]])
        sizes = np.diff(np.r_[starts, len(by_paper)])
        within = np.arange(len(by_paper)) - np.repeat(starts, sizes)
        kept = by_paper[within < k]
        order = kept[np.lexsort((kept, -scores[kept]))]
        out: dict[str, list[tuple[Doc, float]]] = {}
        for i in order:
            doc = self.docs[i]
            found = out.setdefault(doc.paper, [])
            if len(found) < k:
                found.append((doc, float(scores[i])))
        return out
