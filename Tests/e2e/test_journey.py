"""The shopper's whole journey in headless Chromium, against the demo store behind lighttpd (FastCGI).

Home → a category → a product → colour and size → the cart → address → shipping → payment on the
test provider's page → the order page, with JavaScript and without; and a declined card. Each
step is checked on the page and, at the end, in the database.

After the purchase — the last two tests, which need the mail and fulfilment features:
- `servers.smtp.SMTPServer`, a real SMTP server on loopback (Tests/e2e/servers/smtp.py);
- a `[mail]` table in shelf.toml and `shelf mail deliver`: the order confirmation;
- `shelf orders fulfil N --carrier … --tracking …`: the shipped email, whose link opens the order's
  status page (`/fn/checkout/order?n=…&t=…`) showing Shipped, the carrier and the tracking number;
- `shelf orders deliver N`: the status page shows Delivered.
They buy in a store of their own, configured for mail from the start, so that the journeys above
do not depend on the mail settings.

Screenshots of every step go to $SHELF_SCREENSHOTS when set, else to pytest's temporary folder.
"""
import contextlib
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import shelf
from journey import PRODUCT, Camera, Shopper, add_to_cart, buy, check_cart, check_out, merchant_sees, order_row, \
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


# --- After the purchase: mail, shipping, delivery (needs the mail and fulfilment features) ---

MAIL_SHOPPER = Shopper(email="ann.mail@example.com", colour="Camel", size="L", sku="LDN-BWC-CAM-L")
CARRIER = "An Post"
TRACKING = "CE123456789IE"


@pytest.fixture(scope="module")
def mailbox(tmp_path_factory):
    # Imported here, not at the top: the first half of this file does not need it.
    from servers.smtp import SMTPServer
    server = SMTPServer(tmp_path_factory.mktemp("mail") / "maildir")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def mail_site(mailbox):
    def prepare(store):
        with open(store / "shelf.toml", "a") as settings:
            settings.write(
                "\n[mail]\n"
                'from = "Shelf Demo <orders@shop.example.com>"\n'
                'transport = "smtp"\n'
                'smtp_host = "127.0.0.1"\n'
                f"smtp_port = {mailbox.port}\n"
                'smtp_security = "none"\n')
    with serve(LIGHTTPD_FASTCGI, prepare=prepare) as site:
        yield site


@pytest.fixture(scope="module")
def paid_order(mail_site, browser, screenshots):
    """The journey with JavaScript, in the store that sends mail: what the shopper was shown."""
    with new_page(browser) as page:
        return buy(page, mail_site.base, mail_site.store, MAIL_SHOPPER, Camera(screenshots, "mail"))


def messages_to(mailbox, email, subject_contains):
    return [message for message in mailbox.messages()
            if email in str(message["To"]) and subject_contains.lower() in str(message["Subject"]).lower()]


def plain_text(message):
    assert message.is_multipart(), message["Content-Type"]
    assert message.get_body(("html",)) is not None, "no HTML part"
    return message.get_body(("plain",)).get_content()


def test_the_shopper_gets_an_order_confirmation_email(mail_site, mailbox, paid_order):
    shelf("mail", "deliver", store=mail_site.store)
    messages = messages_to(mailbox, MAIL_SHOPPER.email, "")
    assert len(messages) == 1, [(str(m["To"]), str(m["Subject"])) for m in mailbox.messages()]
    message = messages[0]
    assert f"Order {paid_order.number}" in str(message["Subject"])
    assert "orders@shop.example.com" in str(message["From"])
    body = plain_text(message)
    assert PRODUCT in body and paid_order.order_total in body, body


def test_shipping_and_delivery_show_in_the_email_and_on_the_status_page(mail_site, mailbox, paid_order, browser,
                                                                        screenshots):
    shelf("orders", "fulfil", paid_order.number, "--carrier", CARRIER, "--tracking", TRACKING, store=mail_site.store)
    shelf("mail", "deliver", store=mail_site.store)
    shipped = messages_to(mailbox, MAIL_SHOPPER.email, "shipped")
    assert len(shipped) == 1, [str(m["Subject"]) for m in mailbox.messages()]
    body = plain_text(shipped[0])
    assert CARRIER in body and TRACKING in body, body
    link = re.search(r"https?://[^\s<>\"')]+/fn/checkout/order\?[^\s<>\"')]*", body)
    assert link, f"no link to the order's status page in:\n{body}"
    url = link.group(0).rstrip(".,;")
    assert url.startswith(BASE_URL + "/fn/checkout/order?n="), url

    camera = Camera(screenshots, "status")
    with new_page(browser) as page:
        page.goto(mail_site.base + url.removeprefix(BASE_URL))
        status = page.locator("main")
        expect(status).to_contain_text("Shipped")
        expect(status).to_contain_text(CARRIER)
        expect(status).to_contain_text(TRACKING)
        expect(status).to_contain_text(f"Order {paid_order.number}")
        camera(page, "shipped")

        shelf("orders", "deliver", paid_order.number, store=mail_site.store)
        page.reload()
        expect(page.locator("main")).to_contain_text("Delivered")
        camera(page, "delivered")
