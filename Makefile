# Two commands: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
PORT ?= 5000
export PORT
STAMP := $(VENV)/.installed

.PHONY: run test install db lint format benchmark clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)
	$(FLASK) i18n compile

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Migrate (creates instance/consult.sqlite3 on first run) and seed the demo once.
db: install
	$(FLASK) db upgrade
	$(FLASK) seed-demo --if-empty

# The web app and one queue worker (imports, e-mail, digests), stopped together.
run: db
	@$(FLASK) queue worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

# Two pytest workers (pytest-xdist), each test file kept on one worker so that its module
# fixtures are made once; PYTEST_WORKERS=0 runs in this process (for pdb).
PYTEST_WORKERS ?= 2
test: install node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

benchmark: install
	$(BIN)/python benchmarks/tally.py
	$(BIN)/python benchmarks/register.py
	$(BIN)/python benchmarks/register_load.py
	$(BIN)/python benchmarks/proposals.py
	$(BIN)/python benchmarks/proposals_load.py
	$(BIN)/python benchmarks/poll_casting.py
	$(BIN)/python benchmarks/poll_publish.py

clean:
	rm -rf $(VENV) node_modules
