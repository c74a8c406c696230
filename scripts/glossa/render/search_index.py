"""Rendered paper pages -> what the site's search index should say of them.

The theme's search indexes a page by its sections, and a paper's notes sit at the foot of its
last section: a word found only in note 11 showed that section, which begins with a body
paragraph, and the reader then looked for the note by hand. Here each note is a search
result of its own, landing on the note; the notes leave the section's text.

Editors' annotations are results of their own too, titled with their kind and paragraph and
landing on that paragraph; they too leave the section's text.

Glossary entries have several spellings ("Gaddafi", "Gadaffi"); a paper uses one. A section
that mentions an entry carries all of the entry's names in a field of its own (`glossary`),
searched but never shown, so that any spelling finds every section that mentions the entry.

No MkDocs here: `page_search` reads a page's final HTML, `merge` edits the index's JSON (the
format of the theme's search_index.json); the adapter calls both.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

GLOSSARY_FIELD = "glossary"
# Below the paragraph text (1.0): a section that uses the very spelling typed comes first.
GLOSSARY_BOOST = 0.5
EXCLUDE = "data-search-exclude"


@dataclass
class PageSearch:
    """What one page adds to the index: its notes, and the entries each section mentions."""
    location: str  # the page's location in the index, e.g. "papers/russias-gambit/"
    notes: list[tuple[str, str]] = field(default_factory=list)  # (note id, its text)
    # (paragraph id, kind, text) of each editors' annotation, in page order
    annotations: list[tuple[str, str, str]] = field(default_factory=list)
    entries: dict[str, set[str]] = field(default_factory=dict)  # section location -> ids


class _Reader(HTMLParser):
    """Walks a page: headings open sections, `data-entry` marks a mention, the notes list
    (Python-Markdown's `div.footnote`) gives one text per `li#fn:N`."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area"}

    def __init__(self, result: PageSearch):
        super().__init__(convert_charrefs=True)
        self.result = result
        self.section = result.location
        self.stack: list[str] = []
        self.notes_depth: int | None = None  # stack depth of the notes' <div>
        self.note: tuple[str, int, list[str]] | None = None  # id, depth, text parts
        self.skip_depth: int | None = None  # inside the back-reference arrow
        self.excluded_depth: int | None = None  # inside what the theme leaves out of search
        self.annotation: tuple[str, str, int, list[str]] | None = None  # para, kind, depth

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self.VOID:
            return
        self.stack.append(tag)
        depth = len(self.stack)
        classes = (a.get("class") or "").split()
        if "glossa-annotation" in classes and a.get("data-para") and self.annotation is None:
            self.annotation = (a["data-para"], a.get("data-kind", ""), depth, [])
        elif self.annotation is not None and "glossa-annotation__head" in classes:
            self.skip_depth = depth  # the number, kind, author and date: not the text
        if self.excluded_depth is None and EXCLUDE in a and "footnote" not in classes:
            self.excluded_depth = depth
        if self.excluded_depth is not None:
            return
        if self.notes_depth is None and tag == "div" and "footnote" in classes:
            self.notes_depth = depth
        elif self.notes_depth is not None:
            if tag == "li" and (a.get("id") or "").startswith("fn:") and self.note is None:
                self.note = (a["id"], depth, [])
            elif self.note is not None and tag == "a" and "footnote-backref" in classes:
                self.skip_depth = depth
            return
        if tag in ("h2", "h3", "h4", "h5", "h6") and a.get("id"):
            self.section = f"{self.result.location}#{a['id']}"
        if a.get("data-entry"):
            self.result.entries.setdefault(self.section, set()).add(a["data-entry"])

    def handle_endtag(self, tag):
        if tag in self.VOID or tag not in self.stack:
            return
        while self.stack:
            depth = len(self.stack)
            if self.excluded_depth == depth:
                self.excluded_depth = None
            if self.skip_depth == depth:
                self.skip_depth = None
            if self.annotation is not None and self.annotation[2] == depth:
                para, kind, _, parts = self.annotation
                self.result.annotations.append((para, kind, " ".join(" ".join(parts).split())))
                self.annotation = None
            if self.note is not None and self.note[1] == depth:
                text = " ".join("".join(self.note[2]).split())
                self.result.notes.append((self.note[0], text))
                self.note = None
            if self.notes_depth == depth:
                self.notes_depth = None
            if self.stack.pop() == tag:
                break

    def handle_data(self, data):
        if self.note is not None and self.skip_depth is None:
            self.note[2].append(data)
        if self.annotation is not None and self.skip_depth is None:
            self.annotation[3].append(data)


def page_search(location: str, page_html: str) -> PageSearch:
    result = PageSearch(location)
    _Reader(result).feed(page_html)
    return result


def exclude_from_sections(page_html: str) -> str:
    """Keep the notes list out of the theme's section texts (they become results of their own),
    and the references to editors' annotations ("A1", which read "China A1" as "ChinaA1" in a
    result's text)."""
    page_html = page_html.replace('<a class="glossa-annotation-ref ',
                                  f'<a {EXCLUDE} class="glossa-annotation-ref ')
    return page_html.replace('<div class="footnote">', f'<div class="footnote" {EXCLUDE}>', 1)


def annotation_results(page: PageSearch) -> list[tuple[str, str, str]]:
    """One search result per paragraph commented on: (paragraph id, title, text), the title
    "Editors’ annotation (update) on ¶18" or "Editors’ annotations (…) on ¶18". Both
    searches key a result on its location, so two annotations of one paragraph are one."""
    by_para: dict[str, list[tuple[str, str]]] = {}
    for para, kind, text in page.annotations:
        by_para.setdefault(para, []).append((kind.lower(), text))
    out = []
    for para, notes in by_para.items():
        kinds = ", ".join(dict.fromkeys(k for k, _ in notes))
        plural = "s" if len(notes) != 1 else ""
        out.append((para, f"Editors’ annotation{plural} ({kinds}) on ¶{para.removeprefix('p')}",
                    " ".join(t for _, t in notes)))
    return out


def merge(index: dict, pages: list[PageSearch], spellings: dict[str, tuple[str, ...]]) -> dict:
    """The index with each page's notes as results after its sections, and each section's
    glossary names in the searched, unshown `glossary` field."""
    by_location = {p.location: p for p in pages}
    entries = {loc: ids for p in pages for loc, ids in p.entries.items()}
    docs: list[dict] = []
    for doc in index.get("docs", []):
        ids = entries.get(doc["location"])
        if ids:
            names = dict.fromkeys(n for i in sorted(ids) for n in spellings.get(i, ()))
            doc = {**doc, GLOSSARY_FIELD: html.escape(" ".join(names), quote=False)}
        docs.append(doc)
    out: list[dict] = []
    for i, doc in enumerate(docs):
        out.append(doc)
        page_location = doc["location"].split("#")[0]
        nxt = docs[i + 1]["location"].split("#")[0] if i + 1 < len(docs) else None
        if page_location in by_location and nxt != page_location:
            page = by_location.pop(page_location)
            for note_id, text in page.notes:
                number = note_id.removeprefix("fn:")
                out.append({"location": f"{page_location}#{note_id}", "title": f"Note {number}",
                            "text": f"<p>{html.escape(text, quote=False)}</p>"})
            for para, title, text in annotation_results(page):  # lands on the paragraph
                out.append({"location": f"{page_location}#{para}", "title": title,
                            "text": f"<p>{html.escape(text, quote=False)}</p>"})
    config = dict(index.get("config", {}))
    fields = dict(config.get("fields", {}))
    if any(GLOSSARY_FIELD in d for d in out):
        fields[GLOSSARY_FIELD] = {"boost": GLOSSARY_BOOST}
        config["fields"] = fields
    return {**index, "config": config, "docs": out}
