"""Property tests of the converter (Hypothesis), with a fixed budget: any text in, no crash
and nothing lost; and a well-formed paper, read, written out and read again, is unchanged."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossa.ingest import Hints, ingest_text
from glossa.ingest.conservation import conservation_problems
from glossa.model.reading import Heading
from glossa.render.plaintext import to_text

BUDGET = settings(max_examples=int(os.environ.get("GLOSSA_HYPOTHESIS_EXAMPLES", "150")),
                  deadline=None, derandomize=os.environ.get("GLOSSA_HYPOTHESIS_RANDOM") is None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Text that looks like what we receive: words, numbers, punctuation, quotes, dashes, blank
# lines, leading spaces, form feeds, no-break spaces.
PIECES = st.sampled_from(["the", "Russia", "Kim", "2018", "2018.13", "US$11", "37,000",
                          "agreements.1", "ring,15", "“quoted.”2", "(non-)proliferation",
                          "Jong-", "un", "Korea—", "—", "–", "1.", "[1]", "Notes", "Ibid.",
                          "http://example.org/a.", "\n", "\n\n", "\n ", "\f", "\u00a0", "\t",
                          "Introduction", "Summary", "4 Running Header", ".", ",", "?"])


@BUDGET
@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=120))
def test_any_text_reads_without_crash_and_loses_nothing(pieces):
    text = " ".join(pieces)
    for fmt in (None, "pdf", "web"):
        reading = ingest_text(text, fmt=fmt)
        assert conservation_problems(text, reading, "x.txt") == []


WORD = st.sampled_from("talks sanctions pipeline railway region security Moscow Seoul "
                       "Beijing envoy treaty border leaders summit energy".split())


@st.composite
def paper(draw):
    """A well-formed paper as a web page gives it: title, headings, paragraphs of
    sentences, markers in order, and a notes list."""
    n = 0
    lines = ["A Title About Regional Security"]
    for h in range(draw(st.integers(1, 3))):
        lines.append(f"Heading Number {h + 1}")
        for _ in range(draw(st.integers(1, 3))):
            sentences = []
            for _ in range(draw(st.integers(1, 4))):
                words = draw(st.lists(WORD, min_size=3, max_size=12))
                s = " ".join(words).capitalize() + "."
                if draw(st.booleans()):
                    n += 1
                    s += str(n)
                sentences.append(s)
            lines.append(" ".join(sentences))
    if n:
        lines.append("Notes")
        lines += [f"{i}. Author {i}, Report, {2000 + i}." for i in range(1, n + 1)]
    return "\n\n".join(lines) + "\n"


def shape(reading):
    return ([(b.level, b.text) if isinstance(b, Heading) else (b.lead, b.text)
             for b in reading.blocks],
            [(m.n, m.block, m.offset) for m in reading.markers],
            {n: note.text for n, note in reading.notes.items()})


@BUDGET
@given(paper())
def test_reading_the_written_out_text_again_changes_nothing(text):
    first = ingest_text(text)
    again = ingest_text(to_text(first), Hints(first.title, first.subtitle, first.series))
    assert shape(again) == shape(first)
    assert conservation_problems(text, first, "x.txt") == []


def test_the_two_papers_round_trip(papers):
    for p in papers.values():
        r = p.reading
        again = ingest_text(to_text(r), Hints(r.title, r.subtitle, r.series),
                            levels={h.text: h.level for h in r.headings()})
        assert shape(again) == shape(r), p.meta.slug


# The faster forms of three text tests agree with the plain ones they stand for.
MARKER_TEXT = st.lists(st.one_of(st.sampled_from(["1", "12", "34", "x", ".", " ", "”", ")", "§",
                                                  ",", "—", "[", "]", "a12", "12.", ". 34"]),
                                 st.text(max_size=4)), max_size=20).map("".join)


@BUDGET
@given(MARKER_TEXT, st.sampled_from([1, 12, 34]), st.booleans())
def test_a_notes_marker_is_found_where_the_plain_pattern_finds_it(text, n, brackets):
    import re

    from glossa.ingest.text.pagenotes import _marker_pattern

    plain = re.compile(rf"(?:(?<=\S)|(?<=[.,;:!?”’\"')] )){n}(?=[\s,.;:—–)]|$)"
                       + (rf"|\[{n}\]" if brackets else ""))
    fast = _marker_pattern(n, brackets).search(text)
    slow = plain.search(text)
    assert (fast and fast.span()) == (slow and slow.span())


@BUDGET
@given(st.text(max_size=60))
def test_the_letters_and_figures_of_a_text_are_what_removing_the_rest_leaves(text):
    import re

    from glossa.ingest.conservation import _alnum

    assert _alnum(text) == re.sub(r"[\W_]+", "", text)


@BUDGET
@given(st.text(alphabet="aZ9 _-.’‘“”—–•…§°·\xa0ª²½éİ\u2070\u2071\u203f", max_size=40))
def test_a_text_with_the_punctuation_papers_print_keeps_the_same_letters(text):
    # The fast path deletes these characters as UTF-8 bytes: letters beside them (Latin-1's
    # ª and ½, superscripts) and letters beyond it (é) keep what the plain removal keeps.
    import re

    from glossa.ingest.conservation import _alnum

    assert _alnum(text) == re.sub(r"[\W_]+", "", text)


@BUDGET
@given(st.text(alphabet="AbcJ. ,;:!?…”’)\"1", max_size=30), st.sampled_from(
    ["", " by Max J.", " Senator Max J.", " and Appendix A."]))
def test_a_line_ends_a_sentence_as_the_plain_patterns_say(text, tail):
    from glossa.ingest.patterns import INITIAL_END, SENTENCE_END, ends_sentence

    line = text + tail
    plain = line.rstrip()
    assert ends_sentence(line) == (bool(SENTENCE_END.search(plain))
                                   and not INITIAL_END.search(plain))


@BUDGET
@given(st.text(alphabet="ab &<>\\`*_[]{}\"';#", max_size=40))
def test_markdown_escaping_is_html_escaping_then_a_backslash_before_each_markup_character(text):
    import html
    import re

    from glossa.render.markdown_text import escape

    assert escape(text) == re.sub(r"([\\`*_\[\]{}])", r"\\\1", html.escape(text, quote=False))


@BUDGET
@given(st.text(alphabet="ab &<>\"'x", max_size=30))
def test_an_attribute_value_is_html_escaped_with_its_quotes(text):
    import html

    from glossa.render.markdown_text import attr

    assert attr(text) == html.escape(text, quote=True)
