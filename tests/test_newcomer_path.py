"""What a newcomer meets: hints that run as printed, dates and bylines as people write them."""

from __future__ import annotations

from glossa.publish.commands import glossa_command


def test_the_serve_hint_names_the_program_as_it_can_be_typed_here(tmp_path):
    venv = tmp_path / ".venv" / "bin"
    venv.mkdir(parents=True)
    prog = venv / "glossa"
    prog.write_text("")
    # Not on the PATH (make site runs .venv/bin/glossa): the path from the project folder.
    assert glossa_command(str(prog), on_path="", cwd=tmp_path) == ".venv/bin/glossa"
    # On the PATH (an activated venv): the plain name.
    assert glossa_command(str(prog), on_path=str(prog), cwd=tmp_path) == "glossa"
    # Run as a module: the module form.
    assert glossa_command("/x/glossa/cli.py", on_path="", cwd=tmp_path).endswith(
        "-m glossa.cli")
    # From a folder outside the project: the path as it was run.
    elsewhere = tmp_path.parent / (tmp_path.name + "-elsewhere")
    elsewhere.mkdir()
    assert glossa_command(str(prog), on_path="", cwd=elsewhere) == str(prog)


def test_the_dropped_lines_are_counted_in_good_grammar_and_named_for_what_they_are(papers):
    from glossa.render.emit import header_block, paper_markdown

    paper = papers["putin-and-north-korea"]
    text = header_block(paper)
    n = len(paper.reading.dropped)
    assert f"{n} line{'s' if n != 1 else ''} of the source {'was' if n == 1 else 'were'} left" \
        in text
    assert "Lines of the source left out, each with the reason" in paper_markdown(paper)


def test_dates_read_as_people_write_them_and_bylines_leave_unknowns_out():
    from glossa.model.paper import PaperMeta
    from glossa.render.emit import byline, human_date

    assert [human_date(d) for d in ("2018", "2019-11", "2026-04-22", None)] == [
        "2018", "November 2019", "22 April 2026", ""]
    known = PaperMeta("x", "A Title", authors=("Jane Doe",), publisher="UNU", date="2019-03")
    assert byline(known) == "by Jane Doe · UNU · March 2019"
    unknown = PaperMeta("y", "Another Title", date="2018")
    assert byline(unknown) == "2018"  # no "unknown · unknown"
    assert "Title" not in byline(known)  # a list shows the title once, as its link


def test_a_typo_in_paper_yml_is_reported_as_its_root_cause_alone(tmp_path, capsys):
    from glossa.cli import main
    from helpers import make_project

    project = make_project(tmp_path / "project")
    meta = project / "content/papers/gambit/paper.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("\npublisher:", "\npublsher:"),
                    encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 1
    err = capsys.readouterr().err.splitlines()
    codes = [line.split(": ")[1].split()[0] for line in err if ": " in line and ".yml" in line]
    assert codes == ["M001", "M002"]  # no G008 for every entry, no T010 for every theme
    assert "did you mean 'publisher'?" in err[1]
    assert any(line.startswith("Could not read gambit: fix the problems of that paper first")
               for line in err)


def test_the_about_page_follows_the_corpus_when_a_paper_is_added(tmp_path):
    import shutil

    from glossa.publish.site import generate
    from helpers import FIXTURES, make_project

    project = make_project(tmp_path / "project")
    about = (project / "docs/about.md").read_text(encoding="utf-8")
    assert "The site publishes one paper, written in 2018" in generate(project).fill(about)
    folder = project / "content/papers/crypto-mining"
    folder.mkdir()
    shutil.copy(FIXTURES / "pdf/crs-R48914-cover-and-notes.pdf", folder / "source.pdf")
    (folder / "paper.yml").write_text(
        "title: Cryptocurrency Mining and the Electricity Sector\nauthors: [Corrie E. Clark]\n"
        "publisher: Congressional Research Service\ndate: '2026-04-22'\nurl: null\n"
        "metadata_sources: [The PDF's cover]\n", encoding="utf-8")
    text = generate(project).fill(about)
    assert "The site publishes two papers, written between 2018 and 2026" in text
    assert "*Cryptocurrency Mining and the Electricity Sector*, by Corrie E. Clark, " \
        "Congressional Research Service; 22 April 2026." in text


def test_the_build_report_gives_each_papers_link_density(corpus):
    from glossa.publish.report import build_report
    from glossa.publish.site import build_site

    site = build_site(corpus)
    report = build_report(site, corpus)
    assert "| term links (light) | links per 100 words |" in report
    for links, light, words in site.link_density.values():
        assert links > 0 and words > 1000
        assert f"| {links} ({light}) | {100 * (links + light) / words:.1f} |" in report
        # One full link per entry and section at most: far fewer than one every 19 words.
        assert 100 * links / words < 5


def test_a_paper_with_nothing_on_a_theme_gets_no_suggestion_and_suggestions_come_best_first(
        tmp_path):
    from glossa.publish.content import load_corpus
    from glossa.publish.site import build_site
    from helpers import make_project

    project = make_project(tmp_path / "project")
    folder = project / "content/papers/arctic"
    folder.mkdir()
    paras = ["Arctic shipping routes open for longer each summer as the sea ice retreats.",
             "Icebreakers escort convoys along the northern coast from July to November.",
             "Port towns along the route have seen new investment in fuel and repair yards.",
             # One word of the theme's question, in passing: a weak match, below the floor.
             "What the paper says about insurance is brief: the premiums are high."]
    (folder / "source.txt").write_text("Arctic Shipping\n\n" + "\n\n".join(paras) + "\n",
                                       encoding="utf-8")
    (folder / "paper.yml").write_text(
        "title: Arctic Shipping\nauthors: []\npublisher: null\ndate: null\nurl: null\n"
        "format: web\nmetadata_sources: [a test]\n", encoding="utf-8")
    corpus = load_corpus(project)
    site = build_site(corpus)
    for theme, passages in site.passages.items():
        assert not [p for p in passages if p.paper == "arctic"], theme
        suggested = [p.score for p in passages if p.how == "suggested"]
        assert suggested == sorted(suggested, reverse=True)
