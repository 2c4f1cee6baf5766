#!/usr/bin/env python3
"""The search relevance report: the labelled queries of relevance.toml run through Shelf's search.

    relevance.py BASE_URL      e.g. http://127.0.0.1:8080 (a served demo store: `make demo`)

For each query, the rank of the first expected product in the results of /fn/search.json (blank
when it is not on the first page), then the hits in the top 5 overall and by kind. Also imported
by bench/search/pagefind.py and Tests/e2e/test_search_relevance.py. Python 3.11 standard library.
"""

import json
import sys
import tomllib
import urllib.parse
import urllib.request
from pathlib import Path

QUERIES = Path(__file__).with_name("relevance.toml")
TOP = 5


def queries():
    """The labelled queries: dicts with text, kind and expect (product handles)."""
    with open(QUERIES, "rb") as f:
        return tomllib.load(f)["query"]


def rank(handles, expect):
    """The 1-based rank of the first expected handle in `handles`, or None."""
    return next((index + 1 for index, handle in enumerate(handles) if handle in expect), None)


def shelf_handles(base, text):
    """The handles of the first page of Shelf's results for `text`, best first."""
    url = base.rstrip("/") + "/fn/search.json?" + urllib.parse.urlencode({"q": text})
    with urllib.request.urlopen(url, timeout=60) as answer:
        return [product["handle"] for product in json.load(answer)["products"]]


def ranks(search, labelled=None):
    """Each labelled query with the rank `search(text)` (a list of handles) gives its product."""
    return [{**query, "rank": rank(search(query["text"]), query["expect"])} for query in labelled or queries()]


def summary(ranked):
    """Hits in the top 5 (and first), overall and by kind."""
    hits = [entry for entry in ranked if entry["rank"] is not None and entry["rank"] <= TOP]
    firsts = [entry for entry in ranked if entry["rank"] == 1]
    kinds = {}
    for entry in ranked:
        kind = kinds.setdefault(entry["kind"], {"queries": 0, "top5": 0})
        kind["queries"] += 1
        kind["top5"] += entry in hits
    return {
        "queries": len(ranked), "top5": len(hits), "top5_share": round(len(hits) / len(ranked), 3),
        "first": len(firsts), "first_share": round(len(firsts) / len(ranked), 3), "by_kind": kinds,
    }


def table(ranked, name="Shelf"):
    """The report as text: one line a query, then the totals."""
    lines = [f"{'query':32} {'kind':9} {name + ' rank':>10}  expected"]
    for entry in ranked:
        shown = "-" if entry["rank"] is None else str(entry["rank"])
        lines.append(f"{entry['text']:32} {entry['kind']:9} {shown:>10}  {', '.join(entry['expect'])}")
    totals = summary(ranked)
    lines.append(
        f"{name}: {totals['top5']}/{totals['queries']} queries find their product in the top {TOP}, {totals['first']} first")
    lines.append("  " + ", ".join(f"{kind} {k['top5']}/{k['queries']}" for kind, k in totals["by_kind"].items()))
    return "\n".join(lines)


def main(arguments):
    if len(arguments) != 1:
        sys.exit(__doc__)
    print(table(ranks(lambda text: shelf_handles(arguments[0], text))))


if __name__ == "__main__":
    main(sys.argv[1:])
