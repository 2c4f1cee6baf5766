"""The merchant's first hour: `shelf new` run the way an installed `shelf` is (a symbolic link on
PATH, from an unrelated folder), a new store that takes an order as soon as it is built, and
`shelf check` naming what would stop a checkout.

Orders go through the real cart and checkout binaries as CGI processes and the store's real
database (SQLite, or PostgreSQL in the second pass of `make e2e`).
"""
import json
import os
import re
import subprocess
from urllib.parse import quote

import store_db
from cgi_process import request_env, run_cgi
from conftest import SHELF, shelf

BASE_URL = "https://shop.example.com"  # the base_url `shelf new` writes
ADDRESS = {"name": "Ann Murphy", "street": "1 Main Street", "city": "Dublin", "postal_code": "D02 X285", "country": "IE"}


def new_store(tmp_path, name="shop"):
    """`shelf new NAME` with `shelf` found on PATH through a symbolic link, run from a folder that
    has nothing to do with Shelf, without SHELF_THEMES; returns the store folder."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir(exist_ok=True)
    if not (bin_folder / "shelf").exists():
        (bin_folder / "shelf").symlink_to(SHELF)
    projects = tmp_path / "projects"
    projects.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if key != "SHELF_THEMES"}
    env["PATH"] = f"{bin_folder}:/usr/bin:/bin"
    # On PostgreSQL, as a merchant would: the new store's sample stock goes to the database the
    # environment names, which its shelf.toml then names for good.
    url = store_db.new_database() if store_db.ON_POSTGRESQL else None
    if url:
        env["SHELF_DATABASE_URL"] = url
    result = subprocess.run(["shelf", "new", name], cwd=projects, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    if url:
        store_db.point(projects / name, url)
    return projects / name


def checkout_env(store, path, body, cookie):
    env = request_env(store, "POST", path, body=body, cookie=cookie, headers={"Origin": BASE_URL})
    env["SCRIPT_NAME"] = "/fn/checkout"
    env["REQUEST_URI"] = "/fn/checkout" + path
    return env


def form(fields):
    return "&".join(f"{name}={quote(value)}" for name, value in fields.items()).encode()


def place_order(store, sku, quantity, email="ann@example.com"):
    """Adds `sku` to a new cart, checks out and pays with the test card; returns the order number."""
    body = form({"sku": sku, "quantity": str(quantity)})
    added = run_cgi("cart", request_env(store, "POST", "/add", body=body, headers={"Origin": BASE_URL}), body)
    assert added.status == 303 and added.headers["location"].startswith("/fn/cart?notice=added"), added.headers
    cookie = added.cookies[0].split(";")[0]
    token = json.loads(run_cgi("cart", request_env(store, "GET", ".json", cookie=cookie)).body)["token"]

    page = run_cgi("checkout", {**request_env(store, "GET", "", cookie=cookie), "SCRIPT_NAME": "/fn/checkout"})
    assert page.status == 200 and 'value="IE"' in page.text, "the checkout offers the store's country"
    steps = [("/address", {**ADDRESS, "email": email}, "/fn/checkout/shipping"),
             ("/shipping", {"shipping": "standard"}, "/fn/checkout/payment")]
    for path, fields, next_step in steps:
        body = form({**fields, "_token": token})
        answer = run_cgi("checkout", checkout_env(store, path, body, cookie), body)
        assert (answer.status, answer.headers.get("location")) == (303, next_step), answer.text[:500]

    body = form({"_token": token})
    placed = run_cgi("checkout", checkout_env(store, "/payment", body, cookie), body)
    assert placed.status == 303 and placed.headers["location"].startswith("/fn/checkout/test-pay?s="), placed.text[:500]
    session = placed.headers["location"].split("s=", 1)[1]
    body = form({"session": session, "card": "4242 4242 4242 4242", "name": "Ann Murphy"})
    paid = run_cgi("checkout", checkout_env(store, "/test-pay", body, cookie), body)
    assert paid.status == 303, paid.text[:500]
    return re.search(r"n=(\d+)", paid.headers["location"]).group(1)


def test_new_works_through_a_symlink_on_path_from_any_folder(tmp_path):
    store = new_store(tmp_path)
    assert (store / "themes" / "default" / "templates" / "layout.mustache").exists()
    shelf("build", "--quiet", store=store)
    assert (store / "site" / "products" / "classic-tee" / "index.html").exists()


def test_a_new_store_takes_an_order_as_soon_as_it_is_built(tmp_path):
    store = new_store(tmp_path)
    shelf("build", "--quiet", store=store)
    number = place_order(store, "TEE-BLK-M", 1)
    status, total = store_db.row(store, "SELECT status, total_minor FROM orders WHERE id = ?", (int(number) - 1000,))
    held = store_db.row(store, "SELECT on_hand, reserved, allocated FROM stock WHERE sku = 'TEE-BLK-M'")
    assert status == "paid"
    assert total == 2500 + 495, "a tee at €25.00 (tax included) and the standard rate"
    assert held == (10, 0, 1)
    assert "warning" not in shelf("check", store=store).stderr


def test_check_warns_about_what_stops_a_checkout(tmp_path):
    store = new_store(tmp_path)
    shelf("build", "--quiet", store=store)
    settings = store / "shelf.toml"
    settings.write_text(settings.read_text().replace('countries = ["IE"]\nprices_include_tax', 'countries = []\nprices_include_tax'))
    line = settings.read_text().splitlines().index("countries = []") + 1
    for sku in ["SAGE-S", "SAGE-M", "SAGE-L"]:
        shelf("stock", "set", sku, "0", store=store)
    (store / "data" / "secrets.toml").unlink()

    result = shelf("check", store=store)  # warnings only: the store still builds
    warnings = [text for text in result.stderr.splitlines() if text.startswith("warning: ")]
    assert any(text.startswith(f"warning: shelf.toml:{line}: no country to sell to") for text in warnings), warnings
    assert any(text.startswith("warning: content/products/sage-tee.md: no SKU of \"Sage Tee\" has stock") for text in warnings)
    assert not any("classic-tee" in text for text in warnings), "one SKU in stock is enough"
    assert any(text.startswith("warning: data/secrets.toml: ") and "shelf secrets init" in text for text in warnings)

    shelf("secrets", "init", store=store)
    settings.write_text(settings.read_text().replace('provider = "test"', 'provider = "stripe"'))
    warnings = shelf("check", store=store).stderr
    assert "data/secrets.toml: stripe_secret_key is missing" in warnings
    assert "data/secrets.toml: stripe_webhook_secret is missing" in warnings


@store_db.sqlite_only
def test_check_says_there_is_no_database_yet_and_makes_none(tmp_path):
    store = new_store(tmp_path)
    for name in ["shelf.sqlite", "shelf.sqlite-wal", "shelf.sqlite-shm"]:
        (store / "data" / name).unlink(missing_ok=True)
    assert "warning: data/shelf.sqlite: there is no database yet" in shelf("check", store=store).stderr
    assert not (store / "data" / "shelf.sqlite").exists(), "checking creates nothing"
