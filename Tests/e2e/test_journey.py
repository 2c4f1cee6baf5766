"""The shopper's whole journey in headless Chromium, against the demo store behind lighttpd (FastCGI).

Home → a category → a product → colour and size → the cart → address → shipping → payment on the
test provider's page → the order page, with JavaScript and without; and a declined card. Each
step is checked on the page and, at the end, in the database.

Screenshots of every step go to $SHELF_SCREENSHOTS when set, else to pytest's temporary folder.
"""
import contextlib
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from journey import Camera, Shopper, add_to_cart, buy, check_cart, check_out, merchant_sees, order_row, \
    pay, stock, to_the_product, to_the_test_provider
from servers.launch import SERVERS, serve

LIGHTTPD_FASTCGI = next(server for server in SERVERS if server.id == "lighttpd-fastcgi")
BASE_URL = "https://shop.example.com"
VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def site():
    with serve(LIGHTTPD_FASTCGI) as site:
        yield site


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    folder = os.environ.get("SHELF_SCREENSHOTS")
    return Path(folder) if folder else tmp_path_factory.mktemp("screenshots")


@contextlib.contextmanager
def new_page(browser, javascript=True):
    context = browser.new_context(java_script_enabled=javascript, viewport=VIEWPORT)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_a_shopper_buys_a_coat_with_javascript(site, browser, screenshots):
    shopper = Shopper(email="ann.js@example.com", colour="Oat", size="L", sku="LDN-BWC-OAT-L")
    with new_page(browser) as page:
        receipt = buy(page, site.base, site.store, shopper, Camera(screenshots, "js"))
    assert receipt.order_total == "€248.95"


def test_a_shopper_buys_a_coat_without_javascript(site, browser, screenshots):
    shopper = Shopper(email="ann.nojs@example.com", colour="Black", size="M", sku="LDN-BWC-BLK-M")
    with new_page(browser, javascript=False) as page:
        receipt = buy(page, site.base, site.store, shopper, Camera(screenshots, "nojs"), javascript=False)
    assert receipt.order_total == "€248.95"


def test_a_declined_card_says_so_and_keeps_the_order_unpaid_and_reserved(site, browser, screenshots):
    shopper = Shopper(email="ann.declined@example.com", colour="Oat", size="S", sku="LDN-BWC-OAT-S")
    camera = Camera(screenshots, "declined")
    before = stock(site.store, shopper.sku)
    with new_page(browser) as page:
        to_the_product(page, site.base, camera)
        add_to_cart(page, shopper, camera, javascript=True)
        check_cart(page, shopper, camera)
        total = check_out(page, shopper, camera)
        number = to_the_test_provider(page, total, camera)

        assert pay(page, "4000 0000 0000 0002", total) == 402
        alert = page.locator("[role=alert]")
        expect(alert).to_have_text("Your card was declined. No payment was taken; try another card.")
        expect(page.locator("h1")).to_have_text(f"Pay {total}")  # still the payment page, ready for another card
        main = page.locator("main").inner_text()
        assert "Thank you" not in main and "Paid" not in main, main
        camera(page, "declined")

        # The shop's own page for the order says it is waiting, not paid.
        page.click("a:has-text('Cancel and return to the shop')")
        page.wait_for_url("**/fn/checkout/order?*")
        expect(page.locator("h1")).to_have_text(f"Order {number}")
        expect(page.locator(".order__status")).to_have_text("Waiting for your payment.")
        expect(page.locator(".order__eyebrow")).to_have_count(0)
        expect(page.locator("button:has-text('Try paying again')")).to_be_visible()
        camera(page, "order-unpaid")

    assert order_row(site.store, shopper.email)[0] == "pending_payment"
    merchant_sees(site.store, number, "pending_payment")
    on_hand, reserved, allocated = stock(site.store, shopper.sku)
    assert (on_hand, reserved, allocated) == (before[0], before[1] + 1, before[2])

