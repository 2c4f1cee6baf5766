#!/usr/bin/env python3
"""The analytics report with a million events and a year of rollups (bench/analytics).

Makes a store (`shelf new`, `shelf migrate`), writes into its analytics file
data/shelf-analytics.sqlite one year of daily rollups (365 days of the metrics a rollup writes)
and 1,000,000 raw events spread over the last 30 days (20,000 visitors, page views, cart adds,
checkouts, payments, searches), then times:

- `shelf analytics rollup` over all of them (the first rollup: 30 days to count), then again
  after 10,000 new events of today (what the hourly timer does);
- `shelf analytics report --format json` for the last 30 days, the process included: what the
  dashboard reads (the same `Store.analyticsReport`), with today's 10,000 events not yet rolled
  up, so counted from the raw rows; then the report of the 30 days before (rollups only), which
  the dashboard reads beside it for the comparison. `dashboard_reads_both_ms` is the sum.

Each command runs RUNS times (default 5); wall and CPU (user + system of the child) medians are
printed, with the load average, and written under the "analytics" key of bench/results.json
("dashboard"). Environment: SHELF_BIN (default .build/release/shelf), RUNS, BENCH_RESULTS.
"""
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHELF = os.environ.get("SHELF_BIN", str(ROOT / ".build" / "release" / "shelf"))
RUNS = int(os.environ.get("RUNS", "5"))
RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results.json"))
DAY = 86_400
EVENTS, VISITORS, DAYS_OF_EVENTS, DAYS_OF_ROLLUPS = 1_000_000, 20_000, 30, 365
PAGES = [f"/products/product-{n}/" for n in range(400)] + ["/", "/collections/all/", "/about/"]


def shelf(store, *arguments):
    subprocess.run([SHELF, *arguments, "--store", str(store)], check=True, capture_output=True)


def timed(store, *arguments):
    """(wall seconds, CPU seconds of the child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    shelf(store, *arguments)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def events(today, count, days, rng):
    kinds = ["page_view"] * 80 + ["cart_add"] * 8 + ["checkout_start"] * 4 + ["paid"] * 2 + ["search"] * 6
    for _ in range(count):
        day = today - rng.randrange(days)
        kind = rng.choice(kinds)
        path = rng.choice(PAGES) if kind == "page_view" else ""
        product = path.split("/")[2] if path.startswith("/products/") else ""
        amount = rng.randrange(1000, 30000) if kind == "paid" else (rng.randrange(0, 5) if kind == "search" else 0)
        yield (day * DAY + rng.randrange(DAY), day, f"{rng.randrange(VISITORS):032x}", kind, path, product,
               rng.choice(["", "", "news.example", "search.example"]), "", "", rng.choice(["", "", "spring"]), "desktop",
               "linen" if kind == "search" else "", amount)


def fill(path, today):
    rng = random.Random(16)
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO analytics_events (at, day, visitor, kind, path, product, referrer, utm_source, utm_medium,"
            " utm_campaign, screen, detail, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            events(today - 1, EVENTS, DAYS_OF_EVENTS, rng))
        rows = []
        for day in range(today - DAYS_OF_ROLLUPS, today - DAYS_OF_EVENTS):
            for kind in ["page_view", "cart_add", "checkout_start", "paid", "search"]:
                rows.append((day, "kind", kind, 3000, 700, 90000 if kind == "paid" else 0))
            rows += [(day, "page", page, 10, 5, 0) for page in PAGES[:200]]
            rows += [(day, "funnel", step, 700, 700, 0) for step in ["visit", "product", "cart", "checkout", "paid"]]
        db.executemany("INSERT INTO analytics_daily (day, metric, value, events, visitors, amount) VALUES (?, ?, ?, ?, ?, ?)", rows)


def median(samples):
    return {"wall_ms": round(statistics.median(s[0] for s in samples) * 1000, 1),
            "cpu_ms": round(statistics.median(s[1] for s in samples) * 1000, 1)}


def day_string(day):
    return time.strftime("%Y-%m-%d", time.gmtime(day * DAY))


def main():
    today = int(time.time()) // DAY
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store"
        subprocess.run([SHELF, "new", str(store)], check=True, capture_output=True)
        shelf(store, "migrate")
        analytics = store / "data" / "shelf-analytics.sqlite"
        fill(analytics, today)
        first = timed(store, "analytics", "rollup")
        rng = random.Random(17)
        with sqlite3.connect(analytics) as db:
            db.executemany(
                "INSERT INTO analytics_events (at, day, visitor, kind, path, product, referrer, utm_source, utm_medium,"
                " utm_campaign, screen, detail, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                events(today, 10_000, 1, rng))
        report = [timed(store, "analytics", "report", "--format", "json") for _ in range(RUNS)]
        # The dashboard also reads the 30 days before, beside the range: rollups only.
        before = [day_string(today - 59), day_string(today - 30)]
        previous = [timed(store, "analytics", "report", "--format", "json", "--from", before[0], "--to", before[1])
                    for _ in range(RUNS)]
        hourly = timed(store, "analytics", "rollup")
    load = os.getloadavg()[0]
    result = {
        "date": time.strftime("%Y-%m-%d"), "load_average": round(load, 2), "shelf": SHELF,
        "events": EVENTS, "rollup_days": DAYS_OF_ROLLUPS,
        "first_rollup": {"wall_ms": round(first[0] * 1000, 1), "cpu_ms": round(first[1] * 1000, 1)},
        "report_30_days_with_today_unrolled": median(report),
        "report_of_the_30_days_before": median(previous),
        "dashboard_reads_both_ms": round(median(report)["wall_ms"] + median(previous)["wall_ms"], 1),
        "hourly_rollup": {"wall_ms": round(hourly[0] * 1000, 1), "cpu_ms": round(hourly[1] * 1000, 1)},
        "target_report_ms": 200,
    }
    print(json.dumps(result, indent=2))
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results.setdefault("analytics", {})["dashboard"] = result
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
