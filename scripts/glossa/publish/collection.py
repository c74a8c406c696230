"""A corpus -> what the site shows across its papers: the works their notes cite (the Sources
page, each paper's bibliography, "also cited in" on a note) and the events they date (the
Timeline page, with the editors' corrections). Each paper's part is kept in the memo with
the paper it was made from, so a preview makes again only an edited paper's."""

from __future__ import annotations

from dataclasses import dataclass, field

from glossa.enrich.citation import Citation
from glossa.enrich.sources import cited_elsewhere, gather, paper_citations
from glossa.enrich.timeline import Event, correct, paper_events, timeline
from glossa.model.paper import Paper
from glossa.model.problems import Problem
from glossa.render.bibliography import bibtex, csl_json, ris
from glossa.render.collection_pages import sources_markdown, timeline_markdown
from glossa.render.emit import with_also_cited


@dataclass
class Collection:
    """What the build report counts of the collection."""

    works: int = 0
    shared: int = 0  # works cited by more than one paper
    citations: int = 0
    events: int = 0
    corrected: int = 0  # events an editor corrected or hid
    # paper -> note -> (other papers' notes citing a work it cites: slug, title, note; and
    # how many more there are)
    also_cited: dict[str, dict[int, tuple[list[tuple[str, str, int]], int]]] = field(
        default_factory=dict)


def paper_sources(p: Paper, memo) -> tuple[list[Citation], list[Problem]]:
    """A paper's citations and their problems, from the memo if read from the same paper."""
    kept = memo.sources.get(p.meta.slug)
    if kept is not None and kept[0] == p:
        return kept[1], kept[2]
    citations, problems = paper_citations(p)
    memo.sources[p.meta.slug] = (p, citations, problems)
    memo.count("paper sources")
    return citations, problems


def bibliography_files(p: Paper, citations: list[Citation]) -> dict[str, str]:
    """A paper's bibliography in the three formats (files "bibliography.bib" ...): the works
    its own notes cite, each once."""
    works, _ = gather(citations)
    return {"bibliography.bib": bibtex(works), "bibliography.ris": ris(works),
            "bibliography.json": csl_json(works)}


def _events(p: Paper, memo) -> list[Event]:
    kept = memo.events.get(p.meta.slug)
    if kept is not None and kept[0] == p:
        return kept[1]
    found = paper_events(p)
    memo.events[p.meta.slug] = (p, found)
    return found


def build_collection(site, corpus, memo, spans_by_paper: dict, entries: dict) -> Collection:
    """The Sources and Timeline pages into `site`, "also cited in" into the paper pages
    made so far (a page made later takes it from `site.collection`), and their problems."""
    made = Collection()
    by_paper = {}
    for p in corpus.papers:
        by_paper[p.meta.slug], problems = paper_sources(p, memo)
        site.problems += problems
    works, problems = gather([c for cs in by_paper.values() for c in cs])
    site.problems += problems
    made.works, made.citations = len(works), sum(len(cs) for cs in by_paper.values())
    made.shared = sum(1 for w in works if len(w.papers) > 1)
    titles = {p.meta.slug: p.meta.title for p in corpus.papers}
    for (slug, n), (others, more) in cited_elsewhere(works).items():
        made.also_cited.setdefault(slug, {})[n] = ([(s, titles[s], m) for s, m in others], more)
    site.collection = made
    for slug, notes in made.also_cited.items():
        path = f"papers/{slug}.md"
        if site.pages.get(path) is not None:
            site.pages[path] = with_also_cited(site.pages[path], notes)
    events = [e for p in corpus.papers for e in _events(p, memo)]
    events, problems = correct(events, corpus.corrections)
    site.problems += problems
    made.events, made.corrected = len(events), len(corpus.corrections)
    terms = {}
    texts = {(p.meta.slug, b.id): b.text for p in corpus.papers for b in p.reading.paragraphs()}
    for e in events:
        start = texts.get((e.slug, e.paragraph), "").find(e.sentence)
        end = start + len(e.sentence)
        terms[(e.slug, e.paragraph, e.sentence)] = tuple(dict.fromkeys(
            sp.entry for sp in spans_by_paper.get(e.slug, {}).get(e.paragraph, [])
            if start >= 0 and sp.start < end and start < sp.end))
    if works:
        site.pages["sources.md"] = sources_markdown(works, corpus.papers)
    if events:
        site.pages["timeline.md"] = timeline_markdown(timeline(events), corpus.papers, entries,
                                                      terms)
    return made
