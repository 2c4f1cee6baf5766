"""The stores of the end-to-end tests keep their state where the pass says: the SQLite file
data/shelf.sqlite, or in the PostgreSQL pass of `make e2e` a database of their own, which a copy
of a built store copies rather than shares."""
import store_db
from conftest import copy_built_store, shelf


def test_a_built_store_keeps_its_state_in_the_database_of_the_pass(fixture_store):
    assert store_db.row(fixture_store, "SELECT on_hand FROM stock WHERE sku = ?", ("TEE-FOR-M",)) is not None
    assert (fixture_store / "data" / "shelf.sqlite").exists() == (not store_db.ON_POSTGRESQL)


def test_a_copy_of_a_built_store_changes_nothing_of_the_original(demo_store, tmp_path):
    copy = copy_built_store(demo_store, tmp_path / "copy")
    [(sku, on_hand)] = store_db.rows(demo_store, "SELECT sku, on_hand FROM stock ORDER BY sku LIMIT 1")
    assert store_db.row(copy, "SELECT on_hand FROM stock WHERE sku = ?", (sku,)) == (on_hand,)
    shelf("stock", "set", sku, str(on_hand + 5), store=copy)
    assert store_db.row(copy, "SELECT on_hand FROM stock WHERE sku = ?", (sku,)) == (on_hand + 5,)
    assert store_db.row(demo_store, "SELECT on_hand FROM stock WHERE sku = ?", (sku,)) == (on_hand,)
