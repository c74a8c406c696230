"""The one thin adapter between the pipeline and MkDocs (a hook file, not a plugin).

It asks the pipeline for the site's pages and hands them to MkDocs as in-memory files, so
nothing is written to docs/ and `mkdocs serve` does not rebuild in a loop. Everything else
(reading, linking, emitting Markdown) lives in the glossa package and does not import MkDocs.

For the preview (`glossa serve`, glossa/preview.py) it keeps what the last full build made
(config, files, navigation, template environment) and renders chosen pages again with
MkDocs' own page stages and the theme's templates: `render_pages`.
"""

from __future__ import annotations

import json
import logging
import os
from html import unescape
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from glossa.model.problems import ERROR, report
from glossa.publish.site import Site, generate
from glossa.render.csp import add_policy
from glossa.render.head_meta import PageFacts, head_html, insert_head, public_url
from glossa.render.hosted_search import (
    PAGEFIND,
    Record,
    kind_of,
    mark_page,
    papers_of_pages,
    point_worker,
    stub_index,
    write_index,
)
from glossa.render.html_fixes import accessible_html
from glossa.render.search_index import (
    PageSearch,
    annotation_results,
    exclude_from_sections,
    merge,
    page_search,
)
from glossa.render.shard_search import FOLDER as SHARD_FOLDER
from glossa.render.shard_search import SHARDS, index_files, page_records
from glossa.render.shard_search import WORKER as SHARD_WORKER
from glossa.render.shard_search import Page as ShardPage
from glossa.render.shard_search import Record as ShardRecord

log = logging.getLogger("mkdocs.plugins.glossa")


class Build:
    """What one build made: the pipeline's site, what each page adds to the search index,
    and MkDocs' config, files, navigation and template environment (for render_pages)."""

    def __init__(self, site: Site | None = None):
        self.site = site
        self.search: dict[str, PageSearch] = {}  # page location -> what it adds
        self.sources: dict[str, str] = {}  # page location -> its source ("papers/x.md")
        self.papers_of: dict[str, list[str]] | None = None  # page source -> paper slugs
        # page location -> what it gives the shard index (the page, its annotations)
        self.shard_pages: dict[str, list[ShardPage]] = {}
        self.config = self.files = self.nav = self.env = None


_now = Build()  # the build under way, or the last one


def _hosted_search(config) -> bool:
    """Pagefind behind the search box (`glossa build`)."""
    return config.extra.get("glossa_search") == PAGEFIND


def _shard_search(config) -> bool:
    """The index of script files (the offline build, `glossa serve`, a bare `mkdocs build`);
    neither this nor Pagefind: the theme's own search (`extra.glossa_search: theme`)."""
    return config.extra.get("glossa_search") == SHARDS


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    global _now
    _now = Build(generate(_root(config)))
    problems = _now.site.problems
    if any(p.severity == ERROR for p in problems):
        raise PluginError("Glossa: the content has problems:\n" + report(problems, built=False))
    # Warnings (a missing note, a gap in the numbering) are the build report's business,
    # not reasons to stop the site: `glossa check --strict` is where they fail.
    for line in _now.site.summary_lines():
        log.info("Glossa: %s", line)
    if problems:
        log.info("Glossa: %d warnings; `glossa check` lists them", len(problems))
    config.nav = _now.site.nav
    config.copyright = _now.site.copyright
    return config


def on_files(files: Files, config) -> Files:
    assert _now.site is not None
    for path, content in {**_now.site.pages, **_now.site.files}.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    assert _now.site is not None
    return _now.site.fill(markdown)


def on_nav(nav, config, files):
    _now.config, _now.files, _now.nav = config, files, nav
    return nav


def on_env(env, config, files):
    _now.env = env
    return env


def on_page_content(html: str, page, config, files) -> str:
    # Before the theme's search reads the page (on_page_context): notes become results of
    # their own, and each section's glossary mentions are noted for the index.
    _now.search[page.url] = page_search(page.url, html)
    _now.sources[page.url] = page.file.src_uri
    return exclude_from_sections(html)


def _annotation_records() -> list[Record]:
    """Each editors' annotation as a search result of its own, landing on its paragraph."""
    records = []
    for location, found in _now.search.items():
        meta = _now.site.papers_by_page.get(_now.sources.get(location, ""))
        # One record per paragraph: Pagefind keeps one record per URL.
        for para, title, text in annotation_results(found):
            records.append(Record(
                url=f"{location}#{para}", text=text, title=title,
                page=meta.title if meta else location,
                filters={"kind": ["annotation"], "paper": [meta.slug] if meta else []}))
    return records


def _papers_of(src: str) -> list[str]:
    """The papers (slugs) the page made from `src` is about."""
    if _now.papers_of is None:
        site = _now.site
        _now.papers_of = papers_of_pages(site.papers_by_page, site.occurrences, site.passages)
    return _now.papers_of.get(src, [])


def _shard_pages(location: str, src: str, title: str, output: str) -> list[ShardPage]:
    """What a rendered page gives the shard index: itself, and its editors' annotations (a
    result each, landing on its paragraph)."""
    out = [ShardPage(location, title, kind_of(src), _papers_of(src),
                     page_records(output, title))]
    meta = _now.site.papers_by_page.get(src)
    found = _now.search.get(location)
    if found is not None and meta is not None:
        notes = [ShardRecord(para, name, text) for para, name, text in annotation_results(found)]
        if notes:
            out.append(ShardPage(location, meta.title, "annotation", [meta.slug], notes))
    return out


def _write_shards(site_dir: str) -> list[str]:
    """Write the shard index of the pages rendered so far into `site_dir`: only the files
    that changed (a preview's edit changes few), and remove those no longer made. Returns
    the paths written, relative to the site folder."""
    site = _now.site
    files = index_files([p for pages in _now.shard_pages.values() for p in pages],
                        site.spellings, [(m.slug, m.title) for m in site.papers_by_page.values()])
    folder = Path(site_dir) / SHARD_FOLDER
    old = {p.relative_to(folder).as_posix() for p in folder.rglob("*.js")} if folder.is_dir() \
        else set()
    for stale in old - set(files):
        (folder / stale).unlink()
    written = []
    for rel, text in files.items():
        path = folder / rel
        data = text.encode("utf-8")
        if rel in old and path.read_bytes() == data:
            continue
        _replace(str(path), data)
        written.append(f"{SHARD_FOLDER}/{rel}")
    return written


@event_priority(-50)  # after the search plugin writes its index, before `offline` copies it
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if _now.site is None or not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    if _shard_search(config):
        written = _write_shards(config.site_dir)
        log.info("Glossa: search index (shards) of %d pages, %d files",
                 len(_now.shard_pages), len(written))
        index = stub_index(index)
    elif _hosted_search(config):
        papers = [(m.slug, m.title) for m in _now.site.papers_by_page.values()]
        pages = write_index(Path(config.site_dir), _annotation_records(), _now.site.spellings,
                            papers)
        log.info("Glossa: search index (Pagefind) of %d pages and annotations", pages)
        index = stub_index(index)
    else:
        index = merge(index, list(_now.search.values()), _now.site.spellings)
    path.write_text(json.dumps(index, separators=(",", ":")),  # ASCII, as the theme writes it
                    encoding="utf-8")


def _secured(html: str, config) -> str:
    templates = next((Path(d) for d in config.theme.dirs
                      if (Path(d) / "partials/javascripts/base.html").is_file()), Path("."))
    offline = config.plugins.get("material/offline")
    offline = bool(offline and offline.config.enabled)
    shims = [Path(config.docs_dir) / p for p in config.extra.get("polyfills", [])
             if p.endswith("iframe-worker/shim.js")]
    return add_policy(html, templates, shims[0] if shims else None, offline)


def _for_search(output: str, src: str | None, config) -> str:
    if _shard_search(config):
        return point_worker(output, SHARD_WORKER)
    if not _hosted_search(config):
        return output
    if src is not None and _now.site is not None:
        output = mark_page(output, src, _papers_of(src))
    return point_worker(output)


def on_post_page(output: str, page, config) -> str:
    output = _for_search(output, page.file.src_uri, config)
    if _shard_search(config) and _now.site is not None:
        _now.shard_pages[page.url] = _shard_pages(
            page.url, page.file.src_uri, unescape(page.title or config.site_name), output)
    if _now.site is not None:
        # Front matter holds title and description escaped for the theme: plain text here.
        facts = PageFacts(title=unescape(page.title or config.site_name),
                          description=unescape(page.meta.get("description")
                                               or config.site_description or ""),
                          site_name=config.site_name, url=public_url(config.site_url, page.url))
        output = insert_head(output, head_html(facts, _now.site.papers_by_page.get(
            page.file.src_uri)))
    return _secured(accessible_html(output), config)


def on_post_template(output: str, template_name: str, config) -> str:
    if not template_name.endswith(".html"):
        return output
    return _secured(_for_search(output, None, config), config)


def on_serve(server, config, builder):
    root = _root(config)
    for folder in ("content", "scripts/glossa"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


def _replace(path: str, data: bytes) -> None:
    """Write `path` whole at once: a reader that opened the old file reads it to its end
    (the served search index is megabytes long)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def dest_path(build: Build, src: str) -> str | None:
    """Where `build` wrote the page or file `src` (docs-relative), e.g. "papers/x.md" ->
    "papers/x/index.html"."""
    file = build.files.get_file_from_path(src) if build.files is not None else None
    return file.dest_uri if file is not None else None


def render_pages(build: Build, site: Site, pages: list[str], files_out: dict[str, str | bytes],
                 search: bool = True, on_written=None) -> list[str]:
    """After an edit: render `pages` (docs-relative Markdown paths) again through MkDocs'
    own stages (plugins' page events, Markdown, the theme's template) into the last full
    build's site folder, write `files_out` (citations, EPUBs), and, with `search`, write the
    search index with these pages' entries replaced. Returns the paths written, relative
    to the site folder; `on_written(path)`, if given, hears of each as it is written. The
    caller decides which pages (glossa/preview.py); a change to the navigation or the set of
    pages needs a full build instead."""
    global _now
    _now = build  # the events below read it
    build.site = site
    config, files, nav, env = build.config, build.files, build.nav, build.env
    written: list[str] = []
    for src, data in files_out.items():
        _replace(os.path.join(config.site_dir, src),
                 data if isinstance(data, bytes) else data.encode("utf-8"))
        written.append(src)
        if on_written is not None:
            on_written(src)
    engine = config.plugins.get("material/search")
    index = getattr(engine, "search_index", None)
    doc_files = files.documentation_pages()
    chosen = [files.get_file_from_path(src) for src in pages]
    if index is not None and chosen:  # these pages' entries go; rendering adds them anew
        urls = {f.url for f in chosen}
        index.entries = [e for e in index.entries if e["location"].split("#")[0] not in urls]
    for file in chosen:
        if site.pages.get(file.src_uri) is not None:
            file.content_string = site.pages[file.src_uri]  # generated; docs/ pages are re-read
        _populate_page(file.page, config, files)
        _build_page(file.page, config, doc_files, nav, env)
        file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        written.append(file.dest_uri)
        if on_written is not None:
            on_written(file.dest_uri)
    if search and _shard_search(config):
        written += _write_shards(config.site_dir)
    elif search and index is not None:
        # What the theme's search plugin and on_post_build write after a full build, made
        # in one pass from the entries kept in memory.
        data = {"config": {k: engine.config[k] for k in ("lang", "separator", "pipeline",
                                                          "fields")},
                "docs": index.entries}
        data = merge(data, list(build.search.values()), site.spellings)
        _replace(os.path.join(config.site_dir, "search", "search_index.json"),
                 json.dumps(data, separators=(",", ":"), default=str).encode())
        written.append("search/search_index.json")
    return written
