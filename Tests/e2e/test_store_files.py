"""The store's files on disk: the database is private to its owner, and a write the disk refuses
answers 503 with Retry-After rather than "Something went wrong".

Everything runs the real `shelf` and the real cart function as a CGI process on a real SQLite file."""
import os
import resource
import signal
import sqlite3
import stat
import subprocess
from contextlib import contextmanager

import store_db
from cgi_process import FUNCTIONS, CGIResponse, request_env
from conftest import REPO, copy_store, shelf

# The SQLite file's own properties: its mode and its -wal and -shm files, and a write the disk refuses.
pytestmark = store_db.sqlite_only


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


def refuse_file_growth():
    """In the function's process, before exec: the kernel refuses every write that would grow a
    file (EFBIG, as a full disk refuses with ENOSPC), and the signal that would kill it is ignored."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def test_a_write_the_disk_refuses_answers_503_with_retry_after(fixture_store):
    shelf("secrets", "init", store=fixture_store)
    # An open connection keeps the -wal and -shm files in place: the function opens and reads the
    # database as usual, and only its write is refused.
    with sqlite3.connect(fixture_store / "data" / "shelf.sqlite") as other:
        other.execute("SELECT count(*) FROM stock").fetchone()
        refused = add_to_cart(fixture_store, preexec_fn=refuse_file_growth)
        assert refused.status == 503, refused.text
        assert refused.headers["retry-after"] == "30"
        assert "try again in a minute" in refused.text and "Something went wrong" not in refused.text
        # The log says what failed; the shopper's page does not.
        assert "disk I/O error" in refused.stderr and "disk I/O error" not in refused.text
        # Nothing was half-written: the same request succeeds once the disk takes writes again.
        assert add_to_cart(fixture_store).status == 303
    other.close()
