"""Faults of a store on PostgreSQL, with its functions behind lighttpd FastCGI: the server
restarted in the middle of a run of checkouts, a function process killed while its transaction
holds locks, and the connection limit reached. The functions answer 503 with a clear page and
Retry-After while PostgreSQL cannot serve them, recover by themselves, and nothing is half-written.

The cluster is this module's own (the tests restart it and limit its connections), on a Unix
socket in its folder, and the store logs in as `shop`, an ordinary role, as a deployment would."""
import json
import os
import shlex
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import shelf
from servers.browser import Browser
from servers.launch import SERVERS, serve
from test_postgres import SCRIPT, psql

LIGHTTPD_FASTCGI = next(server for server in SERVERS if server.id == "lighttpd-fastcgi")
ORIGIN = {"Origin": "https://shop.example.com"}
ADDRESS = {"email": "ann@example.com", "name": "Ann Murphy", "street": "1 Main Street", "city": "Dublin",
           "postal_code": "D02 X285", "country": "IE"}
SKU = "LDN-BWC-CAM-L"
CLEAR_PAGE = "The shop cannot save anything just now. Nothing was lost: please try again in a minute."


class Cluster:
    """A PostgreSQL cluster of scripts/test-postgres, which the tests may stop and start again."""

    def __init__(self):
        self.folder = Path(subprocess.run([SCRIPT, "start"], capture_output=True, text=True, check=True).stdout.strip())
        # The functions run as www-data: they must reach the socket in the cluster's folder.
        self.folder.chmod(0o755)
        self.admin = subprocess.run([SCRIPT, "url", str(self.folder)], capture_output=True, text=True, check=True).stdout.strip()
        # The server's own options, as it was started with them, for starting it again.
        arguments = shlex.split((self.folder / "data" / "postmaster.opts").read_text())
        self.postgres, options = arguments[0], arguments[1:]
        if "-D" in options:
            del options[options.index("-D"):options.index("-D") + 2]
        self.options = shlex.join(options)
        # The superuser, in the store's database: for watching sessions and changing the role.
        self.watch = f"postgresql://postgres@/shop?host={self.folder}"
        self.url = f"postgresql://shop@/shop?host={self.folder}"

    def pg_ctl(self, *arguments):
        command = [str(Path(self.postgres).parent / "pg_ctl"), f"--pgdata={self.folder / 'data'}", *arguments]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def stop(self):
        self.pg_ctl("--mode=fast", "--wait", "stop")

    def start(self):
        self.pg_ctl(f"--log={self.folder / 'server.log'}", "--wait", "-o", self.options, "start")

    def remove(self):
        subprocess.run([SCRIPT, "stop", str(self.folder)], check=True)


@pytest.fixture(scope="module")
def cluster():
    cluster = Cluster()
    try:
        psql(cluster.admin, "CREATE ROLE shop LOGIN")
        psql(cluster.admin, "CREATE DATABASE shop OWNER shop")
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture(scope="module")
def site(cluster):
    def prepare(store):
        with open(store / "shelf.toml", "a") as settings:
            settings.write(f'\n[database]\nurl = "{cluster.url}"\n')
        shelf("build", "--quiet", store=store)
        shelf("stock", "import", str(store / "demo" / "stock.csv"), store=store)
        shelf("stock", "set", SKU, "1000", store=store)
        shelf("build", "--quiet", store=store)
    with serve(LIGHTTPD_FASTCGI, prepare=prepare) as site:
        yield site


def prepared_shopper(site):
    """A shopper with one unit in the cart, an address and a method: ready to place the order."""
    shopper = Browser(site.base)
    assert shopper.post("/fn/cart/add", {"sku": SKU, "quantity": "1"}, ORIGIN).status == 303
    token = json.loads(shopper.get("/fn/cart.json").body)["token"]
    for path, fields in [("/fn/checkout/address", ADDRESS), ("/fn/checkout/shipping", {"shipping": "standard"})]:
        answer = shopper.post(path, {**fields, "_token": token}, ORIGIN)
        assert answer.status == 303, answer.text[:300]
    return shopper, token


def place(shopper):
    browser, token = shopper
    return browser.post("/fn/checkout/payment", {"_token": token}, ORIGIN)


def placed(answer):
    return answer.status == 303 and answer.headers["Location"].startswith("/fn/checkout/test-pay")


def assert_clear_503(answer):
    assert answer.status == 503, (answer.status, answer.text[:300])
    assert answer.headers["Retry-After"] == "30"
    assert CLEAR_PAGE in answer.text


def function_processes(site, name):
    """The process ids of the store's FastCGI processes of function `name`."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
            environment = (entry / "environ").read_bytes().split(b"\0")
        except (OSError, ValueError):
            continue
        if command and command[0].endswith(b"/" + name.encode()) and f"SHELF_ROOT={site.store}".encode() in environment:
            found.add(int(entry.name))
    return found


def wait_for(condition, what, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting: {what}")


def assert_books_straight(url):
    """The invariants a half-written transaction would break, checked in SQL."""
    assert psql(url, """
        SELECT COUNT(*) FROM stock WHERE reserved <> (SELECT COALESCE(SUM(quantity), 0) FROM order_lines
            WHERE order_lines.sku = stock.sku AND hold = 'reserved')
        OR allocated <> (SELECT COALESCE(SUM(quantity), 0) FROM order_lines WHERE order_lines.sku = stock.sku AND hold = 'allocated')
        OR reserved + allocated > on_hand""") == "0"
    assert psql(url, "SELECT COUNT(*) FROM orders WHERE id NOT IN (SELECT order_id FROM order_lines)") == "0"
    assert psql(url, """
        SELECT COUNT(*) FROM orders WHERE subtotal_minor <> (SELECT SUM(line_total_minor) FROM order_lines WHERE order_id = orders.id)
        OR (status = 'pending_payment' AND EXISTS (SELECT 1 FROM order_lines WHERE order_id = orders.id AND hold <> 'reserved'))""") == "0"
    assert psql(url, "SELECT COUNT(*) FROM order_events WHERE order_id NOT IN (SELECT id FROM orders)") == "0"


def test_a_restart_in_the_middle_of_checkouts_answers_503_and_recovers(site, cluster):
    shoppers = [prepared_shopper(site) for _ in range(24)]
    spare = prepared_shopper(site)
    processes = function_processes(site, "checkout") | function_processes(site, "cart")
    assert processes
    answers = {}
    lock = threading.Lock()

    def shop(group):
        for index in group:
            answer = place(shoppers[index])
            with lock:
                answers[index] = answer

    threads = [threading.Thread(target=shop, args=(range(n, len(shoppers), 4),)) for n in range(4)]
    for thread in threads:
        thread.start()
    wait_for(lambda: len(answers) >= 4, "the first checkouts")
    cluster.stop()
    try:
        # During the outage: a clear 503, from the checkout and the cart alike, never a 500 or a hang.
        assert_clear_503(place(spare))
        assert_clear_503(Browser(site.base).post("/fn/cart/add", {"sku": SKU, "quantity": "1"}, ORIGIN))
    finally:
        cluster.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a checkout hung"
    statuses = {index: answer.status for index, answer in answers.items()}
    assert all(placed(answer) or answer.status == 503 for answer in answers.values()), statuses
    for answer in answers.values():
        if answer.status == 503:
            assert_clear_503(answer)
    # After it: the same processes serve again, and every shopper who was turned away can buy.
    for index, answer in answers.items():
        if not placed(answer):
            again = place(shoppers[index])
            assert placed(again), (again.status, again.text[:300], site.logs_since())
    assert processes <= function_processes(site, "checkout") | function_processes(site, "cart"), "a function process died"
    assert_books_straight(cluster.url)


def test_a_function_killed_while_its_transaction_holds_locks_leaves_nothing_behind(site, cluster):
    shopper = prepared_shopper(site)
    before = psql(cluster.url, "SELECT COUNT(*) FROM orders")
    # Another session holds the stock row, so the checkout's transaction stops at it, mid-way.
    holder = subprocess.Popen(["psql", cluster.url, "-AtXq"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    holder.stdin.write(f"BEGIN;\nSELECT sku FROM stock WHERE sku = '{SKU}' FOR UPDATE;\n")
    holder.stdin.flush()
    wait_for(lambda: psql(cluster.watch, "SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'idle in transaction'") == "1",
             "the holder's lock")
    result = {}
    request = threading.Thread(target=lambda: result.setdefault("answer", place(shopper)))
    request.start()
    wait_for(lambda: psql(cluster.watch, "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") == "1",
             "the checkout waiting for the stock row")
    for pid in function_processes(site, "checkout"):
        os.kill(pid, signal.SIGKILL)
    holder.stdin.write("ROLLBACK;\n")
    holder.stdin.close()
    holder.wait(timeout=30)
    request.join(timeout=60)
    assert not request.is_alive()
    # The killed transaction is rolled back by the server: no session stays in it, no lock stays held.
    wait_for(lambda: psql(cluster.watch, "SELECT COUNT(*) FROM pg_stat_activity WHERE usename = 'shop' AND state <> 'idle'") == "0",
             "the killed transaction's end")
    assert psql(cluster.url, "SELECT COUNT(*) FROM orders") == before
    assert_books_straight(cluster.url)
    # lighttpd starts new checkout processes; the shopper's next press places the order.
    wait_for(lambda: placed(place(shopper)), "a checkout after the kill")
    assert_books_straight(cluster.url)


def test_a_full_connection_limit_answers_503_and_frees_up(site, cluster):
    sizes = site.log_sizes()
    # Every function process must open a new connection, and the role may hold only one,
    # which another session of the role has.
    psql(cluster.admin, "ALTER ROLE shop CONNECTION LIMIT 1")
    try:
        psql(cluster.admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'shop'")
        holder = subprocess.Popen(["psql", cluster.url, "-AtXq"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        wait_for(lambda: psql(cluster.watch, "SELECT COUNT(*) FROM pg_stat_activity WHERE usename = 'shop'") == "1",
                 "the session holding the role's one connection")
        shopper = Browser(site.base)
        assert_clear_503(shopper.post("/fn/cart/add", {"sku": SKU, "quantity": "1"}, ORIGIN))
        wait_for(lambda: "too many connections for role" in site.logs_since(sizes), "the cause in the log")
        holder.stdin.close()
        holder.wait(timeout=30)
        wait_for(lambda: psql(cluster.watch, "SELECT COUNT(*) FROM pg_stat_activity WHERE usename = 'shop'") == "0",
                 "the connection to free")
        assert shopper.post("/fn/cart/add", {"sku": SKU, "quantity": "1"}, ORIGIN).status == 303
    finally:
        psql(cluster.admin, "ALTER ROLE shop CONNECTION LIMIT -1")


def test_a_database_that_never_answers_gets_the_clear_503_not_the_time_limit(tmp_path):
    """A server that takes the connection and then says nothing (a host that hangs): connecting
    gives up before the function's own time limit, so the shopper gets the page that says to
    try again, with Retry-After, rather than "This took too long"."""
    answer = add_to_cart_against_a_silent_server(tmp_path)
    assert answer.status == 503, answer.text[:300]
    assert answer.headers["retry-after"] == "30"
    assert CLEAR_PAGE in answer.text
    assert "timeout expired" in answer.stderr


def test_the_time_limit_answers_while_connecting_still_waits(tmp_path):
    """The same silent server, with the url's own connect_timeout longer than the function's
    time limit: the time limit's 503 is answered at once, never held up by the connecting."""
    answer = add_to_cart_against_a_silent_server(tmp_path, settings="\n[functions]\ntimeout_seconds = 2\n",
                                                 url_query="?connect_timeout=120")
    assert answer.status == 503, answer.text[:300]
    assert "This took too long. Please try again." in answer.text


def add_to_cart_against_a_silent_server(tmp_path, settings="", url_query=""):
    """The cart function run as CGI on a fixture store whose database url points at a server
    that takes the connection and never answers; `settings` is added to its shelf.toml."""
    from cgi_process import request_env, run_cgi
    from conftest import REPO, copy_store

    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    with open(store / "shelf.toml", "a") as toml:
        toml.write(settings)
    shelf("secrets", "init", store=store)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        body = b"sku=TEE-FOR-S&quantity=1"
        env = request_env(store, "POST", "/add", body=body, headers={"Origin": "https://fixture.example"})
        env["SHELF_DATABASE_URL"] = f"postgresql://shop@127.0.0.1:{silent.getsockname()[1]}/shop{url_query}"
        return run_cgi("cart", env, body, timeout=60)
