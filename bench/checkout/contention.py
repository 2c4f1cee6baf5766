#!/usr/bin/env python3
"""Checkout contention: many shoppers through lighttpd and FastCGI racing for a few units.

    contention.py [--shoppers 200] [--units 10] [--database sqlite|postgresql] [--hosts 1]
                  [--results bench/results.json]

Builds a fresh demo store with the release `shelf` (SHELF_BIN, default .build/release/shelf),
serves it with `shelf server-config lighttpd --fastcgi` exactly as the end-to-end tests do, sets
one SKU to `--units`, prepares every shopper (cart, address, shipping: plain HTTP through
lighttpd), then releases all their "Continue to payment" POSTs at once. Reports oversells (orders
placed beyond the units: must be 0), the shoppers told the item sold out, errors (any other answer,
5xx included), the latency of those POSTs and the race's wall time; writes them under
"checkout_contention" in the results file, leaving its other keys as they are.

With `--hosts N` the shoppers are split across N lighttpd servers (Tests/e2e/servers/hosts.py):
on PostgreSQL (`--database postgresql`, a throwaway cluster of scripts/test-postgres) each has
its own copy of the store folder; on SQLite they share the folder and its database file. Those
runs write "checkout_contention_DATABASE_Nhosts" instead.
"""
import argparse
import contextlib
import json
import os
import sqlite3
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("SHELF_BIN", str(ROOT / ".build" / "release" / "shelf"))
sys.path.insert(0, str(ROOT / "Tests" / "e2e"))

import cluster  # noqa: E402
import shoppers  # noqa: E402
from conftest import shelf  # noqa: E402
from servers.hosts import serve_hosts  # noqa: E402

SKU = "LDN-BWC-CAM-L"


def stock_after(sites, database):
    """(on_hand, reserved, allocated) of SKU and the number of orders, from the shared database."""
    if database:
        row = cluster.psql(database, f"SELECT on_hand, reserved, allocated, (SELECT COUNT(*) FROM orders) FROM stock WHERE sku = '{SKU}'")
        return tuple(int(value) for value in row.split("|"))
    with sqlite3.connect(sites[0].store / "data" / "shelf.sqlite") as db:
        on_hand, reserved, allocated = db.execute(
            "SELECT on_hand, reserved, allocated FROM stock WHERE sku = ?", (SKU,)).fetchone()
        return on_hand, reserved, allocated, db.execute("SELECT COUNT(*) FROM orders").fetchone()[0]


def run_race(sites, database, count, units):
    """Prepares `count` shoppers across `sites`, races them for the `units` there are, and
    returns the figures."""
    print(f"==> preparing {count} shoppers on {len(sites)} host(s)", file=sys.stderr)
    prepared = shoppers.prepare_many(sites, SKU, count)
    print(f"==> {count} shoppers press 'Continue to payment' at once for {units} units", file=sys.stderr)
    answers, wall = shoppers.race(prepared)
    placed, sold_out, errors = shoppers.outcome(answers)
    on_hand, reserved, allocated, orders = stock_after(sites, database)
    return {
        "shoppers": count, "units": units, "hosts": len(sites), "orders_placed": placed, "orders_in_database": orders,
        "told_sold_out": sold_out, "errors": errors, "oversells": max(0, placed - units),
        "stock_after": {"on_hand": on_hand, "reserved": reserved, "allocated": allocated},
        "wall_ms": round(wall * 1000, 1), "latency_ms": shoppers.latency_ms(answers),
    }


def race_is_wrong(figures):
    stock = figures["stock_after"]
    return bool(figures["oversells"] or figures["errors"] or stock["reserved"] + stock["allocated"] > stock["on_hand"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shoppers", type=int, default=200)
    parser.add_argument("--units", type=int, default=10)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--hosts", type=int, default=1)
    parser.add_argument("--results", default=str(ROOT / "bench" / "results.json"))
    args = parser.parse_args()

    def prepare(store):
        shelf("stock", "set", SKU, str(args.units), store=store)

    with contextlib.ExitStack() as stack:
        database = None
        if args.database == "postgresql":
            database = stack.enter_context(cluster.database(stack.enter_context(cluster.cluster())))
        sites = stack.enter_context(serve_hosts(args.hosts, database, prepare=prepare))
        figures = run_race(sites, database, args.shoppers, args.units)

    engine = "PostgreSQL (a throwaway cluster on a Unix socket)" if database else "SQLite"
    figures = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "setup": f"{args.shoppers} shoppers, {args.units} units of {SKU}, {args.hosts} lighttpd + FastCGI host(s) "
                 f"(shelf server-config lighttpd --fastcgi), {engine}, test payment provider, demo store",
        **figures,
        "loadavg_1min_after": float(open("/proc/loadavg").read().split()[0]),
    }
    key = "checkout_contention" if (args.database, args.hosts) == ("sqlite", 1) else \
        f"checkout_contention_{args.database}_{args.hosts}hosts"
    results_path = Path(args.results)
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    results[key] = figures
    results_path.write_text(json.dumps(results, indent=2) + "\n")
    stock = figures["stock_after"]
    print(f"\nCheckout contention: {args.shoppers} shoppers for {args.units} units ({engine}, {args.hosts} host(s))")
    print(f"  orders placed      {figures['orders_placed']} (oversells: {figures['oversells']}, must be 0)")
    print(f"  told sold out      {figures['told_sold_out']}")
    print(f"  errors             {figures['errors']}")
    print(f"  stock afterwards   on hand {stock['on_hand']}, reserved {stock['reserved']}, allocated {stock['allocated']}")
    print(f"  wall time          {figures['wall_ms']} ms")
    print(f"  latency            p50 {figures['latency_ms']['p50']} ms, p99 {figures['latency_ms']['p99']} ms")
    if race_is_wrong(figures):
        sys.exit(1)


if __name__ == "__main__":
    main()
