"""Paragraph texts + glossary entries -> where each entry is mentioned, and how to mark it.

One compiled pattern for all names, longest first (like Python-Markdown's abbr): a name with
a capital letter matches exactly, an all-lower-case name also with a capital first letter
(sentence starts). Names match whole words only; possessives ("Russia’s") match.
The first mention in each section is a link; the first in each later paragraph of that
section a light link, so every paragraph reaches the entry without turning into link soup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from glossa.enrich.glossary import Entry
from glossa.ingest.boxes import box_label
from glossa.model.reading import TEXT_KINDS, Heading, Paragraph, Reading

SNIPPET = 70
CURRENCY_AFTER = r"[$€£¥]"  # "US$", "A$", "HK$": a currency, never a term


@dataclass(frozen=True)
class TermSpan:
    start: int
    end: int
    entry: str
    style: str  # "link" or "light"


@dataclass(frozen=True)
class Occurrence:
    entry: str
    paper: str  # slug
    para: str  # paragraph id
    section: str  # heading text ("" before the first heading)
    section_id: str
    text: str = field(repr=False)  # the paragraph's text
    start: int  # the first mention in it
    end: int
    count: int

    @property
    def snippet(self) -> str:
        """The first mention with some words either side (made only for the entries' pages,
        which show a bounded number of them)."""
        return _snippet(self.text, self.start, self.end)


def _rest_pattern(name: str, first: str) -> str:
    """The pattern of `name` after its first character (`first`, as matched): its words
    with any spacing between them. An all-lower-case name may not follow a hyphen
    ("anti-sanctions" is no mention of sanctions: looked for behind its first letter); other
    names may ("Putin-Xi summit", "US-ROK drills")."""
    words = name.split()
    head = re.escape(words[0][1:])
    body = r"\s+".join([head, *(re.escape(w) for w in words[1:])]) if len(words) > 1 \
        else head
    if name == name.lower() and name[:1].isalpha():
        return rf"(?<!-{re.escape(first)})" + body
    return body


class Linker:
    """All entries' names compiled into one pattern."""

    def __init__(self, entries: list[Entry]):
        self.entries = {e.id: e for e in entries}
        self.by_name: dict[str, str] = {}
        for e in entries:
            for name in e.names:
                key = " ".join(name.split())
                self.by_name.setdefault(key, e.id)
                if key == key.lower():
                    self.by_name.setdefault(key[:1].upper() + key[1:], e.id)
        names = sorted({" ".join(n.split()) for e in entries for n in e.names},
                       key=lambda n: (-len(n), n))
        # Grouped by first letter, so that at each word start the engine tries only the
        # names that can begin there; the order inside a group stays longest first. Each
        # group opens with its letter, then looks behind it (no word character before it):
        # a pattern whose every branch opens with a letter is searched for by that letter,
        # far faster than one that opens with a look behind.
        groups: dict[str, list[str]] = {}
        for n in names:
            firsts = {n[0], n[0].upper()} if n == n.lower() and n[:1].isalpha() else {n[0]}
            for first in sorted(firsts):
                groups.setdefault(first, []).append(_rest_pattern(n, first))
        alternation = "|".join(
            rf"{re.escape(first)}(?<!\w{re.escape(first)})(?:{'|'.join(group)})"
            for first, group in sorted(groups.items())) or r"(?!x)x"
        # A currency or unit prefix is no name: "US$11 billion" is an amount, not the US.
        self.pattern = re.compile(rf"(?:{alternation})(?!\w|-\w|{CURRENCY_AFTER})")

    def find(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        by_name = self.by_name
        for m in self.pattern.finditer(text):
            # A name as the glossary spells it (single spaces) is looked up as it stands.
            entry = by_name.get(m.group(0))
            if entry is None:
                key = " ".join(m.group(0).split())
                entry = by_name.get(key) or by_name.get(key[:1].lower() + key[1:])
            if entry:
                out.append((m.start(), m.end(), entry))
        return out


def _snippet(text: str, start: int, end: int) -> str:
    left = max(0, start - SNIPPET)
    right = min(len(text), end + SNIPPET)
    if left > 0:
        left = text.find(" ", left) + 1 or left
    if right < len(text):
        right = text.rfind(" ", end, right) if text.rfind(" ", end, right) > end else right
    return ("…" if left > 0 else "") + text[left:right].strip() + ("…" if right < len(text)
                                                                     else "")


def link_terms(reading: Reading, slug: str, linker: Linker,
               avoid: dict[str, list[int]] | None = None,
               matches: dict[tuple[str, str], list] | None = None
               ) -> tuple[dict[str, list[TermSpan]], list[Occurrence]]:
    """Spans to mark in each paragraph, and every paragraph each entry occurs in.

    `avoid` gives, per paragraph, offsets (footnote markers) that a span must not straddle.
    `matches`, if given, receives every match per (paper, paragraph), for the ranking.
    """
    spans: dict[str, list[TermSpan]] = {}
    occurrences: list[Occurrence] = []
    section, section_id = "", ""
    linked_in_section: set[str] = set()
    box = ""  # the label of the box being read, if any
    for block in reading.blocks:
        if isinstance(block, Heading):
            section, section_id = block.text, block.id
            linked_in_section = set()
            continue
        if not isinstance(block, Paragraph):
            continue
        if block.kind == "aside":
            box = block.lead or box
            if box_label(box, True):
                continue  # a report's author information or disclaimer: no terms there
        else:
            box = ""
            if block.kind not in TEXT_KINDS:
                continue
        cuts = (avoid or {}).get(block.id)
        found = linker.find(block.text)
        if cuts:
            found = [(s, e, ent) for s, e, ent in found if not any(s < c < e for c in cuts)]
        if matches is not None:
            matches[(slug, block.id)] = found
        marked_here: set[str] = set()
        counts: dict[str, list[tuple[int, int]]] = {}
        for s, e, ent in found:
            counts.setdefault(ent, []).append((s, e))
            if ent in marked_here:
                continue
            marked_here.add(ent)
            style = "light" if ent in linked_in_section else "link"
            linked_in_section.add(ent)
            spans.setdefault(block.id, []).append(TermSpan(s, e, ent, style))
        for ent, where in counts.items():
            s, e = where[0]
            occurrences.append(Occurrence(ent, slug, block.id, section, section_id,
                                          block.text, s, e, len(where)))
    return spans, occurrences


ACRONYM = re.compile(rf"\b[A-Z][A-Z0-9&]{{1,}}s?\b(?!{CURRENCY_AFTER})")
PROPER_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:of\s+|the\s+|for\s+)?[A-Z][\w’'-]+)+")
NOT_NAMES = frozenset({"The", "In", "It", "As", "At", "For", "This", "That", "While", "But", "If"})


def candidates(texts: list[str], linker: Linker, limit: int = 25,
               covered_by: list[list] | None = None) -> list[tuple[str, int]]:
    """Acronyms and recurring capitalised names that no entry covers, most frequent first.
    `covered_by[i]`, if given, holds the linker's matches in `texts[i]` already."""
    counts: dict[str, int] = {}
    for i, text in enumerate(texts):
        found = covered_by[i] if covered_by is not None else linker.find(text)
        covered = [(s, e) for s, e, _ in found]
        for pattern in (ACRONYM, PROPER_NAME):
            for m in pattern.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in covered):
                    continue
                name = m.group(0).removesuffix("’s")
                first = name.split()[0]
                if first in NOT_NAMES and " " in name:
                    name = name.split(" ", 1)[1]
                while " " in name and name[0].islower():
                    name = name.split(" ", 1)[1]
                if pattern is PROPER_NAME and " " not in name:
                    continue
                if name in linker.by_name:  # an entry's term or alias, not linked here
                    continue
                counts[name] = counts.get(name, 0) + 1
    ranked = sorted(((n, c) for n, c in counts.items() if c >= 2 or n.isupper()),
                    key=lambda x: (-x[1], x[0]))
    return ranked[:limit]
