"""A block's printed lines -> its text, with the note markers taken out: (text, markers as
(number, offset, line, the words before), lead, styles). A run of raised digits is a marker
when the paper has a note of that number; a paragraph's bold opening words ending in "." or
":" are its lead; bold and italic runs are its styles (strong, em), by whole words."""

from __future__ import annotations

import re
from collections.abc import Container

from glossa.ingest.joining import join_lines
from glossa.ingest.pdf.draft import Block


def text_and_markers(b: Block, highest: int, vocabulary: Container[str]):
    """The block's text with its markers taken out: (text, [(n, offset, line, before)],
    lead). A run of raised digits is a marker when the paper has a note of that number."""
    text = ""
    found: list[tuple[int, int, int, str]] = []
    styles: list[tuple[int, int, str]] = []
    lead_end = None
    all_bold_so_far = True
    for k, ln in enumerate(b.lines):
        if k == 0 and b.glyph:
            continue  # the bullet alone: the item is marked as one
        piece = ""
        piece_marks: list[tuple[int, int]] = []
        piece_styles: list[tuple[int, int, str]] = []
        for s in ln.spans:
            raw = s.text
            if s.script == "sup" and highest:
                nums = [int(x) for x in re.findall(r"\d+", raw)]
                if nums and re.fullmatch(r"\s*\d+(?:\s*[,–-]\s*\d+)*\s*", raw) \
                        and all(1 <= n <= highest for n in nums):
                    for n in nums:
                        piece_marks.append((n, len(piece.rstrip())))
                    if raw.endswith(" "):
                        piece = piece.rstrip() + " "
                    continue
            if k == 0 and all_bold_so_far and not s.bold and s.text.strip() and \
                    lead_end is None and piece.strip():
                lead_end = len(piece)
            if s.text.strip() and not s.bold:
                all_bold_so_far = False
            if (s.bold or s.italic) and raw.strip() and not s.script:
                a = len(piece) + len(raw) - len(raw.lstrip())
                piece_styles.append((a, len(piece) + len(raw.rstrip()),
                                     "strong" if s.bold else "em"))
            piece += raw
        stripped = piece.strip()
        shift = len(piece) - len(piece.lstrip())
        joined = join_lines(text, stripped, vocabulary) if text else stripped
        if k == 1 and b.cap:
            joined = text + stripped  # the drop cap and the rest of its word
        # Where the new line's text starts within the joined text.
        start = len(joined) - len(stripped)
        if k == 0:
            start = 0
        for n, off in piece_marks:
            pos = max(0, min(len(joined), start + off - shift))
            found.append((n, pos, ln.no, joined[max(0, pos - 30):pos]))
        for a, z, tag in piece_styles:
            a, z = (max(0, min(len(joined), start + x - shift)) for x in (a, z))
            if z > a:
                styles.append((a, z, tag))
        text = joined
    lead = None
    if lead_end is not None and b.kind == "paragraph":
        head = text[:lead_end].rstrip()
        if head.endswith((".", ":")) and 1 <= len(head.split()) <= 12:
            lead = head.rstrip(".:").strip()
            cut = len(text) - len(text[lead_end:].lstrip())
            text = text[cut:]
            found = [(n, max(0, off - cut), no, after) for n, off, no, after in found]
            styles = [(a - cut, z - cut, tag) for a, z, tag in styles if a >= cut]
    return text, found, lead, _merge_styles(styles, text)


def _merge_styles(styles: list[tuple[int, int, str]], text: str
                  ) -> tuple[tuple[int, int, str], ...]:
    """Runs of one style that only white space parts (a line break) are one run; a run
    that covers the whole text is dropped (a paragraph set in italics is not emphasis)."""
    out: list[tuple[int, int, str]] = []
    for a, z, tag in sorted(styles):
        z = min(z, len(text))
        # Whole words: a font change inside a word ("curren" + "cy") is not emphasis's edge.
        while a > 0 and text[a - 1].isalnum() and a < len(text) and text[a].isalnum():
            a -= 1
        while 0 < z < len(text) and text[z].isalnum() and text[z - 1].isalnum():
            z += 1
        if out and out[-1][2] == tag and not text[out[-1][1]:a].strip():
            out[-1] = (out[-1][0], max(out[-1][1], z), tag)
        elif z > a:
            out.append((a, z, tag))
    if len(out) == 1 and out[0][0] == 0 and out[0][1] >= len(text.rstrip(" .")):
        return ()
    # Overlapping runs of different styles would nest badly: keep the first.
    kept: list[tuple[int, int, str]] = []
    for run in out:
        if not kept or run[0] >= kept[-1][1]:
            kept.append(run)
    return tuple(kept)
