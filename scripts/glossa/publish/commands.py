"""The verbs behind `glossa check|export|build|serve`: each prints what happened, in words."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from glossa.model.problems import ERROR, report
from glossa.publish.content import load_corpus
from glossa.publish.report import build_report
from glossa.publish.site import build_site, generate


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env.update(extra or {})
    return env


def check(root: Path, strict: bool = False, report_path: Path | None = None) -> int:
    corpus = load_corpus(root)
    site = build_site(corpus)
    if report_path is not None:
        report_path.write_text(build_report(site, corpus), encoding="utf-8")
    problems = site.problems
    failing = [p for p in problems if p.severity == ERROR or strict]
    if problems:
        print(report(problems, built=True).replace("; nothing was built.", "."), file=sys.stderr)
    if corpus.unreadable:
        print(f"Could not read {', '.join(sorted(corpus.unreadable))}: fix the problems of "
              f"{'that paper' if len(corpus.unreadable) == 1 else 'those papers'} first; "
              "until then its glossary mentions and theme passages are not checked.",
              file=sys.stderr)
    if failing:
        # Only what to fix: the suggestions and the summary wait until the check passes.
        print(f"check failed: {len(failing)} problem{'s' if len(failing) != 1 else ''} "
              "to fix.", file=sys.stderr)
        return 1
    n_papers = sum(1 for p in site.pages if p.startswith("papers/") and p != "papers/index.md")
    if site.candidates:
        print("Glossary candidates (in the papers, no entry yet; most frequent first):")
        print("  " + ", ".join(f"{name} ({n})" for name, n in site.candidates))
    if site.theme_candidates:
        print("Theme passages the ranking suggests (not pinned yet; best first per paper):")
        current = None
        for theme, slug, para, score in site.theme_candidates:
            if theme != current:
                print(f"  content/themes/{theme}.yml:")
                current = theme
            print(f"    {slug} {para} (score {score:.1f})")
    print("Footnotes:")
    for line in site.summary_lines():
        print(f"  {line}")
    print(f"check passed: {n_papers} paper{'s' if n_papers != 1 else ''}, "
          f"{len(site.pages)} generated pages.")
    if report_path is not None:
        print(f"Build report written to {report_path}")
    return 0


def export(root: Path, out: Path) -> int:
    """Write the site's Markdown tree (hand-written pages and generated ones) into `out`."""
    site = generate(root)
    if any(p.severity == ERROR for p in site.problems):
        print(report(site.problems, built=False), file=sys.stderr)
        return 1
    docs = root / "docs"
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for src in sorted(docs.rglob("*")):
        if src.is_file():
            dest = out / src.relative_to(docs)
            dest.parent.mkdir(parents=True, exist_ok=True)
            if src.suffix == ".md":
                dest.write_text(site.fill(src.read_text(encoding="utf-8")), encoding="utf-8")
            else:
                shutil.copyfile(src, dest)
            written += 1
    for rel, data in sorted({**site.pages, **site.files}.items()):
        dest = out / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            dest.write_bytes(data)  # an EPUB
        else:
            dest.write_text(data, encoding="utf-8")
        written += 1
    print(f"Wrote {written} files ({len(site.pages)} generated pages, {len(site.files)} "
          f"citation and EPUB files) to {out}/")
    return 0


def build(root: Path, out: Path | None, offline: bool = False, site_url: str | None = None,
          zip_it: bool = True, search: str | None = None) -> int:
    """Build into a temporary folder, then swap it in: a failed build leaves the last good site.
    `search`: "pagefind", "shards" or "theme" (the benchmark compares them); by default the
    hosted site has Pagefind's and the offline one the shard index."""
    site = generate(root)
    if any(p.severity == ERROR for p in site.problems):
        print(report(site.problems, built=False), file=sys.stderr)
        if out is not None and out.exists():
            print(f"The previous site in {out}/ is untouched.", file=sys.stderr)
        return 1
    out = out or root / ("site-offline" if offline else "site")
    out = out.resolve()
    tmp = out.parent / f".{out.name}.building"
    shutil.rmtree(tmp, ignore_errors=True)
    # The hosted site asks a chunked index (Pagefind) for what each query needs; opened from
    # disk, where fetch is refused, the offline site loads an index of script files.
    env = {"GLOSSA_OFFLINE": "true" if offline else "false",
           "GLOSSA_SEARCH": search or ("shards" if offline else "pagefind")}
    if site_url:
        env["GLOSSA_SITE_URL"] = site_url
    # Not --quiet: MkDocs counts only the warnings it prints, and --strict must see them all.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict",
           "-f", str(root / "mkdocs.yml"), "-d", str(tmp)]
    result = subprocess.run(cmd, cwd=root, env=_env(env), capture_output=True, text=True)
    if result.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        sys.stderr.write(_clean_log(result.stderr + result.stdout))
        print(f"Build failed; the previous site in {out}/ is untouched.", file=sys.stderr)
        return 1
    old = out.parent / f".{out.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    pages = sum(1 for _ in out.rglob("*.html"))
    print(f"Built {pages} pages into {out}/")
    if offline:
        if zip_it:
            archive = shutil.make_archive(str(out), "zip", root_dir=out)
            print(f"Zipped the offline site: {archive}")
        print(f"Open {out / 'index.html'} in a browser: it works from disk, with no server "
              "and no network.")
    else:
        print(f"Serve it with `{glossa_command()} serve` (live preview), or "
              f"`python3 -m http.server -d {_shown(out)}` and open http://127.0.0.1:8000/")
    return 0


def glossa_command(argv0: str | None = None, on_path: str | None = None,
                   cwd: Path | None = None) -> str:
    """How to run `glossa` again, as typed from here: `glossa` when the shell finds this
    same program on the PATH, else its path (`.venv/bin/glossa`), else `python -m`."""
    argv0 = argv0 if argv0 is not None else sys.argv[0]
    on_path = on_path if on_path is not None else (shutil.which("glossa") or "")
    cwd = cwd or Path.cwd()
    prog = Path(argv0)
    if prog.name != "glossa":
        return f"{Path(sys.executable).name} -m glossa.cli"
    if on_path and Path(on_path).resolve() == prog.resolve():
        return "glossa"
    try:
        return str(prog.resolve().relative_to(cwd.resolve()))
    except ValueError:
        return str(prog)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def serve(root: Path, dev_addr: str | None) -> int:
    """The live preview (glossa/preview.py): after an edit, only the pages that depend on it
    are rendered again."""
    from glossa.publish.preview import serve as preview

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(root)
    return preview(root.resolve(), dev_addr)


def _clean_log(text: str) -> str:
    """MkDocs' own log, minus its banners: what the editor needs to read."""
    keep = [ln for ln in text.splitlines() if ln.startswith(("ERROR", "WARNING", "Aborted",
                                                             "Error", "Glossa", "content/"))
            or ": " in ln and not ln.startswith(("INFO", " "))]
    return "\n".join(keep) + ("\n" if keep else "")
