"""A corpus -> the generated pages of the site (docs-relative path -> Markdown), its navigation
and its attribution line. Knows nothing of MkDocs: any renderer of Markdown can use it."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from glossa.enrich.annotations import Anchored, anchor_annotations
from glossa.enrich.footnotes import summary as footnote_summary
from glossa.enrich.glossary import Entry
from glossa.enrich.linker import Linker, Occurrence, candidates, link_terms
from glossa.enrich.ranking import Doc, Ranker
from glossa.enrich.ranking import tokens as ranking_tokens
from glossa.enrich.themes import resolve_themes, unpinned_candidates
from glossa.model.paper import PaperMeta
from glossa.model.problems import WARNING, Problem
from glossa.model.reading import TEXT_KINDS
from glossa.publish.collection import (
    Collection,
    bibliography_files,
    build_collection,
    paper_sources,
)
from glossa.publish.content import Corpus, load_corpus
from glossa.render.annotation_html import index_markdown as annotations_index
from glossa.render.citations import bibtex, csl_json, ris
from glossa.render.compare_pages import overview_markdown, theme_markdown
from glossa.render.emit import paper_markdown, with_also_cited
from glossa.render.epub import paper_epub
from glossa.render.glossary_pages import entry_markdown, index_markdown
from glossa.render.markdown_text import attr
from glossa.render.site_text import corpus_list, papers_list, site_copyright

PLACEHOLDER = "<!-- glossa:{} -->"
# Up to this many papers (or themes) are listed one by one in the navigation; beyond it the
# navigation shows only their index page, so every page's size stays flat as papers grow.
NAV_LIMIT = 20


@dataclass
class Site:
    pages: dict[str, str | None] = field(default_factory=dict)  # None: until finish()
    files: dict[str, str | bytes] = field(default_factory=dict)  # citations, EPUBs
    # page -> the content files and folders it is the page of (a paper's folder, an entry's
    # file): a preview shows these pages first after an edit to them
    owners: dict[str, tuple[str, ...]] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    copyright: str = ""
    snippets: dict[str, str] = field(default_factory=dict)  # placeholder name -> Markdown
    problems: list[Problem] = field(default_factory=list)
    summaries: dict[str, dict[str, int]] = field(default_factory=dict)  # paper source -> counts
    occurrences: list[Occurrence] = field(default_factory=list)
    # Glossary suggestions, for `glossa check` and the report: found when first asked for,
    # since a build (and a preview after each edit) never shows them.
    find_candidates: Callable[[], list[tuple[str, int]]] = list
    later: Callable[[], None] | None = None  # the deferred stage (see build_site)
    # Theme passages the ranking suggests beyond those shown, for `glossa check` and the
    # report: found when first asked for, like the glossary candidates.
    find_theme_candidates: Callable[[], list[tuple[str, str, str, float]]] = list
    passages: dict[str, list] = field(default_factory=dict)
    # slug -> (links, light links, words of running text): how densely terms are linked
    link_density: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per pipeline stage
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # entry id -> names
    papers_by_page: dict[str, PaperMeta] = field(default_factory=dict)  # "papers/x.md" -> meta
    annotations: dict[str, list[Anchored]] = field(default_factory=dict)  # slug -> anchored
    collection: Collection | None = None  # the works cited and the events dated, counted

    def time(self, stage: str, start: float) -> float:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - start
        return now

    @cached_property
    def theme_candidates(self) -> list[tuple[str, str, str, float]]:
        self.finish()
        return self.find_theme_candidates()

    @cached_property
    def candidates(self) -> list[tuple[str, int]]:
        t = time.perf_counter()
        found = self.find_candidates()
        self.time("glossary candidates", t)
        return found

    def finish(self) -> None:
        """Make what build_site(defer=True) left for later: the comparison pages, and the
        paper pages it did not make."""
        later, self.later = self.later, None
        if later is not None:
            later()

    def summary_lines(self) -> list[str]:
        return [f"{path}: " + ", ".join(f"{v} {k}" for k, v in counts.items())
                for path, counts in self.summaries.items()]

    def fill(self, markdown: str) -> str:
        """Replace the placeholders hand-written pages may hold ("<!-- glossa:papers -->")."""
        for name, value in self.snippets.items():
            markdown = markdown.replace(PLACEHOLDER.format(name), value)
        return markdown


@dataclass
class Memo:
    """What an earlier run of the pipeline in this process made, each part with the inputs it
    was made from. Under `glossa serve` a run after an edit compares each part's inputs with
    the ones kept (`==`, which is instant for the same objects: an unchanged paper is the
    same object, from content.py's cache) and makes again only the parts whose inputs
    differ. Every input a part reads is in its key, so a hit is always what a cold run
    would make; `made` counts what was made again, for the tests and the benchmark."""

    linker: tuple = ()  # (the glossary's names, Linker)
    links: dict[str, tuple] = field(default_factory=dict)  # slug -> (key, PaperLinks)
    pages: dict[str, tuple] = field(default_factory=dict)  # slug -> (key, PaperPage)
    entries: dict[str, tuple[tuple, str]] = field(default_factory=dict)  # entry id -> page
    tokens: dict[str, tuple] = field(default_factory=dict)  # slug -> (key, token lists)
    ranker: tuple = ()  # (key, Ranker)
    sources: dict[str, tuple] = field(default_factory=dict)  # slug -> (paper, citations, ...)
    events: dict[str, tuple] = field(default_factory=dict)  # slug -> (paper, events)
    made: dict[str, int] = field(default_factory=dict)

    def count(self, what: str) -> None:
        self.made[what] = self.made.get(what, 0) + 1


@dataclass(frozen=True)
class PaperLinks:
    """One paper's glossary mentions: what depends on the paper and the glossary's names."""

    spans: dict
    found: list[Occurrence]
    matches: dict
    density: tuple[int, int, int]
    summary: dict[str, int]  # its footnotes counted (from the paper alone: kept with it)


@dataclass(frozen=True)
class PaperPage:
    """One paper's page, book and citations: what depends on the paper, its links, the
    entries it mentions (their terms and definitions, for the tooltips) and its
    annotations."""

    markdown: str
    epub: bytes
    citations: dict[str, str]


_MEMO = Memo()


def _linker(memo: Memo, names: tuple, glossary: tuple[Entry, ...]) -> Linker:
    if not memo.linker or memo.linker[0] != names:
        memo.linker = (names, Linker(list(glossary)))
    return memo.linker[1]


def _paper_links(p, linker: Linker, clock: Site) -> PaperLinks:
    t = time.perf_counter()
    avoid: dict[str, list[int]] = {}
    for m in p.reading.markers:
        avoid.setdefault(m.block, []).append(m.offset)
    matches: dict[tuple[str, str], list] = {}
    spans, found = link_terms(p.reading, p.meta.slug, linker, avoid, matches)
    flat = [sp for v in spans.values() for sp in v]
    words = sum(len(b.text.split()) for b in p.reading.paragraphs() if b.kind in TEXT_KINDS)
    density = (sum(1 for sp in flat if sp.style == "link"),
               sum(1 for sp in flat if sp.style == "light"), words)
    clock.time("glossary linking", t)
    return PaperLinks(spans, found, matches, density, footnote_summary(p.reading, p.footnotes))


def _links(p, names: tuple, linker: Linker, memo: Memo, clock: Site) -> PaperLinks:
    """The paper's links, from the memo if made already from the same paper and names."""
    slug = p.meta.slug
    kept = memo.links.get(slug)
    if kept is not None and kept[0] == (p, names):
        return kept[1]
    links = _paper_links(p, linker, clock)
    memo.links[slug] = ((p, names), links)
    memo.count("paper links")
    return links


def _page_key(p, links: PaperLinks, entries: dict[str, Entry], anchored: list) -> tuple:
    """Every input of a paper's page (PaperPage)."""
    used = tuple(entries[i] for i in sorted({sp.entry for v in links.spans.values()
                                              for sp in v}))
    return (p, links.spans, used, anchored)


def _tokens(p, names: tuple, linker: Linker, matches: dict, memo: Memo) -> tuple:
    """The paper's paragraphs as the ranking reads them (memo.tokens' value)."""
    slug = p.meta.slug
    kept = memo.tokens.get(slug)
    if kept is None or kept[0] != (p, names):
        paper_docs = [Doc(slug, b.id, (b.lead + ". " if b.lead else "") + b.text)
                      for b in p.reading.paragraphs() if b.kind in TEXT_KINDS]
        kept = ((p, names), paper_docs, [ranking_tokens(d.text, linker, matches.get(
            (slug, d.para))) for d in paper_docs])
        memo.tokens[slug] = kept
        memo.count("paper tokens")
    return kept


class _AsRead:
    """generate()'s work on each paper as soon as it is read (content.load_corpus's
    `on_paper`), while worker processes read the papers after it: its links, the ranking's
    tokens and, for a paper with no annotations, its page, put in the memo, where
    build_site finds them. Only parts build_site would make from the same inputs: the memo's
    keys hold every input, so what it takes from here is what it would have made."""

    def __init__(self, memo: Memo, root: Path):
        self.memo, self.root = memo, root
        self.clock = Site()
        self.glossary: tuple[Entry, ...] | None = None

    def __call__(self, p, corpus: Corpus) -> None:
        if self.glossary is None:
            self.glossary = tuple(corpus.glossary)
            self.names = tuple((e.id, e.names) for e in self.glossary)
            self.entries = {e.id: e for e in self.glossary}
            self.linker = _linker(self.memo, self.names, self.glossary)
        links = _links(p, self.names, self.linker, self.memo, self.clock)
        if corpus.themes:
            t = time.perf_counter()
            _tokens(p, self.names, self.linker, links.matches, self.memo)
            self.clock.time("comparisons (ranking, pages)", t)
        slug = p.meta.slug
        if (self.root / "content" / "annotations" / slug).exists():
            return  # its page waits for its annotations, anchored once every paper is read
        key = _page_key(p, links, self.entries, [])
        kept = self.memo.pages.get(slug)
        if kept is None or kept[0] != key:
            self.memo.pages[slug] = (key, _paper_page(p, links.spans, self.entries, [],
                                                      self.clock, self.memo))
            self.memo.count("paper page")


def _paper_page(p, spans: dict, entries: dict[str, Entry], anchored: list[Anchored],
                clock: Site, memo: Memo) -> PaperPage:
    t = time.perf_counter()
    citations, _ = paper_sources(p, memo)
    files = {ext: make(p.meta) for ext, make in (("bib", bibtex), ("ris", ris),
                                                 ("json", csl_json))}
    files.update(bibliography_files(p, citations))
    page = PaperPage(paper_markdown(p, spans, entries, anchored, bool(citations)),
                     paper_epub(p, spans, entries, citations), files)
    clock.time("emit Markdown", t)
    return page


def build_site(corpus: Corpus, memo: Memo | None = None, defer: bool = False,
               urgent: frozenset[str] = frozenset()) -> Site:
    """The site's pages. `memo` keeps parts from an earlier run in this process (see Memo);
    without it every part is made. With `defer`, the pages that take long and are not
    `urgent` (paper slugs) are None until `site.finish()` makes them: the comparison pages
    (which rank every paragraph of every paper) and the paper pages the memo does not hold
    (after a definition changed, say). A preview shows the other pages first."""
    memo = memo if memo is not None else Memo()
    site = Site(problems=list(corpus.problems),
                spellings={e.id: e.names for e in corpus.glossary})
    paper_nav = []
    glossary = tuple(corpus.glossary)
    names = tuple((e.id, e.names) for e in glossary)  # all that linking reads of the glossary
    linker = _linker(memo, names, glossary)
    entries = {e.id: e for e in corpus.glossary}
    occurrences: dict[str, list[Occurrence]] = {e.id: [] for e in corpus.glossary}
    spans_by_paper: dict[str, dict[str, list]] = {}
    matches: dict[tuple[str, str], list] = {}
    later: list[Callable[[], None]] = []
    t = time.perf_counter()
    site.annotations, problems = anchor_annotations(corpus.annotations, corpus.papers)
    site.problems += problems
    site.time("annotations", t)
    for p in corpus.papers:
        slug = p.meta.slug
        path = f"papers/{slug}.md"
        links = _links(p, names, linker, memo, site)
        anchored = site.annotations.get(slug, [])
        key = _page_key(p, links, entries, anchored)

        def make(p=p, slug=slug, path=path, links=links, anchored=anchored, key=key) -> None:
            page = _paper_page(p, links.spans, entries, anchored, site, memo)
            memo.pages[slug] = (key, page)
            memo.count("paper page")
            also = site.collection.also_cited.get(slug) if site.collection else None
            site.pages[path] = with_also_cited(page.markdown, also or {})
            site.files[f"papers/{slug}.epub"] = page.epub
            for ext, text in page.citations.items():
                site.files[f"papers/{slug}.{ext}"] = text

        kept = memo.pages.get(slug)
        if kept is not None and kept[0] == key:
            page = kept[1]
            site.pages[path] = page.markdown
            site.files[f"papers/{slug}.epub"] = page.epub
            for ext, text in page.citations.items():
                site.files[f"papers/{slug}.{ext}"] = text
        elif defer and slug not in urgent:
            site.pages[path] = None
            for ext in ("epub", "bib", "ris", "json", "bibliography.bib", "bibliography.ris",
                        "bibliography.json"):
                site.files[f"papers/{slug}.{ext}"] = None
            later.append(make)
        else:
            make()
        for o in links.found:
            occurrences[o.entry].append(o)
        site.occurrences += links.found
        matches.update(links.matches)
        spans_by_paper[slug] = links.spans
        site.link_density[slug] = links.density
        site.papers_by_page[path] = p.meta
        site.summaries[p.source_path] = links.summary
        site.owners[path] = (f"content/papers/{slug}/", f"content/annotations/{slug}/")
        paper_nav.append({attr(p.meta.title): path})
    for table in (memo.links, memo.pages):
        for slug in set(table) - set(spans_by_paper):
            del table[slug]  # a paper removed, or unreadable now
    t = time.perf_counter()
    titles = tuple((p.meta.slug, p.meta.title) for p in corpus.papers)
    for e in corpus.glossary:
        related = tuple((r, entries[r].term) for r in e.related if r in entries)
        key = (e, related, titles, tuple(occurrences[e.id]))
        kept = memo.entries.get(e.id)
        if kept is not None and kept[0] == key:
            page = kept[1]
        else:
            page = entry_markdown(e, entries, occurrences[e.id], corpus.papers)
            memo.entries[e.id] = (key, page)
            memo.count("glossary entry")
        site.pages[f"glossary/{e.id}.md"] = page
        site.owners[f"glossary/{e.id}.md"] = (e.path,)
        if not occurrences[e.id] and not corpus.unreadable:
            # (while a paper cannot be read, an entry may occur in it: no warning)
            site.problems.append(Problem(e.path, 1, "G008", f"'{e.term}' occurs in no paper",
                                         "check its aliases against the papers' spelling",
                                         WARNING))
    if corpus.glossary:
        site.pages["glossary/index.md"] = index_markdown(corpus.glossary, occurrences)
    site.time("emit Markdown", t)
    t = time.perf_counter()
    build_collection(site, corpus, memo, spans_by_paper, entries)
    site.time("sources and timeline", t)

    def find_candidates() -> list[tuple[str, int]]:
        paras = [(p.meta.slug, b) for p in corpus.papers for b in p.reading.paragraphs()]
        return candidates([b.text for _, b in paras], linker,
                          covered_by=[matches.get((slug, b.id)) or [] for slug, b in paras])
    site.find_candidates = find_candidates
    compare_nav = []
    if corpus.themes:
        compare_nav = ["compare/index.md"]
        for theme in corpus.themes:
            path = f"compare/{theme.id}.md"
            site.pages[path] = None
            site.owners[path] = (theme.path,)
            if len(corpus.themes) <= NAV_LIMIT:
                compare_nav.append({attr(theme.title): path})
        site.pages["compare/index.md"] = None

    def comparisons() -> None:
        for make in later:
            make()
        t = time.perf_counter()
        build_comparisons(site, corpus, linker, spans_by_paper, entries, matches, memo)
        site.time("comparisons (ranking, pages)", t)
    site.later = comparisons
    if corpus.annotations:
        site.pages["annotations/index.md"] = annotations_index(corpus.papers, site.annotations)
    site.pages["papers/index.md"] = (
        "---\ntitle: All papers\n---\n\n# All papers\n\n"
        + papers_list(corpus.papers, prefix="") + "\n")
    site.snippets["papers"] = papers_list(corpus.papers)
    site.snippets["corpus"] = corpus_list(corpus.papers)
    # The home page offers the glossary and the comparisons only when the site has them (a
    # link to a page that is not built fails the strict build).
    site.snippets["use-glossary"] = (
        "- **Look up a term.** Terms with a dotted underline are in the [glossary]"
        "(glossary/index.md).\n  Hover or focus one to read a one-sentence definition; select "
        "it to open its entry, which\n  lists every paragraph of every paper that mentions it."
    ) if corpus.glossary else ""
    site.snippets["use-compare"] = (
        "- **Compare the papers.** [Compare the papers](compare/index.md) puts what each paper "
        "says\n  on one theme in parallel columns, each passage linked back to its paragraph, "
        "with a short\n  summary of each paper's view."
    ) if corpus.themes else ""
    site.nav = [
        {"Home": "index.md"},
        {"Papers": ["papers/index.md", *(paper_nav if len(paper_nav) <= NAV_LIMIT else [])]},
        *([{"Compare": compare_nav}] if compare_nav else []),
        *([{"Glossary": ["glossary/index.md"]}] if corpus.glossary else []),
        *([{"Annotations": "annotations/index.md"}] if corpus.annotations else []),
        *([{"Sources": "sources.md"}] if "sources.md" in site.pages else []),
        *([{"Timeline": "timeline.md"}] if "timeline.md" in site.pages else []),
        {"About the corpus": "about.md"},
        {"How to read this site": "reading.md"},
    ]
    site.copyright = site_copyright(corpus.papers)
    if not defer:
        site.finish()
    return site


def build_comparisons(site: Site, corpus: Corpus, linker: Linker, spans_by_paper: dict,
                      entries: dict[str, Entry], matches: dict | None = None,
                      memo: Memo | None = None) -> None:
    """Theme pages and the overview; the ranking's unpinned candidates go to the report."""
    if not corpus.themes:
        return
    memo = memo if memo is not None else Memo()
    names = tuple((e.id, e.names) for e in corpus.glossary)  # all the ranking reads of it
    docs, tokenized = [], []
    for p in corpus.papers:
        kept = _tokens(p, names, linker, matches or {}, memo)
        docs += kept[1]
        tokenized += kept[2]
    for slug in set(memo.tokens) - {p.meta.slug for p in corpus.papers}:
        del memo.tokens[slug]
    key = (tuple(corpus.papers), names)
    if memo.ranker and memo.ranker[0] == key:
        ranker = memo.ranker[1]
    else:
        ranker = Ranker(docs, linker, tokenized=tokenized)
        memo.ranker = (key, ranker)
        memo.count("ranking")
    passages, problems = resolve_themes(corpus.themes, corpus.papers, ranker, set(entries),
                                        frozenset(corpus.unreadable))
    site.problems += problems
    for theme in corpus.themes:
        site.pages[f"compare/{theme.id}.md"] = theme_markdown(
            theme, passages[theme.id], corpus.papers, spans_by_paper, entries)
    site.find_theme_candidates = lambda: [
        (theme.id, slug, para, score) for theme in corpus.themes
        for slug, para, score in unpinned_candidates(theme, passages[theme.id], corpus.papers,
                                                     ranker)]
    site.pages["compare/index.md"] = overview_markdown(corpus.themes, passages, corpus.papers)
    site.passages = passages


@contextmanager
def _paused_gc():
    """The pipeline makes many small, acyclic objects and little garbage; Python's cycle
    collector would walk the growing heap again and again (a quarter of the time at 1,000
    papers), so it waits until the pipeline is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def generate(root: Path, memo: Memo | None = _MEMO, defer: bool = False,
             urgent: frozenset[str] = frozenset()) -> Site:
    """The corpus under `root` -> its site. By default, parts made by an earlier run in this
    process are reused when their inputs are unchanged (`memo=None`: all made afresh);
    `defer` and `urgent` as for build_site."""
    memo = memo if memo is not None else Memo()
    # A preview (defer) wants the edited paper's page first, not every page as read.
    as_read = None if defer else _AsRead(memo, root)
    with _paused_gc():
        start = time.perf_counter()
        corpus = load_corpus(root, as_read)
        ingest = time.perf_counter() - start
        site = build_site(corpus, memo, defer, urgent)
    # The time spent on papers as they were read goes to its stages, not to the reading.
    early = as_read.clock.timings if as_read else {}
    site.timings = {"ingest and footnotes": ingest - sum(early.values()),
                    **{k: v + early.get(k, 0.0) for k, v in site.timings.items()},
                    **{k: v for k, v in early.items() if k not in site.timings}}
    return site
