"""What a page's <head> says about it to machines: reference managers, search engines and
link previews.

- Paper pages: the Highwire Press `citation_*` tags that Zotero's connector and Google
  Scholar read, and schema.org JSON-LD (a `Report`, `isBasedOn` the publisher's page), from
  `paper.yml` only: a field we do not know is left out, never guessed.
- Every page: Open Graph and Twitter card tags (title, description, the page's address).

Addresses are absolute or absent: with no `site_url` the page's own address is unknown
(an offline build opened from disk), so `citation_public_url`, `og:url` and the JSON-LD
`url` are left out rather than given as a local path.

No MkDocs here: the adapter passes plain values and inserts the result before </head>.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from glossa.model.paper import PaperMeta


@dataclass(frozen=True)
class PageFacts:
    title: str
    description: str
    site_name: str
    url: str | None  # the page's public address, or None when the site has no site_url


def public_url(site_url: str | None, page_url: str) -> str | None:
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + page_url.lstrip("/")


def full_title(meta: PaperMeta) -> str:
    return f"{meta.title}: {meta.subtitle}" if meta.subtitle else meta.title


def citation_tags(meta: PaperMeta, url: str | None) -> list[tuple[str, str]]:
    tags = [("citation_title", full_title(meta))]
    tags += [("citation_author", a) for a in meta.authors]
    if meta.date:
        tags.append(("citation_publication_date", meta.date.replace("-", "/")))
    if meta.publisher:
        # A policy paper is a report of its institution (Zotero then files it as a report).
        tags.append(("citation_technical_report_institution", meta.publisher))
        tags.append(("citation_publisher", meta.publisher))
    if meta.pdf_url:
        tags.append(("citation_pdf_url", meta.pdf_url))
    if url:
        tags.append(("citation_public_url", url))
    return tags


def json_ld(meta: PaperMeta, url: str | None) -> dict:
    data: dict = {"@context": "https://schema.org", "@type": "Report",
                  "name": full_title(meta), "headline": meta.title}
    if meta.authors:
        data["author"] = [{"@type": "Person", "name": a} for a in meta.authors]
    if meta.publisher:
        data["publisher"] = {"@type": "Organization", "name": meta.publisher}
    if meta.date:
        data["datePublished"] = meta.date
    if meta.series:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": meta.series}
    if meta.url:
        data["isBasedOn"] = meta.url
    if meta.pdf_url:
        data["encoding"] = {"@type": "MediaObject", "contentUrl": meta.pdf_url,
                            "encodingFormat": "application/pdf"}
    if url:
        data["url"] = url
    return data


def open_graph(facts: PageFacts, kind: str = "website") -> list[tuple[str, str]]:
    tags = [("og:type", kind), ("og:title", facts.title), ("og:site_name", facts.site_name)]
    if facts.description:
        tags.append(("og:description", facts.description))
    if facts.url:
        tags.append(("og:url", facts.url))
    tags += [("twitter:card", "summary"), ("twitter:title", facts.title)]
    if facts.description:
        tags.append(("twitter:description", facts.description))
    return tags


def head_html(facts: PageFacts, meta: PaperMeta | None = None) -> str:
    """The tags for one page, one a line; every value escaped."""
    def tag(attr: str, name: str, content: str) -> str:
        return (f'<meta {attr}="{html.escape(name)}" '
                f'content="{html.escape(" ".join(content.split()))}">')

    out = []
    if meta is not None:
        out += [tag("name", n, c) for n, c in citation_tags(meta, facts.url)]
        # "<" written as \u003c: no text in the data can close the script element.
        data = json.dumps(json_ld(meta, facts.url), ensure_ascii=False, sort_keys=True)
        out.append('<script type="application/ld+json">'
                   + data.replace("<", "\\u003c").replace(">", "\\u003e") + "</script>")
    out += [tag("property" if n.startswith("og:") else "name", n, c)
            for n, c in open_graph(facts, "article" if meta is not None else "website")]
    return "\n".join(out)


def insert_head(page_html: str, extra: str) -> str:
    """`extra` placed right before the page's </head> (the first one)."""
    if not extra:
        return page_html
    at = page_html.find("</head>")
    return page_html if at < 0 else page_html[:at] + extra + "\n" + page_html[at:]
