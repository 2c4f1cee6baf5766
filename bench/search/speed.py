#!/usr/bin/env python3
"""The search speed benchmark: the search function through lighttpd FastCGI on big catalogues.

    python3 bench/search/speed.py [--products 10000 50000] [--runs 3] [--duration 5s]

For each catalogue size: bench/gen.py writes the store (bench/work/search-N, reused while its
stamp matches), the release `shelf` migrates and builds it with SHELF_TIMINGS=1 (the full
build's time and its "Sync catalogue" step, which syncs the catalogue and writes the search
index), imports the stock and measures the search tables' bytes (SQLite's dbstat). lighttpd then
serves the store with the configuration of bench/lib/lighttpd-config (`shelf server-config
lighttpd --fastcgi`, 2 processes per function): the first request of a new process (it reads the
whole catalogue), then, once both processes searched for a second, an incremental build after one
product's description gains a new word (the re-index of one edited product), the first request
after it (each running process catches up with the index version the build wrote) and a check
that the word is found. wrk then sends each kind of query below, its URLs round robin, over
`--connections` connections for `--duration` after a 1 s warm-up, `--runs` times; the figures are
the medians of the runs' p50 and p99 per kind, and of a run over all the URLs together.
Every answer must be a 200 (wrk.lua counts any other status and the run fails).

Results go under "search" in bench/results.json (other keys are kept), a table to stdout, raw
figures to bench/work/search-N/measure/. Needs wrk, lighttpd, swift (unless --skip-build).
"""

import argparse
import json
import os
import platform
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
RELEASE = ROOT / ".build" / "release"
SHELF = RELEASE / "shelf"
EDIT_HANDLE_INDEX = 5000

# kind: the URLs wrk sends round robin (all GET, all answer 200).
KINDS = {
    "broad word": ["/fn/search.json?q=wool", "/fn/search.json?q=cotton", "/fn/search.json?q=organic"],
    "narrow words": ["/fn/search.json?q=organic+cotton+tee", "/fn/search.json?q=waxed+anorak", "/fn/search.json?q=merino+cardigan"],
    "typo": ["/fn/search.json?q=cardigna", "/fn/search.json?q=anorka", "/fn/search.json?q=sweatshrit"],
    "prefix": ["/fn/search.json?q=card", "/fn/search.json?q=hood", "/fn/search.json?q=jack"],
    "empty query, facets": ["/fn/search.json?q="],
    "words + 2 facets + price": [
        "/fn/search.json?q=cotton&colour=Navy&size=M&min=20&max=80",
        "/fn/search.json?q=wool&category=women&colour=Forest&max=100",
    ],
    "sorted by price": ["/fn/search.json?q=jacket&sort=price-low-high", "/fn/search.json?sort=price-high-low"],
    "page 3": ["/fn/search.json?q=wool&page=3", "/fn/search.json?page=3"],
    "results page (HTML), empty query": ["/fn/search"],
}
TARGETS_P99_MS = {10000: 15, 50000: 40}


def say(text):
    print(f"\033[1m==> {text}\033[0m", file=sys.stderr, flush=True)


def die(text):
    sys.exit(f"bench/search/speed.py: error: {text}")


def run(command, log, env=None, timeout=3600):
    """Runs a command, its output to `log`; dies with the log's tail when it fails."""
    with open(log, "w") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, env=env, timeout=timeout)
    if done.returncode != 0:
        die(f"{' '.join(map(str, command))} failed:\n" + Path(log).read_text()[-3000:])
    return Path(log).read_text()


def timed(command, log, env=None):
    started = time.monotonic()
    output = run(command, log, env)
    return time.monotonic() - started, output


def step_seconds(output, step):
    """The time SHELF_TIMINGS=1 printed after a build step (`[3/6] Sync catalogue` then `0.123 s`)."""
    match = re.search(re.escape(step) + r"\s*\n\s*([0-9.]+) s", output)
    return float(match.group(1)) if match else None


def beside_seconds(output, label):
    """The time SHELF_TIMINGS=1 printed for work beside the steps (`(label: 0.123 s)`)."""
    match = re.search(r"\(" + re.escape(label) + r": ([0-9.]+) s\)", output)
    return float(match.group(1)) if match else None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(products, work, measure, reuse):
    """Generates, builds and stocks the store of `products` products; returns the build figures."""
    store = work / "shelf-store"
    stamp = work / "stamp.json"
    if not (stamp.exists() and json.loads(stamp.read_text()).get("products") == products and store.exists()):
        say(f"generating {products} products in {work}")
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        run([sys.executable, BENCH / "gen.py", "--products", str(products), "--out", work], work / "gen.log")
    measure.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SHELF_TIMINGS": "1"}
    built = measure / "build.json"
    if reuse and built.exists() and (store / "data" / "shelf.sqlite").exists():
        say(f"{products} products: reusing the store built before ({built})")
        return store, json.loads(built.read_text())
    shutil.rmtree(store / "themes", ignore_errors=True)
    shutil.copytree(ROOT / "themes", store / "themes")
    for folder in ("data", "site", ".shelf"):
        shutil.rmtree(store / folder, ignore_errors=True)
    run([SHELF, "migrate", "--store", store], measure / "migrate.log")
    say(f"{products} products: full build")
    full, output = timed([SHELF, "build", "--full", "--store", store], measure / "build-full.log", env)
    # The catalogue sync and search index run on their own thread beside the plan and the render;
    # the build prints their time on a line of its own (the step itself is the stock read).
    sync = beside_seconds(output, "Sync catalogue, beside the plan and the render") or step_seconds(output, "Sync catalogue")
    run([SHELF, "stock", "import", work / "stock.csv", "--store", store], measure / "stock-import.log")
    run([SHELF, "build", "--store", store], measure / "build-stock.log")
    run([SHELF, "secrets", "init", "--store", store], measure / "secrets.log")
    database = store / "data" / "shelf.sqlite"
    with sqlite3.connect(database) as db:
        tables = dict(db.execute(
            "SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%' GROUP BY name"))
    total_bytes = database.stat().st_size
    figures = {
        "full_build_s": round(full, 3),
        "sync_catalogue_step_s": sync,
        "database_bytes": total_bytes,
        "search_table_bytes": tables,
        "search_bytes_total": sum(tables.values()),
    }
    built.write_text(json.dumps(figures, indent=2) + "\n")
    return store, figures


def edit_one_product(store, products, measure):
    """Appends a new word to one product's description and builds; returns the word, the file,
    its text before and the build's time."""
    say(f"{products} products: one product edited, incremental build")
    edited = sorted((store / "content" / "products").glob("*.md"))[min(EDIT_HANDLE_INDEX, products) - 1]
    original = edited.read_text()
    word = f"zyxbench{int(time.time())}"
    edited.write_text(original.rstrip("\n") + f"\n\nA new word: {word}.\n")
    incremental, _ = timed([SHELF, "build", "--store", store], measure / "build-edit.log")
    return word, edited, original, round(incremental, 3)


def serve(store, run_dir, measure):
    """Starts lighttpd on the store; returns (process, base URL)."""
    port = free_port()
    run_dir.mkdir(parents=True, exist_ok=True)
    config = run_dir / "lighttpd.conf"
    run([BENCH / "lib" / "lighttpd-config", SHELF, store, str(port), RELEASE, run_dir, "2", config], measure / "server-config.log")
    shutil.copy(config, measure / "lighttpd.conf")
    server = subprocess.Popen(["lighttpd", "-D", "-f", config], stdout=open(measure / "lighttpd.log", "w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            started = time.monotonic()
            urllib.request.urlopen(base + "/fn/search.json?q=wool", timeout=30).read()
            return server, base, round((time.monotonic() - started) * 1000, 1)
        except OSError:
            if server.poll() is not None:
                die("lighttpd exited: " + (measure / "lighttpd.log").read_text())
            time.sleep(0.2)
    server.terminate()
    die("lighttpd did not answer /fn/search.json")


def search_processes(server):
    """The search function's processes under lighttpd: {pid: (CPU seconds, RSS bytes)}."""
    processes = {}
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = status.read_text()
        except OSError:
            continue
        name, fields = text.split("(", 1)[1].rsplit(")", 1)[0], text.rsplit(")", 1)[1].split()
        processes[int(status.parent.name)] = (name, int(fields[1]), fields)
    ticks, page = os.sysconf("SC_CLK_TCK"), os.sysconf("SC_PAGE_SIZE")
    found = {}
    for pid, (name, parent, fields) in processes.items():
        while parent not in (0, 1, server.pid) and parent in processes:
            parent = processes[parent][1]
        if name == "search" and parent == server.pid:
            found[pid] = ((int(fields[11]) + int(fields[12])) / ticks, int(fields[21]) * page)
    return found


def cpu_seconds(server):
    return sum(cpu for cpu, _ in search_processes(server).values())


def wrk(base, urls, duration, connections, out):
    paths = out.with_suffix(".paths")
    paths.write_text("\n".join(urls) + "\n")
    env = {**os.environ, "WRK_PATHS": str(paths), "WRK_OUT": str(out)}
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration}", "--latency", "-s", str(BENCH / "search" / "wrk.lua"), base]
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True, timeout=600)
    figures = json.loads(out.read_text())
    errors = figures["errors"]
    if any(errors.values()):
        die(f"{urls[0]}…: wrk counted errors {errors}")
    return figures


def measure_queries(base, runs, duration, connections, measure, server):
    kinds = {**KINDS, "overall": [url for urls in KINDS.values() for url in urls]}
    for urls in kinds.values():  # every URL answers 200 before anything is timed
        for url in urls:
            with urllib.request.urlopen(base + url, timeout=60) as answer:
                if answer.status != 200:
                    die(f"{url} answered {answer.status}")
    figures = {kind: [] for kind in kinds}
    for round_ in range(runs):
        for kind, urls in kinds.items():
            wrk(base, urls, "1s", connections, measure / "warmup.json")
            before = cpu_seconds(server)
            figures[kind].append(wrk(base, urls, duration, connections, measure / f"wrk-{round_}-{re.sub(r'[^a-z0-9]+', '-', kind)}.json"))
            figures[kind][-1]["search_cpu_s"] = cpu_seconds(server) - before
    summary = {}
    for kind, results in figures.items():
        summary[kind] = {
            "urls": kinds[kind] if kind != "overall" else "every URL above",
            "p50_ms": statistics.median(r["latency_us"]["p50"] for r in results) / 1000,
            "p99_ms": statistics.median(r["latency_us"]["p99"] for r in results) / 1000,
            "requests_per_s": round(statistics.median(r["requests"] / (r["duration_us"] / 1e6) for r in results), 1),
            # CPU time of the search processes per request (clock ticks of 10 ms, summed over the run).
            "cpu_ms_per_request": round(statistics.median(1000 * r["search_cpu_s"] / max(1, r["requests"]) for r in results), 2),
            "runs": [{"p50_ms": r["latency_us"]["p50"] / 1000, "p99_ms": r["latency_us"]["p99"] / 1000, "requests": r["requests"]} for r in results],
        }
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, nargs="+", default=[10000, 50000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", default="5s")
    parser.add_argument("--connections", type=int, default=2, help="wrk connections (default: 2, one per FastCGI process)")
    parser.add_argument("--skip-build", action="store_true", help="use the binaries already in .build/release")
    parser.add_argument("--results", type=Path, default=BENCH / "results.json")
    parser.add_argument("--reuse-store", action="store_true",
                        help="keep a store this benchmark built before (and its build figures) instead of building it again")
    args = parser.parse_args()
    for tool in ("wrk", "lighttpd"):
        if not shutil.which(tool):
            die(f"{tool} is not installed (Debian: apt-get install {tool})")
    # lighttpd's configuration names every function, so every function's binary must exist.
    products = ["shelf"] + sorted(folder.name for folder in (ROOT / "functions").iterdir() if (folder / "main.swift").exists())
    if not args.skip_build:
        say("swift build -c release --static-swift-stdlib (shelf and every function)")
        (BENCH / "work").mkdir(exist_ok=True)
        for product in products:
            subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product], cwd=ROOT, check=True,
                           stdout=open(BENCH / "work" / f"search-swift-build-{product}.log", "w"), stderr=subprocess.STDOUT)
    for binary in products:
        if not (RELEASE / binary).exists():
            die(f"{RELEASE / binary} does not exist: build it, or run without --skip-build")

    results = {
        "command": "python3 bench/search/speed.py " + " ".join(sys.argv[1:]),
        "setup": (f"release build (--static-swift-stdlib); lighttpd with `shelf server-config lighttpd --fastcgi`, 2 search "
                  f"processes; wrk -t1 -c{args.connections}, {args.duration} per kind after 1 s, {args.runs} runs, medians; "
                  "SQLite in WAL"),
        "machine": {"nproc": os.cpu_count(), "kernel": platform.release(), "load_at_start": os.getloadavg()[0]},
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip(),
        "catalogues": {},
    }
    for products in args.products:
        work = BENCH / "work" / f"search-{products}"
        measure = work / "measure"
        store, build = prepare(products, work, measure, args.reuse_store)
        server, base, build["first_request_cold_ms"] = serve(store, work / "run", measure)
        cold_cpu = {pid: cpu for pid, (cpu, _) in search_processes(server).items()}
        edited, original = None, None
        try:
            # Both processes hold the catalogue; a one-product build moves the index version under them.
            wrk(base, ["/fn/search.json?q=wool"], "1s", args.connections, measure / "warmup-before-edit.json")
            word, edited, original, build["incremental_one_product_edited_s"] = edit_one_product(store, products, measure)
            before_cpu = cpu_seconds(server)
            started = time.monotonic()
            with urllib.request.urlopen(f"{base}/fn/search.json?q=wool", timeout=60) as answer:
                answer.read()
            build["first_request_after_build_ms"] = first_ms = round((time.monotonic() - started) * 1000, 1)
            build["cpu_s_of_first_request_after_build"] = round(cpu_seconds(server) - before_cpu, 2)
            build["load_at_first_request_after_build"] = os.getloadavg()[0]
            with urllib.request.urlopen(f"{base}/fn/search.json?q={word}", timeout=60) as answer:
                found = json.loads(answer.read())["total"]
            if found != 1:
                die(f"the edited product's new word {word} finds {found} products after the incremental build, not 1")
            say(f"{products} products: {len(KINDS)} kinds of query, {args.runs} runs of {args.duration} (load {os.getloadavg()[0]:.2f})")
            queries = measure_queries(base, args.runs, args.duration, args.connections, measure, server)
            processes = search_processes(server)
            memory = {"rss_mb_after_benchmark": sorted(round(rss / 1e6, 1) for _, rss in processes.values()),
                      "cpu_s_of_cold_first_request": max(cold_cpu.values(), default=None)}
        finally:
            server.terminate()
            server.wait(timeout=30)
            if edited:
                edited.write_text(original)
        target = TARGETS_P99_MS.get(products)
        results["catalogues"][str(products)] = {
            "build": build, "queries": queries, "search_processes": memory, "target_p99_ms": target,
            "meets_target": None if target is None else all(q["p99_ms"] < target for q in queries.values()),
            "load_at_end": os.getloadavg()[0],
        }
        print(f"\n{products} products: full build {build['full_build_s']} s (Sync catalogue step {build['sync_catalogue_step_s']} s), "
              f"search tables {build['search_bytes_total'] / 1e6:.1f} MB of {build['database_bytes'] / 1e6:.1f} MB, "
              f"one product edited {build['incremental_one_product_edited_s']} s, first request after it {first_ms} ms "
              f"({build['cpu_s_of_first_request_after_build']} s CPU; a new process's first {build['first_request_cold_ms']} ms), "
              f"search processes {memory}")
        print(f"{'kind':40} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'CPU ms':>8}")
        for kind, figures in queries.items():
            print(f"{kind:40} {figures['p50_ms']:8.2f} {figures['p99_ms']:8.2f} {figures['requests_per_s']:8.1f} "
                  f"{figures['cpu_ms_per_request']:8.2f}")

    everything = json.loads(args.results.read_text()) if args.results.exists() else {}
    everything["search"] = results
    args.results.write_text(json.dumps(everything, indent=2) + "\n")
    say(f"results under \"search\" in {args.results}")


if __name__ == "__main__":
    main()
