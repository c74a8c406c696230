"""The works a paper cites -> its bibliography as BibTeX, RIS and CSL-JSON, what reference
managers import. What a note does not say is left out, never invented: a work named only by
its organisation is an organisation's work, with no person's name made up."""

from __future__ import annotations

import json
import re

from glossa.enrich.sources import Work
from glossa.model.dates import human_date
from glossa.render.citations import bib_text

# A work's type in each format, by what its note gives.
TYPES = {  # kind -> (BibTeX, RIS, CSL)
    "law": ("misc", "STAT", "legislation"),
    "case": ("misc", "CASE", "legal_case"),
    "article": ("article", "JOUR", "article-journal"),
    "report": ("techreport", "RPRT", "report"),
    "webpage": ("misc", "ELEC", "webpage"),
    "reference": ("misc", "GEN", "document"),
    "other": ("misc", "GEN", "document"),
}


def kind_of(work: Work) -> str:
    c = work.first
    if c.kind in ("law", "case", "reference"):
        return c.kind
    if c.outlet and c.title:
        return "article"
    if c.identifier:
        return "report"
    if c.url:
        return "webpage"
    return "other"


def title_of(work: Work) -> str:
    c = work.first
    return c.title or c.identifier or c.url


def _key(work: Work, i: int) -> str:
    c = work.first
    stem = re.sub(r"[^a-z0-9]+", "", (c.who.split(",")[0] or title_of(work)).lower())[:20]
    return f"{stem or 'work'}{c.date[:4]}-{i}"


def bibtex(works: list[Work]) -> str:
    out = []
    for i, w in enumerate(works, start=1):
        c, kind = w.first, kind_of(w)
        fields = [("title", title_of(w))]
        if c.who:
            fields.append(("author", c.who))
        if kind == "article":
            fields.append(("journal", c.outlet))
        elif c.outlet:
            fields.append(("howpublished", c.outlet))
        if c.identifier and c.identifier != title_of(w):
            fields.append(("number", c.identifier))
        if c.date:
            fields.append(("year", c.date[:4]))
        if c.url:
            fields.append(("url", c.url))
        # (an author in double braces is a literal: never split into made-up names)
        body = ",\n".join(f"  {name} = " + ("{" + bib_text(value) + "}" if name == "author"
                                            else bib_text(value)) for name, value in fields)
        out.append(f"@{TYPES[kind][0]}{{{_key(w, i)},\n{body}\n}}\n")
    return "\n".join(out)


def ris(works: list[Work]) -> str:
    records = []
    for w in works:
        c, kind = w.first, kind_of(w)
        lines = [("TY", TYPES[kind][1]), ("TI", title_of(w))]
        if c.who:
            lines.append(("AU", c.who))
        if c.outlet:
            lines.append(("JO" if kind == "article" else "PB", c.outlet))
        if c.identifier and c.identifier != title_of(w):
            lines.append(("M1", c.identifier))
        if c.date:
            lines.append(("PY", c.date[:4]))
            lines.append(("DA", c.date.replace("-", "/")))
        if c.url:
            lines.append(("UR", c.url))
        lines.append(("ER", ""))
        records.append("\r\n".join(f"{tag}  - {value}".rstrip() for tag, value in lines))
    return "\r\n".join(records) + ("\r\n" if records else "")


def csl_json(works: list[Work]) -> str:
    items = []
    for i, w in enumerate(works, start=1):
        c, kind = w.first, kind_of(w)
        item: dict = {"id": _key(w, i), "type": TYPES[kind][2], "title": title_of(w)}
        if c.who:
            item["author"] = [{"literal": c.who}]
        if c.outlet:
            item["container-title" if kind == "article" else "publisher"] = c.outlet
        if c.identifier and c.identifier != title_of(w):
            item["number"] = c.identifier
        if c.date:
            item["issued"] = {"date-parts": [[int(x) for x in c.date.split("-")]]}
        if c.url:
            item["URL"] = c.url
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def entry_text(work: Work) -> str:
    """A work in one line, as a reader's list gives it: who, “title”, outlet, date."""
    c = work.first
    bits = [c.who] if c.who else []
    title = title_of(work)
    bits.append(f"“{title}”" if c.title else title)
    bits += [x for x in (c.outlet, c.identifier if c.identifier != title else "",
                         human_date(c.date)) if x]
    return ", ".join(bits)
