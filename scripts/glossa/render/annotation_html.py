"""Anchored annotations -> what the pages show of them: the note beside its paragraph, the
reference in the text, the count in the paper's header, the numbered list for print, and the
index page of all annotations. HTML and Markdown only; glossa.js and glossa.css do the rest."""

from __future__ import annotations

import html
import re
from functools import cache

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from glossa.enrich.annotations import KIND_NAMES, KIND_PLURALS, KINDS, Anchored
from glossa.model.dates import human_date
from glossa.render.markdown_text import attr, escape

_SAFE = re.compile(r"^(?:https?://|mailto:)\S", re.IGNORECASE)


class _SafeLinks(Treeprocessor):
    """Links keep only http(s) and mailto addresses; an image becomes its alt text (nothing
    is fetched from elsewhere)."""

    def run(self, root):
        for parent in root.iter():
            for i, el in enumerate(list(parent)):
                if el.tag == "img":
                    alt = el.get("alt", "")
                    span = parent.makeelement("span", {})
                    span.text, span.tail = alt, el.tail
                    parent.remove(el)
                    parent.insert(i, span)
                elif el.tag == "a" and not _SAFE.match(el.get("href", "")):
                    el.attrib.pop("href", None)
                    el.tag = "span"


class _SafeExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_SafeLinks(md), "glossa_safe_links", 0)


@cache
def _md() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_SafeExtension()], output_format="html")


def body_html(text: str) -> str:
    """An annotation's Markdown as HTML: paragraphs, lists, emphasis, links. Raw HTML in it is
    escaped first, so it shows as the characters typed and never becomes markup."""
    md = _md()
    md.reset()
    out = md.convert(html.escape(text, quote=False))
    # One line: the page keeps it one raw HTML block, which md_in_html leaves as it is.
    return " ".join(out.split("\n"))


def plain(text: str) -> str:
    """An annotation's Markdown as one line of plain text (for citations and the index)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)(.+?)\1", r"\2", text)
    return " ".join(text.split())


def sources_html(a: Anchored) -> str:
    if not a.note.sources:
        return ""
    items = []
    for s in a.note.sources:
        title = html.escape(s.title, quote=False)
        items.append(f'<a href="{attr(s.url)}">{title}</a>' if s.url else title)
    return (f'<p class="glossa-annotation__sources"><span>Source{"s" if len(items) > 1 else ""}'
            f':</span> {"; ".join(items)}</p>')


def label(a: Anchored) -> str:
    return f"A{a.number}"


def note_html(a: Anchored) -> str:
    """One annotation, as it sits beside (or under) its paragraph."""
    n = a.note
    kind = KIND_NAMES[n.kind]
    head = (f'<p class="glossa-annotation__head" id="{a.html_id}-head">'
            f'<span class="glossa-annotation__number">{label(a)}</span> '
            f'<span class="glossa-annotation__kind">{kind}</span>'
            f'<span class="glossa-annotation__by"> · {attr(n.author)} · '
            f'{attr(human_date(n.date))}</span></p>')
    return (f'<section class="glossa-annotation glossa-annotation--{n.kind}" id="{a.html_id}" '
            f'role="note" aria-labelledby="{a.html_id}-head" tabindex="-1" data-para="{a.para}" '
            f'data-kind="{kind}" data-author="{attr(n.author)}" data-date="{attr(n.date)}">'
            f'{head}<section class="glossa-annotation__body">{body_html(n.body)}</section>'
            f'{sources_html(a)}</section>')


def ref_html(a: Anchored) -> str:
    """The reference in the text, after the anchored words (or at the paragraph's end)."""
    kind = KIND_NAMES[a.note.kind].lower()
    return (f'<a class="glossa-annotation-ref glossa-annotation-ref--{a.note.kind}" '
            f'href="#{a.html_id}" aria-label="Editors’ annotation {a.number} ({kind})">'
            f'{label(a)}</a>')


def mark_open(a: Anchored) -> str:
    return f'<mark class="glossa-anchor" data-annotation="{a.html_id}">'


def paragraph_block(para_markdown: str, para_id: str, notes: list[Anchored]) -> str:
    """A paragraph with its annotations: on wide screens they take the margin beside it, on
    narrow ones they open under it (glossa.css, glossa.js). Inside the wrapper (md_in_html)
    the notes are one line of HTML with no <div> but the outer one: md_in_html breaks a
    nested <div> followed by more HTML on its line."""
    kinds = ", ".join(KIND_NAMES[a.note.kind].lower() for a in notes)
    count = f"{len(notes)} editors’ annotation{'s' if len(notes) != 1 else ''}"
    box = (f'<div class="glossa-annotations" id="ann-{para_id}" data-search-exclude="">'
           f'<button type="button" class="glossa-annotations__toggle" aria-expanded="false" '
           f'aria-controls="ann-{para_id}-list">{count} ({kinds})</button>'
           f'<section class="glossa-annotations__list" id="ann-{para_id}-list">'
           + "".join(note_html(a) for a in notes) + "</section></div>")
    return (f'<div class="glossa-annotated" markdown="1">\n\n{para_markdown}\n\n{box}\n\n'
            "</div>")


def counts(notes: list[Anchored]) -> list[tuple[str, int]]:
    found = {k: sum(1 for a in notes if a.note.kind == k) for k in KINDS}
    return [(k, n) for k, n in found.items() if n]


def summary_markdown(notes: list[Anchored], index_link: str) -> str:
    """The paper header's line: how many annotations, by kind; glossa.js adds the switch."""
    n = len(notes)
    by_kind = ", ".join(f"{c} {KIND_PLURALS[k] if c != 1 else KIND_NAMES[k].lower()}"
                        for k, c in counts(notes))
    return (f"**Editors’ annotations:** {n} ({by_kind}), in the margin beside the passages "
            f"they comment on; [all annotations]({index_link}).\n"
            "{: .glossa-annotation-summary }")


def print_list(notes: list[Anchored], paras: dict[str, str]) -> str:
    """Every annotation as a numbered note after the paper: shown only in print, where the
    margin is gone."""
    items = []
    for a in notes:
        quote = a.note.quote
        where = f"¶{a.para[1:]}" + (f", “{attr(_short(paras.get(a.para, ''), a))}”" if quote
                                     else "")
        items.append(f'<li value="{a.number}"><p><strong>{label(a)}. '
                     f'{KIND_NAMES[a.note.kind]}</strong> (on {where}; {attr(a.note.author)}, '
                     f'{attr(human_date(a.note.date))})</p>{body_html(a.note.body)}'
                     f'{sources_html(a)}</li>')
    return ('<div class="glossa-annotations-print" data-search-exclude="">'
            '<p class="glossa-annotations-print__title"><strong>Editors’ annotations</strong>'
            '</p><ol>' + "".join(items) + "</ol></div>")


def _short(text: str, a: Anchored, n: int = 90) -> str:
    words = text[a.start:a.end] if a.start is not None else text
    return words if len(words) <= n else words[:n - 1].rstrip() + "…"


def index_markdown(papers: list, anchored: dict[str, list[Anchored]]) -> str:
    """All annotations by paper and kind, newest first, each linking to its place."""
    from glossa.render.markdown_text import front_matter

    out = [*front_matter("Editors’ annotations", "Commentary by the site's editors on passages "
                         "of the papers: context, updates, corrections, disputes and sources."),
           "# Editors’ annotations", "",
           "Notes by the site’s editors on passages of the papers: **context** a reader may "
           "need, **updates** on what happened after a paper was written, **corrections** of "
           "facts, **disputes** over a claim, and **sources** the paper paraphrases. Each is "
           "shown in the margin beside its passage, and can be hidden there with the switch in "
           "the paper’s header. They are the editors’ words, not the papers’.", ""]
    total = 0
    for paper in papers:
        notes = anchored.get(paper.meta.slug, [])
        if not notes:
            continue
        total += len(notes)
        slug = paper.meta.slug
        out += [f"## {escape(paper.meta.title)}", ""]
        text = {b.id: b.text for b in paper.reading.paragraphs()}
        for kind, _ in counts(notes):
            title = KIND_NAMES[kind] if kind == "context" else KIND_PLURALS[kind].capitalize()
            out += [f"### {title} {{#{slug}-{kind}}}", ""]
            for a in sorted((a for a in notes if a.note.kind == kind),
                            key=lambda a: (a.note.date, -a.number), reverse=True):
                quote = f" “{escape(_short(text.get(a.para, ''), a, 70))}”" if a.note.quote \
                    else ""
                first = escape(_first(plain(a.note.body)))
                out.append(f"- [¶{a.para[1:]}{quote}](../papers/{slug}.md#{a.html_id}): {first}"
                           f" *({escape(a.note.author)}, {escape(human_date(a.note.date))})*")
            out.append("")
    if not total:
        out += ["*No annotations yet.*", ""]
    return "\n".join(out)


def _first(text: str, n: int = 180) -> str:
    return text if len(text) <= n else text[:n - 1].rsplit(" ", 1)[0] + " …"
