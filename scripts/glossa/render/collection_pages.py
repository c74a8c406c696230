"""The collection's two pages: Sources (every work the papers cite, once, with every note
that cites it) and Timeline (every event the papers date, in time, filterable by paper and
by glossary entry, each linked to its paragraph). Markdown with attribute lists and
Markdown in HTML; the filter is docs/javascripts/glossa-timeline.js, with its data in the
page (no fetch: it works from disk)."""

from __future__ import annotations

from collections import Counter, defaultdict

from glossa.enrich.glossary import Entry
from glossa.enrich.sources import Work
from glossa.enrich.timeline import Event
from glossa.model.dates import human_date
from glossa.model.paper import Paper
from glossa.render.bibliography import entry_text
from glossa.render.markdown_text import attr, escape, front_matter

MATCHED = {"address": "the same web address", "law": "the same law or case",
           "title and year": "the same title and year", "id": "“Id.” or “ibid.” after it",
           "supra": "“supra note …”", "author and year": "the same author and year",
           "number": "the same report number"}
PAPER_COLOURS = 6  # badges are told apart by colour (and by their words)


def _short(title: str) -> str:
    return title if len(title) <= 48 else title[:45].rsplit(" ", 1)[0] + "…"


def sources_markdown(works: list[Work], papers: list[Paper]) -> str:
    titles = {p.meta.slug: p.meta.title for p in papers}
    shared = [w for w in works if len(w.papers) > 1]
    notes = sum(len(w.citations) for w in works)
    out = [*front_matter("Sources", "Every work the papers' notes cite, each listed once with "
                         "every note that cites it."), "# Sources", ""]
    if not works:
        return "\n".join(out + ["*No note of these papers cites a work we could read.*", ""])
    out += [f"The papers' notes cite {len(works):,} work{'s' if len(works) != 1 else ''} "
            f"({notes:,} citations); {len(shared):,} of them {'is' if len(shared) == 1 else 'are'}"
            " cited by more than one paper. Each work is listed once, with every note that "
            "cites it. Two notes are taken for one work only when they give the same web "
            "address, the same law, the same title and year, or a short form that names it "
            "(“Id.”, “supra note 12”); each entry says which.", ""]
    groups = [("Cited by more than one paper", shared),
              ("Cited by one paper", [w for w in works if len(w.papers) == 1])]
    for heading, group in groups:
        if not group:
            continue
        out += [f"## {heading}", "", '<div class="glossa-sources" markdown="1">', ""]
        for w in group:
            out.append(_work(w, titles))
            out.append("")
        out += ["</div>", ""]
    return "\n".join(out)


def _work(w: Work, titles: dict[str, str]) -> str:
    c = w.first
    head = escape(entry_text(w))
    if c.url:
        head += f' <a href="{attr(c.url)}">{attr(c.url)}</a>'
    cited = []
    for slug in w.papers:
        nums = sorted({x.note for x in w.citations if x.slug == slug})
        links = ", ".join(f"[note {n}](papers/{slug}.md#fn:{n})" for n in nums)
        cited.append(f"*{escape(_short(titles.get(slug, slug)))}*, {links}")
    how = sorted(MATCHED.get(m, m) for m in w.matched_by)
    line = f"{head}  \nCited in {'; '.join(cited)}."
    if how:
        line += f" One work by {', '.join(how)}."
    return line + "\n{: .glossa-work }"


def timeline_markdown(events: list[Event], papers: list[Paper], entries: dict[str, Entry],
                      terms: dict[tuple[str, str, str], tuple[str, ...]]) -> str:
    """`events` in time order; `terms`: (paper, paragraph, sentence) -> the glossary entries
    it names, for the filter."""
    titles = {p.meta.slug: p.meta.title for p in papers}
    colour = {p.meta.slug: i % PAPER_COLOURS for i, p in enumerate(papers)}
    out = [*front_matter("Timeline", "The events the papers date, in time, each linked to "
                         "its paragraph."), "# Timeline", ""]
    if not events:
        return "\n".join(out + ["*The papers date no event.*", ""])
    years = Counter(e.year for e in events)
    out += [f"The {len(events):,} events the papers date, from {min(years)} to {max(years)}: "
            "each date as the text gives it, with its sentence and a link to its paragraph. "
            "A date whose year the text leaves out (“on 10 April”) takes the year of the "
            "paper's date; dates that cannot be placed, and vague ones (“in recent years”), "
            "are left out.", ""]
    used = sorted({i for v in terms.values() for i in v if i in entries},
                  key=lambda i: entries[i].term.casefold())
    out += ['<div class="glossa-timeline-filters" role="group" aria-label="Filter the events"'
            ' data-search-exclude>',
            '<label for="glossa-timeline-paper">Paper</label> '
            '<select id="glossa-timeline-paper"><option value="">All papers</option>'
            + "".join(f'<option value="{attr(p.meta.slug)}">{attr(_short(p.meta.title))}'
                      "</option>" for p in papers) + "</select> ",
            '<label for="glossa-timeline-entry">Names</label> '
            '<select id="glossa-timeline-entry"><option value="">All names</option>'
            + "".join(f'<option value="{attr(i)}">{attr(entries[i].term)}</option>'
                      for i in used) + "</select> ",
            '<output id="glossa-timeline-count" aria-live="polite"></output>', "</div>", ""]
    # The picture: a bar for each year, as long as its events, each a link to its year.
    top = max(years.values())
    out += ['<nav class="glossa-years" aria-label="Years" data-search-exclude>']
    for y in sorted(years):
        out.append(f'<a href="#year-{y}" class="glossa-year-bar" data-year="{y}" '
                   f'style="--n: {years[y] / top:.3f}" title="{years[y]} event'
                   f'{"s" if years[y] != 1 else ""} in {y}"><span>{y}</span>'
                   f"<b>{years[y]}</b></a>")
    out += ["</nav>", ""]
    by_year: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_year[e.year].append(e)
    for y in sorted(by_year):
        out += [f'<section class="glossa-year" id="year-{y}" data-year="{y}" markdown="1">', "",
                f"## {y}", ""]
        months: dict[str, list[Event]] = defaultdict(list)
        for e in by_year[y]:
            months[e.date[5:7]].append(e)
        for m in sorted(months):
            label = human_date(f"{y}-{m}") if m else f"During {y}"
            out += ['<div class="glossa-month" markdown="1">', "",
                    f"{escape(label)}\n{{: .glossa-month-name }}", ""]
            for e in months[m]:
                out += [_event(e, titles, colour, terms.get((e.slug, e.paragraph, e.sentence),
                                                            ())), ""]
            out += ["</div>", ""]
        out += ["</section>", ""]
    return "\n".join(out)


def _event(e: Event, titles: dict[str, str], colour: dict[str, int],
           names: tuple[str, ...]) -> str:
    when = human_date(e.date)
    mark = " (date corrected by an editor)" if e.corrected else ""
    text = (f'<time datetime="{e.date}">{attr(when)}</time> '
            f'<span class="glossa-event-paper glossa-paper-{colour.get(e.slug, 0)}">'
            f"{attr(_short(titles.get(e.slug, e.slug)))}</span> "
            f"{escape(e.sentence)}{mark} [¶{e.number}](papers/{e.slug}.md#{e.paragraph})")
    entries = f' data-entries="{attr(" ".join(names))}"' if names else ""
    return f'{text}\n{{: .glossa-event data-paper="{attr(e.slug)}"{entries} }}'
