# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test unit integration e2e browser screenshots chromium lint bench migrate seed declare clean

# The browser tests drive Debian's Chromium (never a browser downloaded by Playwright)
CHROMIUM ?= /usr/bin/chromium
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## run: migrate, seed demo data, declare queues and start every service and the gateway
run: $(STAMP)
	@$(BIN)/python -m deploy.check_broker
	@$(BIN)/python -m deploy.migrate
	@$(BIN)/python -m deploy.declare_queues
	@$(BIN)/python -m deploy.seed
	@$(BIN)/python -m deploy.banner
	@exec $(BIN)/honcho start

## test: lint, the import contracts and every test (unit, integration, e2e, browser)
test: lint $(CHROMIUM)
	$(BIN)/pytest tests/unit tests/integration tests/e2e
	$(MAKE) --no-print-directory browser

## browser: the website in headless Chromium, in a pytest run of its own (no eventlet)
browser: $(STAMP) $(CHROMIUM)
	MULTITALENT_NO_MONKEY_PATCH=1 CHROMIUM=$(CHROMIUM) $(BIN)/pytest tests/browser

## screenshots: the browser tests, also refreshing the README's docs/screenshots/*.png
screenshots: $(STAMP) $(CHROMIUM)
	UPDATE_SCREENSHOTS=1 MULTITALENT_NO_MONKEY_PATCH=1 CHROMIUM=$(CHROMIUM) $(BIN)/pytest tests/browser

## chromium: install Debian's Chromium when it is missing
chromium: $(CHROMIUM)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium

unit: $(STAMP)
	$(BIN)/pytest tests/unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

migrate: $(STAMP)
	$(BIN)/python -m deploy.migrate

seed: $(STAMP)
	$(BIN)/python -m deploy.seed

declare: $(STAMP)
	$(BIN)/python -m deploy.declare_queues

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
