"""What a PDF prints, and where: the model the PDF reader's stages share. A Layout is its
pages; a page, its printed lines (PdfLine) in the order the PDF's content stream gives them;
a line, its runs of one style (Span), with its place on the page and its type size.

Coordinates are in points from the page's top left. `chars.read_pdf` makes a Layout; nothing
in it says yet what a line is (heading, note, furniture): the later stages decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class PdfError(Exception):
    """A PDF that cannot be read: encrypted, broken, or with no text layer."""

    def __init__(self, message: str, fix: str = ""):
        super().__init__(message)
        self.fix = fix


@dataclass(frozen=True)
class Span:
    """A run of characters of one style within a line."""

    text: str
    size: float
    bold: bool
    italic: bool
    script: str = ""  # "sup" (raised and smaller), "sub" (lowered and smaller) or ""
    x0: float = 0.0


@dataclass
class PdfLine:
    """One printed line: its spans in order, and where it sits on its page."""

    page: int  # 0-based
    x0: float
    x1: float
    top: float  # from the page's top
    bottom: float
    base: float  # baseline, from the page's top
    size: float  # the type size of most of its characters (superscripts aside)
    spans: list[Span] = field(default_factory=list)
    row: int = 0  # lines split from one printed line by wide gaps share their row
    no: int = 0  # line number in the text layer (1-based), set once all pages are read

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans).strip()

    @property
    def plain(self) -> str:
        """The text without its raised marks (note markers): for judging how it ends."""
        return "".join(s.text for s in self.spans if s.script != "sup").strip()

    @property
    def bold(self) -> bool:
        letters = self._letters()
        return bool(letters) and all(s.bold for s in letters)

    @property
    def italic(self) -> bool:
        letters = self._letters()
        return bool(letters) and all(s.italic for s in letters)

    def _letters(self) -> list[Span]:
        """The spans that hold its text, its raised marks aside: what its style is judged by."""
        return [s for s in self.spans if s.script != "sup" and s.text.strip()]


@dataclass
class PdfPage:
    """A page: its size in points, and its lines in stream order."""

    width: float
    height: float
    lines: list[PdfLine]


@dataclass
class Layout:
    """The PDF's pages, as `chars.read_pdf` reads them."""

    pages: list[PdfPage]

    def lines(self) -> list[PdfLine]:
        return [ln for p in self.pages for ln in p.lines]

    def text(self) -> str:
        """The text layer as lines: a line a printed line, a form feed between pages. Line
        numbers in readings of a PDF are line numbers of this text."""
        out: list[str] = []
        for p, page in enumerate(self.pages):
            texts = [ln.text for ln in page.lines] or [""]  # an empty page is a blank line
            texts[0] = "\f" * (p > 0) + texts[0]
            out += texts
        return "\n".join(out) + "\n"

