"""A PDF file -> its pages' text lines, each with its place on the page and its type.

The first stage of reading a PDF: every character of the text layer with its box, type size,
weight and slant (PDFium, through pypdfium2), grouped into lines by baseline. A run of
characters smaller than the line and raised above its baseline is a superscript (a note
marker, an ordinal); one lowered below it is a subscript ("UF6"). A hyphen that PDFium marks
as a line-end hyphen is kept as "-". Coordinates are in points from the page's top left.

Nothing is decided here about what a line is (heading, note, furniture): that is the
reader's work (`pdfread.py`). This stage only says what is printed where, in the order the
PDF's content stream gives it, which is the reading order of nearly every PDF a word
processor writes (a two-column page gives its first column first).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

SPACE_GAP = 0.18  # a gap wider than this many ems between two glyphs is a word space
CELL_GAP = 1.6  # a gap wider than this many ems inside a line separates two cells
ATTACH_GAP = 2.2  # a piece on the same baseline this close to a line's end continues it
BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


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
        letters = [s for s in self.spans if s.script != "sup" and s.text.strip()]
        return bool(letters) and all(s.bold for s in letters)

    @property
    def italic(self) -> bool:
        letters = [s for s in self.spans if s.script != "sup" and s.text.strip()]
        return bool(letters) and all(s.italic for s in letters)


@dataclass
class PdfPage:
    width: float
    height: float
    lines: list[PdfLine]


@dataclass
class Layout:
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


MARKS = "*†‡§¶,–-"  # what a note's marker is made of, beside its figures


@dataclass
class _Char:
    ch: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float
    bold: bool
    italic: bool
    space: bool  # a space (real or generated) came right before it


def read_pdf(data: bytes, password: str | None = None) -> Layout:
    """Every page's lines. Raises PdfError for a PDF that cannot be read as text."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as err:
        text = str(err)
        if "password" in text.lower() or "security" in text.lower():
            raise PdfError("the PDF is encrypted: it needs a password to open",
                           "save it again without a password (most PDF readers can), or give "
                           "its text as source.txt") from None
        reason = text.split("(PDFium: ")[-1].rstrip(".)") if "PDFium" in text else text
        raise PdfError(f"the file is not a PDF that can be opened ({reason.lower()})",
                       "check the download (the file may be cut short or be another kind of "
                       "file), or give the paper's text as source.txt") from None
    try:
        pages = [_read_page(pdf, i) for i in range(len(pdf))]
    finally:
        pdf.close()
    if not pages:
        raise PdfError("the PDF has no pages", "check that this is the paper's PDF")
    if not any(p.lines for p in pages):
        raise PdfError("the PDF has no text layer: its pages are images (a scan?)",
                       "run OCR on it first (e.g. ocrmypdf), or give the text as source.txt")
    no = 0
    for page in pages:  # numbered as Layout.text() writes them
        for ln in page.lines:
            no += 1
            ln.no = no
        no += not page.lines
    return Layout(pages)


def _read_page(pdf, index: int) -> PdfPage:
    import pypdfium2.raw as raw

    page = pdf[index]
    width, height = page.get_size()
    tp = page.get_textpage()
    try:
        chars = _chars(raw, tp.raw, height)
    finally:
        tp.close()
        page.close()
    return PdfPage(width, height, _lines(chars, index))


def _chars(raw, tp, height: float) -> list[_Char]:
    n = raw.FPDFText_CountChars(tp)
    left, right = ctypes.c_double(), ctypes.c_double()
    bottom, top = ctypes.c_double(), ctypes.c_double()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    loose = raw.FS_RECTF()
    flags = ctypes.c_int()
    name = ctypes.create_string_buffer(128)
    matrix = raw.FS_MATRIX()
    styles: dict[int, tuple[float, bool, bool]] = {}  # text object -> size, bold, italic
    out: list[_Char] = []
    space = False
    for i in range(n):
        code = raw.FPDFText_GetUnicode(tp, i)
        if code in (10, 13) or raw.FPDFText_IsGenerated(tp, i) == 1:
            space = True
            continue
        ch = "-" if code == 2 else chr(code)  # 2: a hyphen PDFium takes to end a line
        if ch.isspace() or not ch.isprintable() and code != 2:
            space = space or ch.isspace()
            continue
        if not raw.FPDFText_GetCharBox(tp, i, left, right, bottom, top):
            continue
        raw.FPDFText_GetLooseCharBox(tp, i, loose)
        raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
        obj = ctypes.cast(raw.FPDFText_GetTextObject(tp, i), ctypes.c_void_p).value or -i
        style = styles.get(obj)
        if style is None:
            weight = raw.FPDFText_GetFontWeight(tp, i)
            raw.FPDFText_GetFontInfo(tp, i, name, 128, flags)
            fname = name.value.decode("latin-1").lower()
            # The type size as printed: the font size times the text matrix's vertical scale
            # (some PDFs set every font at 1 pt and scale it).
            scale = 1.0
            if raw.FPDFText_GetMatrix(tp, i, matrix):
                scale = (matrix.c ** 2 + matrix.d ** 2) ** 0.5 or 1.0
            style = styles[obj] = (
                round((raw.FPDFText_GetFontSize(tp, i) or 1.0) * scale, 2),
                weight >= 600 or any(w in fname for w in BOLD_NAMES),
                bool(flags.value & 64) or "italic" in fname or "oblique" in fname)
        x0 = min(left.value, loose.left) if loose.right > loose.left else left.value
        x1 = max(right.value, loose.right) if loose.right > loose.left else right.value
        out.append(_Char(ch, x0, x1, height - top.value, height - bottom.value,
                         height - oy.value, *style, space))
        space = False
    return out


def _script(c: _Char, base: float, size: float) -> str:
    if c.size >= 0.85 * size:
        return ""
    if c.base < base - 0.2 * size:
        return "sup"
    if c.base > base + 0.1 * size:
        return "sub"
    return ""


class _Builder:
    def __init__(self, page: int):
        self.page = page
        self.chars: list[_Char] = []
        self.size = 0.0
        self.base = 0.0

    def fits(self, c: _Char, consecutive: bool) -> bool:
        last = self.chars[-1]
        size = self.size
        if consecutive:
            if c.x0 < last.x0 - 0.5 * size:  # went back: a new line
                return False
            if c.x0 - last.x1 > 12 * size:
                return False
        elif not (-0.6 * size <= c.x0 - self._x1() <= ATTACH_GAP * size):
            # A small raised character written after its line but printed just before its
            # start: a note's number.
            # Or written after its line but printed inside it (a marker set as an object of
            # its own).
            # (A marker is figures or a mark: smaller words printed over a line, such as a
            # running head crossing a large heading, are a line of their own.)
            x0 = min(ch.x0 for ch in self.chars)
            raised = c.size < 0.85 * size and c.base < self.base and (
                c.ch.isdigit() or c.ch in MARKS)
            if not (raised and (-ATTACH_GAP * size <= x0 - c.x1 <= 0.6 * size
                                or x0 <= c.x0 <= self._x1())):
                return False
        if abs(c.base - self.base) <= 0.3 * size:
            return True
        # A smaller character raised or lowered: a superscript or subscript of this line;
        # or the line so far is one (a note's number before the note's text).
        big = max(size, c.size)
        if c.size > size:  # larger than the line so far: only after a raised note number
            return len(self.chars) <= 4 and self.base < c.base and abs(
                c.base - self.base) <= 0.75 * big and c.size > 1.15 * size
        return abs(c.size - size) > 0.15 * big and abs(c.base - self.base) <= 0.75 * big

    def _x1(self) -> float:
        return max(ch.x1 for ch in self.chars)

    def add(self, c: _Char) -> None:
        if not self.chars or c.size > self.size * 1.15:  # the line's own type, not a marker's
            self.size = c.size
            self.base = c.base
        self.chars.append(c)

    def build(self, row: int) -> list[PdfLine]:
        """The line, split where a wide gap parts it (a side head and its text, a table's
        cells): the pieces share `row`."""
        sizes: dict[float, int] = {}
        for c in self.chars:
            sizes[round(c.size, 1)] = sizes.get(round(c.size, 1), 0) + 1
        size = max(sizes, key=lambda s: (sizes[s], s))
        bases = sorted(c.base for c in self.chars if abs(c.size - size) < 0.3)
        base = bases[len(bases) // 2] if bases else self.base
        pieces: list[list[tuple[_Char, str]]] = [[]]
        prev: _Char | None = None
        for c in sorted(self.chars, key=lambda c: c.x0) if self._crossed() else self.chars:
            script = _script(c, base, size)
            gap = c.x0 - prev.x1 if prev is not None else 0.0
            # A wide gap parts two pieces; a narrower one does too where the type changes
            # size (a side head in large type beside the text).
            if prev is not None and not script and (gap > CELL_GAP * size or (
                    gap > 0.8 * size and abs(c.size - prev.size) > 0.2 * max(c.size, prev.size)
                    and not _script(prev, base, size))):
                pieces.append([])
            pieces[-1].append((c, script))
            prev = c
        pieces = [piece for piece in pieces if piece]
        if len(pieces) == 1:  # the common case: one piece, in the line's own type
            return [self._line(pieces[0], size, base, row)]
        out = []
        for piece in pieces:
            # Each piece in its own type (a side head beside its text on one baseline).
            own: dict[float, int] = {}
            for c, script in piece:
                if not script:
                    own[round(c.size, 1)] = own.get(round(c.size, 1), 0) + 1
            p_size = max(own, key=lambda s: (own[s], s)) if own else size
            if abs(p_size - size) > 0.5:
                piece = [(c, _script(c, base, p_size)) for c, _ in piece]
            out.append(self._line(piece, p_size, base, row))
        return out

    def _crossed(self) -> bool:
        pairs = zip(self.chars, self.chars[1:], strict=False)
        return any(b.x0 < a.x0 - 0.5 * self.size for a, b in pairs)

    def _line(self, piece: list[tuple[_Char, str]], size: float, base: float,
              row: int) -> PdfLine:
        spans: list[Span] = []
        prev: _Char | None = None
        for c, script in piece:
            gap = c.x0 - prev.x1 if prev is not None else 0.0
            # A raised or lowered mark binds to what precedes it ("3rd", "UF6") unless set
            # apart by a real gap: PDFium may report a space where the baseline moves.
            space = c.space and not script
            sep = " " if prev is not None and (space or gap > SPACE_GAP * size) else ""
            style = (c.size if script else size, c.bold, c.italic, script)
            last = spans[-1] if spans else None
            if last and (last.size, last.bold, last.italic, last.script) == style:
                spans[-1] = Span(last.text + sep + c.ch, *style, x0=last.x0)
            else:
                if sep and last:
                    spans[-1] = Span(last.text + sep, last.size, last.bold, last.italic,
                                     last.script, last.x0)
                spans.append(Span(c.ch, *style, x0=c.x0))
            prev = c
        chars = [c for c, _ in piece]
        return PdfLine(self.page, min(c.x0 for c in chars), max(c.x1 for c in chars),
                       min(c.top for c in chars), max(c.bottom for c in chars), base, size,
                       spans, row=row)


def _lines(chars: list[_Char], page: int) -> list[PdfLine]:
    """Characters in stream order -> lines in stream order. A piece of a line that the
    stream gives later (a marker, the rest of a line after one) joins the line it sits on."""
    builders: list[_Builder] = []
    current: _Builder | None = None
    for c in chars:
        if current is not None and current.fits(c, True):
            current.add(c)
            continue
        target = next((b for b in reversed(builders[-6:]) if b.fits(c, False)), None)
        if target is None:
            target = _Builder(page)
            builders.append(target)
        target.add(c)
        current = target
    lines = [ln for k, b in enumerate(builders) if b.chars for ln in b.build(k)]
    # Lines set on one baseline share a row (a table's cells, each written apart).
    row = 0
    prev: PdfLine | None = None
    for ln in sorted(lines, key=lambda ln: ln.base):
        if prev is not None and ln.base - prev.base > 0.25 * min(ln.size, prev.size):
            row += 1
        ln.row = row
        prev = ln
    return lines
