"""Hard-wrapped lines -> running text: the joining both readers (text and PDF) share, which
mends a hyphen a line break put inside a word and keeps a real one, by the paper's own words
(its vocabulary)."""

from __future__ import annotations

import re
from collections.abc import Container

from glossa.ingest.patterns import BROKEN_HYPHEN

DASHES = "—–"
# Two capitalised words run together: "UltraDeepwater", where the extraction took the
# hyphen that ended a line ("Ultra-" / "Deepwater") for a soft one. Mended when the paper
# writes the compound with its hyphen elsewhere ("ultra-deepwater").
GLUED_COMPOUND = re.compile(r"\b([A-Z][a-z]{2,})([A-Z][a-z]{2,})\b")
# A word of letters, or letters joined by hyphens ("self-interest").
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


# Word endings that never stand as a word after a hyphen: a line break split the word.
SUFFIXES = frozenset(("ment", "ments", "tion", "tions", "sion", "sions", "ing", "ings", "ity",
                      "ities", "ness", "ance", "ances", "ence", "ences", "ally", "ous", "ive",
                      "able", "ible"))


class Vocabulary:
    """A paper's words (lower case), from its whole text, found when first asked for: a
    text that breaks no word across lines never asks."""

    def __init__(self, text: str):
        self.text = text
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            # Each distinct word lowered once (a paper repeats its words many times).
            self.words = {w.lower() for w in set(WORD.findall(self.text))}
        return word in self.words


def join_lines(left: str, right: str, vocabulary: Container[str]) -> str:
    """Join two hard-wrapped lines, mending a hyphen the line break put inside a word."""
    if not left:
        return right
    if left[-1] in DASHES and len(left) > 1 and not left[-2].isspace():
        return left + right  # "Korea—" + "something": a dash binds without a space
    if right[:1] in (":", ";", ","):
        return left + right  # "Appendix V" + ": Comments from ...": set apart, not spaced
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[:1].isalpha():
        head = re.split(r"[\s—–/]", left)[-1][:-1]
        tail = re.split(r"[\s,.;:!?)”’\"]", right, maxsplit=1)[0]
        if right[0].islower() and (((head + tail).lower() in vocabulary
                                    and f"{head}-{tail}".lower() not in vocabulary)
                                   or (tail in SUFFIXES and len(head) >= 4)):
            # "re-" + "lated": a soft break; "Develop-" + "ment" too (an ending alone)
            return left[:-1] + right
        return left + right  # "Al-" + "Mohammed", "self-" + "interest": a real hyphen
    return left + " " + right


def finish_text(parts: list[str], vocabulary: Container[str]) -> str:
    text = ""
    for part in parts:
        text = join_lines(text, part, vocabulary)
    if "- " in text:  # (the pattern opens with a look behind: searched only where it may be)
        text = BROKEN_HYPHEN.sub("-", text)
    return GLUED_COMPOUND.sub(lambda m: f"{m[1]}-{m[2]}" if f"{m[1]}-{m[2]}".lower()
                              in vocabulary else m[0], text)
