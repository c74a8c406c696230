"""Browser fixtures: Debian's Chromium driven by Playwright, against the site served locally.

In CI (GLOSSA_REQUIRE_BROWSER=1) a missing browser fails the run; it is never skipped.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from helpers import block_outside_requests

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("GLOSSA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts"


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("GLOSSA_REQUIRE_BROWSER") or os.environ.get("CI"):
        raise pytest.UsageError(f"Chromium not found at {CHROMIUM}: run `make chromium`")
    skip = pytest.mark.skip(reason="Chromium is not installed (run `make chromium`)")
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}}


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """Build the site for the address it is served at (instant navigation needs site_url)."""
    out = tmp_path_factory.mktemp("served") / "site"
    out.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = subprocess.run([sys.executable, "-m", "glossa.cli", "build", "--out", str(out),
                             "--site-url", url], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    """The offline build, opened from disk: a file:// base URL."""
    out = tmp_path_factory.mktemp("offline") / "site"
    result = subprocess.run([sys.executable, "-m", "glossa.cli", "build", "--offline",
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out.parent / "site.zip").is_file()
    return out.as_uri() + "/"


class Site:
    """A site under test, served over HTTP or opened from disk, with its URL scheme."""

    def __init__(self, base: str, offline: bool):
        self.base, self.offline = base, offline

    def url(self, path: str) -> str:
        """`path` like "papers/russias-gambit/" or "" for the home page."""
        if not self.offline:
            return self.base + path
        return self.base + (path.rstrip("/") + ".html" if path else "index.html")


@pytest.fixture(params=["served", "offline"])
def reading_site(request, page):
    """Each reading check runs twice: on the served site, and on the offline build from
    file:// with every request that leaves the folder blocked and counted (must be zero)."""
    if request.param == "served":
        yield Site(request.getfixturevalue("served_site"), False)
        return
    base = request.getfixturevalue("offline_site")
    escaped = block_outside_requests(page)
    yield Site(base, True)
    assert escaped == [], f"the offline site tried to fetch: {escaped}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def _short_timeouts(page):
    """A broken selector should cost seconds, not Playwright's default 30."""
    page.set_default_timeout(5000)
    yield
