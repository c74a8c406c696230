"""What the site knows of a paper: its metadata, its reading and its notes bound to their
markers. The nouns that content loading, enrichment and rendering all share."""

from __future__ import annotations

from dataclasses import dataclass, field

from glossa.model.reading import Reading


@dataclass(frozen=True)
class ResolvedNote:
    n: int
    text: str | None  # None: the text we received does not have it
    origin: str  # "source", "editor", "missing" (not in the text) or "unread" (in it, not read)
    source: str = ""  # where an editor copied it from
    line: int = 0


@dataclass(frozen=True)
class EditorNote:
    n: int
    text: str
    source: str
    line: int


@dataclass(frozen=True)
class PaperMeta:
    slug: str
    title: str
    subtitle: str = ""
    series: str = ""
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    date: str | None = None
    date_note: str = ""
    url: str | None = None
    pdf_url: str | None = None  # the publisher's PDF, when known
    format: str | None = None
    received: str = ""
    abstract: str = ""
    levels: dict[str, int] = field(default_factory=dict)
    accept: dict[str, str] = field(default_factory=dict)  # self-check code -> why
    metadata_sources: tuple[str, ...] = ()

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else None


@dataclass(frozen=True)
class Paper:
    meta: PaperMeta
    source_path: str  # relative to the project root, for messages and edit links
    reading: Reading
    sha256: str
    footnotes: dict[int, ResolvedNote] = field(default_factory=dict)
