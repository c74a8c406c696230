"""A paper (metadata + reading) -> the Markdown of its page: header block, numbered paragraphs
with permalinks, footnotes. Standard Markdown plus attr_list; the extensions render it."""

from __future__ import annotations

import json
import re
from operator import itemgetter

from glossa.enrich.annotations import Anchored
from glossa.enrich.glossary import KIND_NAMES, Entry
from glossa.enrich.linker import TermSpan
from glossa.model.dates import human_date
from glossa.model.paper import Paper, PaperMeta, ResolvedNote
from glossa.model.reading import Heading, Paragraph
from glossa.render.annotation_html import (
    mark_open,
    paragraph_block,
    print_list,
    ref_html,
    summary_markdown,
)
from glossa.render.citations import citation_line
from glossa.render.markdown_text import attr, escape, front_matter, linkify

UNKNOWN = "unknown"


def authors_text(meta: PaperMeta) -> str:
    return ", ".join(meta.authors) if meta.authors else UNKNOWN


def byline(meta: PaperMeta) -> str:
    """Who and when, for lists and columns: only what is known ("by Jane Doe · UNU ·
    March 2019"); the paper's own page says which fields are unknown."""
    bits = [f"by {authors_text(meta)}" if meta.authors else "", meta.publisher or "",
            human_date(meta.date)]
    return " · ".join(b for b in bits if b)


def attribution(meta: PaperMeta) -> str:
    """One line naming the work: title, authors, publisher, year; unknowns said so."""
    bits = [f"“{meta.title}”" if not meta.title.startswith("“") else meta.title,
            f"by {authors_text(meta)}" if meta.authors else "author unknown",
            meta.publisher or "publisher unknown"]
    if meta.year:
        bits.append(meta.year)
    return ", ".join(bits)


def paper_front_matter(meta: PaperMeta) -> str:
    return "\n".join(front_matter(meta.title, meta.abstract, glossa_paper=meta.slug))


def header_block(paper: Paper) -> str:
    meta, reading = paper.meta, paper.reading
    rows = [("Author" if len(meta.authors) == 1 else "Authors", attr(authors_text(meta))),
            ("Publisher", attr(meta.publisher or UNKNOWN))]
    if meta.series:
        rows.append(("Series", attr(meta.series)))
    date = attr(human_date(meta.date) or UNKNOWN)
    if meta.date_note:
        date += f' <span class="glossa-note">({attr(meta.date_note)})</span>'
    rows.append(("Date", date))
    if meta.url:
        rows.append(("Publisher’s page", f'<a href="{attr(meta.url)}">{attr(meta.url)}</a>'))
    else:
        rows.append(("Publisher’s page", UNKNOWN))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    received = attr(" ".join(meta.received.split())) if meta.received else ""
    n_dropped = len(reading.dropped)
    furniture = (f" {n_dropped} line{'s' if n_dropped != 1 else ''} of the source "
                 f"{'were' if n_dropped != 1 else 'was'} left out (running heads, footers, page "
                 "numbers and the like); the end of the page lists each with the reason."
                 if n_dropped else "")
    cite = attr(citation_line(meta))
    out = [f'<div class="glossa-paper-header" data-citation="{cite}">']
    if meta.subtitle:
        out.append(f'<p class="glossa-subtitle">{attr(meta.subtitle)}</p>')
    out.append(f'<dl class="glossa-meta">{dl}</dl>')
    if reading.format == "pdf" and paper.source_path.endswith(".pdf"):
        out.append(f'<p class="glossa-as-received"><strong>Read from the PDF.</strong> '
                   f"{received} The wording, spelling and punctuation are the paper’s own; "
                   "headings, notes, lists and tables were read from the layout of its pages, "
                   "and paragraph numbers (¶) and links are laid out by this site. A paragraph’s "
                   "citation gives the page it starts on (the printed page number, or its place "
                   f"in the PDF file).{furniture}</p>")
    else:
        out.append(f'<p class="glossa-as-received"><strong>Text as received.</strong> '
                   f"{received} The wording, spelling and punctuation are the paper’s own, kept "
                   "as they reached us; headings, paragraph numbers (¶), links and notes are laid "
                   f"out by this site.{furniture}</p>")
    out.append("</div>")
    return "\n".join(out)


def term_link(text: str, entry: Entry, style: str, prefix: str) -> str:
    """A link to the entry. Its hover definition is not a `title` (Material's tooltips would
    parse that as HTML): glossa.js builds it as text from the page's terms block."""
    classes = ".glossa-term" + (" .glossa-term--light" if style == "light" else "")
    return f'[{escape(text)}]({prefix}{entry.id}.md){{{classes} data-entry={entry.id}}}'


def data_block(kind: str, data: dict) -> str:
    """Tooltip texts as a JSON data block (class `glossa-<kind>`): never run, never parsed as
    HTML (glossa.js builds each tooltip with text nodes). `<`, `>` and `&` are written as JSON
    escapes, so no value can close the element."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, code in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return f'<script type="application/json" class="glossa-{kind}">{text}</script>'


def terms_block(entries: dict[str, Entry], used: set[str]) -> str:
    """The definitions of the entries linked from a page, for their tooltips."""
    return data_block("terms", {i: {"term": entries[i].term, "kind": KIND_NAMES[entries[i].kind],
                                    "short": entries[i].short} for i in sorted(used)})


_BY_PLACE = itemgetter(0, 1)  # an event's offset, then its rank there


def inline_markdown(text: str, markers: list[tuple[int, int]], spans: list[TermSpan] = (),
                    entries: dict[str, Entry] | None = None,
                    glossary_prefix: str = "../glossary/", note_link=None,
                    styles: tuple[tuple[int, int, str], ...] = (), escape_text=escape,
                    term=None, marks: tuple[tuple[int, int, str], ...] = (),
                    inserts: tuple[tuple[int, str], ...] = ()) -> str:
    """`text` as Markdown, with footnote references put back at the markers' offsets and
    glossary terms linked. `note_link(n)`, if given, writes a note reference that points
    elsewhere (a passage quoted away from its paper) instead of a footnote of this page;
    `escape_text` and `term(words, entry, style)` write for another format (the EPUB's
    XHTML). `marks` are spans to highlight ((start, end, opening tag of a <mark>)), split at
    the edges of italic and bold runs so that every element nests; `inserts` are HTML put
    in at an offset, after a note that stands there."""
    # Italic and bold as printed: a run is closed before a note or term that it would cut,
    # and a term link that a run's (or a mark's) edge would cut is left as text.
    edges = sorted({x for a, b, _ in styles for x in (a, b)})
    pieces_of_marks = []
    for a, b, tag in marks:
        cuts = [a, *(x for x in edges if a < x < b), b]
        pieces_of_marks += [(x, y, tag) for x, y in zip(cuts, cuts[1:], strict=False) if x < y]
    mark_edges = {x for a, b, _ in pieces_of_marks for x in (a, b)}
    if edges or mark_edges:
        spans = [sp for sp in spans if not any(sp.start < x < sp.end for x in
                                               (*edges, *mark_edges))]
    events = [(offset, 2, ("note", n)) for offset, n in markers]
    events += [(sp.start, 1, ("term", sp)) for sp in spans]
    events += [(offset, 3, ("insert", value)) for offset, value in inserts]
    for a, b, tag in styles:
        events += [(a, 0.5, ("open", tag)), (b, 0, ("close", tag))]
    for a, b, tag in pieces_of_marks:  # inside the style runs: opened after, closed before
        events += [(a, 0.6, ("insert", tag)), (b, -0.5, ("insert", "</mark>"))]
    pieces, pos = [], 0
    for offset, _, (kind, value) in sorted(events, key=_BY_PLACE):
        if offset < pos:
            continue
        pieces.append(escape_text(text[pos:offset]))
        pos = offset
        if kind == "note":
            pieces.append(note_link(value) if note_link else f"[^{value}]")
        elif kind == "open":
            pieces.append(f"<{value}>")
        elif kind == "close":
            pieces.append(f"</{value}>")
        elif kind == "insert":
            pieces.append(value)
        else:
            words = text[value.start:value.end]
            pieces.append(term(words, entries[value.entry], value.style) if term else
                          term_link(words, entries[value.entry], value.style, glossary_prefix))
            pos = value.end
    pieces.append(escape_text(text[pos:]))
    return "".join(pieces)


def paragraph_markdown(p: Paragraph, markers: list[tuple[int, int]],
                       spans: list[TermSpan] = (), entries: dict[str, Entry] | None = None,
                       page: str = "", notes: list[Anchored] = ()) -> str:
    """A paper's paragraph: its number and permalink, lead-in, text, notes and terms, and
    the editors' annotations anchored to it (marked words, a reference, the notes)."""
    marks = tuple((a.start, a.end, mark_open(a)) for a in notes if a.start is not None)
    inserts = tuple((len(p.text) if a.start is None else a.end, ref_html(a)) for a in notes)
    body = inline_markdown(p.text, markers, spans, entries, styles=p.styles, marks=marks,
                           inserts=inserts)
    if p.kind == "aside":  # a box: set beside the text, or a report's author block
        lead = f"**{escape(p.lead)}:** " if p.lead else ""
        body = body.replace("\n", "<br>\n")  # an author block's lines, a line each
        start = " .glossa-aside-start" if p.lead else ""  # a box's first paragraph
        return f"{lead}{body}\n{{: #{p.id} .glossa-aside{start} }}"
    if p.kind == "caption":
        return f"*{body}*\n{{: #{p.id} .glossa-caption }}"
    if p.kind == "grid":
        # A table whose grid is clear (read from a PDF's layout): rows and cells, first row
        # as the header.
        return (f'<div class="glossa-table glossa-grid" id="{p.id}" role="group" '
                f'aria-label="A table">{grid_table(p.text, attr)}</div>')
    if p.kind == "table":
        # A table whose grid the text lost: its cells in reading order, as received.
        return (f'<div class="glossa-table" id="{p.id}" role="group" aria-label="A table or '
                'figure: its words in reading order (the text lost its layout)">'
                f'<pre>{attr(p.text)}</pre></div>')
    number = p.id[1:]
    where = f' data-page="{attr(page)}"' if page else ""
    lead = f"**{escape(p.lead)}.** " if p.lead else ""
    link = (f'<a class="glossa-pilcrow" href="#{p.id}" title="Link to paragraph {number}" '
            f'aria-label="Link to paragraph {number}">¶{number}</a> ')
    bullet = "- " if p.kind == "item" else ""
    para = f"{bullet}{link}{lead}{body}\n{{: #{p.id} .glossa-para{where} }}"
    return paragraph_block(para, p.id, list(notes)) if notes else para


def grid_table(text: str, escape_cell, ident: str = "") -> str:
    """A grid's text (a row a line, a tab between cells) as an HTML table, first row head."""
    rows = [r.split("\t") for r in text.split("\n")]
    head = "".join(f"<th>{escape_cell(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{escape_cell(c)}</td>" for c in r) + "</tr>"
                   for r in rows[1:])
    where = f' id="{ident}"' if ident else ""
    return f"<table{where}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def missing_note(n: int, meta: PaperMeta, unread: bool = False) -> str:
    text = (f"The text of note {n} was not included in the text we received, "
            "so it cannot be shown here.") if not unread else (
            f"Note {n} is in the text we received, but it could not be read apart from the "
            "text around it, so it is not shown here.")
    if meta.url:
        text += (' The published paper has it: see '
                 f'<a href="{attr(meta.url)}">the publisher’s page</a>.')
    return f'<span class="glossa-missing-note">{text}</span>'


def note_title(note: ResolvedNote) -> str:
    """A note as plain text, for a tooltip."""
    if note.text is None and note.origin == "unread":
        return (f"Note {note.n}: it is in the text we received but could not be read apart "
                "from the text around it; see the paper's page for the publisher's link.")
    if note.text is None:
        return (f"Note {note.n}: its text was not included in the text we received; see the "
                "paper's page for the publisher's link.")
    return f"Note {note.n}: {' '.join(note.text.split())}"


def note_markdown(note: ResolvedNote, meta: PaperMeta) -> str:
    if note.text is None:
        return missing_note(note.n, meta, unread=note.origin == "unread")
    text = linkify(note.text)
    if note.origin == "editor":
        text += (f' <span class="glossa-supplied">(Not in the text we received; supplied by an '
                 f"editor from: {linkify(note.source)})</span>")
    return text


def with_also_cited(markdown: str,
                    elsewhere: dict[int, tuple[list[tuple[str, str, int]], int]]) -> str:
    """A paper's page with "Also cited in ..." after each note that cites a work another
    paper cites too (`elsewhere`: note -> (the first of them: paper's slug, its title, its
    note; and how many more, which the Sources page lists)); the note's hover preview shows
    it with the note."""
    if not elsewhere:
        return markdown
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("[^") and (m := FOOTNOTE_LINE.match(line)) \
                and int(m.group(1)) in elsewhere:
            shown, more = elsewhere[int(m.group(1))]
            links = "; ".join(f"[*{escape(title)}*, note {n}]({slug}.md#fn:{n})"
                              for slug, title, n in shown)
            if more:
                links += (f"; and {more} more note{'s' if more > 1 else ''} of other papers "
                          "([Sources](../sources.md))")
            lines[i] = f'{line} <span class="glossa-also-cited">Also cited in {links}.</span>'
    return "\n".join(lines)


FOOTNOTE_LINE = re.compile(r"^\[\^(\d+)\]: ")


def paper_markdown(paper: Paper, spans: dict[str, list[TermSpan]] | None = None,
                   entries: dict[str, Entry] | None = None,
                   annotations: list[Anchored] = (), bibliography: bool = False) -> str:
    meta, reading = paper.meta, paper.reading
    spans = spans or {}
    by_para: dict[str, list[Anchored]] = {}
    for a in annotations:
        by_para.setdefault(a.para, []).append(a)
    by_block: dict[str, list[tuple[int, int]]] = {}
    for m in reading.markers:
        by_block.setdefault(m.block, []).append((m.offset, m.n))
    slug = meta.slug
    out = [paper_front_matter(meta), f"# {escape(meta.title)}", "", header_block(paper), "",
           f"Cite this paper: [BibTeX]({slug}.bib){{download}} · [RIS]({slug}.ris){{download}} · "
           f"[CSL-JSON]({slug}.json){{download}}. "
           + ("Its bibliography (the works its notes cite): " + " · ".join(
               f'[{name}]({slug}.bibliography.{ext}){{download aria-label="Bibliography in '
               f'{name}"}}' for name, ext in (("BibTeX", "bib"), ("RIS", "ris"),
                                               ("CSL-JSON", "json"))) + ". "
              if bibliography else "")
           + "Each paragraph’s number (¶) gives a "
           f"citation of that paragraph. Read it on an e-reader: [EPUB]({slug}.epub){{download}}."
           "\n{: .glossa-cite-paper }", ""]
    if annotations:
        out += [summary_markdown(list(annotations), "../annotations/index.md"), ""]
    for b in reading.blocks:
        if isinstance(b, Heading):
            if b.id in by_block:  # a note on the heading: its number stays out of the contents
                text = inline_markdown(b.text, by_block[b.id])
                out.append(f"{'#' * b.level} {text} {{#{b.id} data-toc-label=\"{attr(b.text)}\"}}")
            else:
                out.append(f"{'#' * b.level} {escape(b.text)} {{#{b.id}}}")
        else:
            out.append(paragraph_markdown(b, by_block.get(b.id, []), spans.get(b.id, []),
                                          entries, reading.page_citation(b.page),
                                          by_para.get(b.id, ())))
        out.append("")
    if annotations:
        out += [print_list(list(annotations), {b.id: b.text for b in reading.paragraphs()}),
                ""]
    for n, note in sorted(paper.footnotes.items()):
        out.append(f"[^{n}]: {note_markdown(note, meta)}")
        out.append("")
    block = terms_block(entries or {}, {sp.entry for v in spans.values() for sp in v})
    if block:
        out += [block, ""]
    if reading.dropped:
        out.append('<details class="glossa-dropped"><summary>Lines of the source '
                   'left out, each with the reason</summary><ul>')
        for d in reading.dropped:
            where = f"page {d.page}" if d.page else f"line {d.line}"
            out.append(f"<li>{where}: “{attr(d.text)}” ({attr(d.why)})</li>")
        out.append("</ul></details>")
        out.append("")
    return "\n".join(out)
