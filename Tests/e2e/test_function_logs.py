"""Where a function's log line ends up under each web server, as docs/deploy.md ("Logs") says.

Each server runs the store from the configuration `shelf server-config` prints (see
servers/launch.py); its processes' standard output and error go to `NAME.out` files beside the
run folder, which stand for the terminal or the systemd journal."""
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from conftest import SHELF
from servers.launch import SERVERS, serve
from test_serve import start_serve, stop_serve

LINE = "shelf-cart: 403 POST /add: cross-site POST refused: Origin https://elsewhere.example"

# Where docs/deploy.md says the line goes: the server's own standard error (lighttpd), the
# standard error of spawn-fcgi (nginx, Caddy), or the run folder's error.log (Apache).
EXPECTED = {
    "lighttpd-cgi": "lighttpd.out",
    "lighttpd-fastcgi": "lighttpd.out",
    "nginx-fastcgi": "spawn-fcgi-0.out",
    "apache-cgi": "error.log",
    "caddy-fastcgi": "spawn-fcgi-0.out",
}


def refused_post(base):
    request = urllib.request.Request(
        base + "/fn/cart/add", data=b"sku=X", method="POST",
        headers={"Origin": "https://elsewhere.example", "Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


@pytest.mark.parametrize("server", SERVERS, ids=lambda server: server.id)
def test_a_function_logs_where_the_docs_say(server):
    with serve(server) as site:
        refused_post(site.base)
        holding = []
        for _ in range(50):
            holding = [path.name for path in site.log_files() if LINE in path.read_text(errors="replace")]
            if holding:
                break
            time.sleep(0.1)
        assert holding == [EXPECTED[server.id]], site.logs_since()


def test_under_shelf_serve_a_function_logs_to_the_terminal(fixture_store, tmp_path):
    subprocess.run([SHELF, "secrets", "init", "--store", str(fixture_store)], check=True, capture_output=True)
    log = tmp_path / "terminal.log"
    process, base = start_serve(fixture_store, "--no-watch", log=log)
    try:
        refused_post(base)
        for _ in range(50):
            if LINE in log.read_text():
                break
            time.sleep(0.1)
        assert LINE in log.read_text()
    finally:
        stop_serve(process)
