# `make run` and `make test` each set up .venv themselves.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The first Python 3.12+ on PATH (PySide6 on 3.11 corrupts the refcount of None).
BOOTSTRAP := $(shell for p in python3.13 python3.12 python3 python; do \
  if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; \
  then echo $$p; break; fi; done)
EXAMPLE := matrices/budapest-summit.toml

.PHONY: run test lint bench docs screenshots package package-test clean system-deps

$(STAMP): pyproject.toml
	@test -n "$(BOOTSTRAP)" || { echo "Tradeoff needs Python 3.12 or newer on PATH." >&2; exit 1; }
	$(BOOTSTRAP) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

system-deps:
	@./scripts/install-system-deps.sh

run: $(STAMP) system-deps
	@$(MAKE) --no-print-directory $(GUIDE) || \
	  echo "(The user guide could not be built; the app runs without it: see make docs.)"
	$(VENV)/bin/tradeoff $(EXAMPLE)

test: $(STAMP) system-deps
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q

# The user guide (docs/) as HTML in resources/guide/, shipped with the package and opened
# by Help › User Guide. --strict: a warning, a broken link or a failing example stops it.
# (make test builds it too, in tests/docs/.)
GUIDE := resources/guide/index.html
docs: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

# Built for `make run` only when a page, a picture or the guide tools changed.
$(GUIDE): $(STAMP) mkdocs.yml $(wildcard docs/*.md docs/images/*.png scripts/guide/*.py)
	$(VENV)/bin/mkdocs build --strict

# The guide's pictures, taken from the real app offscreen (docs/images/*.png).
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m scripts.guide.screenshots

lint: $(STAMP)
	$(VENV)/bin/ruff check .

# Every figure beside its baseline and target; also written to benchmarks/results.json.
# pymcdm is a benchmark-only dependency (the cross-check comparison).
bench: $(STAMP)
	@$(PY) -c 'import pymcdm' 2>/dev/null || $(PY) -m pip install --quiet -e '.[bench]'
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info app/*.egg-info

# The standalone one-folder build: dist/Tradeoff/Tradeoff (see packaging/README.md).
PACKAGE_STAMP := $(VENV)/.package-installed
BUNDLE := dist/Tradeoff

$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[package]'
	@touch $@

package: $(PACKAGE_STAMP) docs
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
	  --workpath build/pyinstaller packaging/tradeoff.spec
	cp packaging/install-desktop.sh $(BUNDLE)/
	@echo "Bundle: $(BUNDLE) ($$(du -sh $(BUNDLE) | cut -f1), $$(find $(BUNDLE) -type f | wc -l) files)"

# Tests the bundle already built; builds it first only if there is none.
package-test:
	@test -x $(BUNDLE)/Tradeoff || $(MAKE) package
	$(PY) -I packaging/smoke_test.py $(BUNDLE)/Tradeoff
