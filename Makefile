# kronika: `make demo` and `make test` work on a fresh machine with only Python 3.11 and pip.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime
STAMP := $(VENV)/.installed
SHARED ?= ../shared
PREFIX ?= $(HOME)/.local

.PHONY: demo test bench lint browser install clean

# The runtime alone, for `make demo` and `make install`; the dev tools (pytest, ruff, mypy, playwright)
# only for `make test`, `make lint` and `make bench`.
$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	# Byte-code written once: where PYTHONDONTWRITEBYTECODE is set, every process (each ingest worker)
	# would otherwise compile kronika again on import (0.1-0.3 s each).
	$(BIN)/python -m compileall -q kronika
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(RUNTIME)
	$(BIN)/kronika demo

# Puts `kronika` on the PATH: a link in $(PREFIX)/bin (default ~/.local/bin) to the venv's command.
install: $(RUNTIME)
	mkdir -p $(PREFIX)/bin
	ln -sf $(CURDIR)/$(BIN)/kronika $(PREFIX)/bin/kronika
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) echo "kronika is on your PATH: $(PREFIX)/bin/kronika";; \
	  *) echo "linked $(PREFIX)/bin/kronika; add $(PREFIX)/bin to PATH: export PATH=\"$(PREFIX)/bin:\$$PATH\"";; esac

test: $(STAMP) browser
	$(BIN)/pytest -q

# The report's test drives a real Chromium: Debian's package, installed here when missing.
browser:
	@test -x /usr/bin/chromium || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
	  || echo "could not install chromium: browser tests will skip (or fail under CI=true)"; }

bench: $(STAMP)
	$(BIN)/python bench/scale_speed.py
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/long_article.py
	$(BIN)/python bench/timex_kpwr.py $(SHARED)/benchmarks/timex-kpwr/tune.jsonl
	$(BIN)/python bench/reconcile_speed.py
	$(BIN)/python bench/workbench_load.py

lint: $(STAMP)
	$(BIN)/ruff check kronika tests bench
	$(BIN)/mypy kronika

clean:
	rm -rf $(VENV) out build *.egg-info
