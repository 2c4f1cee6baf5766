#!/usr/bin/env python3
"""Checkout contention: many shoppers through lighttpd and FastCGI racing for a few units.

    contention.py [--shoppers 200] [--units 10] [--results bench/results.json]

Builds a fresh demo store with the release `shelf` (SHELF_BIN, default .build/release/shelf),
serves it with `shelf server-config lighttpd --fastcgi` exactly as the end-to-end tests do, sets
one SKU to `--units`, prepares every shopper (cart, address, shipping: plain HTTP through
lighttpd), then releases all their "Continue to payment" POSTs at once. Reports oversells (orders
placed beyond the units: must be 0), the shoppers told the item sold out, errors (any other answer,
5xx included), and the latency of those POSTs; writes them under "checkout_contention" in the
results file, leaving its other keys as they are.
"""
import argparse
import json
import os
import re
import sqlite3
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("SHELF_BIN", str(ROOT / ".build" / "release" / "shelf"))
sys.path.insert(0, str(ROOT / "Tests" / "e2e"))

from conftest import shelf  # noqa: E402
from servers.browser import Browser  # noqa: E402
from servers.launch import SERVERS, serve  # noqa: E402

BASE_URL = "https://shop.example.com"
SKU = "LDN-BWC-CAM-L"
ADDRESS = {"email": "bench@example.com", "name": "Bench Shopper", "street": "1 Main Street", "city": "Dublin",
           "postal_code": "D02 X285", "country": "IE"}


def prepared(site):
    """A shopper with one unit in the cart, an address and a method, and the checkout's token."""
    browser = Browser(site.base)
    origin = {"Origin": BASE_URL}
    assert browser.post("/fn/cart/add", {"sku": SKU, "quantity": "1"}, origin).status == 303
    token = re.search(r'name="_token" value="([^"]+)"', browser.get("/fn/checkout").text).group(1)
    assert browser.post("/fn/checkout/address", {**ADDRESS, "_token": token}, origin).status == 303
    assert browser.post("/fn/checkout/shipping", {"shipping": "standard", "_token": token}, origin).status == 303
    return browser, token


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shoppers", type=int, default=200)
    parser.add_argument("--units", type=int, default=10)
    parser.add_argument("--results", default=str(ROOT / "bench" / "results.json"))
    args = parser.parse_args()
    server = next(s for s in SERVERS if s.id == "lighttpd-fastcgi")

    def prepare(store):
        shelf("stock", "set", SKU, str(args.units), store=store)

    with serve(server, prepare=prepare) as site:
        print(f"==> preparing {args.shoppers} shoppers", file=sys.stderr)
        shoppers = [prepared(site) for _ in range(args.shoppers)]
        barrier = threading.Barrier(args.shoppers)
        answers = [None] * args.shoppers

        def pay(index):
            browser, token = shoppers[index]
            barrier.wait()
            started = time.perf_counter()
            try:
                answer = browser.post("/fn/checkout/payment", {"_token": token}, {"Origin": BASE_URL})
                answers[index] = (answer.status, answer.headers.get("Location", ""), time.perf_counter() - started)
            except OSError as error:
                answers[index] = (0, str(error), time.perf_counter() - started)

        print(f"==> {args.shoppers} shoppers press 'Continue to payment' at once for {args.units} units", file=sys.stderr)
        threads = [threading.Thread(target=pay, args=(i,)) for i in range(args.shoppers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with sqlite3.connect(site.store / "data" / "shelf.sqlite") as db:
            on_hand, reserved, allocated = db.execute(
                "SELECT on_hand, reserved, allocated FROM stock WHERE sku = ?", (SKU,)).fetchone()
            orders = db.execute("SELECT COUNT(*) FROM orders").fetchone()[0]

    placed = sum(1 for status, location, _ in answers if status == 303 and "/fn/checkout/test-pay" in location)
    sold_out = sum(1 for status, location, _ in answers if status == 303 and "notice=stock-changed" in location)
    errors = args.shoppers - placed - sold_out
    latencies = [seconds * 1000 for _, _, seconds in answers]
    figures = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "setup": f"{args.shoppers} shoppers, {args.units} units of {SKU}, lighttpd + FastCGI "
                 "(shelf server-config lighttpd --fastcgi), test payment provider, demo store",
        "shoppers": args.shoppers, "units": args.units, "orders_placed": placed, "orders_in_database": orders,
        "told_sold_out": sold_out, "errors": errors, "oversells": max(0, placed - args.units),
        "stock_after": {"on_hand": on_hand, "reserved": reserved, "allocated": allocated},
        "latency_ms": {"p50": round(percentile(latencies, 0.50), 1), "p99": round(percentile(latencies, 0.99), 1),
                       "max": round(max(latencies), 1)},
        "loadavg_1min_after": float(open("/proc/loadavg").read().split()[0]),
    }
    results_path = Path(args.results)
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    results["checkout_contention"] = figures
    results_path.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nCheckout contention: {args.shoppers} shoppers for {args.units} units (lighttpd + FastCGI)")
    print(f"  orders placed      {placed} (oversells: {figures['oversells']}, must be 0)")
    print(f"  told sold out      {sold_out}")
    print(f"  errors             {errors}")
    print(f"  stock afterwards   on hand {on_hand}, reserved {reserved}, allocated {allocated}")
    print(f"  latency            p50 {figures['latency_ms']['p50']} ms, p99 {figures['latency_ms']['p99']} ms")
    if figures["oversells"] or errors or reserved > on_hand:
        sys.exit(1)


if __name__ == "__main__":
    main()
