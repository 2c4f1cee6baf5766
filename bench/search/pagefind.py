#!/usr/bin/env python3
"""Shelf's search beside Pagefind, on the same built sites, in one run (`make bench-relevance`).

    bench/search/pagefind.py

For the demo store (content/ of this repository) and the generated benchmark store
(bench/gen.py, PRODUCTS products), each built by `shelf build`:

- Pagefind indexes the built site/ (`python3 -m pagefind --site site`, the `pagefind` and
  `pagefind-bin` packages from PyPI), as it would any static site, without annotations;
- index bytes: site/pagefind/ on disk against Shelf's search tables and their indexes in the
  SQLite database (dbstat);
- bytes a shopper downloads for a first query, measured in headless Chromium (Playwright) on
  `shelf serve`: Pagefind's /pagefind/ requests (pagefind.js, the wasm, the metadata, the index
  chunks and the fragments of the top 5 results), Shelf's search.json answer and its results page
  (the HTML only; the stylesheet and images are the site's, cached from the pages before);
- on the demo store, the labelled queries of relevance.toml: the rank of each expected product in
  Shelf's results (search.json) and in Pagefind's (its JS API in Chromium, result URLs mapped to
  product handles; results that are not product pages are skipped), and the hits in the top 5.

Pagefind compiles WebAssembly, which Shelf's Content-Security-Policy (`script-src 'self'`, on
every page and file) refuses: a store would have to add 'wasm-unsafe-eval' to run it. Here the
Pagefind side's browser gets every answer with that header left out (a Playwright route), so that
it can be measured at all; its bytes are counted from those answers (status line, headers and
body as served: Pagefind's files are compressed by Pagefind itself).

Results go under "search-relevance" in bench/results.json, the table to stdout.

Environment: SHELF_BIN (default .build/release/shelf, else .build/debug/shelf), PRODUCTS=10000
(0 skips the large store), KEEP_BUILT=1 (reuse the large store an earlier run built),
BENCH_WORK=bench/work/relevance, BENCH_RESULTS=bench/results.json, FIRST_QUERY="organic cotton".
"""

import contextlib
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import relevance

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
WORK = Path(os.environ.get("BENCH_WORK", BENCH / "work" / "relevance")).resolve()
RESULTS = Path(os.environ.get("BENCH_RESULTS", BENCH / "results.json"))
PRODUCTS = int(os.environ.get("PRODUCTS", "10000"))
FIRST_QUERY = os.environ.get("FIRST_QUERY", "organic cotton")
RELEASE = ROOT / ".build" / "release" / "shelf"
SHELF = os.environ.get("SHELF_BIN") or str(RELEASE if RELEASE.exists() else ROOT / ".build" / "debug" / "shelf")
PRODUCT_URL = re.compile(r"/products/([^/]+)/")


def say(message):
    print(f"\033[1m==> {message}\033[0m", file=sys.stderr, flush=True)


def shelf(store, *arguments):
    subprocess.run([SHELF, *arguments, "--store", str(store)], check=True, stdout=subprocess.DEVNULL)


def demo_store(target):
    """A fresh copy of the demo store, built and stocked as `make demo` does."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in ["shelf.toml", "content", "static", "themes", "demo"]:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, target / name)
    shelf(target, "migrate")
    shelf(target, "build", "--quiet")
    shelf(target, "stock", "import", str(target / "demo" / "stock.csv"))
    shelf(target, "build", "--quiet")
    shelf(target, "secrets", "init")
    return target


def generated_store(work, products):
    """The benchmark store bench/run builds (bench/gen.py), with this theme, built afresh
    (KEEP_BUILT=1 keeps one already built by an earlier run)."""
    store = work / "shelf-store"
    if os.environ.get("KEEP_BUILT") == "1" and (store / "site" / "index.html").exists():
        return store
    subprocess.run([sys.executable, str(BENCH / "gen.py"), "--products", str(products), "--out", str(work)], check=True)
    for name in ["data", "site", ".shelf"]:
        shutil.rmtree(store / name, ignore_errors=True)
    shutil.rmtree(store / "themes", ignore_errors=True)
    shutil.copytree(ROOT / "themes" / "default", store / "themes" / "default")
    shelf(store, "migrate")
    shelf(store, "build", "--quiet")
    shelf(store, "secrets", "init")
    return store


def folder_bytes(folder):
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def pagefind_index(site):
    """Runs Pagefind on a built site; its index bytes, files and pages."""
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    run = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], check=True, capture_output=True, text=True)
    pages = re.search(r"Indexed (\d+) pages?", run.stdout)
    files = [path for path in (site / "pagefind").rglob("*") if path.is_file()]
    return {"bytes": folder_bytes(site / "pagefind"), "files": len(files), "pages": int(pages.group(1)) if pages else None}


def shelf_index_bytes(store):
    """Bytes of Shelf's search tables (`search_*`: documents, postings, vocabulary, state) and their indexes."""
    with contextlib.closing(sqlite3.connect(store / "data" / "shelf.sqlite")) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_schema WHERE name LIKE 'search%'")}
        indexes = {name for (name,) in db.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name LIKE 'search%'")}
        autos = {name for (name,) in db.execute("SELECT name FROM dbstat WHERE name LIKE 'sqlite_autoindex_search%' GROUP BY name")}
        names = sorted(tables | indexes | autos)
        marks = ",".join("?" * len(names))
        total = db.execute(f"SELECT SUM(pgsize) FROM dbstat WHERE name IN ({marks})", names).fetchone()[0]
        database = (store / "data" / "shelf.sqlite").stat().st_size
    return {"bytes": total, "tables": names, "database_bytes": database}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def served(store):
    """`shelf serve` on a free loopback port: the static site and the functions as CGI."""
    port = free_port()
    log = open(store / "serve.log", "w")
    process = subprocess.Popen([SHELF, "serve", "--store", str(store), "--port", str(port), "--no-watch"], stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if process.poll() is not None:
                raise SystemExit(f"shelf serve exited: see {store / 'serve.log'}")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base + "/", timeout=5).read()
                break
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


PAGEFIND_TOP = """async ([text, wanted]) => {
    const pagefind = await import("/pagefind/pagefind.js");
    const search = await pagefind.search(text);
    const urls = [];
    for (const result of search.results) {
        if (urls.length >= wanted) break;
        urls.push((await result.data()).url);
    }
    return urls;
}"""


def transferred(responses):
    """Bytes on the wire (headers and body) of `responses`, as Chromium counted them."""
    total = 0
    for response in responses:
        sizes = response.request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return total


def without_csp(browser, counted=None):
    """A browser context whose answers come without Shelf's Content-Security-Policy, so that
    Pagefind's WebAssembly may run; the bytes of the /pagefind/ answers go to `counted`."""
    context = browser.new_context()

    def fetch_without_policy(route):
        try:
            answer = route.fetch()
        except Exception:  # the server has stopped under a page's polling: nothing to measure
            route.abort()
            return
        headers = {name: value for name, value in answer.headers.items() if name.lower() != "content-security-policy"}
        if counted is not None and "/pagefind/" in route.request.url:
            head = len(f"HTTP/1.1 {answer.status} {answer.status_text}\r\n") + 2
            head += sum(len(name) + len(value) + 4 for name, value in answer.headers_array)
            counted.append(head + len(answer.body()))
        route.fulfill(response=answer, headers=headers)

    context.route("**/*", fetch_without_policy)
    return context


def first_query(browser, base, text):
    """What a shopper's browser downloads for its first query, each engine in a fresh profile."""
    figures = {"query": text}
    counted = []
    context = without_csp(browser, counted)
    page = context.new_page()
    page.goto(base + "/")
    urls = page.evaluate(PAGEFIND_TOP, [text, 5])
    figures["pagefind"] = {"bytes": sum(counted), "requests": len(counted), "results_shown": len(urls)}
    context.close()

    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/")
    answer = page.goto(base + "/fn/search.json?" + urllib.parse.urlencode({"q": text}))
    json_bytes = transferred([answer])
    answer = page.goto(base + "/fn/search?" + urllib.parse.urlencode({"q": text}))
    figures["shelf"] = {"json_bytes": json_bytes, "page_bytes": transferred([answer])}
    context.close()
    return figures


def pagefind_handles(page, text):
    """Pagefind's top product pages for `text`, as handles (other pages skipped)."""
    urls = page.evaluate(PAGEFIND_TOP, [text, 20])
    handles = [match.group(1) for match in map(PRODUCT_URL.search, urls) if match]
    return handles[:relevance.TOP]


def compare(browser, base):
    """The labelled set through both engines on the served demo store."""
    shelf_ranked = relevance.ranks(lambda text: relevance.shelf_handles(base, text))
    context = without_csp(browser)
    page = context.new_page()
    page.goto(base + "/")
    pagefind_ranked = relevance.ranks(lambda text: pagefind_handles(page, text))
    context.close()
    print(relevance.table(shelf_ranked, "Shelf"))
    print(relevance.table(pagefind_ranked, "Pagefind"))
    return {
        "queries": len(shelf_ranked),
        "shelf": relevance.summary(shelf_ranked),
        "pagefind": relevance.summary(pagefind_ranked),
        "ranks": [
            {"query": s["text"], "kind": s["kind"], "expect": s["expect"], "shelf": s["rank"], "pagefind": p["rank"]}
            for s, p in zip(shelf_ranked, pagefind_ranked)
        ],
    }


def measure(browser, name, store, labelled):
    say(f"{name}: Pagefind indexes {store / 'site'}")
    figures = {"store": name, "pagefind_index": pagefind_index(store / "site"), "shelf_index": shelf_index_bytes(store)}
    say(f"{name}: first query and relevance through shelf serve and Chromium")
    with served(store) as base:
        figures["first_query"] = first_query(browser, base, FIRST_QUERY)
        if labelled:
            figures["relevance"] = compare(browser, base)
    return figures


def main():
    from playwright.sync_api import sync_playwright

    WORK.mkdir(parents=True, exist_ok=True)
    say(f"building the demo store with {SHELF}")
    stores = [("demo", demo_store(WORK / "demo"), True)]
    if PRODUCTS > 0:
        say(f"generating and building the {PRODUCTS}-product store")
        stores.append((f"generated-{PRODUCTS}", generated_store(WORK / "generated", PRODUCTS), False))
    section = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "shelf": SHELF,
        "pagefind_version": subprocess.run(
            [sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True).stdout.strip(),
        "command": "make bench-relevance",
        "stores": [],
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for name, store, labelled in stores:
            section["stores"].append(measure(browser, name, store, labelled))
        browser.close()
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["search-relevance"] = section
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    for figures in section["stores"]:
        print(summary_line(figures))


def summary_line(figures):
    first = figures["first_query"]
    lines = [
        f"{figures['store']}: index Pagefind {figures['pagefind_index']['bytes']:,} B "
        f"({figures['pagefind_index']['files']} files) vs Shelf {figures['shelf_index']['bytes']:,} B in the database",
        f"  first query '{first['query']}': Pagefind {first['pagefind']['bytes']:,} B in {first['pagefind']['requests']} requests; "
        f"Shelf search.json {first['shelf']['json_bytes']:,} B, results page {first['shelf']['page_bytes']:,} B",
    ]
    if "relevance" in figures:
        compared = figures["relevance"]
        lines.append(
            f"  top 5 on {compared['queries']} labelled queries: Shelf {compared['shelf']['top5']}, "
            f"Pagefind {compared['pagefind']['top5']}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
