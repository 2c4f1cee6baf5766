#!/usr/bin/env python3
"""Collect the figures of one bench/accounts/run into bench/results.json and print the table.

    LOGIN_CONNECTIONS="2 64" report.py MEASURE_DIR RESULTS_JSON

Reads hyperfine-cgi.json, cgi-*.rss, wrk-{cart-json,login}-cN.json (written by wrk.lua),
memory-*.json, load-*, calibration.json, fastcgi.check.json and setup.json from MEASURE_DIR, and
writes them under the "accounts" key of RESULTS_JSON, leaving its other keys as they are.
Python 3 standard library only.
"""

import json
import os
import sys
from datetime import datetime, timezone


def load(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def read_number(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        text = f.read().split()
    return float(text[0]) if text else None


def cgi_figures(measure):
    data = load(os.path.join(measure, "hyperfine-cgi.json")) or {"results": []}
    figures = {}
    for r in data["results"]:
        figures[r["command"]] = {
            "median_ms": round(r["median"] * 1000, 3),
            "mean_ms": round(r["mean"] * 1000, 3),
            "stddev_ms": round((r.get("stddev") or 0) * 1000, 3),
            "min_ms": round(r["min"] * 1000, 3),
            "max_ms": round(r["max"] * 1000, 3),
            "cpu_ms": round((r["user"] + r["system"]) * 1000, 3),
            "runs": len(r["times"]),
        }
    return figures


def wrk_figures(measure, name):
    w = load(os.path.join(measure, f"wrk-{name}.json"))
    if not w:
        return None
    seconds = w["duration_us"] / 1e6
    return {
        "requests": w["requests"],
        "successes": w["successes"],
        "failures": w["failures"],
        "seconds": round(seconds, 2),
        "requests_per_s": round(w["successes"] / seconds, 1),
        "latency_ms": {k: round(v / 1000, 3) for k, v in w["latency_us"].items()},
        "errors": w["errors"],
        "load_average_1min": [read_number(os.path.join(measure, f"load-{name}-{p}")) for p in ("start", "end")],
    }


def peak_mib(memory):
    """The largest VmHWM of the account processes, in MiB, and the current RSS of each."""
    if not memory:
        return None
    return {
        "peak_rss_mib_largest": round(max(p["VmHWM"] for p in memory.values()) / 1024, 1),
        "rss_mib_now": [round(p["VmRSS"] / 1024, 1) for p in memory.values()],
        "processes": len(memory),
    }


def main():
    measure, out = sys.argv[1], sys.argv[2]
    levels = os.environ.get("LOGIN_CONNECTIONS", "2 64").split()
    cgi = cgi_figures(measure)
    fastcgi = {}
    for c in levels:
        cart, login = wrk_figures(measure, f"cart-json-c{c}"), wrk_figures(measure, f"login-c{c}")
        fastcgi[f"c{c}"] = {
            "connections": int(c),
            "cart_json": cart,
            "login": login,
            "login_over_cart_json_requests": round(login["requests_per_s"] / cart["requests_per_s"], 4) if cart and login else None,
            "account_memory_after": peak_mib(load(os.path.join(measure, f"memory-after-login-c{c}.json"))),
        }
    rss = {name: read_number(os.path.join(measure, f"cgi-{name}.rss")) for name in ("login", "cart-json", "bare")}
    login, bare = cgi.get("login"), cgi.get("bare")
    section = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "setup": load(os.path.join(measure, "setup.json")) or {},
        "calibration": load(os.path.join(measure, "calibration.json")),
        "cgi": cgi,
        "cgi_load_average_1min": [read_number(os.path.join(measure, f"load-cgi-{p}")) for p in ("start", "end")],
        "cgi_login_over_bare": {
            "median_ms": round(login["median_ms"] - bare["median_ms"], 3),
            "median_ratio": round(login["median_ms"] / bare["median_ms"], 1),
            "cpu_ms": round(login["cpu_ms"] - bare["cpu_ms"], 3),
        } if login and bare else None,
        "cgi_peak_rss_mib": {k: None if v is None else round(v / 1024, 1) for k, v in rss.items()},
        "fastcgi": fastcgi,
        "account_memory_idle": peak_mib(load(os.path.join(measure, "memory-idle.json"))),
        "fastcgi_check": load(os.path.join(measure, "fastcgi.check.json")),
    }
    results = load(out) or {}
    results["accounts"] = section
    with open(out, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")

    def fmt(v, spec):
        return "—" if v is None else format(v, spec)

    print("\nCGI, process spawn to exit (hyperfine, login forms prepared outside the timing)")
    print(f"{'command':10} {'median ms':>10} {'mean ms':>9} {'σ ms':>7} {'min ms':>8} {'CPU ms':>8}")
    for name, c in cgi.items():
        print(f"{name:10} {c['median_ms']:10.2f} {c['mean_ms']:9.2f} {c['stddev_ms']:7.2f} {c['min_ms']:8.2f} {c['cpu_ms']:8.2f}")
    print(f"login over bare: {section['cgi_login_over_bare']}")
    print(f"peak RSS (MiB) of one CGI process: {section['cgi_peak_rss_mib']}")
    print("\nFastCGI through lighttpd, the same wrk script for both requests")
    print(f"{'run':22} {'answers/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'ok':>8} {'other':>6}")
    for key, level in fastcgi.items():
        for what in ("cart_json", "login"):
            w = level[what]
            if w:
                lat = w["latency_ms"]
                print(f"{what + ' ' + key:22} {w['requests_per_s']:10.1f} {lat['p50']:8.2f} {lat['p99']:8.2f} {lat['max']:8.1f} "
                      f"{w['successes']:8} {w['failures']:6}")
        print(f"  account processes after the logins: {level['account_memory_after']}")
    print(f"account processes before any login: {section['account_memory_idle']}")
    print(f"wrote the \"accounts\" key of {out}")


if __name__ == "__main__":
    main()
