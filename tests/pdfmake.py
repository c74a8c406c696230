"""Small PDFs for tests, written with PDFium (pypdfium2): text set at given places, sizes and
standard fonts, so that a test states the layout it reads. Coordinates are in points from
the page's top left, like the layout stage's."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

FONTS = {"roman": b"Times-Roman", "bold": b"Times-Bold", "italic": b"Times-Italic",
         "sans": b"Helvetica", "sans-bold": b"Helvetica-Bold"}


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline, from the page's top
    text: str
    size: float = 11
    font: str = "roman"


def make_pdf(pages: list[list[Text]], path: Path | None = None, width: float = 612,
             height: float = 792) -> bytes:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    fonts = {}
    for items in pages:
        page = pdf.new_page(width, height)
        for t in items:
            if t.font not in fonts:
                fonts[t.font] = raw.FPDFText_LoadStandardFont(pdf.raw, FONTS[t.font])
            obj = raw.FPDFPageObj_CreateTextObj(pdf.raw, fonts[t.font], t.size)
            text = ctypes.create_unicode_buffer(t.text) if False else \
                (t.text + "\0").encode("utf-16-le")
            buf = ctypes.create_string_buffer(text, len(text))
            raw.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, t.x, height - t.y)
            raw.FPDFPage_InsertObject(page.raw, obj)
        raw.FPDFPage_GenerateContent(page.raw)
    import io
    out = io.BytesIO()
    pdf.save(out)
    data = out.getvalue()
    if path is not None:
        path.write_bytes(data)
    return data


def cut_pages(source: Path, pages: list[int], dest: Path) -> None:
    """Copy some pages (0-based) of a PDF into a new one."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(source)
    new = pdfium.PdfDocument.new()
    new.import_pages(src, pages)
    new.save(dest)
