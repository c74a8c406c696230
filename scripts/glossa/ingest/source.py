"""A source file as received (text or PDF) -> its text layer and its reading, or problems.

The one place that decides how a source is read: `source.txt` by the text reader, a PDF by
the layout reader (`pdf/`: `read_pdf` then `ingest_layout`). The text layer is what line
numbers in the reading refer to: the text itself, or for a PDF its printed lines in reading
order, a form feed between pages.
"""

from __future__ import annotations

import re
from collections import Counter

from glossa.ingest import Hints, decode_source, ingest_text
from glossa.model.problems import WARNING, Problem
from glossa.model.reading import Reading

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
    from glossa.ingest.pdf import PdfError, ingest_layout, read_pdf

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
            p = Problem(p.path, p.line, p.code, p.message, p.fix, p.severity,
                        at=f"page {page}, line {k}")
        out.append(p)
    return out


WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[tuple[str, int]]:
    """Words with their line numbers; a word broken by a line-end hyphen is one word."""
    out: list[tuple[str, int]] = []
    # Hyphens go: a line-end hyphen joins its word's halves, and one inside a word or an
    # address splits it differently in different extractions.
    text = re.sub(r"-[ \t\f]*\n[ \t\f]*", "", text).replace("-", "")
    for no, line in enumerate(text.split("\n"), start=1):
        out += [(w.casefold(), no) for w in WORD.findall(line)]
    return out


def _unmatched_runs(mine: list[tuple[str, int]], theirs: list[tuple[str, int]],
                    least: int) -> list[list[int]]:
    """Runs of words of `mine` that `theirs` lacks, as index lists. Words are matched as a
    multiset, so lines printed in another order (a running head, a sidebar, pdftotext's
    reading order) do not count as differences; a run is words that are missing within two
    words of each other."""
    left = Counter(w for w, _ in theirs)
    missing = []
    for i, (w, _) in enumerate(mine):
        if left[w] > 0:
            left[w] -= 1
        else:
            missing.append(i)
    runs: list[list[int]] = []
    for i in missing:
        if runs and i - runs[-1][-1] <= 2:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [r for r in runs if len(r) >= least]


def disagreements(txt: str, txt_path: str, layout_text: str, pdf_path: str,
                  least: int = 3) -> list[Problem]:
    """Where source.txt and the PDF's text differ in wording by `least` words or more (the
    text was edited by hand, or is another version), whatever the order of their lines;
    one warning a place, five at most."""
    a, b = _words(txt), _words(layout_text)
    places = [("here", r) for r in _unmatched_runs(a, b, least)] + \
        [("pdf", r) for r in _unmatched_runs(b, a, least)]
    places.sort(key=lambda p: (p[0] != "here", p[1][0]))  # this text's own lines first
    out = []
    fix = "the site reads the PDF; correct source.txt or remove it"
    for side, run in places[:5]:
        seq = a if side == "here" else b
        words = " ".join(w for w, _ in seq[run[0]:run[-1] + 1][:10])
        if side == "here":
            out.append(Problem(txt_path, a[run[0]][1], "P007", f"“{words}” is not in "
                               f"{pdf_path}", fix, WARNING))
        else:
            page, _ = page_of_line(layout_text, b[run[0]][1])
            out.append(Problem(txt_path, 0, "P007", f"{pdf_path} has “{words}” (page {page}), "
                               "which this text lacks", fix, WARNING))
    if len(places) > 5:
        out.append(Problem(txt_path, 0, "P007", f"{len(places) - 5} more places differ from "
                           f"{pdf_path}", fix, WARNING))
    return out
