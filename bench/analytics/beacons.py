#!/usr/bin/env python3
"""The beacon through lighttpd FastCGI, and the cart with and without a flood of beacons.

On a copy of the demo store (migrated, built, stocked, with its secrets), lighttpd runs with the
configuration `shelf server-config lighttpd --fastcgi` writes (bench/lib/lighttpd-config, PROCS
processes per function) and wrk measures, one after the other in the same run:

1. a static file of the site (GET /robots.txt), the yardstick;
2. POST /fn/beacon with the page views beacon.lua sends: the site's paths, referrers, campaigns
   and widths in turn, each visitor (a User-Agent of its own: every connection comes from
   127.0.0.1, and REMOTE_ADDR cannot be set from a header, so the visitor hash differs by user
   agent only) sending 5 views, under the per-minute limit, so every beacon is written;
3. the cart alone: GET /fn/cart.json and POST /fn/cart/add (which also writes a cart_add event
   into the analytics file), CART_CONNECTIONS connections, one shopper's session cookie;
4. the same two cart runs while a second wrk floods the beacon with FLOOD_CONNECTIONS
   connections: the design's "a flood of beacons never slows checkout" as ratios of the cart's
   requests/s and p99 with and without the flood.

The events written are counted in data/shelf-analytics.sqlite against the 204s wrk saw. The
functions the benchmark never calls (checkout, account, search...) must still exist for lighttpd
to start: those missing from the functions folder are stood in for by the cart binary (idle).

Environment: SHELF_BIN, BEACON_BIN, CART_BIN (default .build/release/...), DURATION (10s),
CONNECTIONS (32, static and beacon runs), CART_CONNECTIONS (4), FLOOD_CONNECTIONS (32), PROCS (2),
BENCH_WORK (bench/work), BENCH_RESULTS (bench/results.json; key "analytics" → "beacon").
"""
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
RELEASE = ROOT / ".build" / "release"
SHELF = os.environ.get("SHELF_BIN", str(RELEASE / "shelf"))
BEACON = os.environ.get("BEACON_BIN", str(RELEASE / "beacon"))
CART = os.environ.get("CART_BIN", str(RELEASE / "cart"))
DURATION = os.environ.get("DURATION", "10s")
CONNECTIONS = int(os.environ.get("CONNECTIONS", "32"))
CART_CONNECTIONS = int(os.environ.get("CART_CONNECTIONS", "4"))
FLOOD_CONNECTIONS = int(os.environ.get("FLOOD_CONNECTIONS", "32"))
PROCS = int(os.environ.get("PROCS", "2"))
WORK = Path(os.environ.get("BENCH_WORK", BENCH / "work")) / "analytics-beacon"
RESULTS = Path(os.environ.get("BENCH_RESULTS", BENCH / "results.json"))
FUNCTIONS = ["cart", "checkout", "account", "search", "subscribe", "beacon", "reviews", "wishlist"]


def say(text):
    print(f"==> {text} (load {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)


def run(*command, **options):
    return subprocess.run([str(part) for part in command], check=True, capture_output=True, text=True, **options)


def prepare_store(store):
    shutil.rmtree(store, ignore_errors=True)
    store.mkdir(parents=True)
    for name in ["shelf.toml", "content", "static", "themes", "templates"]:
        if (ROOT / name).exists():
            (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, store / name)
    for step in [["migrate"], ["build", "--quiet"], ["stock", "import", ROOT / "demo" / "stock.csv"], ["secrets", "init"]]:
        run(SHELF, *step, "--store", store)
    # Open the analytics file once, as the owner the functions run as will own data/.
    run(SHELF, "analytics", "rollup", "--store", store)


def functions_folder(folder):
    """The functions lighttpd starts: the beacon and the cart measured, the cart binary standing
    in for the others, which are never called."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in FUNCTIONS:
        binary = {"beacon": BEACON, "cart": CART}.get(name, CART)
        (folder / name).symlink_to(Path(binary).resolve())
    return folder


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wrk(url, connections, script, out, env=None, duration=DURATION):
    environment = dict(os.environ, WRK_OUT=str(out), **(env or {}))
    threads = min(2, connections)
    return subprocess.Popen(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}", "--latency", "-s", str(script), url],
        env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def figures(out, load):
    data = json.loads(Path(out).read_text())
    seconds = data["duration_us"] / 1e6
    latency = data["latency_us"]
    return {"requests_per_s": round(data["requests"] / seconds, 1), "requests": data["requests"],
            "p50_ms": latency["p50"] / 1000, "p99_ms": latency["p99"] / 1000, "errors": data["errors"],
            "load_average": round(load, 2)}


def measured(url, connections, script, out, env=None):
    load = os.getloadavg()[0]
    wrk(url, connections, script, out, env).wait()
    return figures(out, load)


def main():
    for tool in ["wrk", "lighttpd"]:
        if not shutil.which(tool):
            sys.exit(f"bench/analytics/beacons.py: {tool} is not installed (Debian: apt-get install {tool})")
    for binary in [SHELF, BEACON, CART]:
        if not os.access(binary, os.X_OK):
            sys.exit(f"bench/analytics/beacons.py: {binary} does not exist: swift build -c release --product {Path(binary).name}")
    store, measure, run_folder = WORK / "store", WORK / "measure", WORK / "run"
    shutil.rmtree(measure, ignore_errors=True)
    measure.mkdir(parents=True)
    shutil.rmtree(run_folder, ignore_errors=True)
    run_folder.mkdir(parents=True)
    say(f"preparing the demo store in {store}")
    prepare_store(store)
    base_url = re.search(r'^base_url\s*=\s*"(.*)"', (store / "shelf.toml").read_text(), re.M).group(1)
    paths = sorted("/" + str(page.parent.relative_to(store / "site")).strip(".") + ("/" if page.parent != store / "site" else "")
                   for page in (store / "site").rglob("index.html"))
    paths = [path.replace("//", "/") for path in paths if not path.startswith("/fn")][:200]
    stock = (ROOT / "demo" / "stock.csv").read_text().splitlines()[1:]
    sku = sorted((line.split(",") for line in stock), key=lambda row: (-int(row[1]), row[0]))[0][0]

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    config = run_folder / "lighttpd.conf"
    run(BENCH / "lib" / "lighttpd-config", SHELF, store, port, functions_folder(WORK / "functions"), run_folder, PROCS, config)
    shutil.copy(config, measure / "lighttpd.conf")
    server = subprocess.Popen(["lighttpd", "-D", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/robots.txt")
                break
            except OSError:
                time.sleep(0.1)
        # Check each measured request once, and take the shopper's session cookie.
        check = run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-H", "Content-Type: text/plain",
                    "-H", "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                    "--data", '{"path":"/"}', url + "/fn/beacon").stdout
        assert check == "204", f"POST /fn/beacon answered {check}"
        added = run("curl", "-s", "-D", "-", "-o", "/dev/null", "-X", "POST", "-H", f"Origin: {base_url}",
                    "--data", f"sku={sku}&quantity=1", url + "/fn/cart/add").stdout
        cookie = re.search(r"^Set-Cookie: (shelf_session=[^;]*);", added, re.M | re.I).group(1)
        cart_env = {"WRK_COOKIE": cookie, "WRK_ORIGIN": base_url}
        add_env = dict(cart_env, WRK_METHOD="POST", WRK_BODY=f"sku={sku}&quantity=1")
        cart_script = BENCH / "functions" / "wrk.lua"
        beacon_script = BENCH / "analytics" / "beacon.lua"
        beacon_env = {"BEACON_PATHS": " ".join(paths)}

        result = {"date": time.strftime("%Y-%m-%d"), "duration": DURATION, "connections": CONNECTIONS,
                  "cart_connections": CART_CONNECTIONS, "flood_connections": FLOOD_CONNECTIONS, "fastcgi_procs": PROCS,
                  "binaries": {"beacon": BEACON, "cart": CART}, "wrk": subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("\n")[0][:40]}
        say("static file GET /robots.txt")
        result["static"] = measured(url + "/robots.txt", CONNECTIONS, cart_script, measure / "static.json")
        say("POST /fn/beacon")
        before = events(store)
        result["beacon"] = measured(url + "/fn/beacon", CONNECTIONS, beacon_script, measure / "beacon.json", beacon_env)
        result["beacon"]["events_written"] = events(store) - before
        say("cart alone")
        result["cart_json_alone"] = measured(url + "/fn/cart.json", CART_CONNECTIONS, cart_script, measure / "cart.json", cart_env)
        result["cart_add_alone"] = measured(url + "/fn/cart/add", CART_CONNECTIONS, cart_script, measure / "add.json", add_env)
        for name, path, env in [("cart_json", "/fn/cart.json", cart_env), ("cart_add", "/fn/cart/add", add_env)]:
            say(f"{name} under a beacon flood")
            seconds = int(DURATION.rstrip("s")) + 2
            flood = wrk(url + "/fn/beacon", FLOOD_CONNECTIONS, beacon_script, measure / f"flood-{name}.json", beacon_env,
                        duration=f"{seconds}s")
            time.sleep(1)
            result[f"{name}_in_flood"] = measured(url + path, CART_CONNECTIONS, cart_script, measure / f"{name}-flood.json", env)
            flood.wait()
            result[f"{name}_in_flood"]["flood_beacons_per_s"] = figures(measure / f"flood-{name}.json", 0)["requests_per_s"]
        result["ratios"] = {
            "beacon_vs_static_requests": round(result["beacon"]["requests_per_s"] / result["static"]["requests_per_s"], 3),
            "beacon_vs_static_p99": round(result["beacon"]["p99_ms"] / result["static"]["p99_ms"], 2),
        }
        for name in ["cart_json", "cart_add"]:
            alone, flooded = result[f"{name}_alone"], result[f"{name}_in_flood"]
            result["ratios"][f"{name}_requests_in_flood_vs_alone"] = round(flooded["requests_per_s"] / alone["requests_per_s"], 3)
            result["ratios"][f"{name}_p99_in_flood_vs_alone"] = round(flooded["p99_ms"] / alone["p99_ms"], 2)
    finally:
        server.terminate()
        server.wait()
    print(json.dumps(result, indent=2))
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results.setdefault("analytics", {})["beacon"] = result
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")


def events(store):
    with sqlite3.connect(store / "data" / "shelf-analytics.sqlite") as db:
        return db.execute("SELECT COUNT(*) FROM analytics_events").fetchone()[0]


if __name__ == "__main__":
    sys.exit(main())
