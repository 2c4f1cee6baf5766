#!/usr/bin/env python3
"""Collect the figures of one bench/run into bench/results.json and print the table.

    report.py WORKDIR RESULTS_JSON

Reads from WORKDIR/measure/: hyperfine-*.json (hyperfine --export-json), *.rss (GNU time %M,
KiB), *.pages.json (HTML page counts and bytes), machine.json, and shelf-error.txt when the
Shelf half failed. Python 3 standard library only.

The figures of one catalogue size go under "sizes" → N; the top-level "machine", "scenarios",
"ratios" and "targets" are those of the size measured last, and "ratios_by_size" holds every
size's ratios side by side.
"""

import json
import os
import sys

SCENARIOS = [
    # key, tool, label
    ("hugo-full", "hugo", "Hugo full build"),
    ("shelf-full", "shelf", "Shelf full build (--full)"),
    ("shelf-cold", "shelf", "Shelf cold build (no .shelf/)"),
    ("shelf-incr-product", "shelf", "Shelf incremental: 1 product edited"),
    # told what changed, as a save hook, a git hook or `shelf stock set` would tell it
    ("shelf-incr-product-told", "shelf", "Shelf incremental: 1 product edited, --changed FILE"),
    ("shelf-incr-stock", "shelf", "Shelf incremental: 1 stock change"),
    ("shelf-incr-stock-told", "shelf", "Shelf incremental: 1 stock change, --changed-only"),
]
TARGET_SPEEDUP = 3.0   # Shelf full build at least 3x faster than Hugo
TARGET_RSS = 0.10      # ... using at most a tenth of Hugo's peak memory
TARGET_INCREMENTAL_MS = 50.0   # one product edited / one stock change, the process included
# whole builds: scenario key -> the name of its *.rss and *.pages.json in measure/
WHOLE_BUILDS = {"hugo-full": "hugo", "shelf-full": "shelf", "shelf-cold": "shelf-cold"}


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
        if key in WHOLE_BUILDS:
            name = WHOLE_BUILDS[key]
            kib = rss_kib(os.path.join(m, f"{name}.rss"))
            entry["peak_rss_kib"] = kib
            entry["peak_rss_mib"] = round(kib / 1024, 1) if kib else None
            pages = load(os.path.join(m, f"{name}.pages.json"))
            entry["pages"] = pages
            if t and pages and pages.get("html_pages"):
                # per-page and per-byte figures: fair whatever the two page sets weigh
                entry["ms_per_page"] = round(t["mean_s"] * 1000 / pages["html_pages"], 4)
                if pages.get("html_bytes"):
                    entry["ms_per_html_mib"] = round(t["mean_s"] * 1000 / (pages["html_bytes"] / 2**20), 2)
                    entry["bytes_per_page"] = round(pages["html_bytes"] / pages["html_pages"])
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

    def over(a, b, digits=3):
        return round(a / b, digits) if a and b else None

    def pages_of(key):
        return sc[key].get("pages") or {}

    cold_t = (sc["shelf-cold"]["timing"] or {}).get("mean_s")
    cold_rss = sc["shelf-cold"].get("peak_rss_kib")
    hugo_cpu, shelf_cpu, cold_cpu = cpu("hugo-full"), cpu("shelf-full"), cpu("shelf-cold")
    hugo_pages, shelf_pages = pages_of("hugo-full"), pages_of("shelf-full")
    ratios = {
        "hugo_time_over_shelf_time": over(hugo_t, shelf_t),
        "hugo_time_over_shelf_cold_time": over(hugo_t, cold_t),
        "hugo_cpu_over_shelf_cpu": over(hugo_cpu, shelf_cpu),
        "hugo_cpu_over_shelf_cold_cpu": over(hugo_cpu, cold_cpu),
        "shelf_rss_over_hugo_rss": over(shelf_rss, hugo_rss),
        "shelf_cold_rss_over_hugo_rss": over(cold_rss, hugo_rss),
        "incremental_product_ms": ms("shelf-incr-product"),
        "incremental_stock_ms": ms("shelf-incr-stock"),
        "incremental_product_told_ms": ms("shelf-incr-product-told"),
        "incremental_stock_told_ms": ms("shelf-incr-stock-told"),
        # equal work: the same pages on both sides (Hugo's page/1/ redirect stubs left out)
        "hugo_pages": hugo_pages.get("html_pages"),
        "shelf_pages": shelf_pages.get("html_pages"),
        "shelf_html_bytes_over_hugo": over(shelf_pages.get("html_bytes"), hugo_pages.get("html_bytes")),
        "hugo_ms_per_page_over_shelf": over(sc["hugo-full"].get("ms_per_page"), sc["shelf-full"].get("ms_per_page")),
        "hugo_ms_per_page_over_shelf_cold": over(sc["hugo-full"].get("ms_per_page"), sc["shelf-cold"].get("ms_per_page")),
        "hugo_ms_per_mib_over_shelf": over(sc["hugo-full"].get("ms_per_html_mib"), sc["shelf-full"].get("ms_per_html_mib")),
    }
    if ratios["hugo_pages"] and ratios["shelf_pages"]:
        # 2 on equal work: Shelf also writes the server's 500.html and 503.html
        ratios["shelf_pages_minus_hugo_pages"] = ratios["shelf_pages"] - ratios["hugo_pages"]
    results["ratios"] = ratios
    speed, mem = ratios["hugo_time_over_shelf_time"], ratios["shelf_rss_over_hugo_rss"]
    cold_speed = ratios["hugo_time_over_shelf_cold_time"]
    incr = [v for v in (ratios["incremental_product_ms"], ratios["incremental_stock_ms"]) if v is not None]
    told = [v for v in (ratios["incremental_product_told_ms"], ratios["incremental_stock_told_ms"]) if v is not None]
    results["targets"] = {
        "speedup_at_least": TARGET_SPEEDUP,
        "rss_ratio_at_most": TARGET_RSS,
        "incremental_ms_below": TARGET_INCREMENTAL_MS,
        "speedup_met": None if speed is None else speed >= TARGET_SPEEDUP,
        "cold_speedup_met": None if cold_speed is None else cold_speed >= TARGET_SPEEDUP,
        "rss_met": None if mem is None else mem <= TARGET_RSS,
        "incremental_met": None if not incr else max(incr) < TARGET_INCREMENTAL_MS,
        "incremental_told_met": None if not told else max(told) < TARGET_INCREMENTAL_MS,
    }
    # The other benchmarks write their own keys ("functions", "accounts", "crypto",
    # "checkout_contention"): keep them.
    previous = load(out) or {}
    own = {"date", "machine", "scenarios", "ratios", "targets", "shelf_error"}
    for key, value in previous.items():
        if key not in own:
            results[key] = value
    size = str(machine.get("products", "?"))
    sizes = results.get("sizes") if isinstance(results.get("sizes"), dict) else {}
    sizes[size] = {k: results[k] for k in own if k in results}
    results["sizes"] = dict(sorted(sizes.items(), key=lambda kv: int(kv[0]) if kv[0].isdigit() else 0))
    results["ratios_by_size"] = {n: entry.get("ratios") for n, entry in results["sizes"].items()}
    with open(out, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")

    # ---- table
    def fmt(v, spec):
        return "—" if v is None else format(v, spec)

    rows = [("scenario", "mean s", "± stddev", "min s", "CPU s", "peak RSS MiB", "HTML pages", "HTML MiB",
             "ms/page", "Hugo/this")]
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
            fmt(e.get("peak_rss_mib"), ".1f") if key in WHOLE_BUILDS else "",
            str(pages.get("html_pages", "—")) if key in WHOLE_BUILDS else "",
            fmt(pages.get("html_bytes") and pages["html_bytes"] / 2**20, ".1f") if key in WHOLE_BUILDS else "",
            fmt(e.get("ms_per_page"), ".3f") if key in WHOLE_BUILDS else "",
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
    print(f"hugo_time/shelf_time = {fmt(speed, '.2f')}, cold {fmt(cold_speed, '.2f')} (target ≥ {TARGET_SPEEDUP}; CPU time "
          f"{fmt(ratios['hugo_cpu_over_shelf_cpu'], '.2f')}), "
          f"shelf_rss/hugo_rss = {fmt(mem, '.3f')} (target ≤ {TARGET_RSS}), "
          f"incremental: product {fmt(ratios['incremental_product_ms'], '.1f')} ms "
          f"(told {fmt(ratios['incremental_product_told_ms'], '.1f')} ms), "
          f"stock {fmt(ratios['incremental_stock_ms'], '.1f')} ms "
          f"(told {fmt(ratios['incremental_stock_told_ms'], '.1f')} ms)")
    if error:
        print(f"Shelf half did not complete: {error}")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
