#!/usr/bin/env python3
"""Collect the figures of one bench/crypto/run into bench/results.json, decide, print the table.

    report.py MEASURE_DIR RESULTS_JSON

Reads hyperfine-cgi-N.json (one per round), instructions-* (callgrind), digests.jsonl, load-* and
setup.json from MEASURE_DIR; writes them,
the differences and the decision under the "crypto" key of RESULTS_JSON, leaving its other keys
as they are. Python 3 standard library only.
"""

import json
import os
import statistics
import sys
from datetime import datetime, timezone

CGI_COMMANDS = [
    # hyperfine command name, key
    ("bare", "bare"),
    ("bare, libsodium linked", "bare_sodium_linked"),
    ("bare, libsodium linked and started", "bare_sodium_started"),
    ("cart add", "cart_add"),
    ("cart add, libsodium linked and started", "cart_add_sodium"),
]
# What one cart request hashes: its session cookie (SHA-256 of a 43-character token: one block,
# as the 32-byte case) and its form token (HMAC-SHA256 of "form:" and a 64-digit hash), checked
# with the constant-time comparison.
CART_REQUEST = [("sha256", 32), ("hmac_sha256", 64), ("constant_time_equals", 43)]


def load(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def load_average(measure, name):
    path = os.path.join(measure, f"load-{name}")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return float(f.read().split()[0])


def read_int(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        text = f.read().strip()
    return int(text) if text else None


def fmt_ms(value):
    return "—" if value is None else f"{value:+.3f} ms"


def cgi_figures(measure):
    """Each command's times pooled over the rounds (hyperfine-cgi-N.json)."""
    pooled = {}
    round_number = 1
    while True:
        data = load(os.path.join(measure, f"hyperfine-cgi-{round_number}.json"))
        if not data:
            break
        for r in data["results"]:
            entry = pooled.setdefault(r["command"], {"times": [], "cpu": []})
            entry["times"] += r["times"]
            entry["cpu"].append((r["user"] + r["system"], len(r["times"])))
        round_number += 1
    figures = {}
    for name, key in CGI_COMMANDS:
        entry = pooled.get(name)
        if entry:
            times = sorted(entry["times"])
            count = len(times)
            mean = sum(times) / count
            cpu = sum(seconds * runs for seconds, runs in entry["cpu"]) / count
            figures[key] = {
                "label": name,
                "median_ms": round(statistics.median(times) * 1000, 3),
                "mean_ms": round(mean * 1000, 3),
                "stddev_ms": round(statistics.pstdev(times) * 1000, 3),
                "min_ms": round(times[0] * 1000, 3),
                "cpu_ms": round(cpu * 1000, 3),
                "runs": count,
                "rounds": round_number - 1,
            }
    return figures


def digest_figures(measure):
    figures = {}
    path = os.path.join(measure, "digests.jsonl")
    if not os.path.exists(path):
        return figures
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            entry = figures.setdefault(f"{row['operation']}_{row['bytes']}", {"operation": row["operation"], "bytes": row["bytes"]})
            entry[f"{row['implementation']}_ns"] = row["ns_per_call"]
    for entry in figures.values():
        if entry.get("swift_ns") and entry.get("libsodium_ns"):
            entry["swift_over_libsodium"] = round(entry["swift_ns"] / entry["libsodium_ns"], 2)
    return figures


def main():
    measure, out = sys.argv[1], sys.argv[2]
    cgi = cgi_figures(measure)
    digests = digest_figures(measure)

    def median(key):
        return (cgi.get(key) or {}).get("median_ms")

    def cpu(key):
        return (cgi.get(key) or {}).get("cpu_ms")

    def minus(a, b):
        return None if a is None or b is None else round(a - b, 3)

    differences_ms = {
        "libsodium_linked_over_bare": minus(median("bare_sodium_linked"), median("bare")),
        "libsodium_started_over_bare": minus(median("bare_sodium_started"), median("bare")),
        "libsodium_started_over_bare_cpu": minus(cpu("bare_sodium_started"), cpu("bare")),
        "cart_add_with_libsodium_over_cart_add": minus(median("cart_add_sodium"), median("cart_add")),
        "cart_add_with_libsodium_over_cart_add_cpu": minus(cpu("cart_add_sodium"), cpu("cart_add")),
    }
    saved_ns = None
    if all(f"{op}_{size}" in digests and "libsodium_ns" in digests[f"{op}_{size}"] for op, size in CART_REQUEST):
        saved_ns = round(sum(digests[f"{op}_{size}"]["swift_ns"] - digests[f"{op}_{size}"]["libsodium_ns"] for op, size in CART_REQUEST), 1)
    # Wall time under a shared machine's load is noisy; the fastest runs' difference is its
    # least noisy estimate.
    differences_ms["libsodium_started_over_bare_min"] = minus((cgi.get("bare_sodium_started") or {}).get("min_ms"), (cgi.get("bare") or {}).get("min_ms"))
    differences_ms["cart_add_with_libsodium_over_cart_add_min"] = minus((cgi.get("cart_add_sodium") or {}).get("min_ms"), (cgi.get("cart_add") or {}).get("min_ms"))

    def count(name):
        return read_int(os.path.join(measure, f"instructions-{name}"))

    instructions = {
        "bare": count("bare"),
        "bare_sodium_linked": count("bare-sodium-linked"),
        "bare_sodium_started": count("bare-sodium-init"),
        "cart_add": count("cart"),
        "cart_add_sodium": count("cart-sodium"),
    }

    def per_request(implementation):
        many, none = count(f"request-hashing-{implementation}-1000"), count(f"request-hashing-{implementation}-0")
        return None if many is None or none is None else round((many - none) / 1000)

    hashing = {"swift": per_request("swift"), "libsodium": per_request("libsodium")}
    added = minus(instructions["bare_sodium_started"], instructions["bare"])
    saved = minus(hashing["swift"], hashing["libsodium"])
    instructions.update({
        "added_by_libsodium_per_process_bare": added,
        "added_by_libsodium_per_process_cart": minus(instructions["cart_add_sodium"], instructions["cart_add"]),
        "one_cart_requests_hashing_swift": hashing["swift"],
        "one_cart_requests_hashing_libsodium": hashing["libsodium"],
        "saved_by_libsodium_per_cart_request": saved,
    })
    if added is None or saved is None or saved_ns is None:
        decision = {"choice": None, "why": "incomplete run"}
    else:
        # A CGI process serves one request: libsodium pays when it saves more than it adds.
        switch = saved > added
        decision = {
            "choice": "switch to libsodium" if switch else "keep Swift ShelfCrypto",
            "why": (
                f"linking and starting libsodium adds {added:,} instructions to every CGI process "
                f"(the cart: {instructions['added_by_libsodium_per_process_cart']:,}); it would save {saved:,} instructions "
                f"({saved_ns / 1000:.2f} µs) of hashing per cart request (the session token's SHA-256, the form token's HMAC, "
                f"one comparison): {added / saved:.0f} requests to break even, and a CGI process serves one. "
                f"Wall time, noisier on a shared machine: {fmt_ms(differences_ms['libsodium_started_over_bare_min'])} "
                f"(fastest runs), {fmt_ms(differences_ms['libsodium_started_over_bare'])} (medians) per process."
            ),
        }
    section = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "setup": load(os.path.join(measure, "setup.json")) or {},
        "load_average_1min": {p: load_average(measure, p) for p in ("cgi-start", "cgi-end", "digests-start", "digests-end")},
        "cgi": cgi,
        "differences_ms": differences_ms,
        "instructions": instructions,
        "digests": digests,
        "decision": decision,
    }
    results = load(out) or {}
    results["crypto"] = section
    with open(out, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")

    def fmt(v, spec):
        return "—" if v is None else format(v, spec)

    loads = section["load_average_1min"]
    print(f"\nCGI, process spawn to exit (load {fmt(loads['cgi-start'], '.2f')} → {fmt(loads['cgi-end'], '.2f')})")
    print(f"{'command':42} {'median ms':>10} {'mean ms':>9} {'σ ms':>7} {'min ms':>8} {'CPU ms':>8}")
    for _, key in CGI_COMMANDS:
        c = cgi.get(key)
        if c:
            print(f"{c['label']:42} {c['median_ms']:10.3f} {c['mean_ms']:9.3f} {c['stddev_ms']:7.3f} {c['min_ms']:8.3f} {c['cpu_ms']:8.3f}")
    print(f"\nper call (median batch; load {fmt(loads['digests-start'], '.2f')} → {fmt(loads['digests-end'], '.2f')})")
    print(f"{'operation':24} {'bytes':>6} {'Swift ns':>10} {'libsodium ns':>13} {'Swift ÷ libsodium':>18}")
    for entry in digests.values():
        print(f"{entry['operation']:24} {entry['bytes']:6} {fmt(entry.get('swift_ns'), '10.1f')} "
              f"{fmt(entry.get('libsodium_ns'), '13.1f')} {fmt(entry.get('swift_over_libsodium'), '18.2f')}")
    print(f"\ninstructions (callgrind): {json.dumps(instructions)}")
    print(f"\ndecision: {decision['choice']}: {decision['why']}")
    print(f"wrote the \"crypto\" key of {out}")


if __name__ == "__main__":
    main()
