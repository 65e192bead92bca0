# Two entry points: `make run` (demo on http://127.0.0.1:8000) and `make test` (the whole suite).
# Both do the whole set-up first and are safe to repeat.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test setup lint messages clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)
	mkdir -p var
	$(BIN)/ssrhub migrate --noinput
	$(BIN)/ssrhub collectstatic --noinput --verbosity 0
	$(BIN)/ssrhub setup --demo

run: setup
	$(BIN)/ssrhub runserver 127.0.0.1:8000

# One worker per core; the tests of one file stay together, so module-scoped set-ups run once. PYTEST_OPTIONS: more
# options (.ci/run leaves the browser tests out of its PostgreSQL run); the slowest tests are listed at the end.
test: setup
	$(BIN)/pytest -n auto --dist loadfile --durations=15 $(PYTEST_OPTIONS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo
	$(BIN)/ssrhub makemigrations --check --dry-run

# Regenerate the French catalogue after changing UI strings (needs GNU gettext), then translate and commit.
messages: $(STAMP)
	cd ssrhub && ../$(BIN)/ssrhub makemessages -l fr --no-location --no-obsolete
	cd ssrhub && ../$(BIN)/ssrhub compilemessages

clean:
	rm -rf $(VENV) var
