"""bench/lib/report.py on a made-up measure/ folder: every scenario bench/run times, the told
incremental builds beside the plain ones, lands in results.json and the table. No binary needed."""
import json
import re
import subprocess
import sys

from conftest import REPO

REPORT = REPO / "bench" / "lib" / "report.py"
INCREMENTAL = {
    "shelf-incr-product": 0.120, "shelf-incr-product-told": 0.045,
    "shelf-incr-stock": 0.100, "shelf-incr-stock-told": 0.040,
}


def hyperfine(seconds):
    return {"results": [{"command": "shelf build", "mean": seconds, "stddev": 0.001, "median": seconds,
                         "min": seconds, "max": seconds, "user": seconds / 2, "system": seconds / 4,
                         "times": [seconds, seconds]}]}


def write_measure(work, products):
    measure = work / "measure"
    measure.mkdir(parents=True)
    (measure / "machine.json").write_text(json.dumps({"date": "2026-12-06T00:00:00Z", "products": products, "nproc": 2}))
    for key, seconds in {"hugo-full": 2.0, "shelf-full": 0.5, "shelf-cold": 0.6, **INCREMENTAL}.items():
        (measure / f"hyperfine-{key}.json").write_text(json.dumps(hyperfine(seconds)))
    for key in INCREMENTAL:
        check = {"product_page_changed": True} if "stock" in key else {"edit_visible_in_page": True, "word": "benchedit3"}
        (measure / f"{key}.check.json").write_text(json.dumps(check))


def test_the_told_incremental_builds_are_reported_beside_the_plain_ones(tmp_path):
    results = tmp_path / "results.json"
    results.write_text(json.dumps({"functions": {"kept": True}}))
    for products in (300, 600):
        write_measure(tmp_path / str(products), products)
        table = subprocess.run([sys.executable, str(REPORT), str(tmp_path / str(products)), str(results)],
                               capture_output=True, text=True, check=True).stdout
    data = json.loads(results.read_text())
    assert data["functions"] == {"kept": True}
    for key, seconds in INCREMENTAL.items():
        assert data["scenarios"][key]["timing"]["mean_s"] == seconds
        assert data["scenarios"][key]["verified"]
    expected = {"incremental_product_ms": 120.0, "incremental_product_told_ms": 45.0,
                "incremental_stock_ms": 100.0, "incremental_stock_told_ms": 40.0}
    for ratios in (data["ratios"], data["ratios_by_size"]["300"], data["ratios_by_size"]["600"]):
        assert {key: ratios[key] for key in expected} == expected
    assert data["targets"]["incremental_met"] is False and data["targets"]["incremental_told_met"] is True
    assert "1 product edited, --changed FILE" in table and "1 stock change, --changed-only" in table
    assert "product 120.0 ms (told 45.0 ms), stock 100.0 ms (told 40.0 ms)" in table


def test_bench_run_times_every_shelf_scenario_the_report_lists():
    run = (REPO / "bench" / "run").read_text()
    timed = set(re.findall(r"(?:hyperfine_run|_scenario) (shelf-[a-z-]+)", run))
    listed = set(re.findall(r'\("(shelf-[a-z-]+)", "shelf"', REPORT.read_text()))
    assert {"shelf-incr-product-told", "shelf-incr-stock-told"} <= listed
    assert listed == timed
