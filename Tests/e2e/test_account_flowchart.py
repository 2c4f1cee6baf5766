"""The login flowchart (shared/design/flowcharts/login_flowchart.png), walked by a shopper in headless
Chromium on a phone (390 × 844) and at a desktop (1366 × 900), with JavaScript on and off.

Header "Log in" → not registered: "Create an account" → "Check your email" → the confirmation
email in the dev mailbox → its link → log in with 3 wrong passwords → the locked page, in the same
words when the 4th password is right → the unlock email → its link and button → log in → the
account, the header showing the shopper's name with JavaScript (from /fn/account.json) and "Log in"
(which leads to the account) without → log out → "Forgot your password?" → the reset email → a new
password → "Your password was changed" by email → "Email me a sign-in code" → the code from the
email → the account, whose order history shows the guest order placed with the same address
through the real checkout and the test provider (before registering with JavaScript, between
registering and confirming without) → its status page.

Every store page reached fits its window (no sideways scrolling), shows its main action (the form's
button, or the heading of a message page) on the first screen, and axe-core finds no violation in
it. The store is the demo store behind `shelf serve`, the way a merchant runs it in development;
the emails are read at its dev mailbox, `/_dev/mail`, in a second tab, and their links clicked
there, as a shopper's mail program would open them. Screenshots go to $SHELF_SCREENSHOTS when set,
else to pytest's temporary folder.
"""
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError, expect

from journey import Shopper, buy
from test_phone_and_axe import (DESKTOP, PHONE, axe_violations, axe_violations_as_served, new_page, screenshots,  # noqa: F401
                                served, sideways)

PASSWORD = "correct horse battery"
NEW_PASSWORD = "a brand new staple"
# A real name, long enough to test the header on a phone.
NAME = "Siobhán Ní Bhriain-Fitzgerald"
LOCKED = ("This account is locked after too many failed attempts to log in. We have emailed you a link to unlock "
          "it; open it, then log in again. No email? You can also reset your password.")
WRONG = "The email or password is not right. Please try again."
RUNS = [
    pytest.param(PHONE, True, Shopper(email="", colour="Oat", size="S", sku="LDN-BWC-OAT-S", name=NAME), id="phone-js"),
    pytest.param(PHONE, False, Shopper(email="", colour="Black", size="M", sku="LDN-BWC-BLK-M", name=NAME),
                 id="phone-nojs"),
    pytest.param(DESKTOP, True, Shopper(email="", colour="Camel", size="L", sku="LDN-BWC-CAM-L", name=NAME),
                 id="desktop-js"),
    pytest.param(DESKTOP, False, Shopper(email="", colour="Black", size="L", sku="LDN-BWC-BLK-L", name=NAME),
                 id="desktop-nojs"),
]


class Inspector:
    """Looks at each page the shopper reaches: a screenshot, then what does not fit, hides the
    main action or fails axe-core, noted as problems to report together at the end."""

    def __init__(self, browser, folder, prefix, viewport, javascript):
        self.browser, self.folder, self.prefix, self.viewport, self.javascript = browser, folder, prefix, viewport, javascript
        self.steps, self.problems = [], []

    def __call__(self, page, step, main):
        self.steps.append(step)
        page.screenshot(path=self.folder / f"flow-{self.prefix}-{len(self.steps):02d}-{step.replace(' ', '-')}.png")
        where = f"{step} ({page.url})"
        if wide := sideways(page):
            self.problems.append(f"{where}: scrolls sideways, {wide}")
        expect(main).to_be_visible()
        box = main.bounding_box()
        if box["y"] < 0 or box["y"] + box["height"] > self.viewport["height"] or box["x"] + box["width"] > self.viewport["width"]:
            self.problems.append(f"{where}: the main action is not on the first screen: {box}")
        self.problems += [f"{where}: {violation}" for violation in self.violations(page)]

    def violations(self, page):
        if self.javascript:
            return axe_violations(page)
        return axe_violations_as_served(self.browser, self.viewport, page)


class Mailbox:
    """The dev mailbox of `shelf serve`, opened in a tab of the shopper's browser."""

    def __init__(self, base, address):
        self.base, self.address = base, address

    def open(self, page, subject):
        """Opens a tab on the mailbox, waits for the email to the shopper with this subject (shelf
        serve delivers the outbox every second) and opens it; the tab."""
        tab = page.context.new_page()
        tab.goto(self.base + "/_dev/mail")
        row = tab.locator("tbody tr", has_text=self.address).filter(has=tab.get_by_role("link", name=subject))
        for _ in range(100):
            if row.count():
                break
            tab.wait_for_timeout(100)
            tab.reload()
        row.first.get_by_role("link", name=subject).click()
        expect(tab.locator("h1")).to_have_text(subject)
        return tab

    def follow(self, page, subject, path):
        """Clicks the link to `path` in the newest email with this subject, which the text part
        shows too; the mailbox's tab the link opened in, now the shopper's page (the old one is
        closed)."""
        tab = self.open(page, subject)
        link = tab.locator("pre a", has_text=path)
        expect(link).to_have_count(1)
        href = link.get_attribute("href")
        assert href.startswith(self.base + path), href
        # The shopper clicks the same address in the HTML part, which the mailbox shows in a frame,
        # once the page and its frame have loaded (a click that lands while the frame still loads
        # can be lost; a shopper would click again, and so does this).
        tab.wait_for_load_state("load")
        in_frame = tab.frame_locator("iframe").locator(f'a[href="{href}"]').first
        for attempt in range(3):
            in_frame.click()
            try:
                tab.wait_for_url(lambda url: url == href, timeout=10_000)
                break
            except PlaywrightTimeoutError:
                if attempt == 2:
                    raise
        page.close()
        return tab

    def code(self, page):
        """The six digits of the newest sign-in code email, read in a tab closed afterwards."""
        tab = self.open(page, re.compile(r"^Your sign-in code: \d{6}$"))
        code = tab.locator("h1").inner_text()[-6:]
        expect(tab.locator("pre")).to_contain_text(code)
        tab.close()
        return code


def header_link(page, javascript, name):
    """The header's account link: the shopper's name with JavaScript, else "Log in"."""
    link = page.locator("header [data-account-link]")
    if javascript:
        expect(link).to_have_text(name)
        expect(link).to_have_attribute("href", "/fn/account")
    else:
        expect(link).to_have_text("Log in")
    return link


def log_in(page, email, password):
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()


@pytest.mark.parametrize("viewport,javascript,shopper", RUNS)
def test_a_shopper_walks_the_login_flowchart(served, browser, screenshots, viewport, javascript, shopper, request):
    run = request.node.callspec.id
    shopper = Shopper(**{**shopper.__dict__, "email": f"flow-{run}@example.com"})
    look = Inspector(browser, screenshots, run, viewport, javascript)
    mailbox = Mailbox(served.base, shopper.email)
    heading = lambda page: page.locator("main h1")  # noqa: E731
    button = lambda page, name: page.locator("main").get_by_role("button", name=name, exact=True)  # noqa: E731

    with new_page(browser, viewport, javascript) as page:
        if javascript:  # A guest order before the account exists.
            receipt = buy(page, served.base, served.store, shopper, lambda *_: None, javascript=True)

        # Login.html → not registered → Register.html.
        page.goto(served.base + "/")
        page.locator("header").get_by_role("link", name="Log in").click()
        page.wait_for_url("**/fn/account/login")
        expect(heading(page)).to_have_text("Welcome back")
        # Wireframe 13: email, password, remember me, forgot password, create an account.
        for field in ("Email", "Password", "Remember me for 30 days"):
            expect(page.get_by_label(field, exact=True)).to_be_editable()
        expect(page.get_by_role("link", name="Forgot your password?")).to_be_visible()
        look(page, "login", button(page, "Log in"))
        page.get_by_role("link", name="Create an account").click()
        expect(heading(page)).to_have_text("Create an account")
        look(page, "register", button(page, "Create account"))
        page.get_by_label("Name").fill(shopper.name)
        page.get_by_label("Email", exact=True).fill(shopper.email)
        page.get_by_label("Password").fill(PASSWORD)
        button(page, "Create account").click()
        expect(heading(page)).to_have_text("Check your email")
        expect(page.locator("[data-account-message]")).to_contain_text(f"We have sent an email to {shopper.email}.")
        look(page, "check your email", heading(page))

        if not javascript:  # A guest order between registering and confirming.
            receipt = buy(page, served.base, served.store, shopper, lambda *_: None, javascript=False)

        # The confirmation email's link.
        page = mailbox.follow(page, "Confirm your email address", "/fn/account/confirm")
        expect(heading(page)).to_have_text("Your email address is confirmed")
        look(page, "confirmed", heading(page))
        page.locator("main").get_by_role("link", name="Log in").click()
        expect(heading(page)).to_have_text("Welcome back")

        # Three wrong passwords lock the account; the fourth, right, is told the very same words.
        problem = page.locator("[data-account-problem]")
        log_in(page, shopper.email, "wrong password 1")
        expect(problem).to_have_text(WRONG)
        look(page, "wrong password", button(page, "Log in"))
        log_in(page, shopper.email, "wrong password 2")
        expect(problem).to_have_text(WRONG)
        log_in(page, shopper.email, "wrong password 3")
        expect(problem).to_have_text(LOCKED)
        look(page, "locked", problem)
        log_in(page, shopper.email, PASSWORD)
        expect(problem).to_have_text(LOCKED)
        expect(heading(page)).to_have_text("Welcome back")
        look(page, "locked with the right password", problem)
        if javascript:
            expect(page.locator("header [data-account-link]")).to_have_text("Log in")

        # The unlock email: its link shows a button, which unlocks.
        page = mailbox.follow(page, "Your account is locked", "/fn/account/unlock")
        expect(heading(page)).to_have_text("Unlock your account")
        look(page, "unlock", button(page, "Unlock my account"))
        button(page, "Unlock my account").click()
        expect(heading(page)).to_have_text("Your account is unlocked")
        look(page, "unlocked", heading(page))
        page.locator("main").get_by_role("link", name="Log in").click()
        log_in(page, shopper.email, PASSWORD)
        expect(page.locator("[data-account-name]")).to_have_text(f"You are logged in as {shopper.name}.")
        look(page, "account", heading(page))
        header_link(page, javascript, shopper.name)

        # The static home page's header leads back to the account, named with JavaScript.
        page.locator("header").get_by_role("link", name="Evergreen").click()
        expect(heading(page)).to_have_text("Better clothing for the planet")
        header_link(page, javascript, shopper.name).click()
        expect(page.locator("[data-account-name]")).to_have_text(f"You are logged in as {shopper.name}.")

        # Forgot the password: the reset email, a new password.
        page.get_by_role("button", name="Log out").click()
        expect(page.locator("main .notice")).to_have_text("You are logged out.")
        page.get_by_role("link", name="Forgot your password?").click()
        expect(heading(page)).to_have_text("Reset your password")
        look(page, "reset", button(page, "Email me a link"))
        page.get_by_label("Email", exact=True).fill(shopper.email)
        button(page, "Email me a link").click()
        expect(heading(page)).to_have_text("Check your email")
        look(page, "reset sent", heading(page))
        page = mailbox.follow(page, "Reset your password", "/fn/account/reset/new")
        expect(heading(page)).to_have_text("Choose a new password")
        look(page, "new password", button(page, "Save the new password"))
        page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
        button(page, "Save the new password").click()
        expect(page.locator("main .notice")).to_have_text("Your password was changed. Log in with your new password.")
        look(page, "password changed", button(page, "Log in"))
        mailbox.open(page, "Your password was changed").close()

        # A sign-in code by email.
        page.get_by_label("Send a code to").fill(shopper.email)
        button(page, "Email me a sign-in code").click()
        expect(heading(page)).to_have_text("Sign in with a code")
        expect(page.locator("[data-code-sent]")).to_contain_text(f"If an account uses {shopper.email}, we have emailed")
        look(page, "code", button(page, "Log in"))
        page.get_by_label("6-digit code").fill(mailbox.code(page))
        button(page, "Log in").click()

        # The order history shows the guest order, linking to its status page.
        expect(page.locator("[data-account-name]")).to_have_text(f"You are logged in as {shopper.name}.")
        order = page.locator("[data-order-history]").get_by_role("link", name=f"Order {receipt.number}")
        expect(order).to_have_count(1)
        look(page, "order history", order)
        header_link(page, javascript, shopper.name)
        order.click()
        expect(heading(page)).to_have_text(f"Order {receipt.number}")

    assert look.steps == ["login", "register", "check your email", "confirmed", "wrong password", "locked",
                          "locked with the right password", "unlock", "unlocked", "account", "reset", "reset sent",
                          "new password", "password changed", "code", "order history"]
    assert not look.problems, "\n".join([f"The login flowchart at {viewport['width']} px, JavaScript "
                                         f"{'on' if javascript else 'off'}:"] + look.problems)
