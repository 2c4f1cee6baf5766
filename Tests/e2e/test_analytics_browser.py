"""The analytics seen end to end in Chromium (demo store behind `shelf serve`): a shopper
browses to a product and buys it with the test card; an admin then opens the dashboard and
sees the visit, the funnel down to "paid" and the order's revenue; the dashboard passes axe at
390 and 1366 pixels, with JavaScript and without, and does not scroll sideways on a phone.

The browser's user agent is an ordinary Chrome's: the beacon drops `HeadlessChrome` as a bot."""
from playwright.sync_api import expect

from conftest import shelf
from journey import Camera, Shopper, buy
from test_accounts_browser import PASSWORD, newest_link
from test_phone_and_axe import DESKTOP, PHONE, axe_violations, screenshots, served, sideways  # noqa: F401

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"


def test_a_purchase_shows_on_the_admins_dashboard(served, browser, screenshots):
    shopper = Shopper(email="analytics.buyer@example.com", colour="Camel", size="M", sku="LDN-BWC-CAM-M")
    context = browser.new_context(viewport=DESKTOP, user_agent=CHROME)
    try:
        page = context.new_page()
        receipt = buy(page, served.base, served.store, shopper, Camera(screenshots, "analytics"))

        admin = "analytics.admin@example.com"
        page.goto(served.base + "/fn/account/register")
        page.get_by_label("Name").fill("Ada Admin")
        page.get_by_label("Email", exact=True).fill(admin)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Create account").click()
        expect(page.locator("h1")).to_have_text("Check your email")
        page.goto(served.base + newest_link(served.store, admin))
        shelf("customers", "grant-admin", admin, store=served.store)
        page.goto(served.base + "/fn/account/login")
        page.get_by_label("Email", exact=True).fill(admin)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/fn/account*")

        page.goto(served.base + "/fn/account/admin/analytics")
        expect(page.locator("h1")).to_have_text("Analytics")
        summary = page.locator("table").first
        expect(summary.locator("tr", has_text="Orders").locator("td").first).to_have_text("1")
        expect(summary.locator("tr", has_text="Visitors").locator("td").first).not_to_have_text("0")
        expect(summary.locator("tr", has_text="Revenue").locator("td").first).to_have_text(receipt.order_total)
        funnel = page.locator("section[aria-labelledby=table-funnel] tbody")
        for step in ["visit", "product", "cart", "checkout", "paid"]:
            row = funnel.locator("tr").filter(has=page.locator("td").first.get_by_text(step, exact=True))
            expect(row.locator("td").nth(1)).to_have_text("1")
        expect(page.locator("section[aria-labelledby=table-products-viewed]")).to_contain_text(
            "belted-wool-wrap-coat")
        expect(page.locator("svg.chart title").first).to_have_text("Visitors per day")
        assert axe_violations(page) == []
        page.set_viewport_size(PHONE)
        assert sideways(page) is None
        assert axe_violations(page) == []
        signed_in = context.storage_state()
    finally:
        context.close()
    # Without the store's JavaScript the same page, its charts and tables, at both widths. Its
    # scripts are refused rather than JavaScript turned off, which would leave axe itself unable
    # to run (its checks are asynchronous).
    for viewport in [PHONE, DESKTOP]:
        context = browser.new_context(viewport=viewport, storage_state=signed_in)
        context.route("**/*.js", lambda route: route.abort())
        try:
            page = context.new_page()
            page.goto(served.base + "/fn/account/admin/analytics")
            expect(page.locator("h1")).to_have_text("Analytics")
            summary = page.locator("table").first
            expect(summary.locator("tr", has_text="Refunds").locator("td").first).to_be_visible()
            expect(page.locator("svg.chart title").first).to_have_text("Visitors per day")
            expect(page.locator("section[aria-labelledby=table-discount-codes]")).to_be_visible()
            assert sideways(page) is None
            assert axe_violations(page) == []
        finally:
            context.close()
