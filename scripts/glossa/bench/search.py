"""The search benchmark: the hosted search (Pagefind, served) beside the offline build's (the
shard index, opened from file://), and on request the theme's own (served).

    python -m glossa.bench.search --sizes 2 200 1000 --runs 3 --out BENCHMARKS.md

For each N (a synthetic corpus, as in glossa.bench) the site is built once for each search:
the hosted one (`glossa build`) served locally, the offline one (`glossa build --offline`)
opened from disk, as a student opens it, with no server. Debian's Chromium (Playwright)
then, for each search:

- **time and bytes**: for each of the timed queries and each run, a fresh browser context
  (empty cache) opens a paper page; once it has loaded, the search box is opened and the
  query typed; the time is from the query's keystroke to the first result on screen, by
  the page's own clock (the driver's round trips, a few tenths of a second, are not the
  reader's wait), and the bytes are everything loaded for search (the index, the worker,
  Pagefind's files) from the page's start until then: served, as the network reports them
  (the local server gzips text as static hosts do; Pagefind's files come compressed
  already); from disk, the sizes of the files read;
- **relevance**: in one page, each of 20 queries drawn from the papers' own sentences (the
  first words of a sentence of a paragraph chosen at random); a query is right when one of
  its first three results lands on a paper's paragraph (Glossa's searches) or section (the
  theme's, whose results are sections) that holds the sentence. The synthetic papers reuse
  the real papers' paragraphs, so a sentence is held by every copy: any of them counts.

Medians of the runs. The section "## Search" of --out is replaced (or added).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from glossa.bench.build import ROOT, machine
from glossa.bench.preview import replace_section
from glossa.bench.synthetic import make_corpus
from glossa.publish.commands import build

SECTION = "## Search"
SEARCHES = ("pagefind", "shards")  # and "theme", on request (--theme)
NAMES = {"pagefind": "hosted (Pagefind), served", "shards": "offline (shards), from disk",
         "theme": "the theme's (before), served"}
CHROMIUM = os.environ.get("GLOSSA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
TIMED = 5  # queries timed per run (the 20 of the relevance check would take long at N = 1000)
QUERIES = 20
WORDS = 12  # words of a sentence typed
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEARCH_FILES = re.compile(r"/(search/|pagefind/|assets/javascripts/workers/|"
                          r"javascripts/glossa-search-worker\.js|javascripts/glossa-words\.js|"
                          r"javascripts/glossa-shard-search\.js)")


# What a static host compresses on the way (GitHub Pages, Netlify and the like gzip text);
# Pagefind's own files are compressed already, the index of the theme's search is not.
COMPRESSED = (".html", ".js", ".json", ".css", ".svg", ".xml", ".txt")
# In the page (an init script: the pages' policy forbids the benchmark's own scripts): when
# the query's keystroke reaches the search box, and when the first result is on screen.
CLOCK = """
window.__glossaBench = { typed: 0, first: 0 };
document.addEventListener("keyup", e => {
  if (e.target.matches && e.target.matches("input.md-search__input"))
    window.__glossaBench.typed = performance.now();
}, true);
new MutationObserver(() => {
  const b = window.__glossaBench;
  if (b.typed && !b.first && document.querySelector(".md-search-result__item"))
    b.first = performance.now();
}).observe(document, { subtree: true, childList: true });
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host does: text gzipped when the browser accepts it."""
    zipped: dict[str, bytes] = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not (path.endswith(COMPRESSED) and os.path.isfile(path)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = self.zipped.get(path)
        if body is None:
            body = self.zipped[path] = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text.lower())


def _text(node) -> str:
    for junk in node.select("sup, a.glossa-pilcrow, a.headerlink, .glossa-annotations, "
                            "a.glossa-annotation-ref"):
        junk.decompose()
    return " ".join(node.get_text(" ").split())


def _paragraphs(page_html: str) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    return [_text(p) for p in soup.select("article p.glossa-para")]


def draw_queries(pages: list[str], n: int, seed: int = 0) -> list[str]:
    """`n` queries: the first WORDS words of a sentence of a paragraph drawn at random, each
    from a different paragraph, sentences of at least 8 words."""
    rng = random.Random(seed)
    paras = [p for page in pages for p in _paragraphs(page)]
    rng.shuffle(paras)
    out: list[str] = []
    for para in paras:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", para) if len(s.split()) >= 8]
        if not sentences:
            continue
        words = rng.choice(sentences).split()[:WORDS]
        query = " ".join(words).strip(" ,;:")
        if query not in out:
            out.append(query)
        if len(out) == n:
            break
    return out


def holds(page_html: str, fragment: str, query: str) -> bool:
    """Whether the place `fragment` of a page (a paragraph or note, or a heading's section,
    or the top of the page up to its first heading) holds the words of `query` in order."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.select_one("article")
    if article is None:
        return False
    target = article.find(id=fragment) if fragment else None
    if target is not None and re.fullmatch(r"h[1-6]", target.name or ""):
        level = int(target.name[1])
        parts = []
        for el in target.find_all_next():
            if re.fullmatch(r"h[1-6]", el.name or "") and int(el.name[1]) <= level:
                break
            if el.name in ("p", "li"):
                parts.append(_text(el))
        text = " ".join(parts)
    elif target is not None:
        text = _text(target)
    else:
        parts = []
        for el in article.find_all(["h2", "h3", "p", "li"]):
            if el.name in ("h2", "h3"):
                break
            parts.append(_text(el))
        text = " ".join(parts)
    return " ".join(_words(query)) in " ".join(_words(text))


def _open_search(page, query: str) -> None:
    """Open the search box and type `query`, as fast as a reader pasting it (not waiting
    for the box's opening transition, as Playwright's `fill` would)."""
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill(query, force=True)
    box.dispatch_event("keyup")


def _read(request) -> int:
    """Bytes of a request: as the network reports them, or for a file of the disk its size."""
    if request.url.startswith("file:"):
        from urllib.parse import unquote, urlsplit

        path = Path(unquote(urlsplit(request.url).path))
        return path.stat().st_size if path.is_file() else 0
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def time_query(browser, url: str, query: str) -> tuple[float, int]:
    """Seconds from the query typed (the page loaded) to the first result on screen, by the
    page's own clock, and bytes loaded for search."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.add_init_script(CLOCK)
    finished = []  # the page's requests and its search worker's, as they complete
    page.on("requestfinished", lambda request: finished.append(request))
    # (a file read from disk may not report as finished: its request is enough)
    page.on("request", lambda request: request.url.startswith("file:")
            and finished.append(request))
    page.goto(url, wait_until="load")
    _open_search(page, query)
    page.wait_for_selector(".md-search-result__item", timeout=300_000)
    clock = page.evaluate("window.__glossaBench")
    seconds = (clock["first"] - clock["typed"]) / 1000
    page.wait_for_timeout(300)  # what is still arriving for this query counts too
    fetched = 0
    seen = set()
    for request in finished:
        if SEARCH_FILES.search(request.url) and request.url not in seen:
            seen.add(request.url)
            fetched += _read(request)
    context.close()
    return seconds, fetched


def _until(done, limit: float = 300) -> None:
    """Poll `done` from here (the pages' policy forbids the test's own scripts in them)."""
    start = time.perf_counter()
    while not done():
        if time.perf_counter() - start > limit:
            raise TimeoutError("the search did not answer")
        time.sleep(0.02)


def top_three(page, query: str) -> list[str]:
    """The first three result links for `query` (in the order shown), typed in the open box."""
    box = page.locator("input.md-search__input")
    items = page.locator(".md-search-result__item")
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    box.dispatch_event("keyup")
    _until(lambda: items.count() == 0)
    box.fill(query)
    box.dispatch_event("keyup")
    _until(lambda: items.count() > 0 or meta.inner_text().startswith("No matching"))
    page.wait_for_timeout(100)
    links = page.locator(".md-search-result__link")
    return [links.nth(i).get_attribute("href") for i in range(min(3, links.count()))]


def _page_file(site: Path, path: str) -> Path:
    """The file of a page's address: "papers/x/" served, "papers/x.html" from disk."""
    return site / path if path.endswith(".html") else site / path / "index.html"


def measure(n: int, runs: int, work: Path, searches: tuple[str, ...] = SEARCHES) -> dict:
    from playwright.sync_api import sync_playwright

    project = make_corpus(ROOT, work / f"corpus-{n}", n)
    sites = {}
    for search in searches:
        out = work / f"site-{n}-{search}"
        if build(project, out, offline=search == "shards", zip_it=False, search=search) != 0:
            raise SystemExit(f"the {search} build of N = {n} failed")
        sites[search] = out
    first = next(iter(sites.values()))
    pages = [_page_file(first, f"papers/synthetic-000{i}" + (
        ".html" if first == sites.get("shards") else "/")).read_text(encoding="utf-8")
        for i in range(min(2, n))]
    queries = draw_queries(pages, QUERIES)
    row: dict = {"n": n, "queries": queries}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for search in searches:
            if search == "shards":  # opened from disk
                server, url = None, sites[search].as_uri() + "/"
                paper = "papers/synthetic-0000.html"
            else:
                server, url = _serve(sites[search])
                paper = "papers/synthetic-0000/"
            try:
                times, sizes = [], []
                for query in queries[:TIMED]:
                    per = [time_query(browser, url + paper, query) for _ in range(runs)]
                    times.append(statistics.median(t for t, _ in per))
                    sizes.append(statistics.median(b for _, b in per))
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(url + paper, wait_until="load")
                page.keyboard.press("/")
                cache: dict[str, str] = {}
                right = 0
                for query in queries:
                    for href in top_three(page, query):
                        path, _, fragment = href.replace(url, "").partition("#")
                        path = path.split("?")[0]
                        if not path.startswith("papers/"):
                            continue  # a glossary or comparison page may quote it: not it
                        if path not in cache:
                            cache[path] = _page_file(sites[search], path).read_text(
                                encoding="utf-8")
                        if holds(cache[path], fragment, query):
                            right += 1
                            break
                page.close()
            finally:
                if server is not None:
                    server.shutdown()
            row[search] = {"first": statistics.median(times), "worst": max(times),
                           "bytes": statistics.median(sizes), "most": max(sizes),
                           "right": right}
        browser.close()
    row["disk"] = {}
    for search, site in sites.items():
        folder = {"pagefind": site / "pagefind", "shards": site / "search" / "index",
                  "theme": site / "search"}[search]
        row["disk"][search] = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        if search == "theme":  # the index, not its copy as a script (an offline build's)
            row["disk"][search] = (site / "search" / "search_index.json").stat().st_size
    return row


def _kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def render(rows: list[dict], runs: int, command: str) -> str:
    lines = [SECTION, "",
             f"Written by `{command}` on {machine()}. Each N is built once for each search: "
             "the hosted site (`glossa build`) served locally, the offline one (`glossa build "
             "--offline`) opened from disk (file://, no server). Chromium opens a paper page "
             "in a fresh context (empty cache), and once the page has loaded types a query; "
             "the time is from the query's keystroke to the first result on screen, by the "
             f"page's own clock. Medians of {runs} "
             f"runs of each of {TIMED} queries (then the median over the queries; the worst "
             "query in brackets). Bytes: everything loaded for search from the page's start "
             "to the first result (index, worker, Pagefind's files): served, as the network "
             "reports them (the local server gzips text as static hosts do); from disk, the "
             "sizes of the files read. Right: of "
             f"{QUERIES} queries drawn from the papers' own sentences (their first {WORDS} "
             "words), those where one of the first three results lands on a paper's "
             "paragraph (or, for the theme's search, whose results are sections, section) "
             "holding the sentence; the synthetic papers reuse the real papers' paragraphs, "
             "so any copy counts. `glossa.bench.search` says how they are drawn.", "",
             "| N | search | first result after the query | bytes fetched for one query | right in "
             "the first three | index on disk |", "|---|---|---|---|---|---|"]
    for r in rows:
        for search in r["disk"]:
            m = r[search]
            lines.append(f"| {r['n']} | {NAMES[search]} | {m['first']:.2f} s "
                         f"({m['worst']:.2f} s) | {_kb(m['bytes'])} ({_kb(m['most'])}) | "
                         f"{m['right']} of {len(r['queries'])} | {_kb(r['disk'][search])} |")
    lines += ["", "Queries (N = " + str(rows[-1]["n"]) + "):", ""]
    lines += [f"{i}. {q}" for i, q in enumerate(rows[-1]["queries"], 1)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m glossa.bench.search")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 200, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default="BENCHMARKS.md")
    parser.add_argument("--theme", action="store_true",
                        help="also the theme's own search (served), as before the shards")
    args = parser.parse_args(argv)
    searches = SEARCHES + (("theme",) if args.theme else ())
    rows = []
    with tempfile.TemporaryDirectory(prefix="glossa-bench-search-") as tmp:
        for n in args.sizes:
            row = measure(n, args.runs, Path(tmp), searches)
            rows.append(row)
            for search in searches:
                m = row[search]
                print(f"N={n} {search}: first result {m['first']:.2f} s, "
                      f"{_kb(m['bytes'])}, right {m['right']}/{len(row['queries'])}",
                      file=sys.stderr)
    command = (f"python -m glossa.bench.search --sizes {' '.join(map(str, args.sizes))} "
               f"--runs {args.runs}{' --theme' if args.theme else ''} --out {args.out}")
    out = Path(args.out)
    text = out.read_text(encoding="utf-8") if out.is_file() else "# Benchmarks\n"
    out.write_text(replace_section(text, render(rows, args.runs, command), SECTION),
                   encoding="utf-8")
    print(f"Wrote the search benchmark to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
