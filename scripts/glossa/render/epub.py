"""A paper -> an EPUB 3 book, for e-readers: offered beside the BibTeX, RIS and CSL-JSON.

The book holds the paper as the site shows it: the header with the attribution and how the
text reached us, the headings (its table of contents), the paragraphs with their numbers,
lists, tables and captions, and the notes as EPUB pop-up notes (`epub:type="noteref"` in the
text, `epub:type="footnote"` asides after it), with the site's message where a note is
missing; then the glossary entries the paper mentions, as an appendix the text links to.
No network resources: one stylesheet, no fonts, no images.

Written with the standard library's zipfile: EPUB 3 is a zip of XHTML, a package document
and a navigation document, and epubcheck (CI runs it) says whether it is right. EbookLib is
AGPL-3.0, which this MIT project does not take on; Pandoc would read our Markdown without its
extensions (attribute lists, Markdown in HTML). The zip is byte-identical from one build to
the next: entries in a fixed order with a fixed time, and `dcterms:modified` from the
content (SOURCE_DATE_EPOCH when set, else the paper's date), never the clock.
"""

from __future__ import annotations

import io
import os
import time
import uuid
import zipfile
from collections.abc import Iterable

from glossa.enrich.citation import Citation
from glossa.enrich.glossary import Entry
from glossa.enrich.linker import TermSpan
from glossa.enrich.sources import gather
from glossa.model.paper import Paper
from glossa.model.reading import Heading, Paragraph
from glossa.render.bibliography import entry_text
from glossa.render.emit import attribution, byline, grid_table, inline_markdown, missing_note
from glossa.render.markdown_text import attr

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
STYLE = """body { font-family: serif; line-height: 1.45; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; } h3, h4, h5, h6 { font-size: 1.1em; }
.byline, .received, .caption { font-size: 0.9em; }
.number { color: #666; font-size: 0.8em; }
.glossa-missing-note { font-style: italic; }
pre { white-space: pre-wrap; font-size: 0.8em; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 0.2em; }
aside.box { border-left: 3px solid #999; padding-left: 0.8em; }
dt { font-weight: bold; margin-top: 0.6em; }
"""


x = attr  # text for XHTML content and attributes: &, <, >, both quotes


def _modified(paper: Paper) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(epoch)))
    parts = (paper.meta.date or "2000").split("-") + ["01", "01"]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def _doc(title: str, body: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en" lang="en">\n'
            f'<head><meta charset="utf-8"/><title>{x(title)}</title>'
            '<link rel="stylesheet" type="text/css" href="style.css"/></head>\n'
            f"<body>\n{body}\n</body>\n</html>\n")


def _inline(text: str, markers: list[tuple[int, int]], spans: Iterable[TermSpan],
            entries: dict[str, Entry], styles=()) -> str:
    def noteref(n: int) -> str:
        return (f'<sup><a epub:type="noteref" href="#note-{n}" id="ref-{n}" '
                f'role="doc-noteref">{n}</a></sup>')

    def term(words: str, entry: Entry, style: str) -> str:
        if style != "link":
            return x(words)
        return f'<a href="glossary.xhtml#{x(entry.id)}">{x(words)}</a>'

    return inline_markdown(text, markers, list(spans), entries, note_link=noteref,
                           styles=styles, escape_text=x, term=term)


def _block(p: Paragraph, markers, spans, entries) -> str:
    body = _inline(p.text, markers, spans, entries, p.styles)
    if p.kind == "aside":
        lead = f"<strong>{x(p.lead)}:</strong> " if p.lead else ""
        body = body.replace("\n", "<br/>\n")
        return f'<aside class="box" id="{p.id}"><p>{lead}{body}</p></aside>'
    if p.kind == "caption":
        return f'<p class="caption" id="{p.id}"><em>{body}</em></p>'
    if p.kind == "grid":
        return grid_table(p.text, x, p.id)
    if p.kind == "table":
        return f'<pre id="{p.id}">{x(p.text)}</pre>'
    lead = f"<strong>{x(p.lead)}.</strong> " if p.lead else ""
    number = f'<span class="number">¶{p.id[1:]}</span> '
    return f'<p id="{p.id}">{number}{lead}{body}</p>'


def _note(paper: Paper, n: int) -> str:
    note = paper.footnotes.get(n)
    if note is None or note.text is None:
        # The site's own message (its HTML is escaped text and one link: valid XHTML).
        body = missing_note(n, paper.meta, unread=note is not None and note.origin == "unread")
    else:
        body = x(" ".join(note.text.split()))
        if note.origin == "editor":
            body += (" <em>(Not in the text we received; supplied by an editor from "
                     f"{x(note.source)}.)</em>")
    return (f'<aside epub:type="footnote" role="doc-footnote" id="note-{n}">'
            f'<p><a href="#ref-{n}">{n}.</a> {body}</p></aside>')


def _nav(headings: list[Heading], glossary: bool, bibliography: bool = False) -> str:
    """The table of contents: the paper's headings nested by level (a level skipped, 2 then
    4, nests one step), then the bibliography and the glossary."""
    out = ['<nav epub:type="toc" id="toc" role="doc-toc"><h1>Contents</h1><ol>',
           '<li><a href="text.xhtml#top">The paper</a>']
    depth = 0
    for h in headings:
        level = min(max(1, h.level - 1), depth + 1)
        if level > depth:
            out.append("<ol>")
        else:
            out.append("</li>")
            out += ["</ol></li>"] * (depth - level)
        depth = level
        out.append(f'<li><a href="text.xhtml#{x(h.id)}">{x(h.text)}</a>')
    if depth:
        out.append("</li>")
        out += ["</ol></li>"] * (depth - 1)
        out.append("</ol>")
    out.append("</li>")
    if bibliography:
        out.append('<li><a href="bibliography.xhtml">Bibliography</a></li>')
    if glossary:
        out.append('<li><a href="glossary.xhtml">Glossary</a></li>')
    out.append("</ol></nav>")
    return _doc("Contents", "".join(out))


def paper_epub(paper: Paper, spans: dict[str, list[TermSpan]], entries: dict[str, Entry],
               citations: list[Citation] = (), site_name: str = "Glossa") -> bytes:
    meta, reading = paper.meta, paper.reading
    by_block: dict[str, list[tuple[int, int]]] = {}
    for m in reading.markers:
        by_block.setdefault(m.block, []).append((m.offset, m.n))
    used = sorted({sp.entry for v in spans.values() for sp in v if sp.entry in entries},
                  key=lambda e: entries[e].term.casefold())
    body = [f'<section epub:type="bodymatter" id="top"><h1>{x(meta.title)}</h1>']
    if meta.subtitle:
        body.append(f'<p class="byline"><em>{x(meta.subtitle)}</em></p>')
    if byline(meta):
        body.append(f'<p class="byline">{x(byline(meta))}</p>')
    body.append(f'<p class="received">{x(attribution(meta))}. Made with {x(site_name)}: '
                "the paper as its text reached us, laid out for reading.</p>")
    if meta.received:
        body.append(f'<p class="received">As received: {x(" ".join(meta.received.split()))}'
                    "</p>")
    in_list = False
    for b in reading.blocks:
        if isinstance(b, Paragraph) and b.kind == "item":
            if not in_list:
                body.append("<ul>")
                in_list = True
            inner = _block(b, by_block.get(b.id, []), spans.get(b.id, []), entries)
            body.append(f"<li>{inner}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        if isinstance(b, Heading):
            level = max(2, min(6, b.level))
            text = _inline(b.text, by_block.get(b.id, []), (), entries)
            body.append(f'<h{level} id="{x(b.id)}">{text}</h{level}>')
        else:
            body.append(_block(b, by_block.get(b.id, []), spans.get(b.id, []), entries))
    if in_list:
        body.append("</ul>")
    body.append("</section>")
    numbers = sorted({m.n for m in reading.markers})
    if numbers:
        body.append('<section epub:type="footnotes" role="doc-endnotes"><h2>Notes</h2>')
        body += [_note(paper, n) for n in numbers]
        body.append("</section>")
    text = _doc(meta.title, "\n".join(body))
    glossary = ""
    if used:
        rows = []
        for e in used:
            rows.append(f'<dt id="{x(e)}">{x(entries[e].term)}</dt>'
                        f"<dd><em>{x(entries[e].kind.capitalize())}.</em> "
                        f"{x(' '.join(entries[e].short.split()))}</dd>")
        glossary = _doc("Glossary", '<section epub:type="appendix" role="doc-appendix">'
                        "<h1>Glossary</h1><p>The people, organisations, places, agreements "
                        f"and ideas this paper mentions, as {x(site_name)}’s glossary "
                        "describes them (our words, not the paper’s).</p>"
                        f"<dl>{''.join(rows)}</dl></section>")
    works, _ = gather(list(citations))
    files = {"text.xhtml": text,
             "nav.xhtml": _nav(list(reading.headings()), bool(used), bool(works)),
             "style.css": STYLE}
    if works:
        rows = "".join(f"<li>{x(entry_text(w))}"
                       + (f' <a href="{x(w.first.url)}">{x(w.first.url)}</a>'
                          if w.first.url else "")
                       + " (note" + ("s " if len({c.note for c in w.citations}) > 1 else " ")
                       + ", ".join(f'<a href="text.xhtml#note-{n}">{n}</a>' if n in numbers
                                   else str(n) for n in sorted({c.note for c in w.citations}))
                       + ")</li>" for w in works)
        files["bibliography.xhtml"] = _doc(
            "Bibliography", '<section epub:type="bibliography" role="doc-bibliography">'
            "<h1>Bibliography</h1><p>The works this paper’s notes cite, each once, as "
            f"{x(site_name)} read them from the notes.</p><ul>{rows}</ul></section>")
    if glossary:
        files["glossary.xhtml"] = glossary
    return _zip(_package(paper, files), files)


def _package(paper: Paper, files: dict[str, str]) -> str:
    meta = paper.meta
    uid = uuid.uuid5(uuid.NAMESPACE_URL, f"glossa:{meta.slug}:{paper.sha256}")
    dc = [f'<dc:identifier id="uid">urn:uuid:{uid}</dc:identifier>',
          f"<dc:title>{x(meta.title)}</dc:title>", "<dc:language>en</dc:language>"]
    dc += [f"<dc:creator>{x(a)}</dc:creator>" for a in meta.authors]
    if meta.publisher:
        dc.append(f"<dc:publisher>{x(meta.publisher)}</dc:publisher>")
    if meta.date:
        dc.append(f"<dc:date>{x(meta.date)}</dc:date>")
    if meta.url:
        dc.append(f"<dc:source>{x(meta.url)}</dc:source>")
    dc.append(f"<dc:rights>{x(attribution(meta))}</dc:rights>")
    dc.append(f'<meta property="dcterms:modified">{_modified(paper)}</meta>')
    types = {".xhtml": "application/xhtml+xml", ".css": "text/css"}
    manifest = []
    for name in files:
        ident = name.split(".")[0]
        props = ' properties="nav"' if name == "nav.xhtml" else ""
        media = types["." + name.rsplit(".", 1)[1]]
        manifest.append(f'<item id="{ident}" href="{name}" media-type="{media}"{props}/>')
    spine = ['<itemref idref="text"/>']
    if "bibliography.xhtml" in files:
        spine.append('<itemref idref="bibliography"/>')
    if "glossary.xhtml" in files:
        spine.append('<itemref idref="glossary"/>')
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
            'unique-identifier="uid" xml:lang="en">\n'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
            + "\n".join(dc) + "\n</metadata>\n<manifest>\n" + "\n".join(manifest)
            + "\n</manifest>\n<spine>\n" + "\n".join(spine) + "\n</spine>\n</package>\n")


CONTAINER = ('<?xml version="1.0" encoding="utf-8"?>\n'
             '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="EPUB/package.opf" '
             'media-type="application/oebps-package+xml"/></rootfiles></container>\n')


def _zip(package: str, files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        def add(name: str, data: str, method: int = zipfile.ZIP_DEFLATED) -> None:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8"))
        add("mimetype", "application/epub+zip", zipfile.ZIP_STORED)  # first, uncompressed
        add("META-INF/container.xml", CONTAINER)
        add("EPUB/package.opf", package)
        for name, data in files.items():
            add(f"EPUB/{name}", data)
    return out.getvalue()
