"""A page's characters, in the order its content stream gives them -> its printed lines
(PdfLine), in that order.

Characters join a line by their baseline. A run of characters smaller than the line and
raised above its baseline is a superscript (a note marker, an ordinal); one lowered below it
is a subscript ("UF6"). A piece of a line that the stream gives later (a marker, the rest of
a line after one) joins the line it sits on. A line that a wide gap parts (a side head and
its text, a table's cells) is split into pieces, and the pieces, like all lines set on one
baseline, share a row.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossa.ingest.pdf.layout import PdfLine, Span

SPACE_GAP = 0.18  # a gap wider than this many ems between two glyphs is a word space
CELL_GAP = 1.6  # a gap wider than this many ems inside a line separates two cells
ATTACH_GAP = 2.2  # a piece on the same baseline this close to a line's end continues it
MARKS = "*†‡§¶,–-"  # what a note's marker is made of, beside its figures


@dataclass
class Char:
    """One printed character, its box and its type (from `chars`)."""

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


def _script(c: Char, base: float, size: float) -> str:
    if c.size >= 0.85 * size:
        return ""
    if c.base < base - 0.2 * size:
        return "sup"
    if c.base > base + 0.1 * size:
        return "sub"
    return ""


class _Builder:
    """A line being gathered: its characters, and the size and baseline of its own type
    (not a marker's)."""

    def __init__(self, page: int):
        self.page = page
        self.chars: list[Char] = []
        self.size = 0.0
        self.base = 0.0

    def fits(self, c: Char, consecutive: bool) -> bool:
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

    def add(self, c: Char) -> None:
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
        pieces: list[list[tuple[Char, str]]] = [[]]
        prev: Char | None = None
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

    def _line(self, piece: list[tuple[Char, str]], size: float, base: float,
              row: int) -> PdfLine:
        spans: list[Span] = []
        prev: Char | None = None
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


def group_lines(chars: list[Char], page: int) -> list[PdfLine]:
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
