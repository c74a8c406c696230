# Two commands do all the set-up on a fresh machine (see README.md):
#   make site   - install into .venv, build the site into site/, say how to open it
#   make test   - install into .venv (and Debian's Chromium if missing), run every test
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: site offline serve test lint check bench bench-smoke fidelity citations gate chromium epubcheck clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

site: $(BIN)/.installed
	$(BIN)/glossa build

offline: $(BIN)/.installed
	$(BIN)/glossa build --offline

serve: $(BIN)/.installed
	$(BIN)/glossa serve

check: $(BIN)/.installed
	$(BIN)/glossa check

# GLOSSA_CHROMIUM names another Chromium-based browser to test with (e.g. on GitHub runners).
chromium:
	@test -n "$$GLOSSA_CHROMIUM" || command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's Chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's epubcheck (a Java program) checks each paper's EPUB in the tests.
epubcheck:
	@test -f /usr/share/java/epubcheck.jar || command -v epubcheck >/dev/null 2>&1 || { \
	  echo "Installing Debian's epubcheck for the EPUB tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq epubcheck >/dev/null; }

lint: $(BIN)/.installed
	$(BIN)/ruff check scripts tests

test: $(BIN)/.installed chromium epubcheck lint
	$(BIN)/glossa check
	$(MAKE) --no-print-directory gate
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory bench-smoke

# The benchmark (BENCHMARKS.md): N = 2, 50, 200, 1000, medians of 3 runs, then the live
# preview's section (edit to preview at N = 2, 200, 1000) and the search's (both searches in
# Chromium at N = 2, 200, 1000). Long: run by hand.
bench: $(BIN)/.installed
	$(BIN)/python -m glossa.bench --sizes 2 50 200 1000 --runs 3 --out BENCHMARKS.md
	$(BIN)/python -m glossa.bench.preview --sizes 2 200 1000 --bare-sizes 2 200 --runs 3 --out BENCHMARKS.md
	$(BIN)/python -m glossa.bench.search --sizes 2 200 1000 --runs 3 --out BENCHMARKS.md

# CI runs the benchmarks once at a small N, as a smoke test: no timing is asserted.
bench-smoke: $(BIN)/.installed
	$(BIN)/python -m glossa.bench --sizes 50 --runs 1 --out "$${TMPDIR:-/tmp}/glossa-bench-smoke.md"
	$(BIN)/python -m glossa.bench.preview --sizes 2 --bare-sizes --runs 1 --out "$${TMPDIR:-/tmp}/glossa-bench-smoke.md"
	$(BIN)/python -m glossa.bench.search --sizes 2 --runs 1 --out "$${TMPDIR:-/tmp}/glossa-bench-smoke.md"

# FIDELITY.md and FIDELITY.json: the converter against the publishers' truth, on the whole
# shared corpus (../shared/corpus, beside the project; the truth of its other/ and more/
# papers is kept here), every input of every paper. `make gate` fails when any paper is
# worse than FIDELITY.json on any figure; a change that makes papers better runs
# `make fidelity` and commits both files with it.
CORPUS ?= ../shared/corpus
EVALUATE = $(BIN)/glossa evaluate $(CORPUS)/crs $(CORPUS)/other $(CORPUS)/more \
	  --input source.pdf --input source.txt --input web.txt \
	  --truth tests/fixtures/truth/other --truth tests/fixtures/truth/more --brief
fidelity: $(BIN)/.installed
	$(EVALUATE) --out FIDELITY.md --figures FIDELITY.json

# CITATIONS.md: the Sources reader on every note of the shared corpus's truth files, a
# hand-labelled sample of 200 of them (tests/fixtures/truth/citations/, held by
# tests/test_citation_measure.py), its short forms, and 40 merged works checked by hand.
citations: $(BIN)/.installed
	$(BIN)/python -m glossa.measure.citations --corpus $(CORPUS) --out CITATIONS.md

gate: $(BIN)/.installed
	@test -d $(CORPUS) || { if [ -n "$$CI" ]; then echo "the shared corpus is missing at $(CORPUS): CI must have it"; exit 1; \
	  else echo "no shared corpus at $(CORPUS): the per-paper gate is skipped (CI runs it)"; exit 0; fi; }
	@echo "The per-paper gate: every paper of $(CORPUS), every input, against FIDELITY.json"
	@$(EVALUATE) --gate FIDELITY.json 2>&1 > "$${TMPDIR:-/tmp}/glossa-gate.txt" | grep -v "; skipped$$" >&2; \
	  status=$${PIPESTATUS[0]}; [ $$status -ne 0 ] || tail -n 1 "$${TMPDIR:-/tmp}/glossa-gate.txt"; exit $$status

clean:
	rm -rf site site-offline site-offline.zip .pytest_cache .cache
