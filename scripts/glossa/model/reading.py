"""The nouns of the pipeline: what a source text becomes once it is read."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One line of a source, with where it came from."""

    no: int  # 1-based line number in the source as received
    text: str  # without page-break characters and surrounding white space
    page: int  # 0-based page index (form feeds, or a leading space in PDF text)
    page_start: bool = False  # first line of a page


@dataclass(frozen=True)
class Marker:
    """A footnote marker found in a paragraph."""

    n: int
    block: str  # id of the paragraph
    offset: int  # character offset in the paragraph's text (markers removed)
    line: int  # source line
    after: str = ""  # the 30 characters of text right before the marker


@dataclass(frozen=True)
class MarkerIssue:
    """Something about the marker numbering that the build report should show."""

    kind: str  # "gap", "duplicate", "out-of-order", "ambiguous", "beyond-notes"
    n: int
    line: int
    context: str
    expected: int = 0


@dataclass(frozen=True)
class Note:
    """A note text found in the source (or supplied by an editor)."""

    n: int
    text: str
    line: int
    source: str = ""  # where an editor's note text comes from
    lines: tuple[int, ...] = ()  # every source line it was read from
    page: int = 0  # the PDF page it starts on (1-based), 0 when the source has no pages


@dataclass(frozen=True)
class Dropped:
    """A source line that is not part of the reading text, and why."""

    line: int
    text: str
    why: str
    page: int = 0  # the PDF page it is printed on (1-based), 0 when not read from a PDF


@dataclass(frozen=True)
class FrontLine:
    """A line of front matter: title, subtitle, series label, date, or other metadata."""

    line: int
    text: str
    role: str


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int
    id: str = ""
    type: str = "heading"
    lines: tuple[int, ...] = ()
    page: int = 0  # the PDF page it is printed on (1-based), 0 when not read from a PDF


@dataclass(frozen=True)
class Paragraph:
    id: str
    text: str  # markers removed
    line: int  # first source line
    lead: str | None = None  # run-in heading, without its final full stop
    kind: str = "paragraph"  # or "item", "caption", "table", "grid", "aside"
    type: str = "paragraph"
    lines: tuple[int, ...] = ()  # every source line it was read from
    page: int = 0  # the PDF page it starts on (1-based), 0 when not read from a PDF
    # Italic and bold runs as printed (read from a PDF): (start, end, "em" or "strong"),
    # offsets into `text`.
    styles: tuple[tuple[int, int, str], ...] = ()


Block = Heading | Paragraph
# Kinds of paragraph that hold the paper's running text (linked, ranked, quoted): not
# captions, not tables.
TEXT_KINDS = ("paragraph", "item")


@dataclass(frozen=True)
class Reading:
    """Everything the converter understood about one source text."""

    format: str  # "pdf" or "web"
    title: str
    subtitle: str
    series: str
    front: tuple[FrontLine, ...]
    blocks: tuple[Block, ...]
    markers: tuple[Marker, ...]
    notes: dict[int, Note] = field(default_factory=dict)
    dropped: tuple[Dropped, ...] = ()
    marker_issues: tuple[MarkerIssue, ...] = ()
    page_labels: dict[int, str] = field(default_factory=dict)  # PDF page -> printed number
    # Lines that hold the end of a body line and, glued to it, the start of a note: line
    # number -> the column where the note's number begins.
    split_lines: dict[int, int] = field(default_factory=dict)

    def page_citation(self, page: int) -> str:
        """How a citation names a PDF page: its printed number, or its place in the file."""
        if not page:
            return ""
        label = self.page_labels.get(page)
        return f"p. {label}" if label else f"PDF p. {page}"

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    def to_json(self) -> dict:
        blocks = []
        for b in self.blocks:
            if isinstance(b, Heading):
                item = {"type": "heading", "level": b.level, "text": b.text, "id": b.id,
                        "line": b.line}
            else:
                item = {"type": "paragraph", "id": b.id, "text": b.text, "lead": b.lead,
                        "line": b.line}
                if b.kind != "paragraph":
                    item["kind"] = b.kind
                if b.styles:
                    item["styles"] = [list(x) for x in b.styles]
            if b.page:
                item["page"] = b.page
            blocks.append(item)
        return {
            "format": self.format,
            "title": self.title,
            "subtitle": self.subtitle or None,
            "series": self.series or None,
            "front": [{"line": f.line, "text": f.text, "role": f.role} for f in self.front],
            "blocks": blocks,
            "markers": [{"n": m.n, "block": m.block, "after": m.after, "line": m.line}
                        for m in self.markers],
            "notes": {str(n): note.text for n, note in sorted(self.notes.items())},
            **({"note_pages": {str(n): note.page for n, note in sorted(self.notes.items())}}
               if any(note.page for note in self.notes.values()) else {}),
            "dropped": [{"line": d.line, "text": d.text, "why": d.why,
                         **({"page": d.page} if d.page else {})} for d in self.dropped],
            **({"page_labels": {str(k): v for k, v in sorted(self.page_labels.items())}}
               if self.page_labels else {}),
        }
