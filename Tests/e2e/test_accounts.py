"""Accounts through the real account function behind lighttpd (FastCGI), with the emails sent by
`shelf mail deliver` to a real SMTP server (aiosmtpd) on loopback: the login flowchart
(register → confirm → log in → three wrong passwords → locked → unlock link → log in → reset →
log in with the new password) and the bad inputs around it. Nothing is replaced.
"""
import json
import re
import subprocess
import urllib.parse

import pytest

import store_db
from cgi_process import FUNCTIONS
from conftest import shelf
from servers.browser import Browser
from servers.launch import serve
from servers.smtp import SMTPServer, free_port
from test_checkout import BASE_URL, COAT, LIGHTTPD_FASTCGI
from test_mail import mail_settings, text_part

PASSWORD = "correct horse battery"
LOCKED = "This account is locked after too many failed attempts to log in."
WRONG = "The email or password is not right. Please try again."


@pytest.fixture(scope="module")
def mail(tmp_path_factory):
    server = SMTPServer(tmp_path_factory.mktemp("maildir"), port=free_port()).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site(mail):
    def prepare(store):
        with open(store / "shelf.toml", "a") as settings:
            settings.write(mail_settings(mail.port))
    with serve(LIGHTTPD_FASTCGI, prepare=prepare) as site:
        yield site


class Shopper(Browser):
    def __init__(self, site):
        super().__init__(site.base)
        self.site = site

    def submit(self, path, fields, page=None):
        """Posts `fields` to `path` with the form token of `page` (by default `path` itself)."""
        form = self.get(page or path)
        match = re.search(r'name="_token" value="([^"]+)"', form.text)
        assert match, form.text[:500]
        return self.post(path, {**fields, "_token": match.group(1)}, {"Origin": BASE_URL})

    def log_in(self, email, password, **extra):
        return self.submit("/fn/account/login", {"email": email, "password": password, **extra})

    def name(self):
        answer = self.get("/fn/account.json")
        assert answer.headers["Cache-Control"] == "no-store"
        return answer.text

    def session_cookie(self):
        return next((cookie.value for cookie in self.cookies if cookie.name == "shelf_session"), None)

    def follow(self, link):
        """Opens an emailed link (it names the store's public address) on the test server."""
        parts = urllib.parse.urlsplit(link)
        return self.get(parts.path + "?" + parts.query)


def emails(site, mail, to):
    """Delivers the outbox, then returns the messages to `to`, newest last."""
    shelf("mail", "deliver", "--now", store=site.store)
    return [message for message in mail.messages() if message["To"].addresses[0].addr_spec == to]


def link_in(message):
    match = re.search(r"https://shop\.example\.com/fn/account/\S+", text_part(message))
    assert match, text_part(message)
    return match.group(0)


def customer(site, email):
    return store_db.row(site.store, "SELECT name, confirmed_at, locked_at, failed_logins FROM customers WHERE email = ?", (email,))


def register(shopper, email, name="Ann", password=PASSWORD):
    answer = shopper.submit("/fn/account/register", {"email": email, "name": name, "password": password})
    assert answer.status == 200, answer.text[:500]
    return answer


def test_the_login_flowchart(site, mail):
    ann = Shopper(site)
    # Register → the confirmation email; no login before the address is confirmed.
    assert "Check your email" in register(ann, "ann@example.com").text
    [confirmation] = emails(site, mail, "ann@example.com")
    assert confirmation["Subject"] == "Confirm your email address"
    assert ann.log_in("ann@example.com", PASSWORD).status == 403
    assert "Your email address is confirmed" in ann.follow(link_in(confirmation)).text

    # Log in, with a cart from before, and see the name.
    assert ann.submit("/fn/cart/add", {"sku": COAT, "quantity": "1"}, page="/fn/account/login").status == 303
    before = ann.session_cookie()
    login = ann.log_in("Ann@Example.com", PASSWORD, remember="yes")
    assert login.status == 303 and login.headers["Location"] == "/fn/account"
    assert ann.session_cookie() != before
    assert "You are logged in as Ann." in ann.get("/fn/account").text
    assert ann.name() == '{"name":"Ann"}'
    assert '"count":1' in ann.get("/fn/cart.json", {"Accept": "application/json"}).text

    # Log out: the old cookie is nobody.
    logged_in = ann.session_cookie()
    assert ann.submit("/fn/account/logout", {}, page="/fn/account").status == 303
    assert Browser(site.base).get("/fn/account.json", {"Cookie": f"shelf_session={logged_in}"}).text == '{"name":null}'

    # Three wrong passwords lock the account; the page then says the same for right and wrong.
    assert WRONG in ann.log_in("ann@example.com", "wrong 1 password").text
    assert WRONG in ann.log_in("ann@example.com", "wrong 2 password").text
    third = ann.log_in("ann@example.com", "wrong 3 password")
    assert LOCKED in third.text
    right, wrong = ann.log_in("ann@example.com", PASSWORD), ann.log_in("ann@example.com", "wrong 4 password")
    assert right.status == wrong.status == 403
    assert LOCKED in right.text and LOCKED in wrong.text
    assert customer(site, "ann@example.com")[2] is not None

    # The unlock email, once; its link shows a button that unlocks.
    unlock = [m for m in emails(site, mail, "ann@example.com") if m["Subject"] == "Your account is locked"]
    assert len(unlock) == 1
    link = link_in(unlock[0])
    page = ann.follow(link)
    assert "Unlock my account" in page.text
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["token"][0]
    path = "/fn/account/unlock?" + urllib.parse.urlsplit(link).query
    assert "Your account is unlocked" in ann.submit("/fn/account/unlock", {"token": token}, page=path).text
    assert ann.follow(link).status == 404
    assert ann.log_in("ann@example.com", PASSWORD).status == 303

    # Reset the password: the link, the new password, the "changed" email, and the new login.
    elsewhere = ann.session_cookie()
    assert "Check your email" in ann.submit("/fn/account/reset", {"email": "ann@example.com"}).text
    reset = [m for m in emails(site, mail, "ann@example.com") if m["Subject"] == "Reset your password"]
    link = link_in(reset[-1])
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["token"][0]
    path = "/fn/account/reset/new?" + urllib.parse.urlsplit(link).query
    changed = ann.submit("/fn/account/reset/new", {"token": token, "password": "new staple battery"}, page=path)
    assert changed.status == 303
    assert Browser(site.base).get("/fn/account.json", {"Cookie": f"shelf_session={elsewhere}"}).text == '{"name":null}'
    assert any(m["Subject"] == "Your password was changed" for m in emails(site, mail, "ann@example.com"))
    assert ann.log_in("ann@example.com", PASSWORD).status == 403
    assert ann.log_in("ann@example.com", "new staple battery").status == 303
    assert ann.name() == '{"name":"Ann"}'


def test_no_answer_tells_whether_an_address_has_an_account(site, mail):
    bob = Shopper(site)
    first = register(bob, "bob@example.com", name="Bob")
    again = register(Shopper(site), "BOB@Example.com ", name="Mallory")
    assert re.sub(r"\s+", " ", first.text.replace("bob@example.com", "X")) == \
        re.sub(r"\s+", " ", again.text.replace("BOB@Example.com", "X"))
    subjects = [m["Subject"] for m in emails(site, mail, "bob@example.com")]
    assert subjects == ["Confirm your email address", "You already have an account"]
    assert customer(site, "bob@example.com")[0] == "Bob"
    unknown = bob.log_in("nobody@example.com", PASSWORD)
    wrong = bob.log_in("bob@example.com", "not the password")
    assert unknown.status == wrong.status and WRONG in unknown.text and WRONG in wrong.text
    known = bob.submit("/fn/account/reset", {"email": "bob@example.com"})
    nobody = bob.submit("/fn/account/reset", {"email": "nobody@example.com"})
    assert known.status == nobody.status == 200
    assert known.text.replace("bob@example.com", "X") == nobody.text.replace("nobody@example.com", "X")


def test_links_are_single_use_and_only_for_their_purpose_and_owner(site, mail):
    cat, dan = Shopper(site), Shopper(site)
    register(cat, "cat@example.com", name="Cat")
    register(dan, "dan@example.com", name="Dan")
    cat_link = link_in(emails(site, mail, "cat@example.com")[-1])
    dan_link = link_in(emails(site, mail, "dan@example.com")[-1])
    # A confirmation link opens no reset or unlock form.
    query = urllib.parse.urlsplit(cat_link).query
    assert cat.get("/fn/account/reset/new?" + query).status == 404
    assert cat.get("/fn/account/unlock?" + query).status == 404
    # Cat's link confirms Cat only, once.
    assert cat.follow(cat_link).status == 200
    assert cat.follow(cat_link).status == 404
    assert customer(site, "cat@example.com")[1] is not None
    assert customer(site, "dan@example.com")[1] is None
    assert dan.follow(dan_link).status == 200
    # An expired link is nothing: Hal's confirmation link, a day and more old.
    hal = Shopper(site)
    register(hal, "hal@example.com", name="Hal")
    hal_link = link_in(emails(site, mail, "hal@example.com")[-1])
    store_db.execute(site.store, """UPDATE account_tokens SET created_at = created_at - 200000, expires_at = expires_at - 100000
                                    WHERE customer_id = (SELECT id FROM customers WHERE email = 'hal@example.com')""")
    assert hal.follow(hal_link).status == 404
    assert customer(site, "hal@example.com")[1] is None
    # A forged or truncated token is nothing.
    assert cat.get("/fn/account/confirm?token=" + "A" * 43).status == 404
    assert cat.get("/fn/account/confirm?token=" + query[6:20]).status == 404


def test_bad_input_is_refused(site, mail):
    eve = Shopper(site)
    # CR LF in a field never reaches an email.
    answer = eve.submit("/fn/account/register", {"email": "eve@example.com", "name": "Eve\r\nBcc: x@example.com", "password": PASSWORD})
    assert answer.status == 400
    assert customer(site, "eve@example.com") is None
    # A 1 MB password is refused before it is read, let alone hashed.
    form = eve.get("/fn/account/register")
    token = re.search(r'name="_token" value="([^"]+)"', form.text).group(1)
    huge = eve.post("/fn/account/register", {"email": "eve@example.com", "name": "Eve", "password": "a" * 1_000_000,
                                            "_token": token}, {"Origin": BASE_URL})
    assert huge.status == 413
    # Too short a password names the field.
    short = eve.submit("/fn/account/register", {"email": "eve@example.com", "name": "Eve", "password": "short"})
    assert short.status == 422 and "Use at least 8 characters for your password." in short.text
    # Another site cannot log anyone in or out.
    assert eve.post("/fn/account/login", {"email": "eve@example.com", "password": PASSWORD},
                    {"Origin": "https://evil.example"}).status == 403


def test_a_planted_session_cookie_is_not_logged_in(site, mail):
    fay = Shopper(site)
    register(fay, "fay@example.com", name="Fay")
    fay.follow(link_in(emails(site, mail, "fay@example.com")[-1]))
    # The attacker gets a session of their own and plants its cookie in Fay's browser.
    attacker = Shopper(site)
    attacker.get("/fn/account/login")
    planted = attacker.session_cookie()
    victim = Browser(site.base)
    form = victim.get("/fn/account/login", {"Cookie": f"shelf_session={planted}"})
    token = re.search(r'name="_token" value="([^"]+)"', form.text).group(1)
    login = victim.post("/fn/account/login", {"email": "fay@example.com", "password": PASSWORD, "_token": token},
                        {"Origin": BASE_URL, "Cookie": f"shelf_session={planted}"})
    assert login.status == 303
    assert f"shelf_session={planted}" not in login.headers["Set-Cookie"]
    assert attacker.name() == '{"name":null}'
    # A made-up cookie is nobody either.
    assert Browser(site.base).get("/fn/account.json", {"Cookie": "shelf_session=" + "B" * 43}).text == '{"name":null}'


def test_account_json_answers_as_docs_openapi_describes(site, mail):
    from test_openapi import errors, response_schema
    gil = Shopper(site)
    schema = response_schema("/fn/account.json", "get", 200)
    assert errors(json.loads(gil.get("/fn/account.json").text), schema) == []
    register(gil, "gil@example.com", name="Gil")
    gil.follow(link_in(emails(site, mail, "gil@example.com")[-1]))
    assert gil.log_in("gil@example.com", PASSWORD).status == 303
    answer = json.loads(gil.get("/fn/account.json").text)
    assert answer == {"name": "Gil"} and errors(answer, schema) == []


def test_only_the_account_function_links_the_password_library():
    def libraries(name):
        return subprocess.run(["ldd", str(FUNCTIONS / name)], capture_output=True, text=True, check=True).stdout
    assert "libsodium" in libraries("account")
    assert "libsodium" not in libraries("cart")
    assert "libsodium" not in libraries("checkout")
