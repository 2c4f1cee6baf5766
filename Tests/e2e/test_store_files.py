"""The store's files on disk: the database is private to its owner.

Everything runs the real `shelf` and the real cart function as a CGI process on a real SQLite file."""
import os
import sqlite3
import stat
import subprocess
from contextlib import contextmanager

from cgi_process import FUNCTIONS, CGIResponse, request_env
from conftest import REPO, copy_store, shelf


@contextmanager
def umask(mask):
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def database_files(store):
    return sorted((store / "data").glob("shelf.sqlite*"))


def add_to_cart(store, preexec_fn=None):
    """POST /fn/cart/add as a web server would run it: a CGI process with the request in its environment."""
    body = b"sku=TEE-FOR-S&quantity=1"
    env = request_env(store, "POST", "/add", body=body, headers={"Origin": "https://fixture.example"})
    process = subprocess.run([str(FUNCTIONS / "cart")], input=body, env=env, capture_output=True, timeout=60,
                             preexec_fn=preexec_fn)
    assert process.returncode == 0, process.stderr.decode()
    return CGIResponse(process.stdout, process.stderr.decode())


def test_the_database_is_private_after_migrate_build_and_a_function_run(tmp_path):
    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    with umask(0o022):  # the usual umask, which leaves new files readable by everyone
        shelf("migrate", store=store)
        assert mode(store / "data") == 0o700
        assert [mode(path) for path in database_files(store)] == [0o600] * len(database_files(store))
        shelf("build", "--quiet", store=store)
        shelf("stock", "import", str(store / "stock.csv"), store=store)
        shelf("secrets", "init", store=store)
        # While a connection is open, SQLite keeps -wal and -shm files beside the database.
        with sqlite3.connect(store / "data" / "shelf.sqlite") as watcher:
            watcher.execute("SELECT count(*) FROM stock").fetchone()
            assert add_to_cart(store).status == 303
            files = database_files(store)
            assert {path.name for path in files} >= {"shelf.sqlite", "shelf.sqlite-wal", "shelf.sqlite-shm"}
            assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}
        watcher.close()
    assert mode(store / "data") == 0o700
    assert mode(store / "data" / "secrets.toml") == 0o600


def test_migrate_makes_an_older_stores_database_private(fixture_store):
    (fixture_store / "data").chmod(0o755)
    (fixture_store / "data" / "shelf.sqlite").chmod(0o644)
    output = shelf("migrate", store=fixture_store).stdout
    assert "Made data private to its owner." in output and "Made data/shelf.sqlite private to its owner." in output
    assert mode(fixture_store / "data") == 0o700
    assert mode(fixture_store / "data" / "shelf.sqlite") == 0o600
