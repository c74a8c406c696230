"""Source text -> numbered lines, each with its page (form feeds, or a leading space in PDF
text)."""

from __future__ import annotations

import re

from glossa.model.reading import Line

LEADING_SINGLE_SPACE = re.compile(r"^ (?=\S)")
SPACES = re.compile(r" {2,}")


def split_lines(text: str, pdf: bool) -> list[Line]:
    """Number the lines and find page boundaries.

    pdftotext marks pages with form feeds; text copied from a PDF viewer often marks them
    with a single leading space on a page's first line. Only PDF text reads the latter.
    """
    has_ff = "\f" in text
    lines: list[Line] = []
    page = 0
    for no, raw in enumerate(text.split("\n"), start=1):
        page_start = False
        if has_ff:
            if "\f" in raw:
                page += raw.count("\f")
                page_start = True
                raw = raw.replace("\f", "")
        elif pdf and LEADING_SINGLE_SPACE.match(raw) and no > 1:
            page += 1
            page_start = True
        # Collapse runs of ordinary spaces only: no-break spaces are typography, kept.
        text = (SPACES.sub(" ", raw) if "  " in raw else raw).strip(" \v")
        lines.append(Line(no, text if text.strip() else "", page, page_start or no == 1))
    # A page that starts with blank lines starts at its first non-blank line.
    fixed: list[Line] = []
    carry = False
    for ln in lines:
        if ln.page_start and not ln.text:
            carry = True
            ln = Line(ln.no, ln.text, ln.page, False)
        elif carry and ln.text:
            ln = Line(ln.no, ln.text, ln.page, True)
            carry = False
        fixed.append(ln)
    return fixed


def looks_like_pdf(lines: list[str]) -> bool:
    """Hard-wrapped text has many long lines of about one width followed by more text; form
    feeds (pdftotext's page breaks) say so outright."""
    if sum(ln.count("\f") for ln in lines) >= 2:
        return True
    nonblank = [ln.strip() for ln in lines if ln.strip()]
    if not nonblank:
        return False
    lengths = sorted(len(s) for s in nonblank)
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    if p90 > 250:
        return False
    wrapped = sum(1 for a, b in zip(lines, lines[1:], strict=False)
                  if a.strip() and b.strip() and len(a.strip()) > 0.6 * p90)
    return wrapped >= max(3, 0.3 * len(nonblank))
