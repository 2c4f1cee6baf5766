"""The analytics' own database: on SQLite the file data/shelf-analytics.sqlite beside the store's,
so that beacons never queue on checkout's write lock; on PostgreSQL the store's database.
`rows` and `execute` take SQLite's `?` placeholders on both engines, like store_db's."""
import sqlite3
import time
from pathlib import Path

import store_db


def path(store: Path) -> Path:
    return store / "data" / "shelf-analytics.sqlite"


def rows(store: Path, sql: str, params=()) -> list:
    """Every row `sql` selects from the analytics' database, as tuples."""
    if store_db.ON_POSTGRESQL:
        return store_db.rows(store, sql, params)
    with sqlite3.connect(path(store)) as db:
        return db.execute(sql, params).fetchall()


def execute(store: Path, sql: str, params=()) -> None:
    """Runs one statement that changes the analytics' database, committed at once."""
    if store_db.ON_POSTGRESQL:
        return store_db.execute(store, sql, params)
    with sqlite3.connect(path(store)) as db:
        db.execute(sql, params)


def wait_until(condition, what: str) -> None:
    """Waits, sending no request, until `condition()` holds. A FastCGI process writes the events
    it keeps once no request has come for 10 ms (docs/analytics.md, "Events written in
    batches"), so an event may land just after its answer; a minute is far more than enough."""
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, f"waited a minute for {what}"
        time.sleep(0.02)
