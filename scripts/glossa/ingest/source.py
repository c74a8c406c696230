"""A source file as received (text or PDF) -> its text layer and its reading, or problems.

The one place that decides how a source is read: `source.txt` by the text reader, a PDF by
the layout reader (`pdflayout` then `pdfread`). The text layer is what line numbers in the
reading refer to: the text itself, or for a PDF its printed lines in reading order, a form
feed between pages.
"""

from __future__ import annotations

import difflib
import re

from ..model import Reading
from ..problems import WARNING, Problem
from . import Hints, decode_source, ingest_text

PDF_MAGIC = b"%PDF-"
MAX_PDF_BYTES = 60 * 1024 * 1024


def is_pdf(data: bytes, path: str = "") -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC) or path.lower().endswith(".pdf")


def read_source(data: bytes, path: str, hints: Hints | None = None, fmt: str | None = None,
                levels: dict[str, int] | None = None
                ) -> tuple[str | None, Reading | None, list[Problem]]:
    """(text layer, reading, problems); the reading is None when the file cannot be read."""
    if not is_pdf(data, path):
        text, problems = decode_source(data, path)
        if text is None:
            return None, None, problems
        return text, ingest_text(text, hints, fmt, levels), problems
    from .pdflayout import PdfError, read_pdf
    from .pdfread import ingest_layout

    if len(data) > MAX_PDF_BYTES:
        return None, None, [Problem(path, 0, "S006", f"the PDF is {len(data):,} bytes, over the "
                                    f"{MAX_PDF_BYTES:,}-byte limit",
                                    "check that this is the paper, not a collection")]
    try:
        layout = read_pdf(data)
    except PdfError as err:
        return None, None, [Problem(path, 0, "S006", f"the PDF cannot be read: {err}",
                                    err.fix)]
    return layout.text(), ingest_layout(layout, hints, levels), []


def page_of_line(text: str, line: int) -> tuple[int, int]:
    """(page, line on that page), both 1-based, of a line of a PDF's text layer."""
    lines = text.split("\n")[:line]
    page = sum(ln.count("\f") for ln in lines) + 1
    k = 0
    for ln in reversed(lines):
        k += 1
        if "\f" in ln:
            break
    return page, k


def locate_in_pdf(problems: list[Problem], path: str, text: str) -> list[Problem]:
    """Problems at a line of a PDF's text layer -> at its page and line on that page."""
    out = []
    for p in problems:
        if p.path == path and p.line:
            page, k = page_of_line(text, p.line)
            p = Problem(p.path, 0, p.code, f"page {page}, line {k}: {p.message}", p.fix,
                        p.severity)
        out.append(p)
    return out


WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[tuple[str, int]]:
    """Words with their line numbers; a word broken by a line-end hyphen is one word."""
    out: list[tuple[str, int]] = []
    text = re.sub(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])", "", text)
    for no, line in enumerate(text.split("\n"), start=1):
        out += [(w.casefold(), no) for w in WORD.findall(line)]
    return out


def disagreements(txt: str, txt_path: str, layout_text: str, pdf_path: str,
                  least: int = 3) -> list[Problem]:
    """Where source.txt and the PDF's text differ by `least` words or more in a row (the
    text was edited by hand, or is another version); one warning a place, five at most."""
    a, b = _words(txt), _words(layout_text)
    matcher = difflib.SequenceMatcher(None, [w for w, _ in a], [w for w, _ in b],
                                      autojunk=False)
    places = [op for op in matcher.get_opcodes() if op[0] != "equal"
              and max(op[2] - op[1], op[4] - op[3]) >= least]
    out = []
    for _, i1, i2, j1, j2 in places[:5]:
        mine = " ".join(w for w, _ in a[i1:i2][:8]) or "(nothing)"
        theirs = " ".join(w for w, _ in b[j1:j2][:8]) or "(nothing)"
        line = a[min(i1, len(a) - 1)][1] if a else 0
        page, _ = page_of_line(layout_text, b[min(j1, len(b) - 1)][1]) if b else (0, 0)
        out.append(Problem(txt_path, line, "P007", f"differs from {pdf_path} (page {page}): "
                           f"“{mine}” here, “{theirs}” in the PDF",
                           "the site reads the PDF; correct source.txt or remove it",
                           WARNING))
    if len(places) > 5:
        out.append(Problem(txt_path, 0, "P007", f"{len(places) - 5} more places differ from "
                           f"{pdf_path}", "the site reads the PDF; correct source.txt or "
                           "remove it", WARNING))
    return out
