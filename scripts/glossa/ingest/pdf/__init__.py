"""A PDF -> a Reading, from the layout of its pages: the PDF reader, a module per stage.

    layout      the model: a Layout of pages of printed lines (PdfLine) of styled runs (Span)
    chars       PDF bytes -> a Layout: each page's characters from PDFium (read_pdf)
    baselines   a page's characters -> its lines, with superscripts, subscripts and rows

The face: `from glossa.ingest.pdf import read_pdf, Layout, PdfLine, PdfError`.
"""

from __future__ import annotations

from glossa.ingest.pdf.chars import read_pdf
from glossa.ingest.pdf.layout import Layout, PdfError, PdfLine

__all__ = ["Layout", "PdfError", "PdfLine", "read_pdf"]
