"""The PDF reader's drafts: a Block is the printed lines gathered into one heading, paragraph,
list item, table, caption or aside, from `blocks.read_blocks` until `finish` makes it a
Heading or a Paragraph of the Reading. The stages between may regroup blocks or change a
block's kind."""

from __future__ import annotations

from dataclasses import dataclass, field

from glossa.ingest.pdf.layout import PdfLine


@dataclass
class Block:
    kind: str  # "heading", "paragraph", "item", "table", "caption", "aside"
    lines: list[PdfLine] = field(default_factory=list)
    level: int = 0  # a heading's: -1 a side head, -2 set out into the left margin
    text_x: float = 0.0  # where an item's text starts (its hanging indent)
    glyph: bool = False  # the item's first line is its bullet alone, in a symbol font
    cap: bool = False  # the first line is a drop cap, the first letter of the next line

    @property
    def text(self) -> str:
        """The lines' texts, a space between them (for matching, not for readers)."""
        return " ".join(ln.text for ln in self.lines)
