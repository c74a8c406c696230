"""Note markers and drop caps in the body's lines -> the sentinels that hold a marker's
place in a draft's text, the markers with their offsets, and each drop cap with the line of
the word it begins."""

from __future__ import annotations

import re
from collections.abc import Container

from glossa.model.reading import Line

MARK = "\x00{}\x01"
MARK_RE = re.compile(r"\x00(\d+)\x01")
MARKER_ENDED = re.compile(r"[.!?,;:][”’\"')\]]*\d{1,3}$")
# A note's marker flattened onto the end of a heading: "Department of Energy44", or before
# a closing parenthesis of its own: "STEM Talent Challenge222 (Discontinued by EDA)".
HEADING_MARKER = re.compile(r"(?<=[^\W\d_]|[”’\")])(\d{1,3})(?=$| \([^()]*\)$)")
CAP_REACH = 8  # lines between a drop cap and the rest of its word, at the most


def drop_caps(lines: list[Line], vocabulary: Container[str]) -> dict[int, Line]:
    """Drop caps set apart from their word ("C" alone, and "ongressional committee ..."
    near it): a capital alone on a line, and within a few lines on its page a line that
    opens with a lower-case word which, with the capital, is a word of the text."""
    caps: dict[int, Line] = {}
    for i, ln in enumerate(lines):
        if len(ln.text) != 1 or not ln.text.isupper():
            continue
        for j in sorted(range(max(0, i - CAP_REACH), min(len(lines), i + CAP_REACH + 1)),
                        key=lambda j: abs(j - i)):
            other = lines[j]
            word = re.match(r"[^\W\d_]+", other.text)
            if j == i or other.page != ln.page or not word or not other.text[0].islower():
                continue
            if (ln.text + word.group(0)).lower() in vocabulary and other.no not in caps:
                caps[other.no] = ln
                break
    return caps


def extract_marks(text: str) -> tuple[str, list[tuple[int, int]]]:
    """A text with marker sentinels -> the text without them, and each marker's number
    and offset in it."""
    out, found, pos, removed = [], [], 0, 0
    for m in MARK_RE.finditer(text):
        out.append(text[pos:m.start()])
        found.append((int(m.group(1)), m.start() - removed))
        removed += m.end() - m.start()
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), found
