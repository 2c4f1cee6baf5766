"""The live state of a test store, wherever the store keeps it: its SQLite file data/shelf.sqlite,
or, when SHELF_TEST_DATABASE=postgresql and SHELF_TEST_POSTGRES_URL names a cluster (`make e2e`
starts one with scripts/test-postgres), a PostgreSQL database of its own in that cluster, named by
a `[database] url` at the end of its shelf.toml so that every real binary (shelf, the functions
behind the web servers) opens it as a merchant's would.

Tests read and change the state through `rows`, `row` and `execute`, with SQLite's `?`
placeholders on both engines:

    on_hand, reserved, allocated = row(store, "SELECT on_hand, reserved, allocated FROM stock WHERE sku = ?", (sku,))
"""
import hashlib
import os
import sqlite3
import subprocess
import tomllib
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ON_POSTGRESQL = os.environ.get("SHELF_TEST_DATABASE") == "postgresql"
CLUSTER = os.environ.get("SHELF_TEST_POSTGRES_URL", "")
if ON_POSTGRESQL and not CLUSTER:
    raise RuntimeError("SHELF_TEST_DATABASE=postgresql needs SHELF_TEST_POSTGRES_URL; scripts/test-postgres start prints one")

sqlite_only = pytest.mark.skipif(ON_POSTGRESQL, reason="about the SQLite file itself")

_made = []  # the databases this session made, dropped by drop_databases()


def new_database() -> str:
    """The URL of a new, empty database of the cluster, with the C collation docs/postgresql.md asks for."""
    name = "shop_" + uuid.uuid4().hex[:12]
    _administer(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'")
    _made.append(name)
    parts = urlsplit(CLUSTER)
    return urlunsplit(parts._replace(path="/" + name))


def use_new_database(store: Path) -> None:
    """On PostgreSQL, points `store` at a new database of its own; on SQLite, nothing to do."""
    if ON_POSTGRESQL:
        point(store, new_database())


def point(store: Path, url: str) -> None:
    """Names `url` as the store's database at the end of its shelf.toml, after every other table."""
    with open(store / "shelf.toml", "a") as settings:
        settings.write(f'\n[database]\nurl = "{url}"\n')


def copy_database(source: Path, target: Path) -> None:
    """Gives `target`, a copy of the folder `source`, a copy of its database: on SQLite the file came
    with the folder; on PostgreSQL a new database gets `source`'s dump."""
    if not ON_POSTGRESQL:
        return
    url, copy = database_url(source), new_database()
    dump = subprocess.run(["pg_dump", "--no-owner", url], capture_output=True, check=True).stdout
    subprocess.run(["psql", "-qX", "-v", "ON_ERROR_STOP=1", copy], input=dump, capture_output=True, check=True)
    settings = target / "shelf.toml"
    settings.write_text(settings.read_text().replace(f'url = "{url}"', f'url = "{copy}"'))


def database_url(store: Path) -> str:
    return tomllib.loads((store / "shelf.toml").read_text())["database"]["url"]


def rows(store: Path, sql: str, params=()) -> list:
    """Every row `sql` selects from the store's database, as tuples."""
    if not ON_POSTGRESQL:
        with sqlite3.connect(store / "data" / "shelf.sqlite") as db:
            return db.execute(sql, params).fetchall()
    import psycopg
    with psycopg.connect(database_url(store)) as db:
        return db.execute(_postgresql(sql), params).fetchall()


def row(store: Path, sql: str, params=()):
    """The first row `sql` selects, or None."""
    found = rows(store, sql, params)
    return found[0] if found else None


def execute(store: Path, sql: str, params=()) -> None:
    """Runs one statement that changes the store's database, committed at once."""
    if not ON_POSTGRESQL:
        with sqlite3.connect(store / "data" / "shelf.sqlite") as db:
            db.execute(sql, params)
        return
    import psycopg
    with psycopg.connect(database_url(store)) as db:
        db.execute(_postgresql(sql), params)


def state_digest(store: Path) -> str:
    """A digest of everything in the store's database: the SQLite file's bytes, or PostgreSQL's dump."""
    if not ON_POSTGRESQL:
        return hashlib.sha256((store / "data" / "shelf.sqlite").read_bytes()).hexdigest()
    dump = subprocess.run(["pg_dump", "--no-owner", database_url(store)], capture_output=True, check=True).stdout
    # \restrict and \unrestrict carry a key pg_dump draws anew on every run.
    lines = [line for line in dump.splitlines() if not line.startswith((b"\\restrict", b"\\unrestrict"))]
    return hashlib.sha256(b"\n".join(lines)).hexdigest()


def drop_databases() -> None:
    """Drops every database this session made, even one a function process still holds."""
    while _made:
        _administer(f"DROP DATABASE IF EXISTS {_made.pop()} WITH (FORCE)")


def _postgresql(sql: str) -> str:
    """SQLite's `?` placeholders as psycopg's `%s` (a literal % doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _administer(sql: str) -> None:
    import psycopg
    with psycopg.connect(CLUSTER, autocommit=True) as db:
        db.execute(sql)
