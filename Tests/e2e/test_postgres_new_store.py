"""`shelf new` with SHELF_DATABASE_URL set: the new store's sample stock goes to that PostgreSQL
database, and a database that cannot be reached is named as the PostgreSQL database (never the
SQLite file, nor its URL)."""
import os
import subprocess

from conftest import SHELF
from test_postgres import cluster, database, psql  # noqa: F401


def shelf_new(folder, url):
    environment = {**os.environ, "SHELF_DATABASE_URL": url}
    return subprocess.run([SHELF, "new", str(folder)], env=environment, capture_output=True, text=True, timeout=300)


def test_a_new_store_puts_its_sample_stock_in_the_database_the_environment_names(tmp_path, database):
    result = shelf_new(tmp_path / "shop", database)
    assert result.returncode == 0, result.stderr
    assert psql(database, "SELECT on_hand FROM stock WHERE sku = 'TEE-BLK-M'") == "10"
    assert not (tmp_path / "shop" / "data" / "shelf.sqlite").exists()


def test_a_database_it_cannot_open_is_named_without_its_url(tmp_path, cluster):
    missing = cluster.replace("/postgres?", "/no_such_shop?")
    result = shelf_new(tmp_path / "shop", missing)
    assert result.returncode != 0
    assert "the PostgreSQL database: the sample stock could not be written" in result.stderr, result.stderr
    assert "shelf.sqlite" not in result.stderr and missing not in result.stderr
