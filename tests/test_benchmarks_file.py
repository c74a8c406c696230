"""BENCHMARKS.md is written by several benchmark commands, each replacing its own section:
the rest of the file is kept as it was."""

from __future__ import annotations

from glossa.bench.preview import replace_section

FILE = "# Benchmarks\n\n## Times\n\nt\n\n## Live preview\n\nold\n\n## Search\n\ns\n"


def test_a_section_written_again_keeps_the_sections_around_it_apart():
    new = replace_section(FILE, "## Live preview\n\nnew\n")
    assert new == "# Benchmarks\n\n## Times\n\nt\n\n## Live preview\n\nnew\n\n## Search\n\ns\n"


def test_a_section_missing_is_added_at_the_end():
    text = "# Benchmarks\n\n## Times\n\nt\n"
    assert replace_section(text, "## Live preview\n\nnew\n") == text + "\n## Live preview\n\nnew\n"


def test_the_benchmarks_child_scripts_import_only_names_the_package_has():
    """The benchmark runs Python in child processes from strings: a module moved in the
    package must be moved in them too (CI found one only after the whole test suite)."""
    import re

    from glossa.bench import build

    children = [v for k, v in vars(build).items() if k.endswith("_CHILD")]
    assert children
    for child in children:
        for line in child.splitlines():
            if re.match(r"(from glossa\S* import |import glossa)", line):
                exec(line, {})


def test_the_build_benchmark_keeps_the_sections_the_other_benchmarks_wrote():
    from glossa.bench.build import keep_others

    old = "# Benchmarks\n\n## Times\n\nold\n\n## Live preview\n\np\n\n## Search\n\ns\n"
    assert keep_others("# Benchmarks\n\n## Times\n\nnew\n", old) == \
        "# Benchmarks\n\n## Times\n\nnew\n\n## Live preview\n\np\n\n## Search\n\ns\n"
