"""A PDF file's bytes -> its Layout: every character of each page's text layer with its
box, type size, weight and slant (PDFium, through pypdfium2), then grouped into lines by
`baselines.group_lines`. A hyphen that PDFium marks as a line-end hyphen is kept as "-".

The order is the PDF's content stream's, which is the reading order of nearly every PDF a
word processor writes (a two-column page gives its first column first). The only stage of
the PDF reader that reads a file.
"""

from __future__ import annotations

import ctypes

from glossa.ingest.pdf.baselines import Char, group_lines
from glossa.ingest.pdf.layout import Layout, PdfError, PdfPage

BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


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
    return PdfPage(width, height, group_lines(chars, index))


def _chars(raw, tp, height: float) -> list[Char]:
    n = raw.FPDFText_CountChars(tp)
    left, right = ctypes.c_double(), ctypes.c_double()
    bottom, top = ctypes.c_double(), ctypes.c_double()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    loose = raw.FS_RECTF()
    flags = ctypes.c_int()
    name = ctypes.create_string_buffer(128)
    matrix = raw.FS_MATRIX()
    styles: dict[int, tuple[float, bool, bool]] = {}  # text object -> size, bold, italic
    out: list[Char] = []
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
        out.append(Char(ch, x0, x1, height - top.value, height - bottom.value,
                         height - oy.value, *style, space))
        space = False
    return out
