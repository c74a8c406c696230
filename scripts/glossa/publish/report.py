"""A built site's findings -> a Markdown build report for the reviewer of a pull request:
problems, footnotes, dropped lines, glossary candidates, theme suggestions."""

from __future__ import annotations

from glossa.model.problems import ERROR
from glossa.model.reading import TEXT_KINDS
from glossa.publish.content import Corpus
from glossa.publish.site import Site


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;")


def build_report(site: Site, corpus: Corpus) -> str:
    errors = [p for p in site.problems if p.severity == ERROR]
    warnings = [p for p in site.problems if p.severity != ERROR]
    out = ["# Glossa build report", "",
           f"{len(corpus.papers)} papers, {len(corpus.glossary)} glossary entries, "
           f"{len(corpus.themes)} themes; **{len(errors)} errors**, {len(warnings)} warnings.",
           ""]
    if site.problems:
        out += ["## Problems", "", "| where | code | problem | fix |", "|---|---|---|---|"]
        for p in sorted(site.problems):
            where = f"`{p.where}`" + (f" {p.at}" if p.at else "")
            code = f"**{p.code}**" if p.severity == ERROR else p.code
            out.append(f"| {where} | {code} | {_md(p.message)} | {_md(p.fix)} |")
        out.append("")
    out += ["## Papers", "", "| paper | format | headings | paragraphs | markers | notes "
            "found | notes missing | lines dropped | term links (light) | links per 100 words "
            "|", "|---|---|---|---|---|---|---|---|---|---|"]
    for p in corpus.papers:
        r = p.reading
        missing = sum(1 for n in p.footnotes.values() if n.text is None)
        links, light, words = site.link_density.get(p.meta.slug, (0, 0, 0))
        density = f"{100 * (links + light) / words:.1f}" if words else "–"
        out.append(f"| `{p.meta.slug}` | {r.format} | {len(r.headings())} | "
                   f"{len([b for b in r.paragraphs() if b.kind in TEXT_KINDS])} | "
                   f"{len(r.markers)} | {len(p.footnotes) - missing} | {missing} | "
                   f"{len(r.dropped)} | {links} ({light}) | {density} |")
    out.append("")
    for p in corpus.papers:
        if p.reading.dropped:
            out += [f"<details><summary>Lines dropped from <code>{p.source_path}</code>"
                    "</summary>", "", "| line | text | why |", "|---|---|---|"]
            out += [f"| {d.line} | {_md(d.text[:80])} | {d.why} |" for d in p.reading.dropped]
            out += ["", "</details>", ""]
    c = site.collection
    if c is not None:
        out += ["## Across the collection", "",
                f"- Sources: {c.works} works read from {c.citations} citations in the notes; "
                f"{c.shared} cited by more than one paper.",
                f"- Timeline: {c.events} dated events; {c.corrected} editors' corrections "
                "(content/timeline/).", ""]
    if site.candidates:
        out += ["## Glossary candidates", "",
                "Names and acronyms in the papers with no entry yet, most frequent first: "
                + ", ".join(f"{_md(n)} ({c})" for n, c in site.candidates) + ".", ""]
    if site.theme_candidates:
        out += ["## Theme passages to consider pinning", "", "| theme | paper | paragraph | "
                "score |", "|---|---|---|---|"]
        out += [f"| `{t}` | `{s}` | {para} | {score:.1f} |"
                for t, s, para, score in site.theme_candidates]
        out.append("")
    return "\n".join(out)
