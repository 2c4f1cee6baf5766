"""The account pages in headless Chromium on a phone (390 × 844) and at a desktop (1366 × 900),
with JavaScript on and off: register, the confirmation email's link, log in, the account page
(the dashboard, with an address saved), and the reset form. No page scrolls sideways on a phone, and axe-core finds no violation. Screenshots go to $SHELF_SCREENSHOTS when set, else to
pytest's temporary folder.

The store is the demo store behind `shelf serve` (the functions as CGI); the emails are the
.eml files of its folder mailbox, written by `shelf mail deliver`.
"""
import email
import email.policy
import re
import time
import urllib.parse

import pytest
from playwright.sync_api import expect

from conftest import shelf
from test_phone_and_axe import (DESKTOP, PHONE, axe_violations, new_page, screenshots, served,  # noqa: F401  (fixtures)
                                sideways)

PASSWORD = "correct horse battery"


def delivered_emails(store, to):
    """The emails to `to` in the store's folder mailbox, oldest first, once none to it is pending.
    `shelf serve` delivers the outbox every second too: when its pass has claimed an email, this
    one skips it and the file appears a moment later, so look again until it has."""
    for _ in range(120):
        shelf("mail", "deliver", "--now", store=store)
        if to not in shelf("mail", "list", "--status", "pending", store=store).stdout:
            break
        time.sleep(0.25)
    messages = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
                for path in sorted((store / "data" / "mail").glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)]
    return [m for m in messages if m["To"].addresses[0].addr_spec == to]


def newest_link(store, to):
    """The account link in the newest email to `to`, as a path of the store."""
    mine = delivered_emails(store, to)
    assert mine, f"no email to {to}"
    text = mine[-1].get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"https?://\S+/fn/account/\S+", text).group(0)
    parts = urllib.parse.urlsplit(link)
    return parts.path + "?" + parts.query


@pytest.mark.parametrize("viewport,javascript", [
    pytest.param(PHONE, True, id="phone-js"),
    pytest.param(PHONE, False, id="phone-nojs"),
    pytest.param(DESKTOP, True, id="desktop-js"),
])
def test_account_pages_fit_a_phone_and_pass_axe(served, browser, screenshots, viewport, javascript, request):
    address = f"{request.node.callspec.id}@example.com"
    problems = []

    def inspect(page, step):
        page.screenshot(path=screenshots / f"account-{request.node.callspec.id}-{step.replace(' ', '-')}.png")
        if viewport == PHONE and (wide := sideways(page)):
            problems.append(f"{step}: scrolls sideways, {wide}")
        if javascript:
            problems.extend(f"{step}: {violation}" for violation in axe_violations(page))

    with new_page(browser, viewport, javascript) as page:
        page.goto(served.base + "/")
        page.get_by_role("link", name="Log in").click()
        page.wait_for_url("**/fn/account/login")
        inspect(page, "login")
        page.get_by_role("link", name="Create an account").click()
        inspect(page, "register")
        page.get_by_label("Name").fill("Phone Shopper")
        page.get_by_label("Email", exact=True).fill(address)
        page.get_by_label("Password").fill("short")
        page.get_by_role("button", name="Create account").click()
        expect(page.locator(".field__error")).to_have_text("Use at least 8 characters for your password.")
        inspect(page, "register with a mistake")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Create account").click()
        expect(page.locator("h1")).to_have_text("Check your email")
        inspect(page, "check your email")

        page.goto(served.base + newest_link(served.store, address))
        expect(page.locator("h1")).to_have_text("Your email address is confirmed")
        inspect(page, "confirmed")
        page.get_by_role("link", name="Log in").last.click()
        page.get_by_label("Email", exact=True).fill(address.upper())
        page.get_by_label("Password").fill("not the password")
        page.get_by_role("button", name="Log in").click()
        expect(page.locator("[data-account-problem]")).to_contain_text("The email or password is not right.")
        inspect(page, "wrong password")
        page.get_by_label("Email", exact=True).fill(address)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_label("Remember me for 30 days").check()
        page.get_by_role("button", name="Log in").click()
        expect(page.locator("[data-account-name]")).to_have_text("You are logged in as Phone Shopper.")
        inspect(page, "account")
        page.get_by_label("Full name", exact=True).fill("Phone Shopper")
        page.get_by_role("button", name="Save the address").click()
        expect(page.locator("#error-address_street")).to_be_visible()
        inspect(page, "address with a mistake")
        page.get_by_label("Address", exact=True).fill("1 Main Street")
        page.get_by_label("City", exact=True).fill("Dublin")
        page.get_by_label("Postal code", exact=True).fill("D02 X285")
        page.get_by_label("Country", exact=True).select_option("IE")
        page.get_by_role("button", name="Save the address").click()
        expect(page.locator("[data-account-notice]")).to_have_text("Your addresses were saved.")
        expect(page.locator("[data-saved-addresses]")).to_contain_text("1 Main Street")
        inspect(page, "account with an address")
        if javascript:
            page.goto(served.base + "/")
            expect(page.locator("[data-account-link]")).to_have_text("Phone Shopper")
            inspect(page, "home, logged in")
            page.goto(served.base + "/fn/account")
        page.get_by_role("button", name="Log out").click()
        expect(page.locator(".notice")).to_have_text("You are logged out.")
        page.get_by_role("link", name="Forgot your password?").click()
        inspect(page, "reset")
    assert not problems, "\n".join([f"The account pages at {viewport['width']} px:"] + problems)
