"""The sign-in code and two-step sign-in pages in headless Chromium on a phone (390 × 844) and at a desktop
(1366 × 900): the login page's "email me a sign-in code" form, the code page, a wrong code and
the login with the emailed code; turning TOTP on (QR code, recovery codes) and the login's second
step. No page scrolls sideways on a phone, and axe-core finds no
violation. The store is the demo store behind `shelf serve`; emails are its folder mailbox.
"""
import re
import time

import pytest
from playwright.sync_api import expect

from test_account_codes import totp
from test_accounts_browser import PASSWORD, delivered_emails, newest_link
from test_phone_and_axe import (DESKTOP, PHONE, axe_violations, new_page, screenshots, served,  # noqa: F401  (fixtures)
                                sideways)


def newest_code(store, to):
    """The six digits of the newest email to `to`."""
    mine = delivered_emails(store, to)
    text = mine[-1].get_body(preferencelist=("plain",)).get_content()
    return re.search(r"^(\d{6})\r?$", text, re.MULTILINE).group(1)


@pytest.mark.parametrize("viewport", [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")])
def test_sign_in_code_pages_fit_a_phone_and_pass_axe(served, browser, screenshots, viewport, request):
    address = f"code-{request.node.callspec.id}@example.com"
    problems = []

    def inspect(page, step):
        page.screenshot(path=screenshots / f"account-code-{request.node.callspec.id}-{step.replace(' ', '-')}.png")
        if viewport == PHONE and (wide := sideways(page)):
            problems.append(f"{step}: scrolls sideways, {wide}")
        problems.extend(f"{step}: {violation}" for violation in axe_violations(page))

    with new_page(browser, viewport, True) as page:
        page.goto(served.base + "/fn/account/register")
        page.get_by_label("Name").fill("Code Shopper")
        page.get_by_label("Email", exact=True).fill(address)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Create account").click()
        expect(page.locator("h1")).to_have_text("Check your email")
        page.goto(served.base + newest_link(served.store, address))
        expect(page.locator("h1")).to_have_text("Your email address is confirmed")

        page.goto(served.base + "/fn/account/login")
        inspect(page, "login")
        page.get_by_label("Send a code to").fill(address)
        page.get_by_role("button", name="Email me a sign-in code").click()
        expect(page.locator("[data-code-sent]")).to_contain_text("we have emailed it a 6-digit code")
        inspect(page, "code page")
        code = newest_code(served.store, address)
        page.get_by_label("6-digit code").fill("000000" if code != "000000" else "111111")
        page.get_by_role("button", name="Log in").click()
        expect(page.locator("[data-account-problem]")).to_contain_text("That code is not right")
        inspect(page, "wrong code")
        page.get_by_label("6-digit code").fill(code)
        page.get_by_role("button", name="Log in").click()
        expect(page.locator("[data-account-name]")).to_have_text("You are logged in as Code Shopper.")

        page.get_by_role("link", name="Two-step sign-in").click()
        expect(page.locator(".two-factor__qr svg")).to_be_visible()
        inspect(page, "two-factor")
        secret = page.locator("[data-totp-secret]").inner_text()
        page.get_by_label("Code from the app").fill(totp(secret))
        page.get_by_role("button", name="Turn on two-step sign-in").click()
        expect(page.locator("[data-recovery-codes] li")).to_have_count(10)
        inspect(page, "recovery codes")
        page.goto(served.base + "/fn/account/two-factor")
        inspect(page, "two-factor on")
        page.goto(served.base + "/fn/account")
        page.get_by_role("button", name="Log out").click()
        page.get_by_label("Email", exact=True).fill(address)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page.locator("h1")).to_have_text("Two-step sign-in")
        inspect(page, "second step")
        page.get_by_label("Code").fill(totp(secret, time.time() + 30))
        page.get_by_role("button", name="Log in").click()
        expect(page.locator("[data-account-name]")).to_have_text("You are logged in as Code Shopper.")
    assert not problems, "\n".join([f"The sign-in code pages at {viewport['width']} px:"] + problems)
