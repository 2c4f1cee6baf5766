"""The cart binary as a real CGI process: crafted environments and stdin, real SQLite, the theme."""
import json
import os
import stat

import pytest

from cgi_process import run_cgi, request_env
from conftest import copy_built_store, shelf
from store_db import sqlite_only
from html_model import parse

BASE_URL = "https://shop.example.com"  # the demo store's base_url
SOLD_OUT = "LDN-LMD-BLK-S"


@pytest.fixture
def store(demo_store, tmp_path):
    """A private copy of the built demo store with a secrets file."""
    copy = tmp_path / "store"
    copy_built_store(demo_store, copy)
    (copy / "data" / "secrets.toml").unlink(missing_ok=True)
    shelf("secrets", "init", store=copy)
    return copy


def stock_of(store, sku):
    for line in (store / "demo" / "stock.csv").read_text().splitlines()[1:]:
        name, quantity = line.split(",")
        if name == sku:
            return int(quantity)
    raise KeyError(sku)


def post(store, path, fields, cookie=None, headers=None, **kwargs):
    body = "&".join(f"{name}={value}" for name, value in fields.items()).encode()
    env = request_env(store, "POST", path, body=body, cookie=cookie,
                      headers={"Origin": BASE_URL, **(headers or {})}, **kwargs)
    return run_cgi("cart", env, body)


def session_cookie(response):
    assert response.cookies, f"no Set-Cookie in {response.status}: {response.text[:300]}"
    return response.cookies[0].split(";")[0]


def cart_json(store, cookie):
    response = run_cgi("cart", request_env(store, "GET", ".json", cookie=cookie))
    assert response.status == 200 and response.headers["content-type"] == "application/json"
    return json.loads(response.body)


def test_add_redirects_and_the_cart_page_shows_the_line(store):
    added = post(store, "/add", {"sku": "LDN-BWC-CAM-XS", "quantity": "2", "option": "Camel"})
    assert added.status == 303
    assert added.headers["location"] == "/fn/cart?notice=added&sku=LDN-BWC-CAM-XS"
    cookie = session_cookie(added)
    assert "HttpOnly" in added.cookies[0] and "SameSite=Lax" in added.cookies[0]

    page = run_cgi("cart", request_env(store, "GET", "", cookie=cookie, query="notice=added&sku=LDN-BWC-CAM-XS"))
    assert page.status == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-store"
    html = parse(page.text)
    lines = [element for element in html.find_all("li") if "cart-line" in element.classes()]
    assert len(lines) == 1
    assert "Belted Wool Wrap Coat" in lines[0].text
    assert "€478.00" in lines[0].text  # 2 × €239.00, the catalogue price
    assert "Added Belted Wool Wrap Coat — Camel / XS to your cart." in page.text
    # The same layout as the static pages: the fingerprinted stylesheet and the header.
    assert html.find("link", rel="stylesheet").attrs["href"].startswith("/assets/app.")
    assert "site-header" in html.find("header").classes()


def test_the_json_cart_matches(store):
    cookie = session_cookie(post(store, "/add", {"sku": "LDN-BWC-CAM-XS", "quantity": "1"}))
    post(store, "/add", {"sku": "LDN-BWC-CAM-M", "quantity": "1"}, cookie=cookie)
    cart = cart_json(store, cookie)
    assert cart["count"] == 2
    assert [line["sku"] for line in cart["lines"]] == ["LDN-BWC-CAM-XS", "LDN-BWC-CAM-M"]
    assert cart["subtotal"] == {"amount": 47800, "currency": "EUR", "formatted": "€478.00"}


def test_more_than_the_stock_is_capped(store):
    sku = "LDN-BWC-CAM-S"
    available = stock_of(store, sku)
    response = post(store, "/add", {"sku": sku, "quantity": "9"})
    assert response.headers["location"] == f"/fn/cart?notice=limited-stock&sku={sku}"
    assert cart_json(store, session_cookie(response))["lines"][0]["quantity"] == available


def test_sold_out_and_bad_requests_are_refused_with_a_themed_page(store):
    assert stock_of(store, SOLD_OUT) == 0
    refused = post(store, "/add", {"sku": SOLD_OUT})
    assert refused.status == 409 and "sold out" in refused.text
    assert "site-header" in parse(refused.text).find("header").classes()  # themed, not a bare error
    assert post(store, "/add", {"sku": "LDN-BWC-CAM-S", "quantity": "abc"}).status == 400
    assert post(store, "/add", {"sku": "LDN-BWC-CAM-S"}, headers={"Origin": "https://evil.example"}).status == 403
    assert run_cgi("cart", request_env(store, "GET", "/nope")).status == 404


def test_content_length_is_checked_before_reading(store):
    body = b"sku=LDN-BWC-CAM-S&quantity=1"
    def send(length, stdin=body, content_type="application/x-www-form-urlencoded"):
        env = request_env(store, "POST", "/add", body=body, length=length, content_type=content_type,
                          headers={"Origin": BASE_URL})
        if length is None:
            del env["CONTENT_LENGTH"]
        return run_cgi("cart", env, stdin).status

    assert send(None) == 411
    assert send("12abc") == 400
    assert send("-5") == 400
    assert send("100000") == 413
    assert send(str(len(body) + 10)) == 400  # stdin ends before the declared length
    assert send(str(len(body)), content_type="text/plain") == 415
    assert send(str(len(body))) == 303


def test_bad_paths_are_refused(store):
    assert run_cgi("cart", request_env(store, "GET", "/../shelf.toml")).status == 400
    env = request_env(store, "GET", "/add")
    env["REQUEST_URI"] = "/fn/cart%2fadd"
    assert run_cgi("cart", env).status == 400


def test_head_has_no_body(store):
    response = run_cgi("cart", request_env(store, "HEAD", ".json"))
    assert response.status == 200 and response.body == b""


def test_no_secret_or_environment_value_reaches_a_response(store):
    key = (store / "data" / "secrets.toml").read_text().split('"')[1]
    env = request_env(store, "POST", "/add", body=b"sku=%ZZ", headers={"Origin": BASE_URL})
    env["DATABASE_PASSWORD"] = "hunter2-environment-value"
    env["HTTP_PROXY"] = "http://attacker.example:3128"
    responses = [run_cgi("cart", env, b"sku=%ZZ"),
                 run_cgi("cart", {**env, "CONTENT_LENGTH": "x"}, b""),
                 run_cgi("cart", request_env(store, "GET", "/nope"))]
    for response in responses:
        assert response.status in (400, 404)
        for secret in (key, "hunter2-environment-value", "attacker.example", str(store)):
            assert secret not in response.text
            assert all(secret not in value for value in response.headers.values())


def test_refuses_to_start_without_a_store_or_with_readable_secrets(store):
    env = request_env(store, "GET", ".json")
    del env["SHELF_ROOT"]
    response = run_cgi("cart", env)
    assert response.status == 503 and "SHELF_ROOT is not set" in response.stderr
    assert "SHELF_ROOT" not in response.text

    secrets = store / "data" / "secrets.toml"
    os.chmod(secrets, stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
    response = run_cgi("cart", request_env(store, "GET", ".json"))
    assert response.status == 503
    assert "chmod 600 data/secrets.toml" in response.stderr
    assert "chmod" not in response.text


def test_every_answer_has_the_security_headers(store):
    for response in [run_cgi("cart", request_env(store, "GET", "")),
                     run_cgi("cart", request_env(store, "GET", "/nope")),
                     post(store, "/add", {"sku": "LDN-BWC-CAM-S"}, headers={"Sec-Fetch-Site": "cross-site"})]:
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert response.headers["cache-control"] == "no-store"
        assert "strict-transport-security" not in response.headers  # plain HTTP here


@sqlite_only
def test_the_write_ahead_logs_stay_short_under_cgi(store):
    """A CGI process that finds a database file's log grown to 64 frames closes the file after
    answering, so the last to close it checkpoints the log and deletes it. Left open, a process
    that writes once never restarts the log, and every later process reads all of it back: it
    grew by each add (about 9 frames in the store's file and 5 in the analytics file)."""
    data = store / "data"
    page = 4096 + 24
    for _ in range(30):
        # A new shopper: a session and a line in the store, a cart_add event in the analytics file.
        added = post(store, "/add", {"sku": "LDN-BWC-CAM-XS", "quantity": "1"})
        assert added.status == 303
        for name in ("shelf.sqlite-wal", "shelf-analytics.sqlite-wal"):
            wal = data / name
            size = wal.stat().st_size if wal.exists() else 0
            # 64 frames, and what one more request wrote before its process closed the file.
            assert size < 32 + 96 * page, f"{name} has grown to {size // page} frames"
    assert cart_json(store, session_cookie(added))["count"] == 1
