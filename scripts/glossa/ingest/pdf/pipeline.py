"""A PDF's Layout -> a Reading: the PDF reader's stages, in order.

    lines -> type statistics (stats) -> furniture -> front matter (front)
      -> page-foot notes (notes) -> blocks, side heads and asides (blocks, margins, tables)
      -> endnotes, when there are no page-foot notes (notes) -> the title printed again
      -> imprint labels, appendix labels (headings) -> column heads (tables) -> drop caps
      (blocks) -> captioned tables (tables) -> text, markers, levels, ids (finish, spans)
      -> boxes as sections (ingest/boxes.py)

What the layout tells, and how it is used:

- the body's type size is the size most characters are set in; a line set larger, or bold
  and standing alone, is a heading; heading levels follow type size, then weight, then
  numbering ("2.1"); a line in a wide left margin beside the text is a side head;
- notes are the lines at a page's foot set smaller than the body, each opened by its
  number; a note that runs onto the next page ("(continued...)") is joined there;
- a marker is a run of digits set smaller than its line and raised above its baseline:
  no guessing among numbers;
- furniture is what stands at the top or foot of several pages (running heads, footers,
  addresses) and page numbers; it is dropped and listed with its reason;
- a paragraph ends where the next line is set apart (a wider gap than the paper's line
  spacing, a first-line indent) or starts with a bullet; a page or column break does not
  end a paragraph whose last line runs to the margin without closing its sentence;
- a printed line split by wide gaps into pieces is a table row: runs of such rows are a
  table, with its caption ("Table 2.") and its source line.
"""

from __future__ import annotations

from dataclasses import replace

from glossa.ingest.boxes import box_sections
from glossa.ingest.hints import Hints
from glossa.ingest.joining import Vocabulary
from glossa.ingest.patterns import squash
from glossa.ingest.pdf.blocks import drop_caps, read_blocks
from glossa.ingest.pdf.draft import Block
from glossa.ingest.pdf.finish import finish
from glossa.ingest.pdf.front import read_front
from glossa.ingest.pdf.furniture import find_furniture, page_label
from glossa.ingest.pdf.headings import imprint, labelled
from glossa.ingest.pdf.layout import Layout
from glossa.ingest.pdf.notes import endnotes, page_notes
from glossa.ingest.pdf.stats import measure
from glossa.ingest.pdf.tables import captioned_tables, column_heads
from glossa.model.reading import Dropped, Reading


def ingest_layout(layout: Layout, hints: Hints | None = None,
                  levels: dict[str, int] | None = None) -> Reading:
    """Read `layout` into a Reading; `levels` is paper.yml's. Pure: no disk."""
    hints = hints or Hints()
    lines = [ln for ln in layout.lines() if ln.text]
    dropped: dict[int, Dropped] = {}
    stats = measure(layout, lines)
    find_furniture(layout, lines, stats, dropped)
    lines = [ln for ln in lines if ln.no not in dropped]
    front, title, subtitle, lines = read_front(lines, stats)
    notes, lines = page_notes(lines, stats, dropped)
    blocks = read_blocks(lines, stats)
    if not notes:
        notes, blocks = endnotes(blocks, dropped)
    blocks = _title_again(blocks, squash(title or hints.title), dropped)
    pages = {ln.no: ln.page + 1 for ln in layout.lines()}
    dropped = {no: replace(d, page=pages.get(no, 0)) for no, d in dropped.items()}
    labels = {d.page: page_label(d.text) for d in dropped.values() if d.why == "page number"}
    blocks = captioned_tables(drop_caps(column_heads(labelled(imprint(blocks, dropped)),
                                                     stats), stats), stats)
    reading_blocks, markers, issues = finish(blocks, notes, stats, Vocabulary(layout.text()),
                                             levels or {})
    reading_blocks = box_sections(reading_blocks, markers)
    series = next((f.text for f in front if f.role == "series"), "")
    return Reading(
        format="pdf", title=title or hints.title, subtitle=subtitle, series=series,
        front=tuple(front), blocks=tuple(reading_blocks), markers=tuple(markers),
        notes=dict(sorted(notes.items())),
        dropped=tuple(sorted(dropped.values(), key=lambda d: d.line)),
        marker_issues=tuple(issues), page_labels={p: v for p, v in labels.items() if v})


def _title_again(blocks: list[Block], title: str, dropped: dict[int, Dropped]) -> list[Block]:
    """A heading that is the title (`title`, squashed), printed again: dropped."""
    for b in blocks:
        if b.kind == "heading" and squash(b.text) == title:
            for ln in b.lines:
                dropped[ln.no] = Dropped(ln.no, ln.text, "the title, printed again")
    return [b for b in blocks if not (b.kind == "heading" and b.lines[0].no in dropped)]
