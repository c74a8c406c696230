"""A corpus -> the generated pages of the site (docs-relative path -> Markdown), its navigation
and its attribution line. Knows nothing of MkDocs: any renderer of Markdown can use it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .content import Corpus, load_corpus
from .emit import attribution, paper_markdown
from .footnotes import summary as footnote_summary
from .markdown_text import attr, escape
from .problems import Problem

PLACEHOLDER = "<!-- glossa:{} -->"


@dataclass
class Site:
    pages: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # page -> source file it comes from
    nav: list = field(default_factory=list)
    copyright: str = ""
    snippets: dict[str, str] = field(default_factory=dict)  # placeholder name -> Markdown
    problems: list[Problem] = field(default_factory=list)
    summaries: dict[str, dict[str, int]] = field(default_factory=dict)  # paper source -> counts

    def summary_lines(self) -> list[str]:
        return [f"{path}: " + ", ".join(f"{v} {k}" for k, v in counts.items())
                for path, counts in self.summaries.items()]

    def fill(self, markdown: str) -> str:
        """Replace the placeholders hand-written pages may hold ("<!-- glossa:papers -->")."""
        for name, value in self.snippets.items():
            markdown = markdown.replace(PLACEHOLDER.format(name), value)
        return markdown


def papers_list(corpus: Corpus, prefix: str = "papers/") -> str:
    items = []
    for p in corpus.papers:
        m = p.meta
        line = f"- [{escape(m.title)}]({prefix}{m.slug}.md): {escape(attribution(m))}"
        if m.abstract:
            line += f"  \n  {escape(' '.join(m.abstract.split()))}"
        items.append(line)
    return "\n".join(items) if items else "*No papers yet.*"


def site_copyright(corpus: Corpus) -> str:
    works = "; ".join(attribution(p.meta) for p in corpus.papers)
    return attr(f"Papers: {works}. Each paper is reproduced as received, for study; its rights "
                "stay with its authors and publishers. Glossary, comparisons and site text: "
                "Glossa contributors.")


def build_site(corpus: Corpus) -> Site:
    site = Site(problems=list(corpus.problems))
    paper_nav = []
    for p in corpus.papers:
        path = f"papers/{p.meta.slug}.md"
        site.pages[path] = paper_markdown(p)
        site.summaries[p.source_path] = footnote_summary(p.reading, p.footnotes)
        site.sources[path] = p.source_path
        paper_nav.append({p.meta.title: path})
    site.pages["papers/index.md"] = (
        "---\ntitle: Papers\n---\n\n# Papers\n\n" + papers_list(corpus, prefix="") + "\n")
    site.snippets["papers"] = papers_list(corpus)
    site.nav = [
        {"Home": "index.md"},
        {"Papers": ["papers/index.md", *paper_nav]},
        {"About the corpus": "about.md"},
        {"How to read this site": "reading.md"},
    ]
    site.copyright = site_copyright(corpus)
    return site


def generate(root: Path) -> Site:
    return build_site(load_corpus(root))
