#!/usr/bin/env python3
"""`shelf newsletter send` to 100,000 subscribers, then `shelf mail deliver` to a local SMTP sink.

    run.py [--subscribers 100000] [--rate N] [--deliver-seconds S] [--skip-build] [--results bench/results.json]

A copy of the demo store is built (release `shelf`), given N confirmed subscribers (written
straight into its SQLite file in one transaction: the benchmark is about sending, not signing
up) and a newsletter with three sections, a product card and store links. Then, each under GNU
time (wall time, user + system CPU, peak RSS):

1. `shelf newsletter send`: the time to queue one outbox email per subscriber, and the outbox's
   size: the bytes its rows and the recorded newsletter add to the database file (WAL
   checkpointed), and per message;
2. `shelf mail deliver` (with `--rate` when given) to an aiosmtpd sink on loopback (sink.py, its
   own process, keeping nothing): messages per second, checked against the sink's count. With
   `--deliver-seconds S` it is stopped (SIGTERM) after S seconds and the rate is the messages
   sent by then over S; its peak memory is then read from /proc (VmHWM) just before;
3. `shelf newsletter send` again: nothing is queued (the same newsletter is never sent twice).

Results go under "newsletter" in bench/results.json (other keys are kept) with the load average
beside each figure; the target is at least 200 messages a second.
"""
import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
WORK = BENCH / "work" / "newsletter"
RELEASE = ROOT / ".build" / "release"
SHELF = Path(os.environ.get("SHELF_BENCH_BIN", RELEASE / "shelf"))
# SHELF_BENCH_BIN runs another binary (a debug build when no release build can be made in time).
SHELF_NOTE = "SHELF_BENCH_BIN" if "SHELF_BENCH_BIN" in os.environ else ".build/release"

NEWSLETTER = """---
subject: Spring is here
preheader: New coats, a story from the workshop, and free shipping this week
audience: all
sections: [intro, coats, story]
---
Hello! The first warm days are here, and so are the new things. [See what is new](/catalogue/).

## New coats

Warm enough for April mornings, light enough for the afternoon.

{{product belted-wool-wrap-coat}}

## From the workshop

How we choose our wool: [read the story](/stories/) or [write to us](https://example.org/contact).
"""


def say(text):
    print(f"[newsletter] {text}", flush=True)


def load1():
    return round(os.getloadavg()[0], 2)


def timed(command, cwd=None):
    """Runs `command` under GNU time; returns its stdout and wall, CPU and peak memory."""
    report = WORK / "time.txt"
    load = load1()
    started = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-v", "-o", str(report), *command], cwd=cwd, capture_output=True, text=True)
    wall = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    text = report.read_text()

    def field(name):
        return float(re.search(rf"{re.escape(name)}: ([0-9.]+)", text).group(1))

    return result.stdout, {
        "wall_s": round(wall, 2), "cpu_s": round(field("User time (seconds)") + field("System time (seconds)"), 2),
        "peak_rss_mib": round(field("Maximum resident set size (kbytes)") / 1024, 1), "load1_at_start": load, "load1_at_end": load1(),
    }


def stopped_after(command, seconds):
    """Runs `command` for `seconds`, then stops it; its wall time, CPU and peak memory."""
    load = load1()
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak, cpu = 0, 0.0
    while process.poll() is None and time.monotonic() - started < seconds:
        time.sleep(0.5)
        with contextlib.suppress(OSError):
            status = Path(f"/proc/{process.pid}/status").read_text()
            peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
            ticks = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            cpu = (int(ticks[11]) + int(ticks[12])) / os.sysconf("SC_CLK_TCK")
    if process.poll() is None:
        process.terminate()
    process.wait()
    wall = time.monotonic() - started
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "peak_rss_mib": round(peak / 1024, 1), "stopped_after_s": seconds,
            "load1_at_start": load, "load1_at_end": load1()}


def database_bytes(path):
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.stat().st_size


def prepare_store(subscribers, port):
    store = WORK / "store"
    if store.exists():
        shutil.rmtree(store)
    store.mkdir(parents=True)
    for name in ["shelf.toml", "content", "static", "themes", "demo"]:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, store / name)
    with open(store / "shelf.toml", "a") as settings:
        settings.write(f'\n[mail]\nfrom = "Evergreen <news@shop.example.com>"\ntransport = "smtp"\nsmtp_host = "127.0.0.1"\n'
                       f'smtp_port = {port}\nsmtp_security = "none"\n')
    (store / "content" / "newsletters").mkdir(parents=True, exist_ok=True)
    (store / "content" / "newsletters" / "spring.md").write_text(NEWSLETTER)
    subprocess.run([str(SHELF), "secrets", "init", "--store", str(store)], check=True, capture_output=True)
    subprocess.run([str(SHELF), "build", "--quiet", "--store", str(store)], check=True)
    database = store / "data" / "shelf.sqlite"
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO subscribers (email, status, created_at, confirmed_at) VALUES (?, 'confirmed', 1, 2)",
            ((f"reader{index:06d}@example.org",) for index in range(subscribers)))
        db.execute("INSERT INTO subscriber_topics (subscriber_id, topic) SELECT id, 'news' FROM subscribers")
    return store, database


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--rate", type=int, help="passed to shelf mail deliver --rate (default: as fast as it goes)")
    parser.add_argument("--deliver-seconds", type=int, help="stop the delivery after this many seconds (default: deliver all)")
    parser.add_argument("--skip-build", action="store_true", help="use the shelf already in .build/release")
    parser.add_argument("--results", type=Path, default=BENCH / "results.json")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if not args.skip_build:
        say("swift build -c release --product shelf")
        subprocess.run(["swift", "build", "-c", "release", "--product", "shelf"], cwd=ROOT, check=True,
                       stdout=open(WORK / "swift-build.log", "w"), stderr=subprocess.STDOUT)
    sink = subprocess.Popen([sys.executable, str(Path(__file__).with_name("sink.py"))], stdout=subprocess.PIPE, text=True)
    try:
        port = int(sink.stdout.readline().split()[1])
        say(f"store with {args.subscribers} confirmed subscribers; SMTP sink on port {port}")
        store, database = prepare_store(args.subscribers, port)
        before = database_bytes(database)

        say("shelf newsletter send")
        out, send = timed([str(SHELF), "newsletter", "send", "content/newsletters/spring.md", "--store", str(store)])
        queued = int(re.search(r"Queued (\d+) email", out).group(1))
        assert queued == args.subscribers, out
        after = database_bytes(database)
        with sqlite3.connect(database) as db:
            rows = db.execute("SELECT SUM(length(template) + length(recipient) + length(data) + 40) FROM outbox").fetchone()[0]
            issue = db.execute("SELECT length(html) + length(text) + length(links) FROM newsletters").fetchone()[0]

        say("shelf mail deliver" + (f" --rate {args.rate}" if args.rate else ""))
        command = [str(SHELF), "mail", "deliver", "--store", str(store)] + (["--rate", str(args.rate)] if args.rate else [])
        if args.deliver_seconds:
            deliver = stopped_after(command, args.deliver_seconds)
            with sqlite3.connect(database) as db:
                sent = db.execute("SELECT COUNT(*) FROM outbox WHERE status = 'sent'").fetchone()[0]
        else:
            out, deliver = timed(command)
            sent = int(re.search(r"Sent (\d+)", out).group(1))
            assert sent == args.subscribers, out

        say("shelf newsletter send, again")
        out, again = timed([str(SHELF), "newsletter", "send", "content/newsletters/spring.md", "--store", str(store)])
        assert "Queued 0 emails" in out, out
    finally:
        sink.terminate()
        counted = sink.communicate(timeout=60)[0].split()
    received, received_bytes = int(counted[0]), int(counted[1])
    # Stopped mid-send, the one message in flight may have reached the sink unrecorded.
    assert received - sent in (0, 1), f"the sink received {received}, the outbox says {sent} sent"

    result = {
        "command": "python3 bench/newsletter/run.py " + " ".join(sys.argv[1:]),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip(),
        "machine": {"nproc": os.cpu_count(), "kernel": platform.release()},
        "binary": "debug" if "/debug/" in str(SHELF) else "release",
        "setup": (f"{'debug' if '/debug/' in str(SHELF) else 'release'} shelf ({SHELF_NOTE}); demo store, SQLite in WAL; subscribers written straight into the database; "
                  "aiosmtpd sink on loopback in its own process, plain SMTP, keeping nothing; GNU time"),
        "subscribers": args.subscribers,
        "send": {**send, "queued": queued, "emails_per_s": round(queued / send["wall_s"], 1)},
        "outbox": {"database_growth_bytes": after - before, "bytes_per_message": round((after - before) / queued, 1),
                   "row_payload_bytes": rows, "newsletter_bytes": issue},
        "deliver": {**deliver, "rate_limit": args.rate, "sent": sent, "messages_per_s": round(sent / deliver["wall_s"], 1),
                    "cpu_ms_per_message": round(deliver["cpu_s"] * 1000 / sent, 3),
                    "sink_received": received, "sink_bytes_per_message": round(received_bytes / received)},
        "send_again": {**again, "queued": 0},
        "target_messages_per_s": 200,
    }
    result["deliver"]["meets_target"] = result["deliver"]["messages_per_s"] >= 200
    results = json.loads(args.results.read_text()) if args.results.exists() else {}
    results["newsletter"] = result
    args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
