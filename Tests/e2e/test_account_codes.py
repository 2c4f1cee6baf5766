"""One-time sign-in codes through the real account function behind lighttpd (FastCGI), with the
code emailed by `shelf mail deliver` to a real SMTP server (aiosmtpd) on loopback.
"""
import re

from test_accounts import PASSWORD, Shopper, emails, mail, register, site  # noqa: F401 (fixtures)
from test_checkout import COAT
from test_mail import text_part

WRONG_CODE = "That code is not right, or no longer works."


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
