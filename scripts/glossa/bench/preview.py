"""The live preview's benchmark: edit a file, poll the served page until the edit shows.

    python -m glossa.bench.preview --sizes 2 200 1000 --runs 3 --out BENCHMARKS.md

For each N (a synthetic corpus, as in glossa.bench), `glossa serve` runs in a child process
on a free port. Each run edits one paper's `source.txt` (a new word in a sentence in the
middle of the paper) and polls that paper's served page until the word is there; then it
polls the search index until it holds the word: the server writes it last, after every
other page depending on the edit ("all done"). Then it edits a glossary entry's definition
and polls the entry's page, then a paper page that uses the entry (its tooltip holds the
definition). Medians of the runs. For comparison, the same paper edit under a bare
`mkdocs serve` of the same project (what `glossa serve` ran before), at the sizes given by
--bare-sizes.

The section "## Live preview" of --out is replaced (or added); the rest of the file is kept.
"""

from __future__ import annotations

import argparse
import http.client
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from glossa.bench.build import ROOT, _env, machine
from glossa.bench.synthetic import make_corpus

PAPER = "synthetic-0000"
ENTRY = "kim-jong-un"
SECTION = "## Live preview"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 600) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, http.client.HTTPException):
        return None


def _wait_for(url: str, word: str | None, limit: float) -> float:
    """Seconds until `url` answers (and holds `word`, if given), polling every 20 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        body = _get(url)
        if body is not None and (word is None or word in body):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"benchmark: {url} did not show {word!r} within {limit:.0f} s")


def _wait_for_index(base: str, word: str, limit: float) -> float:
    """Seconds until the site's search index holds `word`: the theme's one file, or, with
    the index in shards (the default), the term file whose key begins the word (which
    meta.js lists: read again at each poll, since an edit may cut a key in two)."""
    from glossa.render.shard_search import FOLDER, file_name

    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        meta = _get(f"{base}{FOLDER}/meta.js", timeout=5)
        if meta is None:
            return _wait_for(base + "search/search_index.json", word,
                             limit - (time.perf_counter() - start))
        m = re.search(r'"shards":\[(.*?)\]', meta)
        keys = re.findall(r'"([^"]*)"', m.group(1)) if m else []
        key = max((k for k in keys if word.startswith(k)), key=len, default=None)
        if key is not None:
            body = _get(f"{base}{FOLDER}/t/{file_name(key)}.js", timeout=5)
            if body is not None and f'"{word}"' in body:
                return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"benchmark: the search index did not hold {word!r} within {limit:.0f} s")


class Served:
    """A preview server in a child process."""

    def __init__(self, project: Path, bare: bool, log: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        addr = f"127.0.0.1:{self.port}"
        cmd = ([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                "--dev-addr", addr] if bare else
               [sys.executable, "-m", "glossa.cli", "serve", "--root", str(project),
                "--dev-addr", addr])
        self.log = log.open("w")
        self.proc = subprocess.Popen(cmd, cwd=project, env=_env(), stdout=self.log,
                                     stderr=subprocess.STDOUT)

    def __enter__(self) -> Served:
        start = time.perf_counter()
        while time.perf_counter() - start < 1800:
            if self.proc.poll() is not None:
                raise SystemExit(f"benchmark: the server stopped; see {self.log.name}")
            if _get(self.url + f"papers/{PAPER}/", timeout=5) is not None:
                return self
            time.sleep(0.5)
        raise SystemExit("benchmark: the server did not start")

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def _edit_paper(project: Path, original: str, word: str) -> None:
    """Put `word` after the first "the" of the line in the middle of the paper."""
    lines = original.split("\n")
    middle = len(lines) // 2
    i = next(i for i in range(middle, len(lines)) if " the " in lines[i])
    lines[i] = lines[i].replace(" the ", f" the {word} ", 1)
    (project / f"content/papers/{PAPER}/source.txt").write_text("\n".join(lines),
                                                                 encoding="utf-8")


def _edit_entry(project: Path, original: str, word: str) -> None:
    text = re.sub(r"^short: (.*)$", lambda m: f"short: {m.group(1)} ({word})", original,
                  count=1, flags=re.MULTILINE)
    (project / f"content/glossary/{ENTRY}.yml").write_text(text, encoding="utf-8")


def measure(n: int, runs: int, work: Path, bare: bool) -> dict:
    project = make_corpus(ROOT, work / f"corpus-{n}", n)
    source = project / f"content/papers/{PAPER}/source.txt"
    entry = project / f"content/glossary/{ENTRY}.yml"
    paper_text, entry_text = source.read_text(encoding="utf-8"), entry.read_text(
        encoding="utf-8")
    rows: dict[str, list[float]] = {}
    with Served(project, False, work / f"serve-{n}.log") as s:
        page = s.url + f"papers/{PAPER}/"
        for run in range(runs):
            word = f"zqpaper{run}x"
            t = time.perf_counter()
            _edit_paper(project, paper_text, word)
            rows.setdefault("paper", []).append(_wait_for(page, word, 600))
            _wait_for_index(s.url, word, 600)
            rows.setdefault("paper, all done", []).append(time.perf_counter() - t)
            word = f"zqentry{run}x"
            t = time.perf_counter()
            _edit_entry(project, entry_text, word)
            rows.setdefault("entry", []).append(_wait_for(s.url + f"glossary/{ENTRY}/", word,
                                                          600))
            _wait_for(page, word, 600)
            rows.setdefault("entry, paper page", []).append(time.perf_counter() - t)
            _wait_for_index(s.url, word, 600)
            rows.setdefault("entry, all done", []).append(time.perf_counter() - t)
    source.write_text(paper_text, encoding="utf-8")
    entry.write_text(entry_text, encoding="utf-8")
    if bare:
        with Served(project, True, work / f"bare-{n}.log") as s:
            for run in range(runs):
                word = f"zqbare{run}x"
                t = time.perf_counter()
                _edit_paper(project, paper_text, word)
                rows.setdefault("bare paper", []).append(
                    _wait_for(s.url + f"papers/{PAPER}/", word, 1800))
        source.write_text(paper_text, encoding="utf-8")
    shutil.rmtree(project, ignore_errors=True)
    return {"n": n, "runs": runs, "median": {k: statistics.median(v) for k, v in rows.items()}}


def render(results: list[dict], command: str) -> str:
    out = [SECTION, "",
           f"Reproduce with `{command}`. Machine: {machine()}. Each figure is the median of "
           "the runs: the seconds from writing the edited file until the served page shows "
           "the edit (polled every 20 ms over HTTP, as a browser's reload would fetch it).", "",
           "`glossa serve` renders again only the pages whose Markdown the edit changed "
           "(scripts/glossa/publish/preview.py): first the edited file's own page, then browsers "
           "reload while the other dependent pages, the comparison pages and the search "
           "index are written; a request for one of those waits until it is written, so no "
           "stale page is served. \"All done\" is when the last of them is written. The bare "
           "`mkdocs serve` column is the same paper edit under MkDocs' own server, which "
           "builds every page again (what `glossa serve` ran before).", "",
           "| N | paper page, after an edit to its source | all pages depending on it | "
           "entry page, after an edit to its definition | a paper page using the entry | "
           "all pages depending on it | bare `mkdocs serve`, paper page |",
           "|---|---|---|---|---|---|---|"]
    for r in results:
        m = r["median"]
        bare = f"{m['bare paper']:.2f} s" if "bare paper" in m else "–"
        out.append(f"| {r['n']} | {m['paper']:.2f} s | {m['paper, all done']:.2f} s | "
                   f"{m['entry']:.2f} s | {m['entry, paper page']:.2f} s | "
                   f"{m['entry, all done']:.2f} s | {bare} |")
    worst = max(max(r["median"]["paper"], r["median"]["entry"]) for r in results)
    out += ["", "Target: the edited page within 2 s at every N: "
            + ("met" if worst <= 2 else "missed") + f" (slowest median {worst:.2f} s)."]
    first, last = results[0], results[-1]
    if last["n"] > first["n"]:
        a, b = first["median"]["paper"], last["median"]["paper"]
        out.append(f"Flat with N: not quite. The paper page takes {a:.2f} s at N = "
                   f"{first['n']} and {b:.2f} s at N = {last['n']} ({b / a:.1f} times, for "
                   f"{last['n'] / first['n']:.0f} times the papers). What still grows with N "
                   "on each edit: walking the watched folders, checking each paper's memo "
                   "key, and making again the glossary pages that list every paper.")
    return "\n".join(out) + "\n"


def replace_section(text: str, section: str, heading: str = SECTION) -> str:
    """`text` with its section `heading` (up to the next "## " heading) replaced by `section`."""
    start = text.find(heading + "\n")
    if start < 0:
        return text.rstrip("\n") + "\n\n" + section
    end = text.find("\n## ", start + len(heading))
    rest = text[end + 1:] if end >= 0 else ""
    return text[:start] + section + ("\n" + rest if rest and not section.endswith("\n\n")
                                     else rest)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m glossa.bench.preview",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 200, 1000])
    parser.add_argument("--bare-sizes", type=int, nargs="*", default=[2, 200],
                        help="sizes at which to time a bare `mkdocs serve` too")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default="BENCHMARKS.md")
    args = parser.parse_args(argv)
    command = ("python -m glossa.bench.preview --sizes " + " ".join(map(str, args.sizes))
               + " --bare-sizes " + " ".join(map(str, args.bare_sizes))
               + f" --runs {args.runs} --out {args.out}")
    work = Path(tempfile.mkdtemp(prefix="glossa-bench-preview-"))
    try:
        results = []
        for n in args.sizes:
            started = time.perf_counter()
            results.append(measure(n, args.runs, work, n in args.bare_sizes))
            print(f"N={n}: done in {time.perf_counter() - started:.0f} s: "
                  f"{results[-1]['median']}", flush=True)
        out = Path(args.out)
        text = out.read_text(encoding="utf-8") if out.is_file() else "# Benchmarks\n"
        out.write_text(replace_section(text, render(results, command)), encoding="utf-8")
        print(f"Wrote {out}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
