# Shelf — the two commands a newcomer needs are `make demo` and `make test`.
# Both install what is missing (as root; otherwise they print the command to run), build, and run.

SWIFT        ?= swift
SHELF        := .build/debug/shelf
HOST         ?= 127.0.0.1
PORT         ?= 8080
APT_PACKAGES := libcmark-dev libsqlite3-dev libpq-dev postgresql zlib1g-dev libdeflate-dev libcurl4-openssl-dev libsodium-dev pkg-config python3 python3-pip chromium zbar-tools librsvg2-bin
WEB_APT      := lighttpd lighttpd-mod-deflate nginx spawn-fcgi apache2 caddy
BENCH_APT    := hugo hyperfine time wrk curl valgrind libfcgi-dev
BENCH_PIP    := pagefind pagefind-bin
PIP_PACKAGES := pytest pyyaml playwright aiosmtpd axe-playwright-python psycopg psycopg-binary

.PHONY: demo test build deps web-deps bench-deps unit e2e lint format bench bench-functions bench-accounts bench-crypto bench-engines bench-relevance bench-search bench-newsletter bench-analytics clean

## demo: build the demo store in this folder and serve it at http://$(HOST):$(PORT)/
demo: deps build
	@if [ ! -f data/shelf.sqlite ]; then $(SHELF) migrate && $(SHELF) build --quiet && $(SHELF) stock import demo/stock.csv; fi
	@if [ ! -f data/secrets.toml ]; then $(SHELF) secrets init; fi
	$(SHELF) serve --host $(HOST) --port $(PORT)

## test: unit tests (Swift Testing) and the end-to-end suites (pytest against the real binary,
## and behind real lighttpd, nginx, Apache and Caddy started by Tests/e2e/test_web_servers.py)
test: deps web-deps build unit e2e

build:
	$(SWIFT) build

## unit: every suite on SQLite, then again on a throwaway PostgreSQL cluster (scripts/test-postgres:
## a temporary folder, a Unix socket, stopped and deleted after) every suite except these, which
## open no store at all: values, crypto, sessions, themes, passwords, payment providers, the HTTP
## layer and the web server configurations. A new suite runs on both unless it is added here.
NO_DATABASE_SUITES := ShelfCoreTests|ShelfCryptoTests|ShelfAuthTests|ShelfThemeTests|ShelfPasswordsTests|ShelfPaymentsTests|ShelfHTTPTests|ShelfDeployTests

unit:
	@cluster=$$(scripts/test-postgres start) && trap 'scripts/test-postgres stop "$$cluster"' EXIT && \
	export SHELF_TEST_POSTGRES_URL="$$(scripts/test-postgres url "$$cluster")" && \
	$(SWIFT) test && \
	echo "Again on PostgreSQL, all but: $(NO_DATABASE_SUITES)" && \
	SHELF_TEST_DATABASE=postgresql $(SWIFT) test --skip-build --skip '$(NO_DATABASE_SUITES)'

## e2e: the end-to-end suites on SQLite, then again with every store in a database of its own in
## a throwaway PostgreSQL cluster (Tests/e2e/store_db.py), but for test_postgres*.py, which are
## about PostgreSQL already
e2e: build
	SHELF_BIN=$(CURDIR)/$(SHELF) python3 -m pytest -q Tests/e2e
	@cluster=$$(scripts/test-postgres start) && trap 'scripts/test-postgres stop "$$cluster"' EXIT && \
	echo "Again on PostgreSQL" && \
	SHELF_TEST_DATABASE=postgresql SHELF_TEST_POSTGRES_URL="$$(scripts/test-postgres url "$$cluster")" \
	SHELF_BIN=$(CURDIR)/$(SHELF) python3 -m pytest -q Tests/e2e --ignore-glob='Tests/e2e/test_postgres*.py'

## deps: install the Debian and Python packages the build and the tests need
deps:
	@scripts/ensure-packages apt $(APT_PACKAGES)
	@scripts/ensure-packages pip $(PIP_PACKAGES)

## web-deps: the web servers the end-to-end tests start on their own ports. A policy-rc.d that
## refuses every start keeps their packaged services (which would all want port 80) stopped
## while they are installed, unless the machine already has a policy of its own.
web-deps:
	@policy=/usr/sbin/policy-rc.d; \
	if [ "$$(id -u)" -eq 0 ] && [ ! -e $$policy ]; then \
	  printf '#!/bin/sh\nexit 101\n' > $$policy && chmod 755 $$policy && trap 'rm -f '$$policy EXIT; \
	fi; \
	scripts/ensure-packages apt $(WEB_APT)

## bench-deps: Hugo, the timing tools and Pagefind; lighttpd (the functions benchmark) comes with web-deps
bench-deps: web-deps
	@scripts/ensure-packages apt $(BENCH_APT)
	@scripts/ensure-packages pip $(BENCH_PIP)

## lint: the committed .swift-format, strictly
lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests functions

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests functions

## bench: the benchmarks, each writing its part of bench/results.json: the build (10,000
## products, Shelf against Hugo), the functions (the cart as CGI against a bare executable,
## as FastCGI behind lighttpd against a static file), checkout contention (200 shoppers
## through lighttpd/FastCGI for 10 units), SQLite against PostgreSQL (cart adds, checkouts and
## that race on one and on two FastCGI hosts), logins (Argon2id through lighttpd/FastCGI beside a
## cart read, and as CGI), libsodium against the Swift SHA-256/HMAC of ShelfCrypto, search
## speed (10,000 and 50,000 products through lighttpd/FastCGI), and search beside Pagefind
## (index bytes, first-query bytes, top-5 hits on the labelled queries), and a newsletter to
## 100,000 subscribers (queueing, outbox bytes, delivery to an SMTP sink)
bench: deps bench-deps
	bench/run
	bench/functions/run
	python3 bench/checkout/contention.py
	python3 bench/checkout/engines.py
	bench/accounts/run
	bench/crypto/run
	python3 bench/search/speed.py
	python3 bench/search/pagefind.py
	python3 bench/newsletter/run.py

## bench-search: only the search speed benchmark
bench-search: deps bench-deps
	python3 bench/search/speed.py

## bench-relevance: only search beside Pagefind, on the demo store and the 10,000-product store
bench-relevance: deps bench-deps build
	python3 bench/search/pagefind.py

## bench-analytics: the analytics report and rollup with 1,000,000 events, beacons/s through lighttpd FastCGI and the cart during a beacon flood (release build)
bench-analytics: deps bench-deps
	swift build -c release --product shelf
	swift build -c release --product beacon
	swift build -c release --product cart
	python3 bench/analytics/dashboard.py
	python3 bench/analytics/beacons.py

## bench-newsletter: only `shelf newsletter send` to 100,000 subscribers and its delivery to an SMTP sink
bench-newsletter: deps bench-deps
	python3 bench/newsletter/run.py

## bench-accounts: only the login benchmark; bench-crypto: only the libsodium measurement
bench-accounts: deps bench-deps
	bench/accounts/run

bench-crypto: deps bench-deps
	bench/crypto/run

## bench-engines: only SQLite against PostgreSQL (a throwaway cluster, started and stopped by it)
bench-engines: deps bench-deps
	python3 bench/checkout/engines.py

## bench-functions: only the functions benchmark
bench-functions: deps bench-deps
	bench/functions/run

clean:
	rm -rf .build site data .shelf bench/work
