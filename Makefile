# Two commands do all the set-up on a fresh machine (see README.md):
#   make site   - install into .venv, build the site into site/, say how to open it
#   make test   - install into .venv (and Debian's Chromium if missing), run every test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: site offline serve test lint check bench chromium clean

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

lint: $(BIN)/.installed
	$(BIN)/ruff check scripts tests

test: $(BIN)/.installed chromium lint
	$(BIN)/glossa check
	$(BIN)/python -m pytest

clean:
	rm -rf site site-offline site-offline.zip .pytest_cache
