"""A PDF -> a Reading, from the layout of its pages rather than from guesses on flat text:
the PDF reader, a module per stage, run in order by `pipeline.ingest_layout`.

    layout      the model: a Layout of pages of printed lines (PdfLine) of styled runs (Span)
    chars       PDF bytes -> a Layout: each page's characters from PDFium (read_pdf)
    baselines   a page's characters -> its lines, with superscripts, subscripts and rows
    pipeline    a Layout -> a Reading: the stages below, in order (ingest_layout)
    lines       one line -> what it is on its own: captions, bullets, raised numbers
    stats       the lines -> the body's type size, line spacing, text columns
    furniture   the lines -> running heads and footers, page numbers, contents lists
    front       the first page -> title, subtitle, front matter
    notes       page feet -> their notes; or the notes listed at the end
    draft       the Block: lines gathered into one heading, paragraph, item, table ...
    blocks      body lines -> blocks, in one pass; drop caps
    margins     side heads in the margin, boxes beside the text (asides)
    tables      rows of cells, captioned tables and charts, column heads; grids
    headings    imprint labels, appendix labels, levels by type style
    spans       a block's spans -> its text, markers, lead and styles
    finish      blocks -> the Reading's headings and paragraphs, markers, marker issues

What both readers decide alike (a heading's level and id, joining lines, boxes as sections)
is in the shared modules of ingest/.

The face: `from glossa.ingest.pdf import ingest_layout, read_pdf, Layout, PdfLine, PdfError`.
"""

from __future__ import annotations

from glossa.ingest.pdf.chars import read_pdf
from glossa.ingest.pdf.layout import Layout, PdfError, PdfLine
from glossa.ingest.pdf.pipeline import ingest_layout

__all__ = ["Layout", "PdfError", "PdfLine", "ingest_layout", "read_pdf"]
