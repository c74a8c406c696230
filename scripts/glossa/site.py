"""A corpus -> the generated pages of the site (docs-relative path -> Markdown), its navigation
and its attribution line. Knows nothing of MkDocs: any renderer of Markdown can use it."""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .annotation_html import index_markdown as annotations_index
from .annotations import Anchored, anchor_annotations
from .citations import bibtex, csl_json, ris
from .compare_pages import overview_markdown, theme_markdown
from .content import Corpus, PaperMeta, load_corpus
from .emit import attribution, authors_text, byline, human_date, paper_markdown
from .epub import paper_epub
from .footnotes import summary as footnote_summary
from .glossary import Entry
from .glossary_pages import entry_markdown, index_markdown
from .linker import Linker, Occurrence, candidates, link_terms
from .markdown_text import attr, escape
from .model import TEXT_KINDS
from .problems import WARNING, Problem
from .ranking import Doc, Ranker
from .themes import resolve_themes, unpinned_candidates

PLACEHOLDER = "<!-- glossa:{} -->"
# Up to this many papers (or themes) are listed one by one in the navigation; beyond it the
# navigation shows only their index page, so every page's size stays flat as papers grow.
FOOTER_WORKS = 6  # papers named one by one in the footer
NAV_LIMIT = 20


@dataclass
class Site:
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, str | bytes] = field(default_factory=dict)  # citations, EPUBs
    sources: dict[str, str] = field(default_factory=dict)  # page -> source file it comes from
    nav: list = field(default_factory=list)
    copyright: str = ""
    snippets: dict[str, str] = field(default_factory=dict)  # placeholder name -> Markdown
    problems: list[Problem] = field(default_factory=list)
    summaries: dict[str, dict[str, int]] = field(default_factory=dict)  # paper source -> counts
    occurrences: list[Occurrence] = field(default_factory=list)
    candidates: list[tuple[str, int]] = field(default_factory=list)  # glossary suggestions
    theme_candidates: list[tuple[str, str, str, float]] = field(default_factory=list)
    passages: dict[str, list] = field(default_factory=dict)
    # slug -> (links, light links, words of running text): how densely terms are linked
    link_density: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per pipeline stage
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # entry id -> names
    papers_by_page: dict[str, PaperMeta] = field(default_factory=dict)  # "papers/x.md" -> meta
    annotations: dict[str, list[Anchored]] = field(default_factory=dict)  # slug -> anchored

    def time(self, stage: str, start: float) -> float:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - start
        return now

    def summary_lines(self) -> list[str]:
        return [f"{path}: " + ", ".join(f"{v} {k}" for k, v in counts.items())
                for path, counts in self.summaries.items()]

    def fill(self, markdown: str) -> str:
        """Replace the placeholders hand-written pages may hold ("<!-- glossa:papers -->")."""
        for name, value in self.snippets.items():
            markdown = markdown.replace(PLACEHOLDER.format(name), value)
        return markdown


def papers_list(corpus: Corpus, prefix: str = "papers/") -> str:
    items = []
    for p in corpus.papers:
        m = p.meta
        by = byline(m)
        line = f"- [{escape(m.title)}]({prefix}{m.slug}.md)" + (f": {escape(by)}" if by else "")
        if m.abstract:
            line += f"  \n  {escape(' '.join(m.abstract.split()))}"
        items.append(line)
    return "\n".join(items) if items else "*No papers yet.*"


NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def corpus_list(corpus: Corpus) -> str:
    """What the About page says of the corpus, from the papers' own metadata: how many, and
    for each what it is and how it reached us (so a new paper never leaves it stale)."""
    n = len(corpus.papers)
    count = NUMBERS[n] if n < len(NUMBERS) else f"{n:,}"
    years = sorted({p.meta.year for p in corpus.papers if p.meta.year})
    when = (f", written in {years[0]}" if len(years) == 1 else
            f", written between {years[0]} and {years[-1]}" if years else "")
    out = [f"The site publishes {count} paper{'s' if n != 1 else ''}{when}, each as it was "
           "received:", ""]
    for p in corpus.papers:
        m = p.meta
        title = f"{m.title}: {m.subtitle}" if m.subtitle else m.title
        who = [f"by {escape(authors_text(m))}" if m.authors else "",
               escape(m.publisher) if m.publisher else ""]
        unnamed = [k for k, v in (("author", m.authors), ("publisher", m.publisher)) if not v]
        if unnamed:
            who.append(f"{' and '.join(unnamed)} not named in what we received")
        rest = [escape(m.series) if m.series else "", escape(human_date(m.date))]
        line = f"- *{escape(title)}*, " + "; ".join(
            x for x in (", ".join(w for w in who if w), ", ".join(r for r in rest if r)) if x)
        line += "."
        if m.received:
            line += " " + escape(" ".join(m.received.split()))
        missing = sum(1 for r in p.footnotes.values() if r.origin == "missing")
        if missing:
            line += (f" Its page marks {missing} note{'s' if missing != 1 else ''} as missing"
                     + (", with a link to the publisher's page." if m.url else "."))
        if not m.authors or not m.publisher:
            line += " What the text does not name is shown as unknown until an editor can " \
                    "supply it with a source."
        out.append(line)
    return "\n".join(out) if corpus.papers else "*No papers yet.*"


def site_copyright(corpus: Corpus) -> str:
    """The footer of every page. It names each work while there are few; past
    FOOTER_WORKS it counts them, since every page carries the footer and a list of a
    thousand works would weigh more than the page (each paper page opens with its own)."""
    if len(corpus.papers) <= FOOTER_WORKS:
        works = "; ".join(attribution(p.meta) for p in corpus.papers)
    else:
        works = (f"{len(corpus.papers):,} works, each credited to its authors and publisher "
                 "at the head of its page and under All papers")
    return attr(f"Papers: {works}. Each paper is reproduced as received, for study; its rights "
                "stay with its authors and publishers. Glossary, comparisons and site text: "
                "Glossa contributors.")


def build_site(corpus: Corpus) -> Site:
    site = Site(problems=list(corpus.problems),
                spellings={e.id: e.names for e in corpus.glossary})
    paper_nav = []
    linker = Linker(corpus.glossary)
    entries = {e.id: e for e in corpus.glossary}
    occurrences: dict[str, list[Occurrence]] = {e.id: [] for e in corpus.glossary}
    spans_by_paper: dict[str, dict[str, list]] = {}
    matches: dict[tuple[str, str], list] = {}
    t = time.perf_counter()
    site.annotations, problems = anchor_annotations(corpus.annotations, corpus.papers)
    site.problems += problems
    site.time("annotations", t)
    for p in corpus.papers:
        path = f"papers/{p.meta.slug}.md"
        avoid: dict[str, list[int]] = {}
        for m in p.reading.markers:
            avoid.setdefault(m.block, []).append(m.offset)
        t = time.perf_counter()
        spans, found = link_terms(p.reading, p.meta.slug, linker, avoid, matches)
        t = site.time("glossary linking", t)
        for o in found:
            occurrences[o.entry].append(o)
        site.occurrences += found
        spans_by_paper[p.meta.slug] = spans
        flat = [sp for v in spans.values() for sp in v]
        words = sum(len(b.text.split()) for b in p.reading.paragraphs() if b.kind in TEXT_KINDS)
        site.link_density[p.meta.slug] = (sum(1 for sp in flat if sp.style == "link"),
                                          sum(1 for sp in flat if sp.style == "light"), words)
        for ext, make in (("bib", bibtex), ("ris", ris), ("json", csl_json)):
            site.files[f"papers/{p.meta.slug}.{ext}"] = make(p.meta)
        site.pages[path] = paper_markdown(p, spans, entries,
                                          site.annotations.get(p.meta.slug, []))
        site.files[f"papers/{p.meta.slug}.epub"] = paper_epub(p, spans, entries)
        site.papers_by_page[path] = p.meta
        site.time("emit Markdown", t)
        site.summaries[p.source_path] = footnote_summary(p.reading, p.footnotes)
        site.sources[path] = p.source_path
        paper_nav.append({attr(p.meta.title): path})
    t = time.perf_counter()
    for e in corpus.glossary:
        site.pages[f"glossary/{e.id}.md"] = entry_markdown(e, entries, occurrences[e.id],
                                                           corpus.papers)
        if not occurrences[e.id] and not corpus.unreadable:
            # (while a paper cannot be read, an entry may occur in it: no warning)
            site.problems.append(Problem(e.path, 1, "G008", f"'{e.term}' occurs in no paper",
                                         "check its aliases against the papers' spelling",
                                         WARNING))
    if corpus.glossary:
        site.pages["glossary/index.md"] = index_markdown(corpus.glossary, occurrences)
    site.time("emit Markdown", t)
    t = time.perf_counter()
    paras = [(p.meta.slug, b) for p in corpus.papers for b in p.reading.paragraphs()]
    site.candidates = candidates([b.text for _, b in paras], linker, covered_by=
        [matches.get((slug, b.id)) or [] for slug, b in paras])
    site.time("glossary candidates", t)
    t = time.perf_counter()
    compare_nav = build_comparisons(site, corpus, linker, spans_by_paper, entries, matches)
    site.time("comparisons (ranking, pages)", t)
    if corpus.annotations:
        site.pages["annotations/index.md"] = annotations_index(corpus.papers, site.annotations)
    site.pages["papers/index.md"] = (
        "---\ntitle: All papers\n---\n\n# All papers\n\n" + papers_list(corpus, prefix="") + "\n")
    site.snippets["papers"] = papers_list(corpus)
    site.snippets["corpus"] = corpus_list(corpus)
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
        {"About the corpus": "about.md"},
        {"How to read this site": "reading.md"},
    ]
    site.copyright = site_copyright(corpus)
    return site


def build_comparisons(site: Site, corpus: Corpus, linker: Linker, spans_by_paper: dict,
                      entries: dict[str, Entry], matches: dict | None = None) -> list:
    """Theme pages and the overview; the ranking's unpinned candidates go to the report."""
    if not corpus.themes:
        return []
    docs = [Doc(p.meta.slug, b.id, (b.lead + ". " if b.lead else "") + b.text)
            for p in corpus.papers for b in p.reading.paragraphs() if b.kind in TEXT_KINDS]
    ranker = Ranker(docs, linker, matches)
    passages, problems = resolve_themes(corpus.themes, corpus.papers, ranker, set(entries),
                                        frozenset(corpus.unreadable))
    site.problems += problems
    nav = ["compare/index.md"]
    for theme in corpus.themes:
        path = f"compare/{theme.id}.md"
        site.pages[path] = theme_markdown(theme, passages[theme.id], corpus.papers,
                                          spans_by_paper, entries)
        if len(corpus.themes) <= NAV_LIMIT:
            nav.append({attr(theme.title): path})
        for slug, para, score in unpinned_candidates(theme, passages[theme.id], corpus.papers,
                                                     ranker):
            site.theme_candidates.append((theme.id, slug, para, score))
    site.pages["compare/index.md"] = overview_markdown(corpus.themes, passages, corpus.papers)
    site.passages = passages
    return nav


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


def generate(root: Path) -> Site:
    with _paused_gc():
        start = time.perf_counter()
        corpus = load_corpus(root)
        ingest = time.perf_counter() - start
        site = build_site(corpus)
    site.timings = {"ingest and footnotes": ingest, **site.timings}
    return site
