"""`glossa serve` in a real browser: an edit to a paper's source shows on its open page by
itself (the reload script runs under the pages' Content-Security-Policy), and a definition
edit reaches the tooltip of a paper page."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from glossa.bench.preview import _free_port
from test_preview import real_project

PAPER = "content/papers/russias-gambit/source.txt"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = real_project(tmp_path_factory.mktemp("live"))
    port = _free_port()
    log = (root / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "glossa.cli", "serve", "--root", str(root),
                             "--dev-addr", f"127.0.0.1:{port}"], stdout=log,
                            stderr=subprocess.STDOUT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(url + "papers/russias-gambit/", timeout=5).read()
            break
        except OSError:
            assert proc.poll() is None, (root / "serve.log").read_text()
            assert time.monotonic() < deadline, "glossa serve did not start"
            time.sleep(0.3)
    yield root, url
    proc.terminate()
    proc.wait(20)
    log.close()


def test_an_edited_source_shows_on_the_open_page_without_reloading_it_by_hand(served, page,
                                                                                artifacts):
    root, url = served
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url + "papers/russias-gambit/")
    page.wait_for_load_state("load")
    assert page.locator("article").inner_text().count("cardinal difference") == 1
    source: Path = root / PAPER
    text = source.read_text(encoding="utf-8")
    try:
        source.write_text(text.replace("cardinal difference", "cardinal distinction", 1),
                          encoding="utf-8")
        expect(page.locator("article")).to_contain_text("cardinal distinction", timeout=20000)
        # (generous: the preview may still be writing the search index the page asks for)
        page.screenshot(path=str(artifacts / "live-preview-after-edit.png"), timeout=30000)
    finally:
        source.write_text(text, encoding="utf-8")
    expect(page.locator("article")).to_contain_text("cardinal difference", timeout=20000)
    assert not [e for e in errors if "Content Security Policy" in e], errors
