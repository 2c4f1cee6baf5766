"""The command line on a PostgreSQL store: `shelf migrate`, `shelf build` and the stock commands
open the database SHELF_DATABASE_URL or `[database] url` names, in a throwaway cluster that
scripts/test-postgres starts (or the one `make test` already runs)."""
import os
import subprocess
import uuid

import pytest

from conftest import REPO, SHELF, copy_store

SCRIPT = str(REPO / "scripts" / "test-postgres")


@pytest.fixture(scope="module")
def cluster():
    """The URL of a PostgreSQL cluster listening only on a Unix socket."""
    if os.environ.get("SHELF_TEST_POSTGRES_URL"):
        yield os.environ["SHELF_TEST_POSTGRES_URL"]
        return
    folder = subprocess.run([SCRIPT, "start"], capture_output=True, text=True, check=True).stdout.strip()
    try:
        yield subprocess.run([SCRIPT, "url", folder], capture_output=True, text=True, check=True).stdout.strip()
    finally:
        subprocess.run([SCRIPT, "stop", folder], check=True)


def psql(url, sql):
    return subprocess.run(["psql", url, "-AtXqc", sql], capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def database(cluster):
    """The URL of a new, empty database of the cluster, dropped afterwards."""
    name = "shop_" + uuid.uuid4().hex[:12]
    psql(cluster, f"CREATE DATABASE {name}")
    yield cluster.replace("/postgres?", f"/{name}?")
    psql(cluster, f"DROP DATABASE {name} WITH (FORCE)")


def shelf(store, *args, url=None, check=True):
    environment = dict(os.environ)
    environment.pop("SHELF_DATABASE_URL", None)
    if url:
        environment["SHELF_DATABASE_URL"] = url
    result = subprocess.run([SHELF, *args, "--store", str(store)], capture_output=True, text=True, timeout=300, env=environment)
    if check and result.returncode != 0:
        raise AssertionError(f"shelf {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


def test_migrate_creates_and_then_keeps_a_postgresql_schema(tmp_path, database):
    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    first = shelf(store, "migrate", url=database).stdout
    assert first.startswith("Applied: catalogue, cart, orders")
    assert shelf(store, "migrate", url=database).stdout.strip() == "The database is up to date."
    assert "account_tokens" in psql(database, "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")
    assert not (store / "data" / "shelf.sqlite").exists(), "a PostgreSQL store makes no SQLite file"


def test_build_and_stock_commands_use_the_url_of_shelf_toml(tmp_path, database):
    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    with open(store / "shelf.toml", "a") as settings:
        settings.write(f'\n[database]\nurl = "{database}"\n')
    shelf(store, "build", "--quiet")
    shelf(store, "stock", "import", str(store / "stock.csv"))
    assert "TEE-FOR-M: 7 on hand" in shelf(store, "stock", "set", "TEE-FOR-M", "7").stdout
    assert psql(database, "SELECT on_hand FROM stock WHERE sku = 'TEE-FOR-M'") == "7"
    assert "TEE-FOR-M" in shelf(store, "stock", "list").stdout
    assert not (store / "data" / "shelf.sqlite").exists()


def test_a_password_in_shelf_toml_is_refused_with_its_line(tmp_path):
    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    lines = len((store / "shelf.toml").read_text().splitlines())
    with open(store / "shelf.toml", "a") as settings:
        settings.write('\n[database]\nurl = "postgresql://shop:hunter2@db.example/shop"\n')
    result = shelf(store, "migrate", check=False)
    assert result.returncode != 0
    assert f"shelf.toml:{lines + 3}: the database password is a secret" in result.stderr
    assert "hunter2" not in result.stderr


def test_an_unreachable_database_is_named_without_its_url(tmp_path):
    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    result = shelf(store, "stock", "list", url="postgresql://shop:hunter2@/shop?host=/nonexistent", check=False)
    assert result.returncode != 0
    assert result.stderr.startswith("the PostgreSQL database: ") and "cannot connect" in result.stderr
    assert "hunter2" not in result.stderr


def test_the_cart_function_keeps_its_cart_in_postgresql(tmp_path, database):
    """The cart binary as a CGI process, pointed at PostgreSQL by the web server's environment."""
    from cgi_process import request_env, run_cgi

    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    shelf(store, "build", "--quiet", url=database)
    shelf(store, "stock", "import", str(store / "stock.csv"), url=database)
    shelf(store, "secrets", "init")
    body = b"sku=TEE-FOR-S&quantity=2"
    env = request_env(store, "POST", "/add", body=body, headers={"Origin": "https://fixture.example"})
    env["SHELF_DATABASE_URL"] = database
    added = run_cgi("cart", env, body)
    assert added.status == 303, added.text[:300]
    assert psql(database, "SELECT sku || ' ' || quantity FROM cart_lines") == "TEE-FOR-S 2"
    cookie = added.cookies[0].split(";")[0]
    page = request_env(store, "GET", ".json", cookie=cookie)
    page["SHELF_DATABASE_URL"] = database
    cart = run_cgi("cart", page)
    assert cart.status == 200 and '"TEE-FOR-S"' in cart.text
    assert not (store / "data" / "shelf.sqlite").exists()
