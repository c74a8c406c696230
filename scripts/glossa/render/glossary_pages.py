"""Glossary entries + occurrences -> the glossary index (by kind, and A to Z) and one page per
entry listing every paragraph of every paper that mentions it."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from glossa.enrich.glossary import KIND_TITLES, Entry
from glossa.enrich.linker import Occurrence
from glossa.model.paper import Paper
from glossa.render.markdown_text import escape, front_matter, linkify

# Every entry's page names every paper: each title escaped once, not once per entry.
_title = lru_cache(maxsize=4096)(escape)

# Up to this many paragraphs, an entry lists each with its section and a snippet; beyond
# it (a large corpus), each paper gets one line of paragraph links, so pages stay readable.
FULL_LISTING = 150
# Beyond this many, one line per paper: its count and a link to the first mention.
LINK_LISTING = 1500


def entry_markdown(entry: Entry, entries: dict[str, Entry], occurrences: list[Occurrence],
                   papers: list[Paper]) -> str:
    out = [*front_matter(entry.term, entry.short),
           f"# {escape(entry.term)}", ""]
    kind = KIND_TITLES[entry.kind][:-1] if entry.kind != "person" else "Person"
    meta = f"*{kind}*"
    if entry.aliases:
        meta += " · also: " + ", ".join(escape(a) for a in entry.aliases)
    out += [meta + "\n{: .glossa-entry-kind }", "", escape(entry.short) + "\n{: .glossa-short }",
            ""]
    for para in [p for p in entry.body.split("\n\n") if p.strip()]:
        out += [linkify(" ".join(para.split())), ""]
    if entry.related:
        links = ", ".join(f"[{escape(entries[r].term)}]({r}.md)" for r in entry.related
                          if r in entries)
        out += [f"**Related:** {links}", ""]
    if entry.sources:
        out += ["**Sources:** " + "; ".join(linkify(s) for s in entry.sources), ""]
    out += ["## Where the papers mention it", ""]
    by_paper: dict[str, list[Occurrence]] = defaultdict(list)
    for o in occurrences:
        by_paper[o.paper].append(o)
    counts = ", ".join(f"{_title(p.meta.title)}: {len(by_paper.get(p.meta.slug, []))} "
                       f"paragraph{'s' if len(by_paper.get(p.meta.slug, [])) != 1 else ''}"
                       for p in papers)
    out += [f"{counts}.\n{{: .glossa-counts }}", ""]
    # The list repeats the papers' words: kept out of the search index, which has them.
    out += ['<div class="glossa-occurrences" data-search-exclude markdown="1">', ""]
    full = len(occurrences) <= FULL_LISTING
    links_only = len(occurrences) <= LINK_LISTING
    for p in papers:
        found = by_paper.get(p.meta.slug, [])
        if not found:
            continue
        if not full and not links_only:
            n = len(found)
            out.append(f"- [{_title(p.meta.title)}](../papers/{p.meta.slug}.md#{found[0].para})"
                       f": {n} paragraph{'s' if n != 1 else ''}, from ¶{found[0].para[1:]}")
            continue
        if not full:
            links = ", ".join(f"[¶{o.para[1:]}](../papers/{p.meta.slug}.md#{o.para})"
                              for o in found)
            out.append(f"- {_title(p.meta.title)}: {links}")
            continue
        out += [f"### {_title(p.meta.title)}", ""]
        for o in found:
            where = f"*{escape(o.section)}*, " if o.section else ""
            times = f" ({o.count} mentions)" if o.count > 1 else ""
            out.append(f"- [¶{o.para[1:]}](../papers/{p.meta.slug}.md#{o.para}): {where}"
                       f"“{escape(o.snippet)}”{times}")
        out.append("")
    out += ["", "</div>", ""]
    return "\n".join(out)


def index_markdown(entries: list[Entry], occurrences: dict[str, list[Occurrence]]) -> str:
    out = ["---", "title: Glossary", "---", "", "# Glossary", "",
           f"{len(entries)} people, organisations, places, agreements, events and concepts "
           "that the papers mention. In a paper, hover or focus a marked term to read its "
           "definition; select it to open its entry, which lists every paragraph that "
           "mentions it.", "", "## By kind", ""]
    for kind, title in KIND_TITLES.items():
        group = sorted((e for e in entries if e.kind == kind), key=lambda e: e.term.casefold())
        if not group:
            continue
        out += [f"### {title}", ""]
        out += [f"- [{escape(e.term)}]({e.id}.md): {escape(e.short)}" for e in group]
        out.append("")
    out += ["## A to Z", ""]
    letters: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        letters[e.term[:1].upper()].append(e)
    for letter in sorted(letters):
        items = sorted(letters[letter], key=lambda e: e.term.casefold())
        links = " · ".join(f"[{escape(e.term)}]({e.id}.md)" for e in items)
        out += [f"### {letter} {{#letter-{letter.lower()}}}", "", links, ""]
    return "\n".join(out)
