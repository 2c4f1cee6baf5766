#!/usr/bin/env python3
"""SQLite against PostgreSQL through FastCGI, with one and with two function hosts, in one run.

    engines.py [--duration 10s] [--warmup 3s] [--connections 64] [--orders 400] [--concurrency 16]
               [--shoppers 200] [--units 10] [--rounds 2] [--results bench/results.json]

For each database (SQLite; PostgreSQL, a throwaway cluster of scripts/test-postgres made durable
as cluster.py says) and each number of function hosts (1, 2; Tests/e2e/servers/hosts.py), a fresh
demo store is served by lighttpd with `shelf server-config lighttpd --fastcgi` (2 processes per
function per host) and measured three ways:

1. cart add: wrk posts `/fn/cart/add` for `--connections` connections for `--duration` after a
   `--warmup` run, cycling through 256 shoppers' cookies (wrk.lua); with two hosts, one wrk per
   host with half the connections, at the same time, and their requests added up;
2. checkout: `--orders` prepared shoppers press "Continue to payment", `--concurrency` at a time:
   orders placed per second and the latency of those POSTs;
3. the race: `--shoppers` shoppers press it at once for `--units` units (contention.py); its
   wall time from the release to the last answer.

Every answer is checked (303 for an add; an order placed for the checkout; exactly `--units`
orders and the rest told the item sold out for the race). The four configurations run `--rounds`
times, interleaved; the headline figures are the means of the rounds. They go under "engines" in
the results file, with every round and the ratios PostgreSQL / SQLite; its other keys are left as
they are.
"""
import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("SHELF_BIN", str(ROOT / ".build" / "release" / "shelf"))
sys.path.insert(0, str(ROOT / "Tests" / "e2e"))

import cluster  # noqa: E402
import contention  # noqa: E402
import shoppers  # noqa: E402
from conftest import shelf  # noqa: E402
from servers.browser import Browser  # noqa: E402
from servers.hosts import serve_hosts  # noqa: E402

ADD_SKU = "EVG-HLS-PIN-M"     # cart adds: the line reaches its maximum (10) and stays there
ORDER_SKU = "EVG-CSW-LIL-XL"  # checkout: stock enough for every order
POOL = 256
WRK_LUA = Path(__file__).resolve().parent / "wrk.lua"


def load1():
    return float(open("/proc/loadavg").read().split()[0])


def cookies(sites, count):
    """`count` shoppers with a cart, each as its Cookie header, shopper i made on host i mod N."""
    def one(index):
        browser = Browser(sites[index % len(sites)].base)
        assert browser.post("/fn/cart/add", {"sku": ADD_SKU, "quantity": "1"}, shoppers.ORIGIN).status == 303
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in browser.cookies)
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(count)))


def wrk(sites, pool, connections, duration, work):
    """One wrk per host at once, `connections` split between them: the figures of each."""
    processes = []
    for number, site in enumerate(sites):
        pool_file = work / f"pool-{number}.txt"
        pool_file.write_text("\n".join(pool[number::len(sites)]) + "\n")
        threads = 2 if len(sites) == 1 else 1
        env = {**os.environ, "WRK_PATH": "/fn/cart/add", "WRK_BODY": f"sku={ADD_SKU}&quantity=1",
               "WRK_ORIGIN": shoppers.BASE_URL, "WRK_POOL": str(pool_file), "WRK_THREADS": str(threads),
               "WRK_OUT": str(work / f"wrk-{number}.json")}
        command = ["wrk", f"-t{threads}", f"-c{connections // len(sites)}", f"-d{duration}", "-s", str(WRK_LUA),
                   site.base + "/fn/cart/add"]
        processes.append(subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
    for process in processes:
        _, error = process.communicate()
        if process.returncode != 0:
            raise SystemExit(f"wrk failed: {error}")
    return [json.loads((work / f"wrk-{number}.json").read_text()) for number in range(len(sites))]


def cart_adds(sites, args, work):
    pool = cookies(sites, POOL)
    wrk(sites, pool, args.connections, args.warmup, work)
    runs = wrk(sites, pool, args.connections, args.duration, work)
    for run in runs:
        failures = run["failures"] + sum(run["errors"].values())
        if failures:
            raise SystemExit(f"cart adds: {failures} answers were not 303 or failed: {run}")
    return {
        "requests_per_s": round(sum(run["requests"] / (run["duration_us"] / 1e6) for run in runs), 1),
        "p50_ms": round(max(run["latency_us"]["p50"] for run in runs) / 1000, 2),
        "p99_ms": round(max(run["latency_us"]["p99"] for run in runs) / 1000, 2),
        "per_host": runs,
    }


def checkouts(sites, args):
    prepared = shoppers.prepare_many(sites, ORDER_SKU, args.orders)
    answers, wall = shoppers.batch(prepared, args.concurrency)
    placed, sold_out, errors = shoppers.outcome(answers)
    if placed != args.orders:
        raise SystemExit(f"checkout: {placed} of {args.orders} orders placed ({sold_out} sold out, {errors} errors)")
    return {"orders": placed, "orders_per_s": round(placed / wall, 1), "wall_ms": round(wall * 1000, 1),
            "latency_ms": shoppers.latency_ms(answers)}


def measure(engine, hosts, args, postgres):
    """Serves a fresh store on `hosts` hosts of `engine` and measures it."""
    def prepare(store):
        shelf("stock", "set", contention.SKU, str(args.units), store=store)
        shelf("stock", "set", ORDER_SKU, str(args.orders * 10), store=store)

    with contextlib.ExitStack() as stack:
        database = stack.enter_context(cluster.database(postgres)) if engine == "postgresql" else None
        sites = stack.enter_context(serve_hosts(hosts, database, prepare=prepare))
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="shelf-engines-")))
        before = load1()
        print(f"==> {engine}, {hosts} host(s): cart adds", file=sys.stderr)
        adds = cart_adds(sites, args, work)
        print(f"==> {engine}, {hosts} host(s): {args.orders} checkouts, {args.concurrency} at a time", file=sys.stderr)
        placed = checkouts(sites, args)
        race = contention.run_race(sites, database, args.shoppers, args.units)
        if contention.race_is_wrong(race):
            raise SystemExit(f"the race went wrong on {engine}, {hosts} host(s): {race}")
        return {"cart_add": adds, "checkout": placed, "race": race,
                "loadavg_1min": {"before": before, "after": load1()}}


def mean(values):
    return round(sum(values) / len(values), 1 if max(values) >= 10 else 2)


def summary(rounds):
    """The headline figures of a configuration: the mean of its rounds, which are kept too."""
    return {
        "cart_add": {key: mean([r["cart_add"][key] for r in rounds]) for key in ("requests_per_s", "p50_ms", "p99_ms")},
        "checkout": {"orders_per_s": mean([r["checkout"]["orders_per_s"] for r in rounds]),
                     "latency_ms": {key: mean([r["checkout"]["latency_ms"][key] for r in rounds]) for key in ("p50", "p99")}},
        "race": {"wall_ms": mean([r["race"]["wall_ms"] for r in rounds])},
        "rounds": rounds,
    }


def ratios(figures):
    """PostgreSQL / SQLite of every headline figure, per number of hosts."""
    out = {}
    for hosts in ("1_host", "2_hosts"):
        sqlite, postgres = figures["sqlite"][hosts], figures["postgresql"][hosts]
        out[hosts] = {
            "cart_add_requests_per_s": round(postgres["cart_add"]["requests_per_s"] / sqlite["cart_add"]["requests_per_s"], 2),
            "cart_add_p99": round(postgres["cart_add"]["p99_ms"] / sqlite["cart_add"]["p99_ms"], 2),
            "checkout_orders_per_s": round(postgres["checkout"]["orders_per_s"] / sqlite["checkout"]["orders_per_s"], 2),
            "checkout_p99": round(postgres["checkout"]["latency_ms"]["p99"] / sqlite["checkout"]["latency_ms"]["p99"], 2),
            "race_wall_time": round(postgres["race"]["wall_ms"] / sqlite["race"]["wall_ms"], 2),
        }
    return out


def table(figures, factors):
    print("\nSQLite against PostgreSQL through lighttpd + FastCGI (2 processes per function per host)")
    print(f"{'':24}{'cart add/s':>12}{'p99 ms':>9}{'orders/s':>10}{'p99 ms':>9}{'race ms':>9}")
    for engine in ("sqlite", "postgresql"):
        for hosts in ("1_host", "2_hosts"):
            f = figures[engine][hosts]
            print(f"{engine + ', ' + hosts.replace('_', ' '):24}{f['cart_add']['requests_per_s']:>12}"
                  f"{f['cart_add']['p99_ms']:>9}{f['checkout']['orders_per_s']:>10}{f['checkout']['latency_ms']['p99']:>9}"
                  f"{f['race']['wall_ms']:>9}")
    for hosts, r in factors.items():
        print(f"PostgreSQL / SQLite, {hosts.replace('_', ' ')}: " + ", ".join(f"{k} {v}" for k, v in r.items()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--warmup", default="3s")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--orders", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--shoppers", type=int, default=200)
    parser.add_argument("--units", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--results", default=str(ROOT / "bench" / "results.json"))
    args = parser.parse_args()
    started = time.time()
    configurations = [(engine, hosts) for hosts in (1, 2) for engine in ("sqlite", "postgresql")]
    rounds = {configuration: [] for configuration in configurations}
    with cluster.cluster() as postgres:
        version = cluster.psql(postgres, "SHOW server_version")
        # Interleaved, every other round in reverse order, so that a change of the machine's load
        # falls on both engines alike.
        for number in range(args.rounds):
            for engine, hosts in (configurations if number % 2 == 0 else configurations[::-1]):
                print(f"==> round {number + 1} of {args.rounds}", file=sys.stderr)
                rounds[(engine, hosts)].append(measure(engine, hosts, args, postgres))
    figures = {"sqlite": {}, "postgresql": {}}
    for (engine, hosts), measured in rounds.items():
        figures[engine]["1_host" if hosts == 1 else f"{hosts}_hosts"] = summary(measured)
    factors = ratios(figures)
    results_path = Path(args.results)
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    results["engines"] = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "setup": (f"demo store, lighttpd + FastCGI (shelf server-config lighttpd --fastcgi, 2 processes per function "
                  f"per host), release binaries ({os.environ['SHELF_BIN']}); cart add: wrk -c{args.connections} "
                  f"-d{args.duration} over {POOL} shoppers; checkout: {args.orders} orders, {args.concurrency} at a time; "
                  f"race: {args.shoppers} shoppers for {args.units} units; mean of {args.rounds} rounds; PostgreSQL {version} on a Unix socket of the "
                  "same machine, fsync on, synchronous_commit off; SQLite WAL, synchronous NORMAL; all on one machine"),
        "command": "python3 bench/checkout/engines.py " + " ".join(sys.argv[1:]),
        "machine": {"nproc": os.cpu_count(), "commit": commit},
        "minutes": round((time.time() - started) / 60, 1),
        **figures,
        "ratios_postgresql_over_sqlite": factors,
    }
    results_path.write_text(json.dumps(results, indent=2) + "\n")
    table(figures, factors)


if __name__ == "__main__":
    main()
