"""`shelf customers` as a merchant runs it, on a new store whose accounts were registered,
confirmed and logged in through the real account function (a CGI process, the link read from
the email `shelf mail deliver` wrote), with orders placed through the real cart and checkout.
The admin page is asked for through the same account binary before and after the role changes.
"""
import re
import subprocess
from email import policy
from email.parser import BytesParser

import pytest

import store_db
from cgi_process import request_env, run_cgi
from conftest import SHELF, shelf
from test_new_store import BASE_URL, form, new_store, place_order

PASSWORD = "correct horse battery"


def account(store, method, path, body=b"", cookie=None, query=""):
    env = request_env(store, method, path, body=body, cookie=cookie, query=query, headers={"Origin": BASE_URL})
    env["SCRIPT_NAME"] = "/fn/account"
    env["REQUEST_URI"] = "/fn/account" + path
    return run_cgi("account", env, body)


def submit(store, path, fields, cookie=None, page=None):
    """Opens the form at `page` (by default `path`), then posts `fields` with its token to `path`;
    returns the answer and the cookie."""
    page = account(store, "GET", page or path, cookie=cookie)
    cookie = next((c.split(";")[0] for c in page.cookies), cookie)
    token = re.search(r'name="_token" value="([^"]+)"', page.text).group(1)
    body = form({**fields, "_token": token})
    answer = account(store, "POST", path, body=body, cookie=cookie)
    return answer, next((c.split(";")[0] for c in answer.cookies), cookie)


def emails(store, to):
    shelf("mail", "deliver", store=store)
    parsed = [BytesParser(policy=policy.default).parsebytes(path.read_bytes()) for path in sorted((store / "data" / "mail").glob("*.eml"))]
    return [message for message in parsed if message["To"].addresses[0].addr_spec == to]


def register(store, email, name):
    answer, _ = submit(store, "/register", {"email": email, "name": name, "password": PASSWORD})
    assert answer.status in (200, 303), answer.text[:300]
    text = emails(store, email.lower())[-1].get_body(preferencelist=("plain",)).get_content()
    token = re.search(r"/fn/account/confirm\?token=(\S+)", text).group(1)
    assert account(store, "GET", "/confirm", query="token=" + token).status in (200, 303)


def log_in(store, email):
    answer, cookie = submit(store, "/login", {"email": email, "password": PASSWORD})
    assert answer.status == 303 and answer.headers["location"] == "/fn/account", answer.text[:300]
    return cookie


def rows(store, sql, *args):
    return store_db.rows(store, sql, args)


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path)
    shelf("build", "--quiet", store=store)
    register(store, "ann@example.com", "Ann Murphy")
    register(store, "bob@example.com", "Bob")
    return store


def test_list_show_and_unlock(store):
    place_order(store, "TEE-BLK-M", 1, email="Ann@Example.com")
    place_order(store, "TEE-BLK-M", 2, email="ann@example.com")
    log_in(store, "ann@example.com")
    for _ in range(3):
        submit(store, "/login", {"email": "bob@example.com", "password": "not the password"})

    listing = shelf("customers", "list", store=store).stdout.splitlines()
    assert listing[0].split() == ["EMAIL", "NAME", "ROLE", "CONFIRMED", "LOCKED", "CREATED", "ORDERS"]
    ann = next(line for line in listing if line.startswith("ann@example.com"))
    assert ann.split()[3:6] == ["customer", "yes", "no"] and ann.split()[-1] == "2"
    assert "Ann Murphy" in ann
    # Aligned: every row's ROLE starts under the heading's.
    assert len({line.index("customer") for line in listing[1:]} | {listing[0].index("ROLE")}) == 1
    locked = shelf("customers", "list", "--locked", store=store).stdout.splitlines()
    assert [line.split()[0] for line in locked[1:]] == ["bob@example.com"]

    shown = shelf("customers", "show", " ANN@example.com ", store=store).stdout
    assert "Ann Murphy <ann@example.com>" in shown and "Failed logins: 0" in shown
    assert "Sessions: 1" in shown and "Orders: 2" in shown
    assert len(re.findall(r"^\s+10\d\d\s", shown, re.M)) == 2
    assert "Failed logins: 3" in shelf("customers", "show", "bob@example.com", store=store).stdout

    assert "Unlocked bob@example.com" in shelf("customers", "unlock", "Bob@Example.com", store=store).stdout
    assert rows(store, "SELECT locked_at, failed_logins FROM customers WHERE email = 'bob@example.com'") == [(None, 0)]
    assert "No locked accounts." in shelf("customers", "list", "--locked", store=store).stdout
    log_in(store, "bob@example.com")


def test_an_unknown_or_malformed_email_is_named_with_a_non_zero_exit(store):
    for command in ["show", "unlock", "grant-admin", "revoke-admin", "delete"]:
        unknown = shelf("customers", command, "nobody@example.com", store=store, check=False)
        assert unknown.returncode != 0 and "there is no account for nobody@example.com" in unknown.stderr
        bad = shelf("customers", command, "not-an-address", store=store, check=False)
        assert bad.returncode != 0 and "not an email address" in bad.stderr
    for command in ["list", "show", "unlock", "grant-admin", "revoke-admin", "delete"]:
        assert "  shelf customers " + command in shelf("customers", command, "--help").stdout


def test_granting_and_revoking_admin_changes_what_an_open_session_sees(store):
    cookie = log_in(store, "ann@example.com")
    assert account(store, "GET", "/admin", cookie=cookie).status == 404
    assert "ann@example.com is now an admin." in shelf("customers", "grant-admin", "Ann@example.com", store=store).stdout
    page = account(store, "GET", "/admin", cookie=cookie)
    assert page.status == 200 and "Admin: Ann Murphy" in page.text
    assert account(store, "GET", "/admin").status == 404, "a guest"
    assert "admin" in shelf("customers", "list", store=store).stdout
    assert "no longer an admin" in shelf("customers", "revoke-admin", "ann@example.com", store=store).stdout
    assert account(store, "GET", "/admin", cookie=cookie).status == 404


def test_a_non_admin_cannot_tell_the_admin_page_from_an_unknown_address_by_any_method(store):
    cookie = log_in(store, "ann@example.com")

    def seen(answer):
        return answer.status, {name: value for name, value in answer.headers.items() if name != "date"}, answer.cookies, answer.body

    for who in [None, cookie]:
        for method, body in [("GET", b""), ("HEAD", b""), ("POST", b"a=1"), ("PUT", b""), ("DELETE", b""), ("OPTIONS", b"")]:
            unknown = account(store, method, "/no-such-thing", body=body, cookie=who)
            admin = account(store, method, "/admin", body=body, cookie=who)
            assert unknown.status == 404 and seen(admin) == seen(unknown), (method, who)
    shelf("customers", "grant-admin", "ann@example.com", store=store)
    refused = account(store, "POST", "/admin", body=b"a=1", cookie=cookie)
    assert refused.status == 405 and refused.headers["allow"] == "GET, HEAD"


def test_delete_asks_then_keeps_the_orders_without_personal_data(store):
    numbers = [place_order(store, "TEE-BLK-M", 1, email="Ann@Example.com"), place_order(store, "TEE-BLK-M", 3)]
    other = place_order(store, "TEE-BLK-M", 1, email="ada@example.com")
    log_in(store, "ann@example.com")
    before = rows(store, "SELECT COUNT(*), SUM(total_minor) FROM orders")

    declined = subprocess.run([SHELF, "customers", "delete", "ann@example.com", "--store", str(store)], input="n\n",
                              capture_output=True, text=True, timeout=60)
    assert declined.returncode != 0 and "Nothing was deleted." in declined.stderr
    assert "2 orders" in declined.stdout and "Delete it?" in declined.stdout
    assert rows(store, "SELECT COUNT(*) FROM customers WHERE email = 'ann@example.com'") == [(1,)]

    done = subprocess.run([SHELF, "customers", "delete", "ann@example.com", "--store", str(store)], input="yes\n",
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "1 session ended" in done.stdout and "Kept 2 orders" in done.stdout

    assert rows(store, "SELECT COUNT(*), SUM(total_minor) FROM orders") == before
    assert rows(store, "SELECT COUNT(*) FROM customers WHERE email = 'ann@example.com'") == [(0,)]
    assert rows(store, "SELECT COUNT(*) FROM sessions WHERE customer_id IS NOT NULL") == [(0,)]
    kept = rows(store, "SELECT email, name, street, city, postal_code, country FROM orders WHERE id IN (?, ?)",
                *[int(number) - 1000 for number in numbers])
    assert kept == [("erased@invalid", "Erased customer", "Erased", "Erased", "", "IE")] * 2
    assert rows(store, "SELECT email FROM orders WHERE id = ?", int(other) - 1000) == [("ada@example.com",)]
    everything = "\n".join(str(row) for table in ["orders", "outbox", "customers", "checkout_drafts"]
                           for row in rows(store, f"SELECT * FROM {table}"))
    assert "ann@example.com" not in everything.lower()
    shown = shelf("orders", "show", numbers[0], store=store).stdout
    assert "Erased customer" in shown and "Ann" not in shown

    bob = shelf("customers", "delete", "bob@example.com", "--yes", store=store).stdout
    assert "Deleted the account of bob@example.com" in bob and "It had no orders." in bob


def erasure_state(store):
    """What an erasure leaves, without the ids of rows and the times that differ between runs."""
    return {
        "customers": rows(store, "SELECT email FROM customers ORDER BY email"),
        "logged-in sessions": rows(store, "SELECT COUNT(*) FROM sessions WHERE customer_id IS NOT NULL"),
        "addresses": rows(store, "SELECT COUNT(*) FROM addresses"),
        "account_tokens": rows(store, "SELECT COUNT(*) FROM account_tokens"),
        "checkout_drafts": rows(store, "SELECT email, name FROM checkout_drafts ORDER BY email"),
        "orders": rows(store, "SELECT id, email, name, street, street2, city, postal_code, phone, country, total_minor, status "
                              "FROM orders ORDER BY id"),
        "outbox": rows(store, "SELECT template, order_id, recipient, status, last_error FROM outbox ORDER BY id"),
    }


def erased(tmp_path, name, erase):
    """A store where Ann has an account with a saved address and a reset link on its way, two
    orders (one's email sent, one's pending) and a checkout typed with her address, and Ada an
    order; then `erase` erases Ann. Returns what is left."""
    store = new_store(tmp_path, name)
    shelf("build", "--quiet", store=store)
    register(store, "ann@example.com", "Ann Murphy")
    place_order(store, "TEE-BLK-M", 1, email="Ann@Example.com")
    shelf("mail", "deliver", store=store)
    place_order(store, "TEE-BLK-M", 2, email="ann@example.com")
    place_order(store, "TEE-BLK-M", 1, email="ada@example.com")
    cookie = log_in(store, "ann@example.com")
    saved, cookie = submit(store, "/addresses", {"name": "Ann Murphy", "street": "7 Quay Street", "city": "Dublin",
                                                 "postal_code": "D02 X285", "country": "IE"}, cookie, page="/")
    assert saved.status == 303, saved.text[:300]
    assert submit(store, "/reset", {"email": "ann@example.com"})[0].status in (200, 303)
    before = erasure_state(store)
    assert before["addresses"] == [(1,)] and ("ann@example.com", "Ann Murphy") in before["checkout_drafts"]
    erase(store, cookie)
    return erasure_state(store)


def test_the_cli_and_the_dashboard_leave_the_same_state(tmp_path):
    def by_the_merchant(store, cookie):
        assert "Deleted the account of ann@example.com" in shelf("customers", "delete", "ann@example.com", "--yes",
                                                                 store=store).stdout

    def by_the_shopper(store, cookie):
        goodbye, _ = submit(store, "/delete", {"delete_password": PASSWORD}, cookie, page="/")
        assert goodbye.status == 200 and "Your account is deleted" in goodbye.text

    merchant = erased(tmp_path, "merchant", by_the_merchant)
    shopper = erased(tmp_path, "shopper", by_the_shopper)
    assert merchant == shopper
    # And that state is the erasure's: nothing of Ann but her orders' amounts and country.
    assert merchant["customers"] == [] and merchant["addresses"] == [(0,)] and merchant["account_tokens"] == [(0,)]
    assert merchant["logged-in sessions"] == [(0,)]
    assert [email for email, _ in merchant["checkout_drafts"]] == ["ada@example.com"]
    anns = [order for order in merchant["orders"] if order[1] != "ada@example.com"]
    assert [order[1:9] for order in anns] == [("erased@invalid", "Erased customer", "Erased", None, "Erased", "", None, "IE")] * 2
    assert all(template.startswith("order-") for template, *_ in merchant["outbox"]), "no account email is left"
    anns_mail = [(recipient, status) for _, order_id, recipient, status, _ in merchant["outbox"]
                 if order_id in [order[0] for order in anns]]
    assert anns_mail == [("erased@invalid", "sent"), ("erased@invalid", "failed")]
