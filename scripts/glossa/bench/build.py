"""The benchmark: synthetic corpora of N papers -> BENCHMARKS.md.

    python -m glossa.bench --sizes 2 50 200 1000 --runs 3 --out BENCHMARKS.md

For each N: our pipeline's time by stage, the whole `mkdocs build` (our hook on), a bare
`mkdocs build` of the same generated Markdown with the hook off, measured side by side in
one run, with medians; peak memory; site size; one paper page's HTML gzipped; the search
index; and the incremental rebuild (one paper edited, the rest from the cache).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from glossa.bench.synthetic import make_corpus

ROOT = Path(__file__).resolve().parents[3]

# Runs a mkdocs build in a child process and reports its own time and peak memory.
MKDOCS_CHILD = """
import resource, sys, time
from mkdocs.__main__ import cli
start = time.perf_counter()
try:
    cli.main(sys.argv[1:], standalone_mode=False)
except SystemExit as e:
    if e.code: raise
print("BENCH", time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

PIPELINE_CHILD = """
import json, resource, sys, time
from pathlib import Path
from glossa.publish.site import generate
start = time.perf_counter()
site = generate(Path(sys.argv[1]))
total = time.perf_counter() - start
start = time.perf_counter()
site.candidates, site.theme_candidates  # what `glossa check` adds; a build does not
check = time.perf_counter() - start
print("BENCH", json.dumps({"total": total, **site.timings, "check only": check,
      "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

INCREMENTAL_CHILD = """
import json, sys, time
from pathlib import Path
from glossa.publish import content
from glossa.publish.site import Memo, build_site
root = Path(sys.argv[1])
memo = Memo()  # as under `glossa serve`: parts whose inputs did not change are kept
t = time.perf_counter(); build_site(content.load_corpus(root), memo); cold = time.perf_counter() - t
src = root / "content/papers/synthetic-0000/source.txt"
src.write_text(src.read_text(encoding="utf-8").replace("\\n\\n", "\\n\\nAn edit.\\n\\n", 1),
               encoding="utf-8")
before = dict(content.STATS)
t = time.perf_counter(); corpus = content.load_corpus(root); load = time.perf_counter() - t
build_site(corpus, memo); warm = time.perf_counter() - t
print("BENCH", json.dumps({"cold": cold, "warm": warm, "warm_load": load,
      "reingested": content.STATS["ingested"] - before["ingested"],
      "cached": content.STATS["cached"] - before["cached"]}))
"""


# Reads one PDF in a fresh process: the reading alone, and the process from its start
# (interpreter and imports included: what `glossa ingest FILE.pdf` costs cold).
PDF_CHILD = """
import sys, time
from glossa.ingest.source import read_source
data = open(sys.argv[1], "rb").read()
t = time.perf_counter()
text, reading, problems = read_source(data, sys.argv[1])
read = time.perf_counter() - t
print("BENCH", read, text.count(chr(12)) + 1)
"""
# The papers whose PDFs the benchmark reads: the shared corpus's, when it is beside the
# project, else the pages cut for the tests.
PDF_PAPERS = ["crs/R48914.2", "crs/R46991.32", "crs/R48905.1", "crs/IF12106.21",
              "other/gao-07-283_crude-oil-peak-strategy"]


def pdf_files() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus"
    found = [shared / p / "source.pdf" for p in PDF_PAPERS]
    found = [p for p in found if p.is_file()]
    return found or sorted((ROOT / "tests/fixtures/pdf").glob("*.pdf"))


def measure_pdfs(runs: int) -> list[dict]:
    """Cold reading of each PDF: medians of `runs` fresh processes."""
    out = []
    for path in pdf_files():
        reads, wholes, pages = [], [], 0
        for _ in range(runs):
            t = time.perf_counter()
            read, pages = _child(PDF_CHILD, str(path)).split()
            wholes.append(time.perf_counter() - t)
            reads.append(float(read))
        out.append({"file": path.parent.name, "pages": int(pages),
                    "read": statistics.median(reads), "whole": statistics.median(wholes)})
    return out


def render_pdfs(rows: list[dict]) -> list[str]:
    out = ["", "## Reading PDFs (cold)", "",
           "Each PDF read in a fresh process, as `glossa ingest FILE.pdf` does: the reading "
           "alone (characters through PDFium, then the layout reader), and the whole process "
           "from its start (Python and imports included). A second build takes unchanged "
           "papers from the disk cache, as for text.", "",
           "| paper | pages | reading | ms / page | whole process |", "|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['file']} | {r['pages']} | {r['read']:.2f} s | "
                   f"{1000 * r['read'] / r['pages']:.0f} | {r['whole']:.2f} s |")
    long = [r for r in rows if r["pages"] >= 25]
    out += [""] if long else []
    for r in long:
        scaled = r["whole"] * 30 / r["pages"] if r["pages"] > 30 else r["whole"]
        out.append(f"- {r['file']} ({r['pages']} pages): {r['whole']:.2f} s cold, about "
                   f"{scaled:.2f} s for 30 pages (target at most 3 s: "
                   + ("met)." if scaled <= 3 else "missed)."))
    return out


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _child(code: str, *args: str) -> str:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                            text=True, env=_env())
    if result.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{result.stderr[-3000:]}")
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("BENCH "))
    return line[6:]


def _bare_config(project: Path, docs: Path, nav: list, copyright: str) -> Path:
    """The same site config with the hook off, building the exported Markdown."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_Loader)
    config.pop("hooks", None)
    config["docs_dir"] = str(docs)
    config["nav"] = nav
    config["copyright"] = copyright
    path = project / "mkdocs.bare.yml"
    path.write_text(yaml.dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure(n: int, runs: int, work: Path) -> dict:
    project = make_corpus(ROOT, work / f"corpus-{n}", n)
    from glossa.publish.site import generate

    site = generate(project)
    bare_docs = work / f"bare-docs-{n}"
    subprocess.run([sys.executable, "-m", "glossa.cli", "export", "--root", str(project),
                    "--out", str(bare_docs)], check=True, capture_output=True, env=_env())
    bare_cfg = _bare_config(project, bare_docs, site.nav, site.copyright)
    rows: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        rows.setdefault(key, []).append(value)

    disk_cache = project / ".cache"
    out = work / f"site-{n}"
    for _ in range(runs):
        # Cold: no reading kept on disk from an earlier run.
        shutil.rmtree(disk_cache, ignore_errors=True)
        p = json.loads(_child(PIPELINE_CHILD, str(project)))
        for k, v in p.items():
            add(f"pipeline {k}", v)
        # Whole and bare builds back to back, so each pair shares the machine's state.
        shutil.rmtree(disk_cache, ignore_errors=True)
        t, rss = _child(MKDOCS_CHILD, "build", "-q", "-f", str(project / "mkdocs.yml"),
                        "-d", str(out)).split()
        add("whole build", float(t))
        add("whole build maxrss", float(rss))
        bare_out = work / f"bare-site-{n}"
        t, rss = _child(MKDOCS_CHILD, "build", "-q", "-f", str(bare_cfg), "-d",
                        str(bare_out)).split()
        add("bare build", float(t))
        add("bare build maxrss", float(rss))
        # Again, with the readings the whole build left on disk (a second `glossa build`).
        p = json.loads(_child(PIPELINE_CHILD, str(project)))
        add("warm pipeline total", p["total"])
        add("warm pipeline ingest", p["ingest and footnotes"])
        t, _ = _child(MKDOCS_CHILD, "build", "-q", "-f", str(project / "mkdocs.yml"),
                      "-d", str(out)).split()
        add("warm whole build", float(t))
    shutil.rmtree(disk_cache, ignore_errors=True)
    inc = json.loads(_child(INCREMENTAL_CHILD, str(project))) if n >= 2 else {}
    page = out / "papers/synthetic-0000/index.html"
    med = {k: statistics.median(v) for k, v in rows.items()}
    pages = sum(1 for _ in out.rglob("*.html"))
    return {
        "n": n, "runs": runs, "pages": pages, "median": med,
        "site_bytes": _size(out), "page_html": page.stat().st_size,
        "page_gz": len(gzip.compress(page.read_bytes(), 9)),
        "search_index": (out / "search/search_index.json").stat().st_size,
        "incremental": inc,
    }


# The sections other benchmarks write into the same file (glossa.bench.preview, .search).
OTHERS = ("## Live preview", "## Search")


def keep_others(text: str, old: str) -> str:
    """This benchmark's `text`, with the sections the other benchmarks wrote in `old` kept
    after it as they were."""
    kept = []
    for heading in OTHERS:
        start = old.find(heading + "\n")
        if start >= 0:
            end = old.find("\n## ", start + len(heading))
            kept.append(old[start:end + 1 if end >= 0 else len(old)].rstrip("\n") + "\n")
    return "\n".join([text.rstrip("\n") + "\n", *kept])


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines()
                      if x.startswith("MemTotal")).split()[1])
        mem = f"{kb / 2**20:.0f} GiB"
    except (OSError, StopIteration):
        pass
    return (f"{os.cpu_count()} CPUs ({cpu or platform.machine()}), {mem} RAM, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def render(results: list[dict], command: str, pdfs: list[dict] | None = None) -> str:
    out = ["# Benchmarks", "",
           f"Reproduce with `{command}` (run from the project root; `make bench` runs the "
           "full set). Generated by `glossa.bench`; do not edit by hand.", "",
           f"Machine: {machine()}. A shared 2-core machine: timings are noisy, so each "
           "figure is the median of the runs, and our share of the build is a ratio of "
           "times measured side by side in the same run.", "",
           "Corpora: N synthetic papers made from the two real ones (paragraphs reshuffled, "
           "markers and notes renumbered, headings kept; every other paper written out as "
           "hard-wrapped PDF text with running headers), with the real glossary (80 "
           "entries) and the 10 themes, whose passages are then all suggested by the "
           "ranking.", "",
           "## Times (seconds, medians)", "",
           "The stages overlap: while worker processes read the papers (a first build of 24 "
           "papers or more), the main process links each paper as soon as it is read, "
           "tokenises it for the ranking and writes its page. So \"ingest + footnotes\" is "
           "the time the main process waits on the readers, and the other stage columns "
           "include the work done meanwhile (on cores the readers share). The pipeline "
           "total is the time from start to end.", "",
           "| N | pages | ingest + footnotes | glossary linking | ranking + comparisons | "
           "sources and timeline | emit | pipeline total | whole build | bare build (hook "
           "off) | pipeline / whole | (whole - bare) / whole | suggestions for `glossa "
           "check` (not in a build) |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        m = r["median"]
        whole, bare, pipe = m["whole build"], m["bare build"], m["pipeline total"]
        out.append(
            f"| {r['n']} | {r['pages']} | {m['pipeline ingest and footnotes']:.2f} | "
            f"{m.get('pipeline glossary linking', 0):.2f} | "
            f"{m.get('pipeline comparisons (ranking, pages)', 0):.2f} | "
            f"{m.get('pipeline sources and timeline', 0):.2f} | "
            f"{m.get('pipeline emit Markdown', 0):.2f} | {pipe:.2f} | {whole:.2f} | "
            f"{bare:.2f} | {pipe / whole:.1%} | {(whole - bare) / whole:.1%} | "
            f"{m.get('pipeline check only', 0):.2f} |")
    out += ["", "### A second build (readings kept on disk)", "",
            "`.cache/glossa/` keeps each paper's reading from one run to the next, keyed by "
            "the bytes of its files and of the converter's code, so a second `glossa build` "
            "or `mkdocs build` in the same checkout reads only the papers that changed. CI "
            "and a fresh clone always build cold, as in the table above.", "",
            "| N | ingest, from the disk cache | pipeline total | whole build | pipeline / "
            "whole |", "|---|---|---|---|---|"]
    for r in results:
        m = r["median"]
        out.append(f"| {r['n']} | {m['warm pipeline ingest']:.2f} | "
                   f"{m['warm pipeline total']:.2f} | {m['warm whole build']:.2f} | "
                   f"{m['warm pipeline total'] / m['warm whole build']:.1%} |")
    out += ["", "### Time per page", "",
            "The average over all pages mixes small glossary pages with long paper pages, "
            "whose share grows with N; the cost of one more page is the difference between "
            "two sizes divided by the pages added.", "",
            "| N | whole ms / page (average) | bare ms / page (average) | whole ms per added "
            "page | bare ms per added page |", "|---|---|---|---|---|"]
    prev = None
    for r in results:
        m = r["median"]
        added = ""
        if prev is not None and r["pages"] > prev["pages"]:
            d = r["pages"] - prev["pages"]
            pm = prev["median"]
            added = (f"{1000 * (m['whole build'] - pm['whole build']) / d:.0f} | "
                     f"{1000 * (m['bare build'] - pm['bare build']) / d:.0f}")
        out.append(f"| {r['n']} | {1000 * m['whole build'] / r['pages']:.0f} | "
                   f"{1000 * m['bare build'] / r['pages']:.0f} | {added or '– | –'} |")
        prev = r
    out += ["", "## Memory and size", "",
            "| N | peak memory, whole build | peak memory, bare build | site size | one paper "
            "page HTML | gzipped | search index |", "|---|---|---|---|---|---|---|"]
    for r in results:
        m = r["median"]
        out.append(f"| {r['n']} | {m['whole build maxrss'] / 1024:.0f} MB | "
                   f"{m['bare build maxrss'] / 1024:.0f} MB | {r['site_bytes'] / 2**20:.1f} MB "
                   f"| {r['page_html'] / 1024:.0f} KB | {r['page_gz'] / 1024:.1f} KB | "
                   f"{r['search_index'] / 2**20:.2f} MB |")
    out += ["", "## Incremental pipeline (one paper edited, as under `glossa serve`)", "",
            "The pipeline run again in the same process after a paragraph is added at the top "
            "of one paper (every paragraph number of that paper shifts): the reading cache "
            "reads only that paper again, and the pipeline's memo (`site.Memo`) makes again "
            "only the parts whose inputs changed (that paper's page, the glossary entries "
            "listing its paragraphs, the ranking). What is then rendered is in \"Live "
            "preview\".", "",
            "| N | pipeline, cold | pipeline after the edit | of which loading | papers read "
            "again | papers from the cache |", "|---|---|---|---|---|---|"]
    for r in results:
        i = r["incremental"]
        if i:
            out.append(f"| {r['n']} | {i['cold']:.2f} s | {i['warm']:.2f} s | "
                       f"{i['warm_load']:.2f} s | {i['reingested']} | {i['cached']} |")
    out += ["", "## Against the targets", ""] + [f"- {line}" for line in verdicts(results)]
    if pdfs:
        out += render_pdfs(pdfs)
    return "\n".join(out) + "\n"


def verdicts(results: list[dict]) -> list[str]:
    """The issue's targets, each said to be met or missed by how much, from these figures."""
    lines = []
    for r in results:
        m = r["median"]
        cold = m["pipeline total"] / m["whole build"]
        warm = m["warm pipeline total"] / m["warm whole build"]
        lines.append(f"N = {r['n']}: the pipeline is {cold:.1%} of a cold build "
                     + ("(target at most 15%: met)" if cold <= 0.15 else
                        f"(target at most 15%: missed by {100 * (cold - 0.15):.1f} points)")
                     + f", {warm:.1%} of a second build.")
    gz = max(r["page_gz"] for r in results) / 1024
    lines.append(f"Largest paper page, gzipped: {gz:.1f} KB (target at most 60 KB: "
                 + ("met)." if gz <= 60 else "missed)."))
    first, last = results[0], results[-1]
    growth = last["page_html"] / first["page_html"] - 1
    lines.append(f"The same paper page is {first['page_html'] / 1024:.0f} KB at N = "
                 f"{first['n']} and {last['page_html'] / 1024:.0f} KB at N = {last['n']} "
                 f"({growth:+.0%}).")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m glossa.bench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 50, 200, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default="BENCHMARKS.md")
    args = parser.parse_args(argv)
    command = "python -m glossa.bench --sizes " + " ".join(map(str, args.sizes)) + \
        f" --runs {args.runs} --out {args.out}"
    work = Path(tempfile.mkdtemp(prefix="glossa-bench-"))
    try:
        results = []
        for n in args.sizes:
            started = time.perf_counter()
            results.append(measure(n, args.runs, work))
            print(f"N={n}: done in {time.perf_counter() - started:.0f} s", flush=True)
        pdfs = measure_pdfs(args.runs)
        print(f"PDFs: {len(pdfs)} read", flush=True)
        out = Path(args.out)
        old = out.read_text(encoding="utf-8") if out.exists() else ""
        out.write_text(keep_others(render(results, command, pdfs), old), encoding="utf-8")
        print(f"Wrote {args.out}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
