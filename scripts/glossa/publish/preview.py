"""`glossa serve`: a live preview that, after an edit, renders again only the pages that
depend on it.

How a change travels:

1. The watcher (inotify where the system has it) notes which files changed.
2. A change to the code (`scripts/`), the theme overrides, `mkdocs.yml` or a non-Markdown
   file of `docs/` rebuilds everything: the code by starting this process again (so the
   new code runs), the rest by a full MkDocs build.
3. Otherwise the pipeline runs again with its memo (site.Memo): each paper, glossary entry
   and ranking is made again only if its own inputs changed. The new pages' Markdown is
   compared with the last build's; a page is rendered again when its Markdown changed (its
   dependencies are what the pipeline put into it: the entries a paper mentions, the
   passages a theme quotes, the notes and annotations of a paper). A change to the
   navigation, the footer or the set of pages rebuilds everything, since every page
   shows them.
4. Pages are rendered with MkDocs' own page stages and the theme's templates
   (mkdocs_adapter.render_pages), in two rounds. First the pages of the files that were
   edited (the paper's page after an edit to its source, the entry's page after an edit to
   the entry); then browsers reload, while the other changed pages are made and rendered:
   the comparison pages (which rank every paragraph of every paper), the paper pages whose
   tooltips hold an edited definition, and the search index. Until that second round ends,
   a request for any page it may change waits: no stale page is ever served.

MkDocs' own `--dirty` mode was not used: it decides by the modification time of files in
docs/, which generated pages do not have, and its search index then lists only the pages
it rebuilt.
"""

from __future__ import annotations

import logging
import os
import posixpath
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from glossa.model.problems import ERROR, report
from glossa.publish.site import Site, generate

log = logging.getLogger("mkdocs.glossa.preview")

WATCHED = ("content", "docs", "overrides", "scripts", "mkdocs.yml")
# An edit to one of these needs everything built again (the code: in a new process).
CODE = ("scripts/",)
LAYOUT = ("overrides/", "mkdocs.yml")
SEARCH_INDEX = "search/search_index.json"


def snapshot(root: Path) -> dict[str, tuple]:
    """Every watched file (relative path) with its size, modification time and inode.
    (os.scandir on strings: at a thousand paper folders, pathlib doubles the cost.)"""
    out: dict[str, tuple] = {}
    base = str(root)

    def walk(folder: str, rel: str) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.name == "__pycache__":
                continue
            name = f"{rel}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, name)
            else:
                try:
                    st = entry.stat()
                except OSError:
                    continue
                out[name] = (st.st_size, st.st_mtime_ns, st.st_ino)

    for name in WATCHED:
        path = os.path.join(base, name)
        if os.path.isdir(path):
            walk(path, name)
        elif os.path.isfile(path):
            st = os.stat(path)
            out[name] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return out


def changed_files(before: dict[str, tuple], after: dict[str, tuple]) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


@dataclass
class Plan:
    """What an edit needs: a full build (and why), or pages to render in two rounds."""

    full: str = ""  # the reason for a full build; "" if pages will do
    first: list[str] = field(default_factory=list)  # the edited files' own pages
    then: list[str] = field(default_factory=list)  # the other pages whose Markdown changed
    files: dict[str, str | bytes] = field(default_factory=dict)  # citations, EPUBs changed


def owned_by(owners: tuple[str, ...], edited: set[str]) -> bool:
    return any(e == o or (o.endswith("/") and e.startswith(o)) for o in owners for e in edited)


def plan(old: Site, new: Site, edited: set[str],
         docs_pages: dict[str, tuple[str | None, str]]) -> Plan:
    """Compare the site before and after an edit. `docs_pages` gives each hand-written
    page (docs-relative) its Markdown before and after (placeholders filled). Pages that
    `new` has not made yet (None, until `new.finish()`) are left to the second round."""
    if any(p.startswith(CODE) for p in edited):
        return Plan(full="the code changed")
    if any(p.startswith(LAYOUT) for p in edited):
        return Plan(full="the site's configuration or templates changed")
    if any(p.startswith("docs/") and not p.endswith(".md") for p in edited):
        return Plan(full="a file in docs/ changed")
    if set(old.pages) != set(new.pages) or set(old.files) != set(new.files) \
            or any(before is None for before, _ in docs_pages.values()):
        return Plan(full="pages were added or removed")
    if old.nav != new.nav:
        return Plan(full="the navigation changed")
    if old.copyright != new.copyright:
        return Plan(full="the footer changed")
    changed = [p for p, md in new.pages.items() if md is not None and md != old.pages[p]]
    changed += [p for p, (before, after) in docs_pages.items() if before != after]
    first = [p for p in changed if owned_by(new.owners.get(p, ("docs/" + p,)), edited)]
    then = [p for p in changed if p not in first]
    if not first:
        first, then = then, []
    return Plan(first=first, then=then, files={p: d for p, d in new.files.items()
                                               if d is not None and d != old.files[p]})


class Preview:
    """The served site: the last good build, and how to bring it up to date after an edit."""

    def __init__(self, root: Path, site_dir: Path, serve_url: str, on_code_change=None):
        self.root = root
        self.on_code_change = on_code_change or restart
        self.site_dir = site_dir
        self.serve_url = serve_url
        self.hook = None
        self.site: Site | None = None
        self.docs: dict[str, str] = {}  # hand-written page -> its Markdown, filled
        self.files: dict[str, tuple] = {}
        self.pending: set[str] = set()  # site-relative paths being made: requests wait
        self.cond = threading.Condition()
        self.later: threading.Thread | None = None
        self.last: dict = {}  # what the last update did, for the tests and the benchmark
        self.server = None  # the live-reload server, once serving

    # -- builds --------------------------------------------------------------------------

    def _config(self):
        from mkdocs.config import load_config

        config = load_config(config_file=str(self.root / "mkdocs.yml"),
                             site_dir=str(self.site_dir))
        config.site_url = self.serve_url
        return config

    def full_build(self) -> bool:
        """Build everything; False (with the problems printed) if the build failed."""
        from mkdocs.commands.build import build
        from mkdocs.exceptions import MkDocsException

        files = snapshot(self.root)
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config, serve_url=self.serve_url)
        except (MkDocsException, SystemExit) as e:
            print(str(e), file=sys.stderr)
            return False
        self.hook = next(m for m in config.hooks.values() if hasattr(m, "render_pages"))
        self.build = self.hook._now
        self.site = self.build.site
        self.docs = self._docs_pages(self.site)
        self.files = files
        self.last = {"full": True, "written": sum(1 for _ in self.site_dir.rglob("*.html"))}
        return True

    def _docs_pages(self, site: Site) -> dict[str, str]:
        docs = self.root / "docs"
        return {p.relative_to(docs).as_posix(): site.fill(p.read_text(encoding="utf-8"))
                for p in docs.rglob("*.md")}

    def update(self) -> None:
        """Bring the site up to date after an edit (the builder of the server's loop). If
        rendering fails midway, everything is built again: never a half-updated site."""
        files = snapshot(self.root)
        if self.site is not None and not changed_files(self.files, files):
            # Another notice of a save already seen (one save can raise several): nothing to
            # do, no reason to hold the server's requests while the last edit finishes, and
            # no reason to reload the browsers a second time.
            if self.server is not None:
                self.server.nothing_new()
            return
        self.wait_later()
        try:
            self._update(files)
        except Exception:  # noqa: BLE001 - whatever broke, a full build is the safe answer
            log.exception("Glossa: the preview could not render the changed pages")
            with self.cond:
                self.pending = set()
                self.cond.notify_all()
            self.site = None
            self.full_build()

    def _update(self, files: dict[str, tuple]) -> None:
        start = time.perf_counter()
        edited = changed_files(self.files, files)
        if any(p.startswith(CODE) for p in edited):
            self.on_code_change()
        if self.site is None:  # the last full build failed
            if self.full_build():
                self._log(start, "rebuilt everything")
            return
        urgent = frozenset(p.split("/")[2] for p in edited
                           if p.startswith(("content/papers/", "content/annotations/"))
                           and p.count("/") >= 3)
        new = generate(self.root, defer=True, urgent=urgent)
        if any(p.severity == ERROR for p in new.problems):
            print(report(new.problems, built=False).replace(
                "nothing was built", "the preview shows the last good build"), file=sys.stderr)
            self.files = files  # until the next edit
            return
        docs = self._docs_pages(new)
        decided = plan(self.site, new, edited, {p: (self.docs.get(p), md)
                                                for p, md in docs.items()})
        if decided.full:
            log.info("Glossa: %s: building everything", decided.full)
            self.site = None
            if self.full_build():
                self._log(start, f"{decided.full}: rebuilt everything")
            return
        dests = {p: self.hook.dest_path(self.build, p) for p in new.pages}
        later = [dests[p] for p in decided.then] + [
            dests[p] for p, md in new.pages.items() if md is None] + [
            p for p, d in new.files.items() if d is None] + [SEARCH_INDEX]
        with self.cond:
            self.pending = {d for d in later if d}
        written = self.hook.render_pages(self.build, new, decided.first, decided.files,
                                         search=False)
        self.last = {"full": False, "first": list(decided.first), "written": written,
                     "first_seconds": time.perf_counter() - start}
        old = self.site
        self.site, self.docs, self.files = new, docs, files
        self.later = threading.Thread(target=self._finish, args=(old, new, decided, start),
                                      daemon=True)
        self.later.start()

    def _finish(self, old: Site, new: Site, decided: Plan, start: float) -> None:
        done = False
        try:
            written = self.hook.render_pages(self.build, new, decided.then, {}, search=False,
                                             on_written=self._ready)
            pages = [p for p, md in new.pages.items() if md is None]  # made by finish()
            files = [p for p, d in new.files.items() if d is None]
            new.finish()
            errors = [p for p in new.problems if p.severity == ERROR]
            if errors:
                print(report(errors, built=False).replace(
                    "nothing was built", "the comparison pages are the last good ones"),
                    file=sys.stderr)
                for p in pages:
                    if p.startswith("compare/"):
                        new.pages[p] = old.pages[p]
            changed = [p for p in pages if new.pages[p] != old.pages.get(p)]
            files_out = {p: new.files[p] for p in files if new.files[p] != old.files.get(p)}
            for p in set(pages) - set(changed):  # made again, the same as before
                self._ready(self.hook.dest_path(self.build, p))
            for p in set(files) - set(files_out):
                self._ready(p)
            rendered = bool(decided.first or decided.then or changed)
            written += self.hook.render_pages(self.build, new, changed, files_out,
                                              search=rendered, on_written=self._ready)
            self.last["written"] = self.last["written"] + written
            self.last["seconds"] = time.perf_counter() - start
            self._log(start, f"{len(self.last['written'])} files written")
            done = True
        finally:
            if not done:  # the next edit builds everything
                log.error("Glossa: the preview could not render the changed pages; the next "
                          "edit builds everything")
                self.site = None
            with self.cond:
                self.pending = set()
                self.cond.notify_all()

    def _ready(self, rel: str | None) -> None:
        """`rel` is written: requests for it need wait no longer."""
        with self.cond:
            self.pending.discard(rel)
            self.cond.notify_all()

    def wait_later(self) -> None:
        if self.later is not None:
            self.later.join()
            self.later = None

    def wait_for(self, rel: str, timeout: float = 120) -> None:
        """Hold a request for `rel` (site-relative) while it is being made again."""
        with self.cond:
            self.cond.wait_for(lambda: rel not in self.pending, timeout=timeout)

    def _log(self, start: float, what: str) -> None:
        log.info("Glossa: %s in %.2f s", what, time.perf_counter() - start)


def restart() -> None:
    """Start this command again, so that edited code runs (Python keeps modules loaded)."""
    log.info("Glossa: the code changed: starting again")
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "glossa.cli", *sys.argv[1:]])


# -- the server ------------------------------------------------------------------------------

LIVERELOAD_JS = """// Reloads the page when the preview has a newer build (glossa serve).
(function () {
  var me = document.currentScript;
  var epoch = me.dataset.epoch, id = me.dataset.request;
  function poll() {
    var req = new XMLHttpRequest();
    req.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) { location.reload(); return; }
      setTimeout(poll, this.status === 200 ? 0 : 3000);
    };
    req.open("GET", "/livereload/" + epoch + "/" + id);
    req.send();
  }
  if (document.readyState === "complete") poll();
  else window.addEventListener("load", poll);
})();
"""


def make_server(preview: Preview, host: str, port: int):
    """MkDocs' live-reload server, with three changes: requests for pages being made wait;
    the reload script is a file of the site's own origin, not an inline script, so the
    pages' Content-Security-Policy lets it run; and the watcher uses inotify where the
    system has it, instead of walking every folder twice a second."""
    import watchdog.observers
    import watchdog.observers.polling
    from mkdocs.livereload import LiveReloadServer

    class Server(LiveReloadServer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.observer = watchdog.observers.Observer()

        def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
            try:
                super().watch(path, recursive=recursive)
            except OSError:  # out of inotify watches: walk the folders instead
                self.observer = watchdog.observers.polling.PollingObserver(timeout=0.5)
                self._watched_paths.clear()
                super().watch(path, recursive=recursive)

        def serve_request(self, environ, start_response):
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            if path == "/.glossa/livereload.js":
                body = LIVERELOAD_JS.encode()
                start_response("200 OK", [("Content-Type", "text/javascript"),
                                          ("Content-Length", str(len(body)))])
                return [body]
            rel = posixpath.normpath("/" + path).lstrip("/")
            if path.endswith("/") or not rel:
                rel = (rel + "/index.html").lstrip("/")
            preview.wait_for(rel)
            return super().serve_request(environ, start_response)

        def nothing_new(self) -> None:
            """Called by the builder when nothing changed: the version being built is the
            one shown, so the build loop will not tell browsers to reload."""
            with self._epoch_cond:
                self._wanted_epoch = self._visible_epoch

        def _inject_js_into_html(self, content, epoch):
            try:
                body_end = content.rindex(b"</body>")
            except ValueError:
                body_end = len(content)
            script = (f'<script src="/.glossa/livereload.js" data-epoch="{epoch}" '
                      f'data-request="{time.monotonic_ns()}"></script>').encode()
            return content[:body_end] + script + content[body_end:]

    server = Server(builder=preview.update, host=host, port=port, root=str(preview.site_dir))
    preview.server = server
    return server


def serve(root: Path, dev_addr: str | None = None) -> int:
    import tempfile

    host, _, port = (dev_addr or "127.0.0.1:8000").rpartition(":")
    host = host or "127.0.0.1"
    site_dir = Path(tempfile.mkdtemp(prefix="glossa-serve-"))
    preview = Preview(root, site_dir, f"http://{host}:{port}/")
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    if not preview.full_build():
        print("The site could not be built: fix the problems above, then run serve again.",
              file=sys.stderr)
        return 1
    preview.files = snapshot(root)
    server = make_server(preview, host, int(port))
    for name in WATCHED:
        if (root / name).exists():
            server.watch(str(root / name))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
    return 0
