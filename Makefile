# The two commands: `make run` and `make test`. Everything else serves them.
SHELL := /bin/bash
PY := .venv/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_CONCURRENCY ?= 2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run serve dev test test-sqlite test-postgres test-e2e test-scaleout lint fmt install install-dev system-test-deps bench bench-site bench-lighthouse clean messages

.venv/bin/python:
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip

.venv/.installed: .venv/bin/python requirements.txt
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

.venv/.installed-dev: .venv/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: .venv/.installed
install-dev: .venv/.installed-dev

## make run: install, migrate, load the demo data once, collect static files, serve with gunicorn + the task worker.
run: export DJANGO_SETTINGS_MODULE = expoo.settings.production
run: export EXPOO_HTTPS = false
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) schedule_reminders
	$(MANAGE) schedule_privacy_purge
	$(MANAGE) rebuild_search_index
	$(MANAGE) optimize_db
	$(MANAGE) store_practice_bodies --background
	$(MANAGE) store_publication_bodies --background
	$(MANAGE) collectstatic --noinput --verbosity 0
	HOST=$(HOST) PORT=$(PORT) WEB_CONCURRENCY=$(WEB_CONCURRENCY) scripts/run.sh

## make serve: production: migrate, collect static files, then WEB_CONCURRENCY gunicorn workers on HOST:PORT
## (deploy/gunicorn.conf.py). No demo data and no task worker: run `manage.py db_worker` beside it (README).
serve: export DJANGO_SETTINGS_MODULE = expoo.settings.production
serve: install
	$(MANAGE) migrate --noinput
	$(MANAGE) optimize_db
	$(MANAGE) store_practice_bodies --background
	$(MANAGE) store_publication_bodies --background
	$(MANAGE) collectstatic --noinput --verbosity 0
	HOST=$(HOST) PORT=$(PORT) WEB_CONCURRENCY=$(WEB_CONCURRENCY) exec .venv/bin/gunicorn expoo.wsgi:application --config deploy/gunicorn.conf.py

## make dev: Django's autoreloading server (DEBUG on) and the worker.
dev: export DJANGO_SETTINGS_MODULE = expoo.settings.dev
dev: install-dev
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) schedule_reminders
	$(MANAGE) schedule_privacy_purge
	$(MANAGE) rebuild_search_index
	DEV=1 HOST=$(HOST) PORT=$(PORT) scripts/run.sh

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

system-test-deps:
	scripts/install_test_deps.sh

## make test: everything: lint, migrations check, the suite on SQLite (browser tests included), then on PostgreSQL,
## then the scale-out part against PostgreSQL (with a replica alias), Redis and an S3 stand-in.
test: install-dev system-test-deps node_modules/.installed lint test-sqlite test-e2e test-postgres test-scaleout

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=expoo.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=expoo.settings.test $(MANAGE) check

# Tests marked `flushes` empty their database when they end (reference data included), so they run
# in a process and a database of their own, alongside the others (scripts/pytest_suite.sh).
test-sqlite:
	scripts/pytest_suite.sh

# On PostgreSQL the suite runs without the tests whose code takes the same path on either engine:
# response headers, escaping, translations, forms, rate limits (in the cache), e-mails, two-factor
# codes, admin screens and the demo's contents. Everything that queries, searches, counts queries,
# locks, constrains, dates, exports, erases or backs up runs on both; so does any new test file.
POSTGRES_SKIP = core/tests/test_security_headers.py core/tests/test_translations.py core/tests/test_components.py \
	core/tests/test_page_weight.py core/tests/test_errors.py core/tests/test_spreadsheets.py core/tests/test_warmup.py \
	core/tests/test_ratelimit.py core/tests/test_demo_dossiers.py core/tests/test_logging.py bench/tests notifications/tests \
	events/tests/test_demo.py events/tests/test_forms.py events/tests/test_ical.py events/tests/test_admin.py \
	events/tests/test_proposal_rate_limit.py toolbox/tests/test_demo.py toolbox/tests/test_admin.py toolbox/tests/test_models.py \
	practices/tests/test_xss.py practices/tests/test_template.py practices/tests/test_registration_rate_limit.py \
	dossiers/tests/test_blocks.py dossiers/tests/test_admin.py pages/tests/test_contact_rate_limit.py \
	organisations/tests/test_admin.py accounts/tests/test_rate_limits.py accounts/tests/test_two_factor.py \
	accounts/tests/test_security_log.py

test-postgres:
	scripts/with_postgres.sh scripts/pytest_suite.sh $(addprefix --ignore=,$(POSTGRES_SKIP))

## The browser journeys in two processes, a file per process (--dist loadfile keeps module-scoped logins together).
test-e2e:
	.venv/bin/pytest -m e2e -n 2 --dist loadfile -p no:cacheprovider

# Caches, sessions, freshness, health, backup, durability and scale-out tests, with every service started here.
SCALEOUT_TESTS = practices/tests/test_freshness.py toolbox/tests/test_freshness.py core/tests/test_versions.py \
	$(wildcard accounts/tests/test_sessions.py) core/tests/test_health.py core/tests/test_backup.py \
	core/tests/test_durability.py core/tests/test_logging.py core/tests/test_scaleout.py

test-scaleout:
	scripts/with_postgres.sh scripts/with_redis.sh scripts/with_s3.sh \
	  bash -c 'export DATABASE_REPLICA_URL="$$DATABASE_URL"; scripts/pytest_suite.sh $(SCALEOUT_TESTS)'

fmt:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

## make messages: refresh the translation catalogues after changing interface texts.
messages:
	DJANGO_SETTINGS_MODULE=expoo.settings.dev $(MANAGE) makemessages -l nl_BE -l en --ignore=.venv --ignore=node_modules --ignore=var --ignore=e2e --ignore=bench --no-obsolete
	DJANGO_SETTINGS_MODULE=expoo.settings.dev $(MANAGE) compilemessages --ignore=.venv

## make bench: build large datasets and measure (see bench/README.md); prints figures and ratios.
bench: install-dev bench-lighthouse
	bench/run.sh

## make bench-lighthouse: Lighthouse with Debian's Chromium on five public pages of the demo site, served by the
## production stack (gunicorn), desktop and mobile; tables and reports in var/lighthouse/ (bench/lighthouse.py).
bench-lighthouse: install-dev system-test-deps node_modules/.installed
	.venv/bin/python -m bench.lighthouse --out var/lighthouse

## make bench-site: only the whole-site load (gunicorn + locust) on SQLite and PostgreSQL, data kept in var/;
## SITE_LOAD_SCALE=small for a quick run at 1,000 practices.
bench-site: install-dev
	bench/run.sh site

clean:
	rm -rf .venv node_modules var/static
