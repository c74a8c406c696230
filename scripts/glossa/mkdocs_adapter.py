"""The one thin adapter between the pipeline and MkDocs (a hook file, not a plugin).

It asks the pipeline for the site's pages and hands them to MkDocs as in-memory files, so
nothing is written to docs/ and `mkdocs serve` does not rebuild in a loop. Everything else
(reading, linking, emitting Markdown) lives in the glossa package and does not import MkDocs.
"""

from __future__ import annotations

import json
import logging
from html import unescape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from glossa.csp import add_policy
from glossa.head_meta import PageFacts, head_html, insert_head, public_url
from glossa.html_fixes import accessible_html
from glossa.problems import ERROR, report
from glossa.search_index import PageSearch, exclude_notes, merge, page_search
from glossa.site import Site, generate

log = logging.getLogger("mkdocs.plugins.glossa")
_site: Site | None = None
_search: list[PageSearch] = []


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    global _site
    _site = generate(_root(config))
    problems = _site.problems
    if any(p.severity == ERROR for p in problems):
        raise PluginError("Glossa: the content has problems:\n" + report(problems, built=False))
    # Warnings (a missing note, a gap in the numbering) are the build report's business,
    # not reasons to stop the site: `glossa check --strict` is where they fail.
    for line in _site.summary_lines():
        log.info("Glossa: %s", line)
    if problems:
        log.info("Glossa: %d warnings; `glossa check` lists them", len(problems))
    config.nav = _site.nav
    config.copyright = _site.copyright
    return config


def on_files(files: Files, config) -> Files:
    assert _site is not None
    for path, content in {**_site.pages, **_site.files}.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    assert _site is not None
    return _site.fill(markdown)


def on_pre_build(config):
    _search.clear()


def on_page_content(html: str, page, config, files) -> str:
    # Before the theme's search reads the page (on_page_context): notes become results of
    # their own, and each section's glossary mentions are noted for the index.
    _search.append(page_search(page.url, html))
    return exclude_notes(html)


@event_priority(-50)  # after the search plugin writes its index, before `offline` copies it
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if _site is None or not path.is_file():
        return
    index = merge(json.loads(path.read_text(encoding="utf-8")), _search, _site.spellings)
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


def on_post_page(output: str, page, config) -> str:
    if _site is not None:
        # Front matter holds title and description escaped for the theme: plain text here.
        facts = PageFacts(title=unescape(page.title or config.site_name),
                          description=unescape(page.meta.get("description")
                                               or config.site_description or ""),
                          site_name=config.site_name, url=public_url(config.site_url, page.url))
        output = insert_head(output, head_html(facts, _site.papers_by_page.get(
            page.file.src_uri)))
    return _secured(accessible_html(output), config)


def on_post_template(output: str, template_name: str, config) -> str:
    return _secured(output, config) if template_name.endswith(".html") else output


def on_serve(server, config, builder):
    root = _root(config)
    for folder in ("content", "scripts/glossa"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server
