"""One-time sign-in codes through the real account function behind lighttpd (FastCGI), with the
code emailed by `shelf mail deliver` to a real SMTP server (aiosmtpd) on loopback.
"""
import base64
import hashlib
import hmac
import re
import struct
import time

import store_db
from test_accounts import PASSWORD, Shopper, emails, mail, register, site  # noqa: F401 (fixtures)
from test_checkout import COAT
from conftest import shelf
from test_mail import text_part
from test_new_store import new_store

WRONG_CODE = "That code is not right, or no longer works."
WRONG_SECOND = "That code is not right. Type the 6 digits your app shows now"


def totp(secret, at=None):
    """The code an authenticator app shows now (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(at if at is not None else time.time()) // 30), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def code_in(message):
    match = re.search(r"^(\d{6})\r?$", text_part(message), re.MULTILINE)
    assert match, text_part(message)
    return match.group(1)


def ask_for_code(shopper, email):
    return shopper.submit("/fn/account/code", {"email": email}, page="/fn/account/login")


def enter_code(shopper, email, code):
    return shopper.submit("/fn/account/code/enter", {"email": email, "code": code}, page="/fn/account/code")


def test_an_emailed_code_signs_in_once(site, mail):
    cy = Shopper(site)
    register(cy, "cy@example.com", name="Cy")
    [confirmation] = emails(site, mail, "cy@example.com")
    cy.follow(re.search(r"https://shop\.example\.com/fn/account/\S+", text_part(confirmation)).group(0))

    assert cy.submit("/fn/cart/add", {"sku": COAT, "quantity": "1"}, page="/fn/account/login").status == 303
    before = cy.session_cookie()
    asked = ask_for_code(cy, "cy@example.com")
    assert asked.status == 200 and "we have emailed it a 6-digit code" in asked.text
    [message] = [m for m in emails(site, mail, "cy@example.com") if m["Subject"].startswith("Your sign-in code")]
    code = code_in(message)
    assert message["Subject"] == f"Your sign-in code: {code}"

    login = enter_code(cy, "cy@example.com", code)
    assert login.status == 303 and login.headers["Location"] == "/fn/account"
    assert cy.session_cookie() != before
    assert cy.name() == '{"name":"Cy"}'
    assert '"count":1' in cy.get("/fn/cart.json", {"Accept": "application/json"}).text

    assert cy.submit("/fn/account/logout", {}, page="/fn/account").status == 303
    again = enter_code(cy, "cy@example.com", code)
    assert again.status == 403 and WRONG_CODE in again.text
    assert cy.name() == '{"name":null}'


def test_an_unknown_address_gets_the_same_answer_and_no_email(site, mail):
    someone = Shopper(site)
    answer = ask_for_code(someone, "nobody@example.com")
    assert answer.status == 200 and "If an account uses nobody@example.com, we have emailed it" in answer.text
    assert emails(site, mail, "nobody@example.com") == []


def test_totp_enrolment_then_login_asks_for_the_second_factor(site, mail):
    dee = Shopper(site)
    register(dee, "dee@example.com", name="Dee")
    [confirmation] = emails(site, mail, "dee@example.com")
    dee.follow(re.search(r"https://shop\.example\.com/fn/account/\S+", text_part(confirmation)).group(0))
    assert dee.log_in("dee@example.com", PASSWORD).status == 303
    assert 'href="/fn/account/two-factor"' in dee.get("/fn/account").text

    page = dee.get("/fn/account/two-factor")
    assert "<svg" in page.text and "QR code to scan with your authenticator app" in page.text
    secret = re.search(r"data-totp-secret>([A-Z2-7]+)<", page.text).group(1)
    on = dee.submit("/fn/account/two-factor", {"action": "on", "secret": secret, "code": totp(secret)}, page="/fn/account/two-factor")
    assert on.status == 200 and "Two-step sign-in is on." in on.text
    recovery = re.findall(r"<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>", on.text)
    assert len(recovery) == 10
    assert dee.submit("/fn/account/logout", {}, page="/fn/account").status == 303

    # The database keeps the secret sealed under the secrets file's totp_key: neither its base32
    # nor its bytes are in the row.
    [(stored,)] = store_db.rows(site.store, "SELECT totp_secret FROM customers WHERE email = 'dee@example.com'")
    raw = base64.b32decode(secret + "=" * (-len(secret) % 8))
    assert stored.startswith("secretbox:") and secret not in stored and raw.hex() not in stored.lower()
    assert raw not in stored.encode("latin-1")

    # The password alone does not log in; the app's code does.
    login = dee.log_in("dee@example.com", PASSWORD)
    assert login.status == 303 and login.headers["Location"] == "/fn/account/two-factor/login"
    assert dee.name() == '{"name":null}'
    code = totp(secret, time.time() + 30)  # the next step: the one used to turn it on is spent
    done = dee.submit("/fn/account/two-factor/login", {"code": code})
    assert done.status == 303 and dee.name() == '{"name":"Dee"}'

    # The same code again is refused; a recovery code works once.
    assert dee.submit("/fn/account/logout", {}, page="/fn/account").status == 303
    dee.log_in("dee@example.com", PASSWORD)
    replay = dee.submit("/fn/account/two-factor/login", {"code": code})
    assert replay.status == 403 and WRONG_SECOND in replay.text
    assert dee.submit("/fn/account/two-factor/login", {"code": recovery[0]}).status == 303
    assert dee.name() == '{"name":"Dee"}'
    assert dee.submit("/fn/account/logout", {}, page="/fn/account").status == 303
    dee.log_in("dee@example.com", PASSWORD)
    assert dee.submit("/fn/account/two-factor/login", {"code": recovery[0]}).status == 403
    assert dee.name() == '{"name":null}'


def test_secrets_init_adds_the_totp_key_to_a_file_written_before_it(tmp_path):
    store = new_store(tmp_path)
    secrets = store / "data" / "secrets.toml"
    written = secrets.read_text()
    assert re.search(r'^totp_key = "[0-9a-f]{64}"$', written, re.M), "a new store's file has one"
    older = "".join(line for line in written.splitlines(keepends=True) if "totp_key" not in line and "TOTP" not in line)
    secrets.write_text(older.rstrip("\n"))  # as a merchant's editor may leave it: no final newline

    added = shelf("secrets", "init", store=store)
    assert "Added totp_key to data/secrets.toml." in added.stdout
    now = secrets.read_text()
    assert now.startswith(older) and re.search(r'^totp_key = "[0-9a-f]{64}"$', now, re.M)
    assert secrets.stat().st_mode & 0o777 == 0o600
    again = shelf("secrets", "init", store=store, check=False)
    assert again.returncode != 0 and "already exists with every key; it was left as it is" in again.stderr
    assert secrets.read_text() == now
