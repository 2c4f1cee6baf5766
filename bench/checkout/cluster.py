"""A throwaway PostgreSQL cluster for the checkout benchmarks, from scripts/test-postgres.

The test cluster runs with fsync and full-page writes off; a benchmark against SQLite in WAL
mode with `synchronous = NORMAL` (durable except for the last commits on power loss) turns them
back on and keeps `synchronous_commit = off`, PostgreSQL's setting with the same promise.
"""
import contextlib
import subprocess
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = str(ROOT / "scripts" / "test-postgres")
DURABLE = ["ALTER SYSTEM SET fsync = on", "ALTER SYSTEM SET full_page_writes = on",
           "ALTER SYSTEM SET synchronous_commit = off", "SELECT pg_reload_conf()"]


def psql(url, sql):
    return subprocess.run(["psql", url, "-AtXqc", sql], capture_output=True, text=True, check=True).stdout.strip()


@contextlib.contextmanager
def cluster():
    """The URL of a new cluster on a Unix socket, stopped and deleted afterwards."""
    folder = subprocess.run([SCRIPT, "start"], capture_output=True, text=True, check=True).stdout.strip()
    try:
        url = subprocess.run([SCRIPT, "url", folder], capture_output=True, text=True, check=True).stdout.strip()
        for statement in DURABLE:
            psql(url, statement)
        yield url
    finally:
        subprocess.run([SCRIPT, "stop", folder], check=True)


@contextlib.contextmanager
def database(url):
    """A new empty database of the cluster at `url`, dropped afterwards."""
    name = "bench_" + uuid.uuid4().hex[:12]
    psql(url, f"CREATE DATABASE {name}")
    try:
        yield url.replace("/postgres?", f"/{name}?")
    finally:
        psql(url, f"DROP DATABASE {name} WITH (FORCE)")
