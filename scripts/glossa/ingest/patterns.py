"""Regular expressions and small text tests shared by the ingest stages, each named for what
it matches."""

from __future__ import annotations

import re
from functools import lru_cache

CLOSERS = "\"'”’)]»"
# A sentence ends: terminal punctuation, closing quotes or brackets, then maybe a flattened marker.
SENTENCE_END = re.compile(r"[.!?…][" + re.escape(CLOSERS) + r"]*\d{0,3}$|[.!?]\)\d{0,3}$")
# A page number alone on a line: arabic or roman.
PAGE_NUMBER = re.compile(r"^(\d{1,3}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})$")
# A table-of-contents entry: dot leaders then a page number, or long leaders whose number
# the extraction set apart (". . . . . . . ." to the line's end).
TOC_ENTRY = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$|(?:\.\s?){8,}$")


def toc_entry(text: str) -> bool:
    """Whether a line ends with a contents entry's leaders (and page). Four full stops at
    least, counted first: most lines have fewer, and are not searched."""
    return text.count(".") >= 4 and TOC_ENTRY.search(text) is not None
# A numbered note at the start of a line: "1. ", "1 ", "[1]", "1)".
NOTE_START = re.compile(r"^(?:\[(\d{1,3})\]|(\d{1,3})[.)]?)\s+(\S.*)$")
# Figure and table captions and their source lines: short, but not headings.
CAPTION = re.compile(
    r"^(?:Figure|Fig\.|Table|Chart|Map|Box|Photo|Image|Graph|Exhibit)\s+[\dIVXA-Z]+\b[.:]?"
    r"|^(?:Photo\s+)?(?:Sources?|Notes?)\s*:",
)
# A label that names an appendix and no more: "Appendix I", "Appendix II:", "Annex 3".
APPENDIX_LABEL = re.compile(r"^(?:Appendix|Annex|Attachment|Enclosure)\s+"
                            r"(?:[A-Z]|[IVXL]{1,6}|\d{1,2})[.:]?$")
APPENDIX_PREFIX = re.compile(r"^(?:Appendix|Annex|Attachment|Enclosure)\s+\S+?[.:]\s+")
# A contents page's heading, and a page number alone in its column: "43", "iii".
CONTENTS_HEADS = ("contents", "table of contents")
PAGE_REF = re.compile(r"\d{1,4}|[ivxlc]{1,6}")
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
IDENTIFIER = re.compile(r"^(?=\S*\d)[A-Z0-9][A-Z0-9./-]{2,}$")
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
DATE_LINE = re.compile(
    r"^(?:(?:Updated|Published|Revised|Posted)\s*:?\s+)?"
    r"(?:(?:\d{1,2}\s+)?(?:" + MONTHS + r")\.?(?:\s+\d{1,2},?)?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:\s*\([^)]*\))?$",
    re.IGNORECASE,
)
# A hyphen that a line break left inside a word: "Jong- un". Not "pre- and post-war".
BROKEN_HYPHEN = re.compile(r"(?<=[^\W\d_])- (?=[^\W\d_])(?!(?:and|or|nor|to|as|than)\b)")
CONNECTIVES = frozenset(
    "a an and as at but by for from in into nor of on or over than that the to under via with "
    "some its their his her our which who whose when while if because also not be is are was "
    "were has have had".split())
# A cell of a chronology: months, years and dashes only ("June – July 2006", "2022").
DATE_CELL = re.compile(
    r"^(?:(?:" + MONTHS + r")\.?(?:\s+\d{1,2},?)?(?:\s+\d{4})?|\d{4})"
    r"(?:\s*[–—-]\s*(?:(?:(?:" + MONTHS + r")\.?(?:\s+\d{1,2},?)?(?:\s+\d{4})?|\d{4}))?)?$",
    re.IGNORECASE,
)


def first_word(text: str) -> str:
    return text.split(maxsplit=1)[0] if text.strip() else ""


def last_word(text: str) -> str:
    parts = text.split()
    return parts[-1] if parts else ""


# A name's middle initial at a line's end ("by Catherine A." / "Theohary and ...",
# "Senator Max J." / "Cleland"): the sentence goes on. Only after a word that introduces a
# name: "Division N." and "Appendix A." end sentences.
INITIAL_END = re.compile(r"(?:\b(?:by|and|with|Senator|Representative|Sen\.|Rep\.|Dr\.|Mr\.|"
                         r"Ms\.|Mrs\.|President|Judge|Justice|Secretary|Governor))"
                         r" [A-Z][a-z]+ [A-Z]\.$")


@lru_cache(maxsize=1 << 16)
def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence (asked of the same lines many times: kept)."""
    text = text.rstrip()
    if not SENTENCE_END.search(text):
        return False
    # (the initial's pattern searches the whole line: only where the line ends as it does)
    return not (text[-2:-1].isupper() and text.endswith(".") and INITIAL_END.search(text))


def starts_paragraph(text: str) -> bool:
    """A line that could open a paragraph: a capital, a digit, an opening quote or bracket."""
    if not text:
        return False
    c = text[0]
    return c.isupper() or c.isdigit() or c in "“‘\"'([«¿¡—–"


def words(text: str) -> list[str]:
    return text.split()


def squash(text: str) -> str:
    """Compare texts whatever their spacing and case."""
    return " ".join(text.split()).casefold()


def listed(text: str, contents: frozenset[str]) -> bool:
    """Whether the contents list names `text`, with or without the appendix label before it
    ("Appendix I: Scope and Methodology", listed as "Appendix I:" and its title)."""
    bare = APPENDIX_PREFIX.sub("", text)
    return squash(text) in contents or squash(bare) in contents


def title_case(text: str) -> bool:
    """Most longer words capitalised, as headings set in title case are."""
    longer = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if len(w) > 3]
    return len(longer) >= 2 and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer)


# A word that leaves a title unfinished: "Recommendation of the Council on".
DANGLING = frozenset("a an and as at by for from in into of on or the to with via".split())
# Labels that a sidebar or an author block prints beside a title.
SIDEBAR_LABEL = re.compile(r"\b(?:Author|Authors|Editors?|Contact|Abstract|Keywords)\s*:")
SUBTITLE_OPENS = re.compile(r"^[(\[]|^[a-z]")  # a bracket or a small letter: the title goes on


def leaves_open(line: str) -> bool:
    """A title's line whose phrase goes on on the next line: it ends on a comma or on a
    word that needs one after it ("Recommendation of the Council on")."""
    words = line.split()
    return bool(words) and (line.endswith(",") or words[-1].casefold() in DANGLING)


def runs_on(last: str, subtitle: list[str]) -> bool:
    """Whether the lines read as the subtitle go on with the title's last line: they open
    with a bracket or a small letter ("(FY2012-FY2026)"), their first line leaves its phrase
    open ("Intelligence on Learning,"), or it is the short line that ends a block the
    title's long line began (a wrapped title's last line, with the subtitle below it)."""
    first = subtitle[0].strip()
    if SUBTITLE_OPENS.match(first):
        return True
    if (first.endswith(",") or first.split()[-1].casefold() in DANGLING) and len(first) <= 40:
        return True  # (a longer line that leaves its sentence open is the body's)
    return len(subtitle) >= 2 and len(first.split()) <= 3 and len(last) >= 1.6 * len(first) \
        and first[-1:].isalnum()
