"""Themes with their passages -> comparison pages (one column per paper, side by side on a
wide screen, stacked on a phone) and the overview (metadata side by side, themes x papers)."""

from __future__ import annotations

from glossa.enrich.glossary import Entry
from glossa.enrich.linker import TermSpan
from glossa.enrich.themes import Passage, Theme
from glossa.model.paper import Paper
from glossa.model.reading import TEXT_KINDS
from glossa.render.emit import (
    UNKNOWN,
    authors_text,
    byline,
    data_block,
    human_date,
    inline_markdown,
    note_title,
    terms_block,
)
from glossa.render.markdown_text import attr, escape, front_matter

# Side-by-side columns stay readable up to a handful of papers; beyond that the page shows
# the best few as columns and lists the rest, so its size does not grow with the corpus.
COLUMN_LIMIT = 4
MORE_LIMIT = 40


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|")


def theme_markdown(theme: Theme, passages: list[Passage], papers: list[Paper],
                   spans: dict[str, dict[str, list[TermSpan]]], entries: dict[str, Entry]) -> str:
    head = front_matter(theme.title, theme.question)
    # The columns take the page's whole width: no navigation or contents sidebars here.
    head[-2:-2] = ["hide:", "  - navigation", "  - toc"]
    out = [*head,
           f"# {escape(theme.title)}", "", f"{escape(theme.question)}\n{{: .glossa-question }}",
           ""]
    if theme.related:
        links = ", ".join(f"[{escape(entries[r].term)}](../glossary/{r}.md)"
                          for r in theme.related if r in entries)
        out += [f"Glossary: {links}\n{{: .glossa-related }}", ""]
    shown, others = columns_for(theme, passages, papers)
    used: set[str] = set()
    notes: dict[str, dict] = {}
    out.append(f'<div class="glossa-compare" style="--glossa-columns: {len(shown)}" '
               'markdown="1">')
    out.append("")
    for paper in shown:
        slug, meta = paper.meta.slug, paper.meta
        mine = [p for p in passages if p.paper == slug]
        out += [f'<section class="glossa-compare__col" aria-labelledby="{slug}" markdown="1">',
                "", f"## {escape(meta.title)} {{#{slug}}}", ""]
        line = byline(meta)
        if line:
            out += [f"{escape(line)}\n{{: .glossa-byline }}", ""]
        summary = theme.summaries.get(slug)
        if summary:
            out += [f"**In brief.** {escape(summary)}\n{{: .glossa-summary }}", ""]
        if any(p.how == "suggested" for p in mine):
            out += ["*Suggested passages: chosen by the ranking, not yet checked by an editor.*"
                    "\n{: .glossa-suggested }", ""]
        if not mine:
            out += ["*No passage of this paper speaks to this theme.*", ""]
        paras = {p.id: p for p in paper.reading.paragraphs()}
        by_block: dict[str, list[tuple[int, int]]] = {}
        for m in paper.reading.markers:
            by_block.setdefault(m.block, []).append((m.offset, m.n))
        section_of = _sections(paper)
        for passage in mine:
            para = paras[passage.para]
            n = para.id[1:]
            where = f" · {section_of[para.id]}" if section_of.get(para.id) else ""
            label = f"¶{n}{where}"
            para_spans = spans.get(slug, {}).get(para.id, [])
            used.update(sp.entry for sp in para_spans)
            body = inline_markdown(para.text, by_block.get(para.id, []), para_spans, entries,
                                   note_link=_note_link(paper, notes))
            lead = f"**{escape(para.lead)}.** " if para.lead else ""
            # The passage is the paper's text, indexed on the paper's page already.
            out += [f'<div class="glossa-passage glossa-passage--{passage.how}" '
                    f'id="{slug}-{para.id}" data-search-exclude markdown="1">', "",
                    f"[{escape(label)}](../papers/{slug}.md#{para.id})"
                    "\n{: .glossa-passage__source }", "", f"{lead}{body}", "", "</div>", ""]
        out += ["</section>", ""]
    out += ["</div>", ""]
    for block in (terms_block(entries, used), data_block("notes", notes)):
        if block:
            out += [block, ""]
    if others:
        out += ["## More papers on this theme", "",
                f"{len(others)} more papers have passages on this theme; their best "
                "paragraphs:", ""]
        for paper in others[:MORE_LIMIT]:
            mine = [p for p in passages if p.paper == paper.meta.slug]
            links = ", ".join(f"[¶{p.para[1:]}](../papers/{paper.meta.slug}.md#{p.para})"
                              for p in mine)
            out.append(f"- {escape(paper.meta.title)}: {links}")
        if len(others) > MORE_LIMIT:
            out.append(f"- … and {len(others) - MORE_LIMIT} more (see the overview).")
        out.append("")
    return "\n".join(out)


def columns_for(theme: Theme, passages: list[Passage], papers: list[Paper]
                ) -> tuple[list[Paper], list[Paper]]:
    """The papers shown as columns (all of them, up to COLUMN_LIMIT: those with pinned
    passages first, then the best-ranked), and the others, listed below the columns."""
    if len(papers) <= COLUMN_LIMIT:
        return papers, []
    pinned = {p.paper for p in passages if p.how == "pinned"}
    best: dict[str, float] = {}
    for p in passages:
        best[p.paper] = max(best.get(p.paper, 0.0), p.score)
    order = sorted((x for x in papers if x.meta.slug in best or x.meta.slug in pinned),
                   key=lambda x: (x.meta.slug not in pinned, -best.get(x.meta.slug, 0.0)))
    shown = set(x.meta.slug for x in order[:COLUMN_LIMIT])
    return ([x for x in papers if x.meta.slug in shown],
            [x for x in order if x.meta.slug not in shown])


def _note_link(paper: Paper, notes: dict[str, dict]):
    """Note references keep the paper's own numbers and preview the note on hover (its text
    goes to the page's notes block, `notes`); they lead to the note in the paper."""
    slug = paper.meta.slug

    def link(n: int) -> str:
        notes[f"{slug}-{n}"] = {"head": f"Note {n}", "paper": paper.meta.title,
                                "text": note_title(paper.footnotes[n]).split(": ", 1)[1]}
        return (f'<sup>[{n}](../papers/{slug}.md#fn:{n})'
                f'{{.glossa-noteref data-note="{slug}-{n}"}}</sup>')
    return link


def _sections(paper: Paper) -> dict[str, str]:
    from glossa.model.reading import Heading

    current, out = "", {}
    for b in paper.reading.blocks:
        if isinstance(b, Heading):
            current = b.text
        else:
            out[b.id] = current
    return out


def overview_markdown(themes: list[Theme], passages: dict[str, list[Passage]],
                      papers: list[Paper]) -> str:
    out = ["---", "title: Compare the papers", "---", "", "# Compare the papers", "",
           "What each paper says on the same questions, side by side. Each theme page puts "
           "the passages of every paper in parallel columns, each linked to its paragraph; "
           "a short summary in our own words opens each column.", "",
           "## The papers side by side", ""]
    fields: list[tuple[str, list[str]]] = []

    def row(label: str, values: list[str]) -> None:
        fields.append((label, values))

    row("Authors", [_cell(authors_text(p.meta)) for p in papers])
    row("Publisher", [_cell(p.meta.publisher or UNKNOWN) for p in papers])
    row("Series", [_cell(p.meta.series or "none stated") for p in papers])
    row("Date", [_cell(human_date(p.meta.date) or UNKNOWN) for p in papers])
    row("Received as", [("text extracted from a PDF" if p.reading.format == "pdf"
                         else "text copied from a web page") for p in papers])
    row("Length", [f"{sum(len(b.text.split()) for b in p.reading.paragraphs()):,} words, "
                   f"{len([b for b in p.reading.paragraphs() if b.kind in TEXT_KINDS])} "
                   "paragraphs" for p in papers])
    row("Notes found", [str(sum(1 for r in p.footnotes.values() if r.text is not None))
                        for p in papers])
    row("Notes missing", [str(sum(1 for r in p.footnotes.values() if r.text is None))
                          for p in papers])
    titles = [f"[{_cell(p.meta.title)}](../papers/{p.meta.slug}.md)" for p in papers]
    if len(papers) <= COLUMN_LIMIT:  # one column per paper
        out += ["| | " + " | ".join(titles) + " |", "|---|" + "---|" * len(papers)]
        out += [f"| **{label}** | " + " | ".join(values) + " |" for label, values in fields]
    else:  # one row per paper
        out += ["| Paper | " + " | ".join(label for label, _ in fields) + " |",
                "|---|" + "---|" * len(fields)]
        out += [f"| {t} | " + " | ".join(values[i] for _, values in fields) + " |"
                for i, t in enumerate(titles)]
    out += ["", "## Themes", "",
            "Each cell counts the passages on the theme page; *s* marks passages suggested by "
            "the ranking rather than pinned by an editor.", ""]
    by_paper: dict[tuple[str, str], list[Passage]] = {}
    for t in themes:
        for x in passages[t.id]:
            by_paper.setdefault((t.id, x.paper), []).append(x)
    in_columns = {t.id: {x.meta.slug for x in columns_for(t, passages[t.id], papers)[0]}
                  for t in themes}

    def cell(t: Theme, p: Paper) -> str:
        mine = by_paper.get((t.id, p.meta.slug), [])
        mark = " *s*" if any(x.how == "suggested" for x in mine) else ""
        anchor = p.meta.slug if p.meta.slug in in_columns[t.id] else "more-papers-on-this-theme"
        return f"[{len(mine)}{mark}]({t.id}.md#{anchor})" if mine else "0"

    if len(papers) <= COLUMN_LIMIT:  # themes down, papers across
        out += ["| Theme | " + " | ".join(_cell(p.meta.title) for p in papers) + " |",
                "|---|" + "---|" * len(papers)]
        out += [f"| [{_cell(t.title)}]({t.id}.md) | " + " | ".join(cell(t, p) for p in papers)
                + " |" for t in themes]
    else:  # papers down, themes across
        out += ["| Paper | " + " | ".join(f"[{_cell(t.title)}]({t.id}.md)" for t in themes)
                + " |", "|---|" + "---|" * len(themes)]
        out += [f"| {_cell(p.meta.title)} | " + " | ".join(cell(t, p) for t in themes) + " |"
                for p in papers]
    out.append("")
    return "\n".join(out)


__all__ = ["attr", "overview_markdown", "theme_markdown"]
