"""A source and its reading -> problems if any word of the source was lost or moved.

Every non-blank source line must be claimed by exactly one thing the reader sees (front
matter, a heading, a paragraph, a note) or be listed as dropped; and each thing must hold
exactly the letters and digits of the lines it claims, in order. Spacing, hyphens broken by
line ends and punctuation around markers are not counted: words are.
"""

from __future__ import annotations

import re

from glossa.ingest.decode import normalise_text
from glossa.ingest.text.pages import split_lines
from glossa.model.problems import Problem
from glossa.model.reading import Heading, Paragraph, Reading

# The checks below read every letter of a paper twice: they take the letters and figures of
# its text in C, as UTF-8 bytes. ASCII's other characters are deleted in one pass; then the
# punctuation papers print beyond ASCII (Latin-1's no-break space, section sign...; the
# general punctuation block's dashes, curly quotes, bullets), each of which is a sequence
# of bytes that starts a character (UTF-8 is self-synchronising). Both sets are taken from
# str.isalnum() itself; a text with any other character beyond ASCII is read char by char.
_ASCII_OTHERS = bytes(c for c in range(128) if not chr(c).isalnum())
_PUNCTUATION = re.compile(b"|".join(
    re.escape(chr(c).encode()) for c in (*range(0xA0, 0xC0), *range(0x2000, 0x2070))
    if not chr(c).isalnum()))


def _alnum(text: str) -> str:
    # The letters and figures alone: what removing r"[\W_]+" leaves (a character that is
    # no word character, or "_", is one that str.isalnum() refuses).
    kept = text.encode().translate(None, _ASCII_OTHERS)
    if not kept.isascii():
        kept = _PUNCTUATION.sub(b"", kept)
        if not kept.isascii():
            return "".join(filter(str.isalnum, text))
    return kept.decode("ascii")


def _source_alnum(text: str, glued: str | None) -> str:
    out = _alnum(text)
    if glued and out.startswith(_alnum(glued)):
        out = out[len(_alnum(glued)):]
    return out


def _with_markers(p: Paragraph | Heading, markers: dict[str, list]) -> str:
    text = p.text
    for m in sorted(markers.get(p.id, ()), key=lambda m: -m.offset):
        text = text[:m.offset] + str(m.n) + text[m.offset:]
    lead = getattr(p, "lead", None)
    return (lead + ". " if lead else "") + text


def conservation_problems(text: str, reading: Reading, path: str) -> list[Problem]:
    text = normalise_text(text)
    source = {ln.no: ln.text for ln in split_lines(text, reading.format == "pdf")}
    claimed: dict[int, str] = {}
    pieces: list[tuple[tuple[int, ...], str, str]] = []
    split = reading.split_lines  # a body line's end and a note's start: each reads its part
    markers: dict[str, list] = {}
    for m in reading.markers:
        markers.setdefault(m.block, []).append(m)
    for f in reading.front:
        pieces.append(((f.line,), f.text, f"front matter ({f.role})"))
    for b in reading.blocks:
        if isinstance(b, Heading):
            pieces.append((b.lines or (b.line,), _with_markers(b, markers),
                           f"heading '{b.text}'"))
        elif isinstance(b, Paragraph):
            pieces.append((b.lines or (b.line,), _with_markers(b, markers), f"¶ {b.id}"))
    for note in reading.notes.values():
        if note.lines:
            pieces.append((note.lines, str(note.n) + note.text, f"note {note.n}"))
    problems = []
    glued = {d.line: d.text for d in reading.dropped if d.why.startswith("page number glued")}
    for lines, out_text, what in pieces:
        note = what.startswith("note ")
        for no in lines:
            if no in split and not note:
                continue  # the note's side claims the line; the body's side is checked below
            if no in claimed:
                problems.append(Problem(path, no, "S010", f"line read twice: by {claimed[no]} "
                                        f"and by {what}", "report this conversion bug"))
            claimed[no] = what
        if glued:
            want = "".join(_source_alnum(_part(source.get(no, ""), split.get(no), note),
                                         glued.get(no)) for no in lines)
        else:  # the letters of the lines joined are the lines' letters joined
            want = _alnum("".join(_part(source.get(no, ""), split.get(no), note)
                                  for no in lines))
        if _alnum(out_text) != want:
            problems.append(Problem(path, lines[0], "S011", f"{what} does not hold exactly the "
                                    "words of its source lines", "report this conversion bug"))
    dropped = {d.line for d in reading.dropped}
    for no, line_text in source.items():
        if line_text and no not in claimed and no not in dropped:
            problems.append(Problem(path, no, "S012", f"text lost: '{line_text[:60]}' is neither "
                                    "shown nor listed as dropped", "report this conversion bug"))
    return problems


def _part(line: str, column: int | None, note: bool) -> str:
    """The part of a split line that a note (its end) or the body (its start) reads."""
    if column is None:
        return line
    return line[column:] if note else line[:column]
