"""Paragraphs -> run-in headings ("Denuclearization. Moscow is loath ...") kept as lead-ins.

A paragraph opens with a lead-in when its first sentence is a short phrase with no verb of
its own, and at least one other paragraph of the same section opens the same way: run-in
headings come as a list, and one short first sentence alone is more likely prose.
"""

from __future__ import annotations

import re

from glossa.model.reading import Heading, Paragraph

FIRST_SENTENCE = re.compile(r"^([A-Z][^.!?:;]{0,100}?)\.\s+(?=[A-Z“\"‘'(])")
MAX_WORDS = 12
VERBS = frozenset(
    "is are was were be been being has have had will would can could may might must shall "
    "should do does did says said seems seem remains remain appears appear become becomes "
    "became makes made takes took gives gave there it this that these those we they he she i "
    "you".split())
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no gen col lt sgt capt gov sen rep prof jr sr inc ltd co corp vs etc "
    "e.g i.e u.s u.k u.n fig vol ed eds".split())


def _lead(text: str) -> str | None:
    m = FIRST_SENTENCE.match(text)
    if not m:
        return None
    lead = m.group(1).strip()
    words = lead.split()
    if len(words) > MAX_WORDS or "," in lead:
        return None
    last = words[-1].lower()
    if len(last) == 1 or last in ABBREVIATIONS or last.endswith("."):
        return None
    if any(w.lower().strip("’'\"“”()") in VERBS for w in words):
        return None
    return lead


def find_leads(blocks: list, marker_offsets: dict[str, list[int]]) -> tuple[list, dict[str, int]]:
    """Mark lead-ins section by section; return the blocks and, per changed paragraph, how
    many characters its text lost at the front (marker offsets move by that much)."""
    out = list(blocks)
    shifts: dict[str, int] = {}
    section: list[int] = []

    def settle() -> None:
        found = {i: _lead(out[i].text) for i in section}
        found = {i: lead for i, lead in found.items() if lead}
        if len(found) < 2:
            section.clear()
            return
        for i, lead in found.items():
            p = out[i]
            rest = p.text[len(lead) + 1:].lstrip()
            shift = len(p.text) - len(rest)
            if any(off < shift for off in marker_offsets.get(p.id, [])):
                continue
            out[i] = Paragraph(p.id, rest, p.line, lead, p.kind, lines=p.lines)
            shifts[p.id] = shift
        section.clear()

    for i, b in enumerate(out):
        if isinstance(b, Heading):
            settle()
        elif isinstance(b, Paragraph) and b.kind == "paragraph":
            section.append(i)
    settle()
    return out, shifts
