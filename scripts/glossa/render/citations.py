"""Paper metadata -> citations: BibTeX, RIS and CSL-JSON, and a one-line citation for a
paragraph. Unknown fields are left out, never invented."""

from __future__ import annotations

import json
import re

from glossa.model.paper import PaperMeta

BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")


def _full_title(meta: PaperMeta) -> str:
    return f"{meta.title}: {meta.subtitle}" if meta.subtitle else meta.title


def _split_name(name: str) -> dict[str, str]:
    parts = name.split()
    if len(parts) == 1:
        return {"literal": name}
    return {"family": parts[-1], "given": " ".join(parts[:-1])}


def _series_number(series: str) -> tuple[str, str]:
    m = re.match(r"^(.*?),?\s+(?:no\.?|number)\s*(\d+)$", series, re.IGNORECASE)
    return (m.group(1), m.group(2)) if m else (series, "")


def bib_text(value: str) -> str:
    escaped = BIBTEX_SPECIAL.sub(lambda m: "\\" + m.group(1) if m.group(1) not in "\\^~"
                                 else {"\\": r"\textbackslash{}", "^": r"\^{}",
                                       "~": r"\~{}"}[m.group(1)], value)
    return "{" + escaped + "}"


def bibtex(meta: PaperMeta) -> str:
    kind = "techreport" if meta.publisher else "misc"
    fields: list[tuple[str, str]] = [("title", _full_title(meta))]
    if meta.authors:
        fields.append(("author", " and ".join(meta.authors)))
    if meta.publisher:
        fields.append(("institution", meta.publisher))
    if meta.series:
        series, number = _series_number(meta.series)
        fields.append(("type", series))
        if number:
            fields.append(("number", number))
    if meta.year:
        fields.append(("year", meta.year))
    if meta.url:
        fields.append(("url", meta.url))
    key = re.sub(r"[^a-z0-9]+", "", (meta.authors[0].split()[-1] if meta.authors else
                                     meta.slug).lower()) + (meta.year or "")
    body = ",\n".join(f"  {name} = {bib_text(value)}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def ris(meta: PaperMeta) -> str:
    lines = [("TY", "RPRT" if meta.publisher else "GEN"), ("TI", _full_title(meta))]
    lines += [("AU", a if " " not in a else f"{a.split()[-1]}, {' '.join(a.split()[:-1])}")
              for a in meta.authors]
    if meta.publisher:
        lines.append(("PB", meta.publisher))
    if meta.series:
        series, number = _series_number(meta.series)
        lines.append(("T3", series))
        if number:
            lines.append(("M1", number))
    if meta.year:
        lines.append(("PY", meta.year))
    if meta.url:
        lines.append(("UR", meta.url))
    lines.append(("ER", ""))
    return "\r\n".join(f"{tag}  - {value}".rstrip() for tag, value in lines) + "\r\n"


def csl_json(meta: PaperMeta) -> str:
    item: dict = {"id": meta.slug, "type": "report" if meta.publisher else "article",
                  "title": _full_title(meta)}
    if meta.authors:
        item["author"] = [_split_name(a) for a in meta.authors]
    if meta.publisher:
        item["publisher"] = meta.publisher
    if meta.series:
        series, number = _series_number(meta.series)
        item["collection-title"] = series
        if number:
            item["collection-number"] = number
    if meta.date:
        item["issued"] = {"date-parts": [[int(x) for x in meta.date.split("-")]]}
    if meta.url:
        item["URL"] = meta.url
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def citation_line(meta: PaperMeta) -> str:
    """"Author, “Title: Subtitle”, Publisher, Year" with unknowns left out."""
    bits = []
    if meta.authors:
        bits.append(", ".join(meta.authors))
    bits.append(f"“{_full_title(meta)}”")
    if meta.series:
        bits.append(meta.series)
    if meta.publisher:
        bits.append(meta.publisher)
    if meta.year:
        bits.append(meta.year)
    return ", ".join(bits)
