"""`shelf db copy --to postgresql://…`: the demo store with an order, a cart, an account and
queued mail on SQLite moves to a new PostgreSQL database, and the real binaries then show the
same state from PostgreSQL."""
import json
import re
import shutil

from cgi_process import request_env, run_cgi
from conftest import REPO, copy_store
from test_postgres import cluster, database, psql, shelf  # noqa: F401

ORIGIN = {"Origin": "https://shop.example.com"}
SKU = "LDN-BWC-CAM-L"
ADDRESS = "email=ann%40example.com&name=Ann&street=1+Main+St&city=Dublin&postal_code=D02&country=IE"


def cgi(function, store, method, path, body=b"", cookie=None, url=None):
    env = request_env(store, method, path, body=body, cookie=cookie, headers=ORIGIN if method == "POST" else None)
    env["SCRIPT_NAME"] = f"/fn/{function}"
    env["REQUEST_URI"] = f"/fn/{function}{path}"
    if url:
        env["SHELF_DATABASE_URL"] = url
    return run_cgi(function, env, body)


def shopper_with_cart(store, sku, quantity, url=None):
    body = f"sku={sku}&quantity={quantity}".encode()
    added = cgi("cart", store, "POST", "/add", body, url=url)
    assert added.status == 303, added.text[:300]
    return added.cookies[0].split(";")[0]


def place_order(store, url=None):
    cookie = shopper_with_cart(store, SKU, 2, url)
    token = json.loads(cgi("cart", store, "GET", ".json", cookie=cookie, url=url).body)["token"]
    for path, fields in [("/address", ADDRESS), ("/shipping", "shipping=standard"), ("/payment", "")]:
        body = f"{fields}&_token={token}".encode()
        answer = cgi("checkout", store, "POST", path, body, cookie, url)
        assert answer.status == 303, answer.text[:300]


def register(store, email, name):
    form = cgi("account", store, "GET", "/register")
    cookie = form.cookies[0].split(";")[0] if form.cookies else None
    token = re.search(r'name="_token" value="([^"]+)"', form.text).group(1)
    body = f"email={email}&name={name}&password=correct+horse+battery&_token={token}".encode()
    answer = cgi("account", store, "POST", "/register", body, cookie)
    assert answer.status == 200 and "Check your email" in answer.text, answer.text[:300]


def test_a_running_sqlite_store_moves_to_postgresql_with_everything(demo_store, tmp_path, database):
    store = tmp_path / "store"
    shutil.copytree(demo_store, store, ignore=shutil.ignore_patterns("*.retired-*"))
    (store / "data" / "secrets.toml").unlink(missing_ok=True)
    shelf(store, "secrets", "init")
    place_order(store)
    register(store, "bob%40example.com", "Bob")
    browsing = shopper_with_cart(store, "LDN-BWC-CAM-XS", 3)
    before = {command: shelf(store, *command.split()).stdout for command in ["orders list", "customers list", "mail list", "stock list"]}
    assert "ann@example.com" in before["orders list"] and "bob@example.com" in before["customers list"]
    assert "bob@example.com" in before["mail list"]

    copied = shelf(store, "db", "copy", "--to", database)
    report = copied.stdout
    assert "both sides agree" in report
    for table in ["orders", "order_lines", "customers", "account_tokens", "outbox", "cart_lines", "sessions", "stock", "schema_migrations"]:
        row = next(line for line in report.splitlines() if line.split()[:1] == [table])
        assert row.split()[1] != "0" and row.endswith("same"), row
    assert "[database] url" in report and "Restart the FastCGI processes" in report

    # The same state, read from PostgreSQL by the same commands and the cart function.
    after = {command: shelf(store, *command.split(), url=database).stdout for command in before}
    assert after == before
    cart = json.loads(cgi("cart", store, "GET", ".json", cookie=browsing, url=database).body)
    assert [(line["sku"], line["quantity"]) for line in cart["lines"]] == [("LDN-BWC-CAM-XS", 3)]
    # The next order, placed on PostgreSQL by the functions, is numbered after the copied ones.
    copied_orders = psql(database, "SELECT string_agg(id::text, ',' ORDER BY id) FROM orders")
    place_order(store, database)
    assert psql(database, "SELECT string_agg(id::text, ',' ORDER BY id) FROM orders") == f"{copied_orders},{int(copied_orders) + 1}"

    # Copying again is refused, and --replace copies afresh.
    again = shelf(store, "db", "copy", "--to", database, check=False)
    assert again.returncode != 0 and "already holds data" in again.stderr and "--replace" in again.stderr
    assert "both sides agree" in shelf(store, "db", "copy", "--to", database, "--replace").stdout


def test_a_password_in_the_url_is_refused_and_never_echoed(tmp_path):
    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    shelf(store, "migrate")
    result = shelf(store, "db", "copy", "--to", "postgresql://shop:hunter2@/shop?host=/nonexistent", check=False)
    assert result.returncode != 0
    assert result.stderr.startswith("--to: the database password is a secret")
    assert "hunter2" not in result.stderr + result.stdout


def test_the_password_comes_from_the_secrets_file(tmp_path):
    """A cluster of its own that asks the role for its password (scram-sha-256)."""
    from test_postgres_faults import Cluster

    cluster = Cluster()
    try:
        psql(cluster.admin, "CREATE ROLE shop LOGIN PASSWORD 'kept-in-secrets'")
        psql(cluster.admin, "CREATE DATABASE shop OWNER shop")
        rules = cluster.folder / "data" / "pg_hba.conf"
        rules.write_text("local all shop scram-sha-256\n" + rules.read_text())
        cluster.pg_ctl("reload")
        store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
        shelf(store, "build", "--quiet")
        shelf(store, "secrets", "init")
        refused = shelf(store, "db", "copy", "--to", cluster.url, check=False)
        assert refused.returncode != 0 and "password" in refused.stderr, refused.stderr
        with open(store / "data" / "secrets.toml", "a") as secrets:
            secrets.write('database_password = "kept-in-secrets"\n')
        copied = shelf(store, "db", "copy", "--to", cluster.url)
        assert "both sides agree" in copied.stdout
        assert "kept-in-secrets" not in copied.stdout + copied.stderr
        assert int(psql(cluster.watch, "SELECT COUNT(*) FROM variants")) > 0
    finally:
        cluster.remove()


def test_help_explains_the_copy_with_an_example():
    text = shelf(REPO, "db", "copy", "--help").stdout
    assert "Example" in text and "shelf db copy --to postgresql://" in text
    assert "--replace" in text and "database_password" in text


def test_a_table_that_arrives_different_fails_the_copy_and_says_what_to_do(tmp_path, database):
    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    shelf(store, "build", "--quiet")
    shelf(store, "stock", "import", str(store / "stock.csv"))
    shelf(store, "migrate", url=database)
    # Something else on the target changes stock rows as they arrive.
    psql(database, "CREATE FUNCTION skew() RETURNS trigger AS $$ BEGIN NEW.on_hand := NEW.on_hand + 1; RETURN NEW; END $$ "
                   "LANGUAGE plpgsql")
    psql(database, "CREATE TRIGGER skew BEFORE INSERT ON stock FOR EACH ROW EXECUTE FUNCTION skew()")
    result = shelf(store, "db", "copy", "--to", database, check=False)
    assert result.returncode != 0
    row = next(line for line in result.stdout.splitlines() if line.startswith("stock "))
    assert row.endswith("DIFFERS on_hand"), row
    assert "rolled back and nothing was written" in result.stderr and "run the copy again" in result.stderr
    assert psql(database, "SELECT COUNT(*) FROM stock") == "0"


def test_shoppers_keep_buying_on_sqlite_while_the_copy_reads_it(tmp_path, database):
    """The copy reads one snapshot, without the write lock: carts filled meanwhile all succeed,
    and the copy still agrees with itself on every table."""
    import threading

    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    shelf(store, "build", "--quiet")
    shelf(store, "stock", "import", str(store / "stock.csv"))
    shelf(store, "secrets", "init")
    statuses = []
    copying = threading.Event()
    copying.set()

    def shop():
        while True:  # at least once, then for as long as the copy runs
            body = b"sku=TEE-FOR-S&quantity=1"
            env = request_env(store, "POST", "/add", body=body, headers={"Origin": "https://fixture.example"})
            statuses.append(run_cgi("cart", env, body).status)
            if not copying.is_set():
                return

    shopper = threading.Thread(target=shop)
    shopper.start()
    try:
        copied = shelf(store, "db", "copy", "--to", database)
    finally:
        copying.clear()
        shopper.join(timeout=60)
    assert "both sides agree" in copied.stdout
    assert statuses and set(statuses) == {303}, statuses
