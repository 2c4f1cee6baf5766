"""`shelf serve`: the site over HTTP, and a rebuild plus reload signal after an edit."""
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from conftest import SHELF


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


def start_serve(store, *options):
    """Starts `shelf serve` for `store` on a free port; returns the process and its base URL."""
    port = free_port()
    process = subprocess.Popen([SHELF, "serve", "--store", str(store), "--port", str(port), *options],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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
