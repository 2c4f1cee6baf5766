"""Stock under load: many checkout processes at once never oversell, and killing them mid-way
never corrupts the database or loses track of held stock."""
import json
import random
import re
import signal
import subprocess
import time

import pytest

import store_db
from cgi_process import FUNCTIONS, CGIResponse, request_env, run_cgi
from conftest import copy_built_store, shelf

BASE_URL = "https://shop.example.com"
SKU = "LDN-BWC-CAM-L"
ADDRESS = "email=ann%40example.com&name=Ann&street=1+Main+St&city=Dublin&postal_code=D02&country=IE"


@pytest.fixture
def store(demo_store, tmp_path):
    copy = tmp_path / "store"
    copy_built_store(demo_store, copy)
    (copy / "data" / "secrets.toml").unlink(missing_ok=True)
    shelf("secrets", "init", store=copy)
    shelf("stock", "set", SKU, "10", store=copy)
    return copy


def checkout_env(store, path, body, cookie):
    env = request_env(store, "POST", path, body=body, cookie=cookie, headers={"Origin": BASE_URL})
    env["SCRIPT_NAME"] = "/fn/checkout"
    env["REQUEST_URI"] = "/fn/checkout" + path
    return env


def prepared_shopper(store):
    """A shopper with 1 unit of SKU in the cart, an address and a method: ready to place the order."""
    body = f"sku={SKU}&quantity=1".encode()
    added = run_cgi("cart", request_env(store, "POST", "/add", body=body, headers={"Origin": BASE_URL}), body)
    cookie = added.cookies[0].split(";")[0]
    token = json.loads(run_cgi("cart", request_env(store, "GET", ".json", cookie=cookie)).body)["token"]
    for path, fields in [("/address", ADDRESS), ("/shipping", "shipping=standard")]:
        body = f"{fields}&_token={token}".encode()
        answer = run_cgi("checkout", checkout_env(store, path, body, cookie), body)
        assert answer.status == 303, answer.text[:300]
    return cookie, f"_token={token}".encode()


def place(store, shopper):
    cookie, body = shopper
    return subprocess.Popen([str(FUNCTIONS / "checkout")], env=checkout_env(store, "/payment", body, cookie),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def held(store):
    """(on_hand, reserved, allocated) of SKU, and what the order lines say is held."""
    if not store_db.ON_POSTGRESQL:  # killed writers must not have damaged the file
        assert store_db.row(store, "PRAGMA integrity_check")[0] == "ok"
    row = store_db.row(store, "SELECT on_hand, reserved, allocated FROM stock WHERE sku = ?", (SKU,))
    lines = dict(store_db.rows(
        store, "SELECT hold, COALESCE(SUM(quantity), 0) FROM order_lines WHERE sku = ? GROUP BY hold", (SKU,)))
    for on_hand, reserved, allocated in store_db.rows(store, "SELECT on_hand, reserved, allocated FROM stock"):
        assert 0 <= reserved and 0 <= allocated and reserved + allocated <= on_hand
    return row, lines


def test_fifty_checkouts_for_ten_units_never_oversell(store):
    shoppers = [prepared_shopper(store) for _ in range(50)]
    processes = [place(store, shopper) for shopper in shoppers]  # started together, before any answers
    answers = []
    for process, (_, body) in zip(processes, shoppers):
        out, err = process.communicate(body, timeout=120)
        assert process.returncode == 0, err.decode()
        answers.append(CGIResponse(out, err.decode()))
    assert all(answer.status < 500 for answer in answers), [a.status for a in answers]
    placed = [a for a in answers if a.status == 303 and a.headers["location"].startswith("/fn/checkout/test-pay")]
    refused = [a for a in answers if a.status == 303 and a.headers["location"].startswith("/fn/cart?notice=stock-changed")]
    assert (len(placed), len(refused)) == (10, 40)
    (on_hand, reserved, allocated), lines = held(store)
    assert (on_hand, reserved, allocated) == (10, 10, 0)
    assert lines == {"reserved": 10}
    # The refused shoppers' carts now say what is left: nothing.
    cookie = shoppers[answers.index(refused[0])][0]
    page = run_cgi("cart", request_env(store, "GET", "", cookie=cookie, query=refused[0].headers["location"].split("?")[1]))
    assert "some items sold out" in page.text


def test_killing_checkouts_at_random_moments_keeps_the_books_straight(store):
    rng = random.Random(20261125)
    shoppers = [prepared_shopper(store) for _ in range(30)]
    for shopper in shoppers:
        process = place(store, shopper)
        process.stdin.write(shopper[1])
        process.stdin.flush()
        time.sleep(rng.uniform(0, 0.03))
        process.send_signal(signal.SIGKILL)
        process.wait()
    (on_hand, reserved, allocated), lines = held(store)
    assert on_hand == 10 and allocated == 0
    assert reserved == lines.get("reserved", 0) <= 10
    # What a kill interrupted is either fully there or not at all: every order has its lines.
    assert store_db.row(store, "SELECT COUNT(*) FROM orders WHERE id NOT IN (SELECT order_id FROM order_lines)")[0] == 0
    # And the store still works: the reservations of unpaid orders come back when they expire.
    shelf("orders", "expire", store=store)
    assert held(store)[0][0] == 10
