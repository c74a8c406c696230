"""A Reading -> plain text in the web layout (a block a line, notes listed at the end), which
the converter reads back to the same Reading: a canonical, reviewable form of a conversion."""

from __future__ import annotations

from glossa.model.reading import Heading, Reading


def to_text(reading: Reading) -> str:
    out: list[str] = []
    for value in (reading.series, reading.title, reading.subtitle):
        if value:
            out.append(value)
    for block in reading.blocks:
        if isinstance(block, Heading):
            out.append(block.text)
            continue
        text = block.text
        for m in sorted((m for m in reading.markers if m.block == block.id),
                        key=lambda m: -m.offset):
            text = text[:m.offset] + str(m.n) + text[m.offset:]
        out.append(f"{block.lead}. {text}" if block.lead else text)
    if reading.notes:
        out.append("Notes")
        out += [f"{n}. {note.text}" for n, note in sorted(reading.notes.items())]
    return "\n\n".join(out) + "\n"
