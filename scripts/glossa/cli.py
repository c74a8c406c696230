"""The `glossa` command: one verb per job (ingest, check, export, build, serve)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .problems import GlossaError


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import Hints, decode_source, ingest_text

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"{path}: S000 cannot read the file: {exc.strerror}", file=sys.stderr)
        return 2
    text, problems = decode_source(data, str(path))
    if text is None:
        for p in problems:
            print(p.format(), file=sys.stderr)
        return 1
    hints = Hints(args.title or "", args.subtitle or "", args.series or "")
    reading = ingest_text(text, hints, args.format)
    if args.json:
        json.dump(reading.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{reading.title} ({reading.format}): {len(reading.headings())} headings, "
              f"{len(reading.paragraphs())} paragraphs, {len(reading.markers)} markers, "
              f"{len(reading.notes)} notes, {len(reading.dropped)} dropped lines")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="glossa", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="show what the converter understands of a source text")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print the reading as JSON")
    p.add_argument("--format", choices=["pdf", "web"], help="override the detected layout")
    p.add_argument("--title")
    p.add_argument("--subtitle")
    p.add_argument("--series")
    p.set_defaults(func=cmd_ingest)
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
