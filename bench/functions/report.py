#!/usr/bin/env python3
"""Collect the figures of one bench/functions/run into bench/results.json and print the table.

    report.py MEASURE_DIR RESULTS_JSON

Reads from MEASURE_DIR: hyperfine-cgi.json (hyperfine --export-json), wrk-{static,bare-fastcgi,
bare-minimal,cart-json,cart-add-capped,cart-add}-rROUND.json (written by wrk.lua, one per round) with their
-cpu.json, load-*.txt (the 1-minute load average at each phase),
setup.json and fastcgi.check.json. Writes them under the "functions" key of RESULTS_JSON and
leaves every other key as it is (the build benchmark's bench/lib/report.py keeps "functions" in
turn). Python 3 standard library only.
"""

import json
import os
import sys
from datetime import datetime, timezone

CGI_COMMANDS = [
    # hyperfine command name, key, label
    ("bare", "bare", "bare Swift executable (fixed 303)"),
    ("cart add", "cart_add", "cart add, returning shopper (cookie)"),
    ("cart add, new shopper", "cart_add_new_shopper", "cart add, new shopper (no cookie)"),
]
FASTCGI_RUNS = [
    # wrk-NAME.json, key, label
    ("static", "static", "static file (lighttpd), same size as cart.json"),
    ("bare-fastcgi", "bare_fastcgi", "bare FastCGI responder (libfcgi), same answer"),
    ("bare-minimal", "bare_minimal", "minimal FastCGI responder (the protocol alone), same answer"),
    ("cart-json", "cart_json", "GET /fn/cart.json (FastCGI)"),
    ("cart-add-capped", "cart_add_capped", "POST /fn/cart/add at the line's limit, writes nothing (FastCGI)"),
    ("cart-add", "cart_add", "POST /fn/cart/add, then /update back: every request writes (FastCGI)"),
]
TARGET_CGI_RATIO = 3.0        # a CGI cart add within 3x the bare executable
TARGET_READS_SHARE = 0.40     # FastCGI cart.json at least 40 % of the static file's requests/s
TARGET_ADDS_SHARE = 0.20      # FastCGI cart adds at least 20 % of it
TARGET_P99_MS = 20.0          # and the 99th percentile of both under 20 ms


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


def cgi_figures(measure):
    data = load(os.path.join(measure, "hyperfine-cgi.json"))
    if not data:
        return {}
    by_name = {r["command"]: r for r in data["results"]}
    figures = {}
    for name, key, label in CGI_COMMANDS:
        r = by_name.get(name)
        if not r:
            continue
        figures[key] = {
            "label": label,
            "mean_ms": round(r["mean"] * 1000, 3),
            "stddev_ms": round((r.get("stddev") or 0) * 1000, 3),
            "median_ms": round(r["median"] * 1000, 3),
            "min_ms": round(r["min"] * 1000, 3),
            "max_ms": round(r["max"] * 1000, 3),
            "user_ms": round(r["user"] * 1000, 3),
            "system_ms": round(r["system"] * 1000, 3),
            # CPU time moves much less than wall time when other work shares the machine
            "cpu_ms": round((r["user"] + r["system"]) * 1000, 3),
            "runs": len(r["times"]),
        }
    return figures


def wrk_run_figures(measure, name, label):
    """One wrk run's figures (wrk-NAME.json and wrk-NAME-cpu.json), None when it did not run."""
    w = load(os.path.join(measure, f"{name}.json"))
    if not w:
        return None
    seconds = w["duration_us"] / 1e6
    lat = w["latency_us"]
    figures = {
        "label": label,
        "requests": w["requests"],
        "seconds": round(seconds, 2),
        "requests_per_s": round(w["requests"] / seconds, 1),
        "bytes_per_response": round(w["bytes"] / w["requests"]) if w["requests"] else None,
        "latency_ms": {k: round(v / 1000, 3) for k, v in lat.items()},
        "errors": w["errors"],
    }
    # CPU per request: utime + stime of lighttpd and of the processes it started (the
    # functions, the bare responder), over the run's requests.
    c = load(os.path.join(measure, f"{name}-cpu.json"))
    if c and w["requests"]:
        per = 1e6 / c["ticks_per_s"] / w["requests"]
        figures["cpu_us_per_request"] = {
            "lighttpd": round(c["lighttpd_ticks"] * per, 1),
            "responders": round(c["responder_ticks"] * per, 1),
        }
    return figures


def wrk_rounds(measure):
    """{key: [the figures of round 1, 2, ...]} of the rounds that ran (wrk-NAME-rROUND.json)."""
    rounds = {}
    for name, key, label in FASTCGI_RUNS:
        number = 1
        while (figures := wrk_run_figures(measure, f"wrk-{name}-r{number}", label)) is not None:
            rounds.setdefault(key, []).append(figures)
            number += 1
    return rounds


def median(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def wrk_figures(rounds):
    """Each request kind's figures: those of its median round by requests/s (a real run's, not
    a mix), with every round's requests/s beside them."""
    figures = {}
    for key, runs in rounds.items():
        chosen = sorted(runs, key=lambda run: run["requests_per_s"])[(len(runs) - 1) // 2]
        figures[key] = dict(chosen, requests_per_s_by_round=[run["requests_per_s"] for run in runs])
    return figures


def round_ratios(rounds, key, over, measure=lambda run: run["requests_per_s"]):
    """`key`'s figure over `over`'s in each round, and their median."""
    pairs = zip(rounds.get(key, []), rounds.get(over, []))
    each = [ratio(measure(a), measure(b)) for a, b in pairs]
    return median(each), each


def responder_cpu(run):
    return (run.get("cpu_us_per_request") or {}).get("responders")


def ratio(a, b, digits=3):
    return round(a / b, digits) if a is not None and b else None


def main():
    measure, out = sys.argv[1], sys.argv[2]
    setup = load(os.path.join(measure, "setup.json")) or {}
    cgi = cgi_figures(measure)
    rounds = wrk_rounds(measure)
    fastcgi = wrk_figures(rounds)

    def mean(key):
        return (cgi.get(key) or {}).get("mean_ms")

    def rps(key):
        return (fastcgi.get(key) or {}).get("requests_per_s")

    def p99(key):
        return ((fastcgi.get(key) or {}).get("latency_ms") or {}).get("p99")

    def cpu(key):
        return (cgi.get(key) or {}).get("cpu_ms")

    ratios = {
        "cgi_cart_add_over_bare": ratio(mean("cart_add"), mean("bare")),
        "cgi_cart_add_new_shopper_over_bare": ratio(mean("cart_add_new_shopper"), mean("bare")),
        "cgi_cart_add_cpu_over_bare_cpu": ratio(cpu("cart_add"), cpu("bare")),
        "cgi_cart_add_new_shopper_cpu_over_bare_cpu": ratio(cpu("cart_add_new_shopper"), cpu("bare")),
        "fastcgi_cart_json_over_static": ratio(rps("cart_json"), rps("static")),
        "fastcgi_cart_add_over_static": ratio(rps("cart_add"), rps("static")),
        "fastcgi_bare_over_static": ratio(rps("bare_fastcgi"), rps("static")),
    }
    # Issue 18's measure: the cart against the empty responder behind the same server, in the
    # same round; the median of the rounds' ratios, each round's beside it. Then the responders'
    # CPU per request, which depends less on how busy lighttpd and wrk keep the machine.
    # "bare" is libfcgi's responder, "minimal" the one with the protocol alone.
    for key in ("cart_json", "cart_add_capped", "cart_add"):
        for floor, name in (("bare_fastcgi", "bare"), ("bare_minimal", "minimal")):
            ratios[f"fastcgi_{key}_over_{name}"], ratios[f"fastcgi_{key}_over_{name}_by_round"] = round_ratios(
                rounds, key, floor)
            ratios[f"fastcgi_{key}_cpu_over_{name}_cpu"], ratios[f"fastcgi_{key}_cpu_over_{name}_cpu_by_round"] = (
                round_ratios(rounds, key, floor, responder_cpu))

    def at_most(value, limit):
        return None if value is None else value <= limit

    def at_least(value, limit):
        return None if value is None else value >= limit

    targets = {
        "cgi_ratio_at_most": TARGET_CGI_RATIO,
        "cart_json_share_at_least": TARGET_READS_SHARE,
        "cart_add_share_at_least": TARGET_ADDS_SHARE,
        "p99_ms_under": TARGET_P99_MS,
        "cgi_cart_add_met": at_most(ratios["cgi_cart_add_over_bare"], TARGET_CGI_RATIO),
        "cgi_cart_add_new_shopper_met": at_most(ratios["cgi_cart_add_new_shopper_over_bare"], TARGET_CGI_RATIO),
        "fastcgi_cart_json_met": at_least(ratios["fastcgi_cart_json_over_static"], TARGET_READS_SHARE),
        "fastcgi_cart_add_met": at_least(ratios["fastcgi_cart_add_over_static"], TARGET_ADDS_SHARE),
        "fastcgi_p99_met": None
        if p99("cart_json") is None or p99("cart_add") is None
        else max(p99("cart_json"), p99("cart_add")) < TARGET_P99_MS,
    }
    section = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "setup": setup,
        "load_average_1min": {
            phase: load_average(measure, phase) for phase in ("cgi-start", "cgi-end", "fastcgi-start", "fastcgi-end")
        },
        "cgi": cgi,
        "fastcgi": fastcgi,
        "fastcgi_check": load(os.path.join(measure, "fastcgi.check.json")),
        "ratios": ratios,
        "targets": targets,
    }

    results = load(out) or {}
    results["functions"] = section
    with open(out, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")

    # ---- tables
    def fmt(v, spec):
        return "—" if v is None else format(v, spec)

    def table(rows):
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        line = "  ".join("-" * w for w in widths)
        print(line)
        for i, r in enumerate(rows):
            print("  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths))))
            if i == 0:
                print(line)
        print(line)

    loads = section["load_average_1min"]
    print()
    print(f"CGI, process spawn to exit ({setup.get('swift_link_flags') or 'shared Swift libraries'}; "
          f"load {fmt(loads['cgi-start'], '.2f')} → {fmt(loads['cgi-end'], '.2f')})")
    rows = [("command", "mean ms", "± σ ms", "median ms", "min ms", "user ms", "sys ms", "÷ bare", "CPU ÷ bare")]
    for _, key, label in CGI_COMMANDS:
        c = cgi.get(key)
        if not c:
            continue
        rows.append((label, fmt(c["mean_ms"], ".2f"), fmt(c["stddev_ms"], ".2f"), fmt(c["median_ms"], ".2f"),
                     fmt(c["min_ms"], ".2f"), fmt(c["user_ms"], ".2f"), fmt(c["system_ms"], ".2f"),
                     fmt(ratio(c["mean_ms"], mean("bare"), 2), ".2f") + "x",
                     fmt(ratio(c["cpu_ms"], cpu("bare"), 2), ".2f") + "x"))
    table(rows)

    print()
    print(f"FastCGI through lighttpd, each kind's median round, wrk {setup.get('wrk', '')}, "
          f"{setup.get('fastcgi_procs', '?')} cart processes "
          f"(load {fmt(loads['fastcgi-start'], '.2f')} → {fmt(loads['fastcgi-end'], '.2f')})")
    rows = [("request", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "bytes", "errors", "÷ static",
             "CPU µs: lighttpd", "responder")]
    for _, key, label in FASTCGI_RUNS:
        w = fastcgi.get(key)
        if not w:
            continue
        lat = w["latency_ms"]
        errors = sum(w["errors"].values())
        rows.append((label, fmt(w["requests_per_s"], ",.0f"), fmt(lat["p50"], ".2f"), fmt(lat["p90"], ".2f"),
                     fmt(lat["p99"], ".2f"), fmt(lat["max"], ".1f"), str(w["bytes_per_response"]), str(errors),
                     fmt(ratio(w["requests_per_s"], rps("static"), 2), ".2f"),
                     fmt(w.get("cpu_us_per_request", {}).get("lighttpd"), ".1f"),
                     fmt(w.get("cpu_us_per_request", {}).get("responders"), ".1f")))
    table(rows)

    def verdict(met):
        return "—" if met is None else ("met" if met else "MISSED")

    print(f"CGI cart add / bare = {fmt(ratios['cgi_cart_add_over_bare'], '.2f')} "
          f"(new shopper {fmt(ratios['cgi_cart_add_new_shopper_over_bare'], '.2f')}; target ≤ {TARGET_CGI_RATIO}): "
          f"{verdict(targets['cgi_cart_add_met'])} (new shopper {verdict(targets['cgi_cart_add_new_shopper_met'])})")
    for name, label in (("bare", "libfcgi's bare responder"), ("minimal", "the minimal responder")):
        print(f"FastCGI ÷ {label}, requests/s, median of {len(rounds.get('bare_fastcgi', []))} rounds "
              f"(issue 18: ≥ 0.75), and CPU per request ÷ its CPU per request:")
        for key, kind in (("cart_json", "cart.json"), ("cart_add_capped", "add at the line's limit"),
                          ("cart_add", "writing add")):
            by_round = " ".join(fmt(r, ".2f") for r in ratios[f"fastcgi_{key}_over_{name}_by_round"])
            cpu_by_round = " ".join(fmt(r, ".1f") for r in ratios[f"fastcgi_{key}_cpu_over_{name}_cpu_by_round"])
            print(f"  {kind}: {fmt(ratios[f'fastcgi_{key}_over_{name}'], '.2f')} (rounds {by_round}); "
                  f"CPU {fmt(ratios[f'fastcgi_{key}_cpu_over_{name}_cpu'], '.1f')}x (rounds {cpu_by_round})")
    print(f"FastCGI cart.json / static = {fmt(ratios['fastcgi_cart_json_over_static'], '.2f')} "
          f"(target ≥ {TARGET_READS_SHARE}): {verdict(targets['fastcgi_cart_json_met'])}; "
          f"cart add / static = {fmt(ratios['fastcgi_cart_add_over_static'], '.2f')} "
          f"(target ≥ {TARGET_ADDS_SHARE}): {verdict(targets['fastcgi_cart_add_met'])}; "
          f"p99 {fmt(p99('cart_json'), '.1f')} / {fmt(p99('cart_add'), '.1f')} ms "
          f"(target < {TARGET_P99_MS:.0f}): {verdict(targets['fastcgi_p99_met'])}")
    print(f"wrote the \"functions\" key of {out}")


if __name__ == "__main__":
    main()
