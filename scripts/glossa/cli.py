"""The `glossa` command: one verb per job (ingest, check, export, build, serve)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from glossa.model.problems import GlossaError, report
from glossa.publish import commands


def cmd_ingest(args: argparse.Namespace) -> int:
    from glossa.ingest import Hints
    from glossa.ingest.source import read_source

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"{path}: S000 cannot read the file: {exc.strerror}", file=sys.stderr)
        return 2
    hints = Hints(args.title or "", args.subtitle or "", args.series or "")
    fmt, levels = args.format, {}
    if (path.parent / "paper.yml").is_file() and not (args.title or args.series):
        # A paper in content/papers/<slug>/: read it the way the site does, with its metadata.
        from glossa.publish.content import load_meta
        meta, problems = load_meta(path.parent, Path.cwd())
        if meta is None:
            for p in problems:
                print(p.format(), file=sys.stderr)
            return 1
        hints = Hints(meta.title, meta.subtitle, meta.series)
        fmt, levels = fmt or meta.format, meta.levels
    text, reading, problems = read_source(data, str(path), hints, fmt, levels)
    if text is None or reading is None:
        for p in problems:
            print(p.format(), file=sys.stderr)
        return 1
    checks = reading_checks(reading, str(path), text)
    if args.text_layer:
        sys.stdout.write(text)
    elif args.json:
        out = reading.to_json()
        out["checks"] = [{"code": p.code, "severity": p.severity, "line": p.line,
                          "message": p.message, "fix": p.fix} for p in checks]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{reading.title} ({reading.format}): {len(reading.headings())} headings, "
              f"{len(reading.paragraphs())} paragraphs, {len(reading.markers)} markers, "
              f"{len(reading.notes)} notes, {len(reading.dropped)} dropped lines")
    if checks and not args.text_layer:
        # What the self-checks say of this reading (the site's build reports them too).
        print(report(checks, built=True), file=sys.stderr)
    return 0


def reading_checks(reading, path: str, text: str) -> list:
    """The self-checks and the footnotes' own checks on one reading, located at a page and
    line for a PDF: what `glossa check` would report of it with no notes.yml."""
    from glossa.enrich.checks import check_reading
    from glossa.ingest import normalise_text
    from glossa.ingest.source import locate_in_pdf

    _, problems, found = check_reading(reading, path, normalise_text(text).split("\n"))
    problems += [f.problem for f in found]
    return locate_in_pdf(problems, path, text) if reading.format == "pdf" \
        and path.lower().endswith(".pdf") else problems


def cmd_evaluate(args: argparse.Namespace) -> int:
    from glossa.measure.fidelity import (
        compare,
        figures_of,
        jobs_for,
        read_figures,
        score_jobs,
        write_figures,
    )
    from glossa.measure.summary import fidelity_markdown, markdown_table, report_lines, summarise

    folders = [Path(d) for d in args.dirs]
    for folder in folders:
        if not folder.is_dir():
            print(f"{folder}: no such folder", file=sys.stderr)
            return 1
    inputs = args.input or ["source.txt"]
    jobs = jobs_for(folders, inputs, [Path(t) for t in args.truth or []])
    if not jobs:
        print("nothing to evaluate: no paper folder has a truth.json and the input",
              file=sys.stderr)
        return 1
    scores = score_jobs(jobs)
    rows, details = [], []
    for folder in folders:
        for name in inputs:
            group = [s for job, s in zip(jobs, scores, strict=True)
                     if job.folder == str(folder) and job.input == name]
            if not group:
                print(f"{folder}: no paper folder with truth.json and {name}; skipped",
                      file=sys.stderr)
                continue
            print(f"== {folder} ({name})")
            for line in report_lines(group, verbose=not args.brief):
                print(line)
            label = f"{folder.name}/ {name}"
            rows.append((label, summarise(group)))
            details.append((label, group))
    print()
    print(markdown_table(rows))
    print()
    print(markdown_table(rows, checks=True))
    if args.out:
        Path(args.out).write_text(fidelity_markdown(rows, details, args), encoding="utf-8")
        print(f"\nWritten to {args.out}")
    if args.figures:
        write_figures(Path(args.figures), jobs, scores)
        print(f"Each paper's figures written to {args.figures}")
    if args.gate:
        worse, better = compare(read_figures(Path(args.gate)), figures_of(jobs, scores))
        for line in better:
            print(f"better: {line}", file=sys.stderr)
        if better:
            print(f"{len(better)} figures better than {args.gate}: write them into it with "
                  "`make fidelity`, in the same commit as the change", file=sys.stderr)
        for line in worse:
            print(f"worse: {line}", file=sys.stderr)
        if worse:
            print(f"gate failed: {len(worse)} figure{'s' if len(worse) != 1 else ''} worse "
                  f"than {args.gate}", file=sys.stderr)
            return 1
        print(f"gate passed: no paper worse than {args.gate} on any figure "
              f"({len(jobs)} papers and inputs)")
    return 0


def _root(args: argparse.Namespace) -> Path:
    root = Path(args.root).resolve()
    if not (root / "mkdocs.yml").is_file():
        raise SystemExit(f"{root}: no mkdocs.yml here; run glossa from the project root "
                         "or pass --root DIR")
    return root


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="glossa", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="show what the converter understands of a source "
                       "(text, or a PDF)")
    p.add_argument("file", help="source.txt (text copied from a PDF or a web page) or a PDF")
    p.add_argument("--json", action="store_true", help="print the reading as JSON")
    p.add_argument("--text-layer", action="store_true",
                   help="print the text the reading's line numbers refer to (for a PDF: its "
                        "printed lines in reading order, a form feed between pages)")
    p.add_argument("--format", choices=["pdf", "web"],
                   help="how a text file was copied: from a PDF (hard-wrapped) or from a web "
                        "page (a paragraph a line); detected when not given")
    p.add_argument("--title")
    p.add_argument("--subtitle")
    p.add_argument("--series")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("evaluate", help="measure the converter against papers with a truth.json")
    p.add_argument("dirs", nargs="+", metavar="DIR", help="folders of <id>/truth.json + inputs")
    p.add_argument("--input", action="append", metavar="NAME",
                   help="the input file to read in each paper folder (default source.txt); "
                        "repeat to compare inputs")
    p.add_argument("--brief", action="store_true", help="one line per paper, no details")
    p.add_argument("--truth", metavar="DIR", action="append",
                   help="read each paper's truth.json from DIR/<id>/ (truth kept apart); "
                        "repeat for several folders")
    p.add_argument("--out", metavar="FILE", help="also write the tables as Markdown (FIDELITY.md)")
    p.add_argument("--figures", metavar="FILE",
                   help="also write each paper's figures for each input (FIDELITY.json)")
    p.add_argument("--gate", metavar="FILE",
                   help="fail when any paper is worse than FILE's figures on any figure, "
                        "naming the paper, the input and the figure")
    p.set_defaults(func=cmd_evaluate)

    def rooted(name: str, help: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help)
        sp.add_argument("--root", default=".", help="the project folder (default: here)")
        return sp

    p = rooted("check", "validate all content and print every problem")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--report", metavar="FILE", help="also write a Markdown build report")
    p.set_defaults(func=lambda a: commands.check(_root(a), a.strict,
                                                 Path(a.report) if a.report else None))

    p = rooted("export", "write the generated Markdown tree for inspection or other renderers")
    p.add_argument("--out", required=True)
    p.set_defaults(func=lambda a: commands.export(_root(a), Path(a.out)))

    p = rooted("build", "build the site (into site/, or site-offline/ with --offline)")
    p.add_argument("--out")
    p.add_argument("--offline", action="store_true", help="a site that works from file://")
    p.add_argument("--site-url", help="the address the site will be served from")
    p.set_defaults(func=lambda a: commands.build(_root(a), Path(a.out) if a.out else None,
                                                 a.offline, a.site_url))

    p = rooted("serve", "preview the site, rebuilding when content changes")
    p.add_argument("--dev-addr", help="IP:PORT to serve on (default 127.0.0.1:8000)")
    p.set_defaults(func=lambda a: commands.serve(_root(a), a.dev_addr))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except GlossaError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
