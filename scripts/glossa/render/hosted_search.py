"""The hosted site's search: a chunked static index (Pagefind) behind the theme's search box.

The theme's own search loads one JSON index of every page's text before the first result
(31 MB at 1,000 papers). Pagefind splits the index into small files by word and each page's
text into a fragment of its own, so a query fetches only the chunks of its words and the
fragments of the results shown. The theme's search box, keyboard shortcuts and result list
stay: the theme talks to a worker whose messages are documented by its source (set up,
ready, query, result); `docs/javascripts/glossa-search-worker.js` answers them with
Pagefind's results, landing each on its paragraph. The offline build, opened from disk,
cannot fetch Pagefind's files (browsers refuse `fetch` under file://): it has an index of
script files instead (shard_search.py).

Here: which pages are indexed and with what filters (`mark_page`, on each rendered page),
which parts of a page are not searched (`EXCLUDE`), and writing the index
(`write_index`, after the build). No MkDocs here: the adapter calls these.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

# The setting in mkdocs.yml (extra.glossa_search) that `glossa build` turns on for hosting.
PAGEFIND = "pagefind"
WORKER = "javascripts/glossa-search-worker.js"
BUNDLE = "pagefind"  # the index's folder in the site

# Kinds of page, as filter values (the worker's `kind:` words) and as shown.
KINDS = {"paper": "Papers", "glossary": "Glossary", "comparison": "Comparisons",
         "annotation": "Annotations", "page": "Other pages"}

# Parts of a page that are not its text: links to headings and paragraphs, back from notes, note and
# annotation markers, the paper's boilerplate, the annotations beside a paragraph (indexed
# as records of their own, landing on the paragraph), passages quoted from a paper on a
# comparison page, the sentences of the timeline (each quoted from its paper), the
# occurrence lists of glossary entries (the paper's page has them), a note's list of the
# other papers citing the same work (at 1,000 papers citing it, 15 KB a note), the lines a
# reading left out, and anything the page marks hidden from search.
EXCLUDE = (".headerlink", ".glossa-pilcrow", ".footnote-backref", ".footnote-ref",
           ".glossa-annotation-ref", ".glossa-annotations", ".glossa-annotations-print",
           ".glossa-as-received", ".glossa-cite-paper", ".glossa-passage",
           ".glossa-occurrences", ".glossa-event", ".glossa-also-cited", ".glossa-dropped",
           ".md-source-file", "[data-pagefind-ignore]")

_ARTICLE = '<article class="md-content__inner md-typeset">'
_THEME_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)',
                     re.DOTALL)


def kind_of(src: str) -> str:
    """The kind of the page made from `src` ("papers/x.md", "glossary/y.md", ...)."""
    top = src.split("/", 1)[0] if "/" in src else ""
    return {"papers": "paper", "glossary": "glossary", "compare": "comparison"}.get(top, "page")


@dataclass
class Record:
    """One result that is not a page of its own: an editors' annotation, landing on the
    paragraph it comments on."""
    url: str  # from the site's root, e.g. "papers/x/#p8"
    title: str
    text: str
    page: str  # the title of the page it lands on
    filters: dict[str, list[str]] = field(default_factory=dict)


def papers_of_pages(papers_by_page: dict, occurrences: list, passages: dict
                    ) -> dict[str, list[str]]:
    """The papers (slugs) each generated page is about, by its source: a paper's page its
    paper, an entry's page the papers that mention it, a comparison page the papers it
    quotes. Made once per build, in one pass over the occurrences."""
    about: dict[str, set[str]] = {src: {meta.slug} for src, meta in papers_by_page.items()}
    for o in occurrences:
        about.setdefault(f"glossary/{o.entry}.md", set()).add(o.paper)
    for theme, found in passages.items():
        about.setdefault(f"compare/{theme}.md", set()).update(p.paper for p in found)
    return {src: sorted(slugs) for src, slugs in about.items()}


def mark_page(page_html: str, src: str, papers: list[str]) -> str:
    """`page_html` with its article marked as what Pagefind indexes, and its filters: the
    kind of page and the papers it is about (slugs). Pages without an article (the 404
    page) are not indexed."""
    if _ARTICLE not in page_html:
        return page_html
    filters = [("kind", kind_of(src))] + [("paper", slug) for slug in sorted(set(papers))]
    spans = "".join(f'<span data-pagefind-filter="{name}:{html.escape(value)}" hidden></span>'
                    for name, value in filters)
    marked = _ARTICLE.replace("<article ", "<article data-pagefind-body ", 1)
    page_html = page_html.replace(_ARTICLE, marked, 1)
    end = page_html.find("</article>", page_html.find(marked))
    return page_html[:end] + spans + page_html[end:]


def point_worker(page_html: str, worker: str = WORKER) -> str:
    """`page_html` with the theme's search worker replaced by ours, `worker` (same folder
    depth: the theme writes its worker's URL relative to the page)."""
    m = _CONFIG.search(page_html)
    if m is None:
        return page_html
    config = json.loads(m.group(2))
    theirs = _THEME_WORKER.search(config.get("search") or "")
    if theirs is None:
        return page_html
    config["search"] = config["search"][:theirs.start()] + worker
    data = json.dumps(config, separators=(",", ":")).replace("</", "<\\/")
    return page_html[:m.start(2)] + data + page_html[m.end(2):]


def stub_index(index: dict) -> dict:
    """What the theme's search box loads before it starts the worker: the index's settings
    without its documents (the worker asks Pagefind instead)."""
    return {"config": index.get("config", {}), "docs": []}


async def _write(site: Path, records: list[Record]) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(exclude_selectors=list(EXCLUDE), force_language="en",
                         output_path=str(site / BUNDLE))
    index = await PagefindIndex(config=config).__aenter__()
    try:
        added = await index.add_directory(path=str(site), glob="**/*.html")
        for r in records:
            await index.add_custom_record(url="/" + r.url, content=r.text, language="en",
                                          meta={"title": r.title, "page": r.page},
                                          filters=r.filters)
        await index.write_files()
        # Pagefind answers before its last file is on disk; closing it then cut that file
        # short (a truncated pagefind-worker.js, one build in three): wait until the files
        # stop changing.
        await _settled(site / BUNDLE)
    finally:
        # (the context manager's exit writes the files again, then closes the service at
        # once: told that something failed, it only closes)
        await index.__aexit__(RuntimeError, None, None)
    return int(added.get("page_count", 0)) + len(records)


async def _settled(folder: Path, quiet: float = 0.3, limit: float = 30.0) -> None:
    """Return once no file in `folder` has changed size for `quiet` seconds."""
    def sizes() -> dict[str, int]:
        return {str(p): p.stat().st_size for p in folder.rglob("*") if p.is_file()}
    loop = asyncio.get_running_loop()
    start = loop.time()
    last = sizes()
    while loop.time() - start < limit:
        await asyncio.sleep(quiet)
        now = sizes()
        if now == last:
            return
        last = now


def spelling_groups(spellings: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """The glossary's names of each entry that has several ("Gaddafi", "Gadaffi"): the
    worker tries a query with each (search/spellings.json)."""
    return [list(names) for _, names in sorted(spellings.items()) if len(names) > 1]


def _json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")


def write_index(site: Path, records: list[Record], spellings: dict[str, tuple[str, ...]],
                papers: list[tuple[str, str]]) -> int:
    """Index the built site in `site` (its marked pages, and `records`) into `site/pagefind/`;
    beside it, the glossary's spellings (for the worker) and the papers' slugs and titles
    (for the search box's paper menu). Returns how many pages and records were indexed."""
    _json(site / "search" / "spellings.json", spelling_groups(spellings))
    _json(site / "search" / "papers.json",
          sorted((list(p) for p in papers), key=lambda p: (p[1].casefold(), p[0])))
    return asyncio.run(_write(site, records))
