# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test unit integration e2e lint bench migrate seed declare clean

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

## test: lint, the import contracts and every test (unit, integration, e2e)
test: lint
	$(BIN)/pytest tests/unit tests/integration tests/e2e

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
