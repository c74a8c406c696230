"""The site's own words about its papers, from their metadata: the list of all papers, what
the About page says of the collection, and the footer's attribution line."""

from __future__ import annotations

from glossa.model.dates import human_date
from glossa.model.paper import Paper
from glossa.render.emit import attribution, authors_text, byline
from glossa.render.markdown_text import attr, escape

FOOTER_WORKS = 6  # papers named one by one in the footer


def papers_list(papers: list[Paper], prefix: str = "papers/") -> str:
    items = []
    for p in papers:
        m = p.meta
        by = byline(m)
        line = f"- [{escape(m.title)}]({prefix}{m.slug}.md)" + (f": {escape(by)}" if by else "")
        if m.abstract:
            line += f"  \n  {escape(' '.join(m.abstract.split()))}"
        items.append(line)
    return "\n".join(items) if items else "*No papers yet.*"


NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def corpus_list(papers: list[Paper]) -> str:
    """What the About page says of the corpus, from the papers' own metadata: how many, and
    for each what it is and how it reached us (so a new paper never leaves it stale)."""
    n = len(papers)
    count = NUMBERS[n] if n < len(NUMBERS) else f"{n:,}"
    years = sorted({p.meta.year for p in papers if p.meta.year})
    when = (f", written in {years[0]}" if len(years) == 1 else
            f", written between {years[0]} and {years[-1]}" if years else "")
    out = [f"The site publishes {count} paper{'s' if n != 1 else ''}{when}, each as it was "
           "received:", ""]
    for p in papers:
        m = p.meta
        title = f"{m.title}: {m.subtitle}" if m.subtitle else m.title
        who = [f"by {escape(authors_text(m))}" if m.authors else "",
               escape(m.publisher) if m.publisher else ""]
        unnamed = [k for k, v in (("author", m.authors), ("publisher", m.publisher)) if not v]
        if unnamed:
            who.append(f"{' and '.join(unnamed)} not named in what we received")
        rest = [escape(m.series) if m.series else "", escape(human_date(m.date))]
        line = f"- *{escape(title)}*, " + "; ".join(
            x for x in (", ".join(w for w in who if w), ", ".join(r for r in rest if r)) if x)
        line += "."
        if m.received:
            line += " " + escape(" ".join(m.received.split()))
        missing = sum(1 for r in p.footnotes.values() if r.origin == "missing")
        if missing:
            line += (f" Its page marks {missing} note{'s' if missing != 1 else ''} as missing"
                     + (", with a link to the publisher's page." if m.url else "."))
        if not m.authors or not m.publisher:
            line += " What the text does not name is shown as unknown until an editor can " \
                    "supply it with a source."
        out.append(line)
    return "\n".join(out) if papers else "*No papers yet.*"


def site_copyright(papers: list[Paper]) -> str:
    """The footer of every page. It names each work while there are few; past
    FOOTER_WORKS it counts them, since every page carries the footer and a list of a
    thousand works would weigh more than the page (each paper page opens with its own)."""
    if len(papers) <= FOOTER_WORKS:
        works = "; ".join(attribution(p.meta) for p in papers)
    else:
        works = (f"{len(papers):,} works, each credited to its authors and publisher "
                 "at the head of its page and under All papers")
    return attr(f"Papers: {works}. Each paper is reproduced as received, for study; its rights "
                "stay with its authors and publishers. Glossary, comparisons and site text: "
                "Glossa contributors.")
