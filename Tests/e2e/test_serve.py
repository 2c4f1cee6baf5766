"""`shelf serve`: the site over HTTP with the production security headers, a rebuild plus reload
signal after an edit or a stock change, a failed build shown in the browser, a store the functions
cannot serve explained, and emails whose links stay on the dev server."""
import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from conftest import SHELF, copy_built_store, shelf


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def start_serve(store, *options, log=None, environment=None):
    """Starts `shelf serve` for `store` on a free port; returns the process and its base URL.

    Its output goes to the file `log` when given (read it while the server runs), else to a pipe;
    `environment` adds variables to ours."""
    port = free_port()
    output = open(log, "w") if log is not None else subprocess.PIPE
    process = subprocess.Popen([SHELF, "serve", "--store", str(store), "--port", str(port), *options],
                               stdout=output, stderr=subprocess.STDOUT, text=True, env={**os.environ, **(environment or {})})
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/_shelf/generation", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    return process, base


@pytest.fixture
def server(fixture_store):
    process, base = start_serve(fixture_store)
    yield base, fixture_store
    process.terminate()
    process.wait(timeout=10)


def test_serves_pages_assets_and_a_404(server):
    base, _ = server
    status, _, body = get(base + "/")
    assert status == 200 and "Better clothing for the planet" in body
    status, headers, body = get(base + "/products/organic-tee/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "Organic Tee" in body and "/_shelf/live.js" in body
    status, headers, _ = get(base + "/sitemap.xml")
    assert status == 200 and "xml" in headers["Content-Type"]
    status, _, body = get(base + "/no-such-page/")
    assert status == 404 and "/_shelf/live.js" in body
    status, headers, _ = get(base + "/shop")
    assert status == 200  # redirected to /shop/
    status, _, _ = get(base + "/%2e%2e/shelf.toml")
    assert status in (400, 404)


def test_an_edit_rebuilds_and_signals_a_reload(server):
    base, store = server
    _, _, before = get(base + "/_shelf/generation")
    product = store / "content" / "products" / "organic-tee.md"
    product.write_text(product.read_text().replace("title: Organic Tee", "title: Organic Tee Deluxe"))
    deadline = time.time() + 20
    while time.time() < deadline:
        _, _, generation = get(base + "/_shelf/generation")
        if generation != before:
            break
        time.sleep(0.2)
    assert generation != before
    assert "Organic Tee Deluxe" in get(base + "/products/organic-tee/")[2]


def wait_for(check, what, seconds=30):
    """Polls `check` until it returns something true; fails naming `what` otherwise."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


def stop_serve(process):
    process.terminate()
    process.wait(timeout=10)


def production_headers(store):
    """The static pages' headers in the configuration `shelf server-config nginx` writes."""
    config = shelf("server-config", "nginx", store=store).stdout
    block = config[config.index("location / {"):config.index("}", config.index("location / {"))]
    headers = dict(re.findall(r'^\s*add_header (\S+) "([^"]*)" always;', block, re.M))
    assert {"Content-Security-Policy", "Referrer-Policy", "X-Frame-Options", "X-Content-Type-Options"} <= set(headers)
    return headers


def test_static_pages_carry_the_security_headers_of_the_generated_configurations(server):
    base, store = server
    expected = production_headers(store)
    _, _, home = get(base + "/")
    stylesheet = re.search(r'href="(/assets/[^"]+\.css)"', home).group(1)
    for path in ["/", "/products/organic-tee/", stylesheet, "/sitemap.xml", "/no-such-page/"]:
        _, headers, _ = get(base + path)
        for name, value in expected.items():
            assert headers[name] == value, (path, name, headers[name])


def test_a_stock_change_reaches_the_pages(server):
    base, store = server
    page = base + "/products/wool-beanie/"
    assert "Sold out" not in get(page)[2]
    shelf("stock", "set", "BEANIE-ONE", "0", store=store)
    body = wait_for(lambda: (lambda text: "Sold out" in text and text)(get(page)[2]), "the page to say sold out")
    assert re.search(r"<button[^>]*\sdata-add-to-cart[^>]*\sdisabled[\s>]", body)
    shelf("stock", "adjust", "BEANIE-ONE", "+4", store=store)
    wait_for(lambda: "Sold out" not in get(page)[2], "the page to sell again")


def test_a_failed_build_shows_in_the_browser_until_it_is_fixed(server, browser):
    base, store = server
    product = store / "content" / "products" / "organic-tee.md"
    good = product.read_text()
    page = browser.new_page()
    page.goto(base + "/products/organic-tee/", wait_until="load")
    product.write_text(good.replace('price: "29.00"', 'price: "twenty-nine"'))
    overlay = page.locator("[data-shelf-build-error]")
    overlay.wait_for(state="visible", timeout=30000)
    text = overlay.inner_text()
    assert "The build failed" in text and "organic-tee.md:8" in text, text
    status = json.loads(get(base + "/_shelf/status")[2])
    assert "organic-tee.md:8" in status["error"]
    # The last good site is still served underneath.
    assert "Organic Tee" in page.title()
    product.write_text(good.replace("title: Organic Tee", "title: Organic Tee Fixed"))
    # The site's Content-Security-Policy forbids eval, so no wait_for_function: expect evaluates nothing.
    expect(page).to_have_title(re.compile("Organic Tee Fixed"), timeout=30000)
    assert page.locator("[data-shelf-build-error]").count() == 0
    assert json.loads(get(base + "/_shelf/status")[2])["error"] is None
    page.close()


def test_a_store_without_secrets_says_so_and_how_to_fix_it(fixture_store, tmp_path):
    assert not (fixture_store / "data" / "secrets.toml").exists()
    log = tmp_path / "serve.log"
    process, base = start_serve(fixture_store, "--no-watch", log=log)
    try:
        fix = f"shelf secrets init --store {fixture_store}"
        wait_for(lambda: fix in log.read_text(), "the start-up warning")
        assert "data/secrets.toml does not exist" in log.read_text()
        status, _, body = get(base + "/fn/cart")
        assert status == 503 and fix in body and "data/secrets.toml does not exist" in body
        shelf("secrets", "init", store=fixture_store)
        status, _, body = get(base + "/fn/cart")
        assert status == 200 and "cart" in body.lower()
    finally:
        stop_serve(process)


def serve_with_a_transfer_order(demo_store, tmp_path):
    """A copy of the built demo store on manual (transfer) payments, served by `shelf serve
    --no-watch`, with one coat ordered through it: (store, process, base); the caller stops
    the process."""
    from test_checkout import ADDRESS, COAT, Shopper, set_provider
    store = tmp_path / "store"
    copy_built_store(demo_store, store)
    (store / "data" / "secrets.toml").unlink(missing_ok=True)
    shelf("secrets", "init", store=store)
    set_provider(store, "manual")
    process, base = start_serve(store, "--no-watch")
    try:
        shopper = Shopper(type("Served", (), {"base": base})(), origin=base)
        assert shopper.submit("/fn/cart/add", {"sku": COAT, "quantity": "1"}).status == 303
        token = shopper.token()
        assert shopper.submit("/fn/checkout/address", {**ADDRESS, "_token": token}).status == 303
        assert shopper.submit("/fn/checkout/shipping", {"shipping": "express", "_token": token}).status == 303
        assert shopper.submit("/fn/checkout/payment", {"_token": token}).status == 303
    except BaseException:
        stop_serve(process)
        raise
    return store, process, base


def test_emails_link_to_the_dev_server(demo_store, tmp_path):
    store, process, base = serve_with_a_transfer_order(demo_store, tmp_path)
    try:
        listing = wait_for(lambda: (lambda text: "confirmed" in text and text)(get(base + "/_dev/mail")[2]), "the email")
        name = re.search(r'href="/_dev/mail/([^"]+\.eml)"', listing).group(1)
        raw = (store / "data" / "mail" / name).read_text()
        _, _, text = get(base + "/_dev/mail/" + name)
        _, _, html = get(base + "/_dev/mail/" + name + "/html")
        assert "shop.example.com/" not in text and 'href="https://shop.example.com' not in html, raw
        link = re.search(re.escape(base) + r"/fn/checkout/order\?n=\d+&amp;t=[\w-]+", text).group(0).replace("&amp;", "&")
        assert f'href="{base}/' in html
        status, _, page = get(link)
        assert status == 200 and "Belted Wool Wrap Coat" in page
    finally:
        stop_serve(process)


def test_the_functions_take_the_dev_servers_address_for_their_own(fixture_store):
    """Under `shelf serve` the functions know its address: a form posted from its pages (Origin
    only, as older browsers send) is not refused as cross-site, and the production base_url is."""
    shelf("secrets", "init", store=fixture_store)
    process, base = start_serve(fixture_store, "--no-watch")
    try:
        def add(origin):
            request = urllib.request.Request(base + "/fn/cart/add", data=b"sku=TEE-FOR-S&quantity=1", method="POST",
                                             headers={"Origin": origin,
                                                      "Content-Type": "application/x-www-form-urlencoded"})
            try:
                with urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect()).open(request) as answer:
                    return answer.status
            except urllib.error.HTTPError as error:
                return error.code
        assert add(base) == 303
        assert add("https://fixture.example") == 403
    finally:
        process.terminate()
        process.wait(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
