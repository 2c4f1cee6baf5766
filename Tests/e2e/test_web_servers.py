"""The store behind real web servers, each configured by `shelf server-config` and nothing else.

lighttpd (CGI, and FastCGI it starts itself), nginx and Caddy (FastCGI responders started with
spawn-fcgi) and Apache (CGI through mod_cgid) each serve a fresh demo store on loopback, and the
same shopper runs through the same scenario against each.
"""
import contextlib
import gzip
import json
import os
import signal
import socket
import subprocess
import time
import tomllib

import pytest
import yaml

from html_model import parse
from servers.browser import Browser
from servers.launch import SERVERS, serve, start, stop

PRODUCT = "organic-cotton-tee"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
                               "object-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


@pytest.fixture(scope="module", params=SERVERS, ids=lambda server: server.id)
def site(request):
    with serve(request.param) as site:
        yield site


@pytest.fixture(autouse=True)
def server_logs(site):
    """Prints what the server and the functions logged during the test; pytest shows it when the test fails."""
    sizes = site.log_sizes()
    yield
    print(site.logs_since(sizes))


class Shopper(Browser):
    """A browser on the store's own pages: its form posts carry the Origin the store's base URL names."""

    def __init__(self, site):
        super().__init__(site.base)
        self.origin = tomllib.loads((site.store / "shelf.toml").read_text())["base_url"]

    def submit(self, path, fields, headers=None):
        return self.post(path, fields, {"Origin": self.origin, **(headers or {})})

    def cart(self):
        answer = self.get("/fn/cart.json")
        assert answer.status == 200 and answer.headers["Content-Type"].startswith("application/json")
        return json.loads(answer.body)


def assert_security_headers(answer):
    for name, value in SECURITY_HEADERS.items():
        assert answer.headers.get_all(name) == [value], name


def catalogue_prices(site):
    """SKU → price in cents, from the product's content file: what the cart must charge."""
    front_matter = (site.store / "content" / "products" / f"{PRODUCT}.md").read_text().split("---")[1]
    product = yaml.safe_load(front_matter)
    cents = lambda text: round(float(text) * 100)  # noqa: E731 — prices in the file are decimal strings
    return {v["sku"]: cents(v.get("price", product["price"])) for v in product["variants"]}


def euros(cents):
    return f"€{cents // 100}.{cents % 100:02d}"


def product_form(shopper):
    document = parse(shopper.get(f"/products/{PRODUCT}/").text)
    radios = document.find("form", action="/fn/cart/add").find_all("input", name="sku")
    in_stock = [r.attrs["value"] for r in radios if "disabled" not in r.attrs]
    sold_out = [r.attrs["value"] for r in radios if "disabled" in r.attrs]
    return in_stock, sold_out


def test_static_pages_come_pre_compressed_with_security_headers(site):
    shopper = Shopper(site)
    page = shopper.get(f"/products/{PRODUCT}/")
    file = site.store / "site" / "products" / PRODUCT / "index.html"
    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    assert page.body == file.read_bytes()
    assert_security_headers(page)

    compressed = shopper.get(f"/products/{PRODUCT}/", {"Accept-Encoding": "gzip"})
    assert compressed.status == 200 and compressed.headers["Content-Encoding"] == "gzip"
    assert compressed.headers["Content-Type"].startswith("text/html")
    assert compressed.body == (file.parent / "index.html.gz").read_bytes()
    assert "Accept-Encoding" in ", ".join(compressed.headers.get_all("Vary") or [])
    assert_security_headers(compressed)

    stylesheet = parse(page.text).find("link", rel="stylesheet").attrs["href"]
    assert stylesheet.startswith("/assets/app.")
    asset = shopper.get(stylesheet, {"Accept-Encoding": "gzip"})
    assert asset.status == 200 and asset.headers["Content-Type"].startswith("text/css")
    assert asset.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(asset.body) == (site.store / "site" / stylesheet.lstrip("/")).read_bytes()
    assert asset.headers.get_all("Cache-Control") == ["public, max-age=31536000, immutable"]
    assert_security_headers(asset)


def test_unknown_addresses_get_the_store_404_page(site):
    shopper = Shopper(site)
    not_found = (site.store / "site" / "404.html").read_bytes()
    # /fn/shelf: the shelf executable sits in the functions folder, but only Shelf's functions are mapped.
    for path in ["/no-such-page/", "/no-such-file.css", "/fn/shelf", "/fn/cartoon", "/fn/"]:
        answer = shopper.get(path)
        assert answer.status == 404 and answer.body == not_found, path
        assert_security_headers(answer)
        compressed = shopper.get(path, {"Accept-Encoding": "gzip"})
        assert compressed.status == 404, path
        body = gzip.decompress(compressed.body) if compressed.headers["Content-Encoding"] == "gzip" else compressed.body
        assert body == not_found, path


def test_a_shopper_fills_changes_and_reviews_a_cart(site):
    shopper = Shopper(site)
    prices = catalogue_prices(site)
    in_stock, _ = product_form(shopper)
    regular = next(sku for sku in in_stock if prices[sku] == 2900)
    larger = next(sku for sku in in_stock if prices[sku] == 3100)
    extra = next(sku for sku in in_stock if sku not in (regular, larger))

    # A Proxy header (httpoxy) changes nothing: the function still answers.
    added = shopper.submit("/fn/cart/add", {"sku": regular, "quantity": "2"}, {"Proxy": "http://evil.example:8080"})
    assert added.status == 303 and added.headers["Location"] == f"/fn/cart?notice=added&sku={regular}"
    cookie = added.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and cookie.startswith("shelf_session=")
    assert_security_headers(added)
    # A forged price is ignored: the cart charges the catalogue's.
    assert shopper.submit("/fn/cart/add", {"sku": larger, "quantity": "1", "price": "1"}).status == 303
    assert shopper.submit("/fn/cart/add", {"sku": extra}).status == 303

    token = shopper.cart()["token"]
    assert shopper.submit("/fn/cart/update", {"sku": regular, "quantity": "3", "_token": token}).status == 303
    assert shopper.submit("/fn/cart/remove", {"sku": extra, "_token": token}).status == 303

    expected = {regular: (3, 3 * prices[regular]), larger: (1, prices[larger])}
    subtotal = sum(total for _, total in expected.values())
    cart = shopper.cart()
    lines = {line["sku"]: (line["quantity"], line["line_total"]["amount"]) for line in cart["lines"]}
    assert lines == expected and len(cart["lines"]) == 2
    assert cart["count"] == 4 and cart["subtotal"]["amount"] == subtotal
    assert cart["subtotal"]["formatted"] == euros(subtotal)

    page = shopper.get("/fn/cart")
    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    assert_security_headers(page)
    document = parse(page.text)
    shown = {
        line.attrs["data-sku"]: (
            line.find("input", name="quantity").attrs["value"],
            line.find("p", class_="cart-line__total").text.replace("Line total:", "").strip(),
        )
        for line in document.find_all("li", class_="cart-line")
    }
    assert shown == {sku: (str(quantity), euros(total)) for sku, (quantity, total) in expected.items()}
    # The page and cart.json agree, line by line and in the same order.
    assert list(shown) == [line["sku"] for line in cart["lines"]]
    assert [total for _, total in shown.values()] == [line["line_total"]["formatted"] for line in cart["lines"]]
    assert document.find("dd", data_cart_total_count=True).text == "4"
    assert document.find("dd", data_cart_subtotal=True).text == euros(subtotal)
    assert {field.attrs["value"] for field in document.find_all("input", name="_token")} == {token}


def test_refused_requests_get_their_status_and_change_nothing(site):
    shopper = Shopper(site)
    in_stock, sold_out = product_form(shopper)
    assert shopper.submit("/fn/cart/add", {"sku": in_stock[0]}).status == 303
    before = shopper.cart()

    cross_site = shopper.post("/fn/cart/add", {"sku": in_stock[1]}, {"Sec-Fetch-Site": "cross-site"})
    assert cross_site.status == 403
    assert_security_headers(cross_site)
    assert shopper.post("/fn/cart/add", {"sku": in_stock[1]}, {"Origin": "https://evil.example"}).status == 403

    # Over the add route's own 4 KiB limit, and over the server's 64 KiB limit for /fn/.
    for size in (5000, 100_000):
        answer = shopper.submit("/fn/cart/add", b"sku=" + b"A" * size)
        assert answer.status == 413, size

    for quantity in ("abc", "0"):
        assert shopper.submit("/fn/cart/add", {"sku": in_stock[1], "quantity": quantity}).status == 400, quantity

    unknown = shopper.get("/fn/cart/nope")
    assert unknown.status == 404
    assert_security_headers(unknown)

    assert sold_out, "the demo stock has a sold-out variant of this product"
    assert shopper.submit("/fn/cart/add", {"sku": sold_out[0]}).status == 409

    after = shopper.cart()
    assert after["lines"] == before["lines"]
    assert sold_out[0] not in [line["sku"] for line in after["lines"]]


def accepts(path):
    """True when a process accepts connections on the Unix socket `path`."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX) as sock:
        sock.connect(str(path))
        return True
    return False


def test_a_function_that_is_down_shows_the_stores_503_page(site):
    shopper = Shopper(site)
    for status in (500, 503):
        page = shopper.get(f"/{status}.html")
        assert page.status == 200 and page.body == (site.store / "site" / f"{status}.html").read_bytes()
        assert f'<p class="notfound__code">{status}</p>' in page.text and 'href="/assets/app.' in page.text
    # An error a function answers itself keeps the function's own page.
    own = shopper.get("/fn/cart/nope")
    assert own.status == 404 and own.body != (site.store / "site" / "404.html").read_bytes()
    # Where the operator starts the functions (spawn-fcgi), stop the cart's responder as a restart
    # would: the server must answer with the store's page, not its own bare one. (Under CGI there
    # is no responder to stop.)
    if site.server.name == "lighttpd" and site.server.fastcgi:
        kill_lighttpds_cart_responders(site, shopper)
        return
    responder = next((p for p in site.processes if any(str(a).endswith("/cart.sock") for a in p.args)), None)
    if responder is None:
        return
    socket_path = next(a for a in responder.args if str(a).endswith("/cart.sock"))
    stop(responder)
    try:
        down = shopper.get("/fn/cart")
        assert down.status in (502, 503)
        assert down.body == (site.store / "site" / "503.html").read_bytes()
        assert_security_headers(down)
    finally:
        site.processes[site.processes.index(responder)] = start(list(responder.args), site.root / "spawn-fcgi-restarted.out")
        for _ in range(600):
            if accepts(socket_path):
                break
            time.sleep(0.05)
    assert shopper.get("/fn/cart").status == 200


def kill_lighttpds_cart_responders(site, shopper):
    """lighttpd starts and restarts its own FastCGI processes: kill the cart's, as a crash would.

    The request that finds them gone gets the store's 500 or 503 page; lighttpd may also have
    restarted them already, and then the cart answers. It must never be lighttpd's bare page."""
    server = site.processes[-1].pid
    listing = subprocess.run(["ps", "-o", "pid=,args=", "--ppid", str(server)], capture_output=True, text=True).stdout
    carts = [int(line.split(None, 1)[0]) for line in listing.splitlines() if line.rstrip().endswith("/cart")]
    assert carts, listing
    for pid in carts:
        os.kill(pid, signal.SIGKILL)
    answer = shopper.get("/fn/cart")
    if answer.status != 200:
        assert answer.status in (500, 503)
        assert answer.body == (site.store / "site" / f"{answer.status}.html").read_bytes()
    # lighttpd keeps a failed backend disabled for a moment; wait until the cart answers again.
    for _ in range(600):
        answer = shopper.get("/fn/cart")
        if answer.status == 200:
            break
        assert answer.body == (site.store / "site" / f"{answer.status}.html").read_bytes()
        time.sleep(0.05)
    assert answer.status == 200
