#!/usr/bin/env python3
"""Collect the figures of one bench/run into bench/results.json and print the table.

    report.py WORKDIR RESULTS_JSON

Reads from WORKDIR/measure/: hyperfine-*.json (hyperfine --export-json), *.rss (GNU time %M,
KiB), *.pages.json (HTML page counts), machine.json, and shelf-error.txt when the Shelf half
failed. Python 3 standard library only.
"""

import json
import os
import sys

SCENARIOS = [
    # key, tool, label
    ("hugo-full", "hugo", "Hugo full build"),
    ("shelf-full", "shelf", "Shelf full build"),
    ("shelf-incr-product", "shelf", "Shelf incremental: 1 product edited"),
    ("shelf-incr-stock", "shelf", "Shelf incremental: 1 stock change"),
]
TARGET_SPEEDUP = 3.0   # Shelf full build at least 3x faster than Hugo
TARGET_RSS = 0.25      # ... using at most a quarter of Hugo's peak memory


def load(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def read_text(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return f.read().strip()


def timing(path):
    data = load(path)
    if not data:
        return None
    r = data["results"][0]
    return {
        "command": r["command"],
        "mean_s": r["mean"],
        "stddev_s": r.get("stddev") or 0.0,
        "median_s": r["median"],
        "min_s": r["min"],
        "max_s": r["max"],
        # CPU time (mean of user and system): steadier than wall time on a busy machine
        "user_s": r.get("user"),
        "system_s": r.get("system"),
        "runs": len(r["times"]),
        "times_s": r["times"],
    }


def rss_kib(path):
    text = read_text(path)
    if not text:
        return None
    # GNU time -f %M writes one number, possibly after the command's own last stderr line
    return int(text.splitlines()[-1].strip())


def main():
    work, out = sys.argv[1], sys.argv[2]
    m = os.path.join(work, "measure")
    machine = load(os.path.join(m, "machine.json")) or {}
    results = {"date": machine.pop("date", None), "machine": machine, "scenarios": {}}
    for key, tool, label in SCENARIOS:
        t = timing(os.path.join(m, f"hyperfine-{key}.json"))
        entry = {"tool": tool, "label": label, "timing": t}
        if key.endswith("-full"):
            kib = rss_kib(os.path.join(m, f"{tool}.rss"))
            entry["peak_rss_kib"] = kib
            entry["peak_rss_mib"] = round(kib / 1024, 1) if kib else None
            entry["pages"] = load(os.path.join(m, f"{tool}.pages.json"))
        checks = load(os.path.join(m, f"{key}.check.json"))
        if checks is not None:
            entry["verified"] = checks
        results["scenarios"][key] = entry
    error = read_text(os.path.join(m, "shelf-error.txt"))
    if error:
        results["shelf_error"] = error

    sc = results["scenarios"]
    hugo_t = (sc["hugo-full"]["timing"] or {}).get("mean_s")
    shelf_t = (sc["shelf-full"]["timing"] or {}).get("mean_s")
    hugo_rss = sc["hugo-full"].get("peak_rss_kib")
    shelf_rss = sc["shelf-full"].get("peak_rss_kib")

    def ms(key):
        t = sc[key]["timing"]
        return round(t["mean_s"] * 1000, 1) if t else None

    def cpu(key):
        t = sc[key]["timing"]
        return (t["user_s"] or 0) + (t["system_s"] or 0) if t and t.get("user_s") is not None else None

    hugo_cpu, shelf_cpu = cpu("hugo-full"), cpu("shelf-full")
    ratios = {
        "hugo_time_over_shelf_time": round(hugo_t / shelf_t, 3) if hugo_t and shelf_t else None,
        "hugo_cpu_over_shelf_cpu": round(hugo_cpu / shelf_cpu, 3) if hugo_cpu and shelf_cpu else None,
        "shelf_rss_over_hugo_rss": round(shelf_rss / hugo_rss, 3) if hugo_rss and shelf_rss else None,
        "incremental_product_ms": ms("shelf-incr-product"),
        "incremental_stock_ms": ms("shelf-incr-stock"),
    }
    results["ratios"] = ratios
    speed, mem = ratios["hugo_time_over_shelf_time"], ratios["shelf_rss_over_hugo_rss"]
    results["targets"] = {
        "speedup_at_least": TARGET_SPEEDUP,
        "rss_ratio_at_most": TARGET_RSS,
        "speedup_met": None if speed is None else speed >= TARGET_SPEEDUP,
        "rss_met": None if mem is None else mem <= TARGET_RSS,
    }
    # The other benchmarks write their own keys ("functions", "accounts", "crypto",
    # "checkout_contention"): keep them.
    previous = load(out) or {}
    own = {"date", "machine", "scenarios", "ratios", "targets", "shelf_error"}
    for key, value in previous.items():
        if key not in own:
            results[key] = value
    with open(out, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")

    # ---- table
    def fmt(v, spec):
        return "—" if v is None else format(v, spec)

    rows = [("scenario", "mean s", "± stddev", "min s", "CPU s", "peak RSS MiB", "HTML pages", "Hugo/this")]
    for key, tool, label in SCENARIOS:
        e = sc[key]
        t = e["timing"]
        pages = e.get("pages") or {}
        ratio = hugo_t / t["mean_s"] if t and hugo_t else None
        rows.append((
            label,
            fmt(t and t["mean_s"], ".3f"),
            fmt(t and t["stddev_s"], ".3f"),
            fmt(t and t["min_s"], ".3f"),
            fmt(t and (t["user_s"] or 0) + (t["system_s"] or 0), ".1f"),
            fmt(e.get("peak_rss_mib"), ".1f") if key.endswith("-full") else "",
            str(pages.get("html_pages", "—")) if key.endswith("-full") else "",
            fmt(ratio, ".2f") + ("x" if ratio else ""),
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    line = "  ".join("-" * w for w in widths)
    print()
    print(f"{machine.get('products', '?')} products, {machine.get('nproc', '?')} CPUs, "
          f"{machine.get('hugo_version', 'hugo ?')}")
    print(line)
    for i, r in enumerate(rows):
        print("  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths))))
        if i == 0:
            print(line)
    print(line)
    for tool in ("hugo", "shelf"):
        p = sc[f"{tool}-full"].get("pages")
        if p:
            parts = ", ".join(f"{k} {v}" for k, v in sorted(p.get("by_section", {}).items(), key=lambda kv: -kv[1]))
            print(f"{tool} HTML by top folder: {parts}"
                  + (f"  (incl. {p['redirect_stubs']} redirect stubs)" if p.get("redirect_stubs") else ""))
    print(f"hugo_time/shelf_time = {fmt(speed, '.2f')} (target ≥ {TARGET_SPEEDUP}; CPU time "
          f"{fmt(ratios['hugo_cpu_over_shelf_cpu'], '.2f')}), "
          f"shelf_rss/hugo_rss = {fmt(mem, '.3f')} (target ≤ {TARGET_RSS}), "
          f"incremental: product {fmt(ratios['incremental_product_ms'], '.1f')} ms, "
          f"stock {fmt(ratios['incremental_stock_ms'], '.1f')} ms")
    if error:
        print(f"Shelf half did not complete: {error}")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
