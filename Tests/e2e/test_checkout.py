"""Checkout through the real binaries behind lighttpd (FastCGI), with each payment provider.

The test provider runs inside the checkout function; Stripe is a local stand-in that speaks its
protocol (Tests/e2e/standins/stripe.py). Nothing else is replaced.
"""
import re
import sys
from pathlib import Path

import pytest

import store_db
from conftest import shelf
from html_model import parse
from servers.browser import Browser
from servers.launch import SERVERS, serve

sys.path.insert(0, str(Path(__file__).parent / "standins"))
from stripe import StripeStandIn, sign  # noqa: E402

LIGHTTPD_FASTCGI = next(server for server in SERVERS if server.id == "lighttpd-fastcgi")
BASE_URL = "https://shop.example.com"
ADDRESS = {"email": "ann@example.com", "name": "Ann Murphy", "street": "1 Main Street", "city": "Dublin",
           "postal_code": "D02 X285", "country": "IE"}
COAT = "LDN-BWC-CAM-XS"   # €239.00
COAT_L = "LDN-BWC-CAM-L"


def set_provider(store, provider, extra=""):
    text = (store / "shelf.toml").read_text().replace('provider = "test"', f'provider = "{provider}"\n{extra}')
    (store / "shelf.toml").write_text(text)


@pytest.fixture(scope="module", params=["test", "manual", "stripe"])
def site(request):
    # Each store numbers its orders from 1001, so each gets its own Stripe: idempotency keys are
    # per order, and a shared stand-in would replay another store's answers.
    stripe = StripeStandIn()

    def prepare(store):
        if request.param == "stripe":
            set_provider(store, "stripe", f'stripe_api = "{stripe.url}"')
            with open(store / "data" / "secrets.toml", "a") as secrets:
                secrets.write(f'stripe_secret_key = "{stripe.secret_key}"\nstripe_webhook_secret = "{stripe.webhook_secret}"\n')
        elif request.param == "manual":
            set_provider(store, "manual")
    with serve(LIGHTTPD_FASTCGI, prepare=prepare) as site:
        site.provider = request.param
        site.stripe = stripe
        yield site
    stripe.close()


@pytest.fixture
def stripe(site):
    return site.stripe


class Shopper(Browser):
    """A shopper's browser on `site`, posting forms from `origin` (the store's base_url)."""

    def __init__(self, site, origin=BASE_URL):
        super().__init__(site.base)
        self.origin = origin

    def submit(self, path, fields, headers=None):
        return self.post(path, fields, {"Origin": self.origin, **(headers or {})})

    def token(self):
        page = self.get("/fn/checkout")
        match = re.search(r'name="_token" value="([^"]+)"', page.text)
        assert match, page.text[:500]
        return match.group(1)

    def fill_cart(self):
        assert self.submit("/fn/cart/add", {"sku": COAT, "quantity": "2"}).status == 303
        assert self.submit("/fn/cart/add", {"sku": COAT_L, "quantity": "1", "price": "1"}).status == 303

    def through_to_payment(self, code=None):
        token = self.token()
        if code:
            assert self.submit("/fn/checkout/code", {"code": code, "_token": token}).status == 303
        assert self.submit("/fn/checkout/address", {**ADDRESS, "_token": token}).headers["Location"] == "/fn/checkout/shipping"
        answer = self.submit("/fn/checkout/shipping", {"shipping": "express", "_token": token, "shipping_price": "0"})
        assert answer.headers["Location"] == "/fn/checkout/payment"
        return token


def order_status(store, number):
    return store_db.row(store, "SELECT status FROM orders WHERE id = ?", (int(number) - 1000,))[0]


def stock(store, sku):
    return store_db.row(store, "SELECT on_hand, reserved, allocated FROM stock WHERE sku = ?", (sku,))


def summary(page):
    document = parse(page.text)
    return {key: document.find("dd", **{f"data_summary_{key}": True}).text
            for key in ("subtotal", "shipping", "total") if document.find("dd", **{f"data_summary_{key}": True})}


def test_mistakes_are_shown_with_what_was_typed(site):
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.token()
    answer = shopper.submit("/fn/checkout/address", {**ADDRESS, "email": "ann-at-example", "city": "", "_token": token})
    assert answer.status == 422
    document = parse(answer.text)
    assert document.find("input", name="email").attrs["value"] == "ann-at-example"
    assert document.find("input", name="name").attrs["value"] == "Ann Murphy"
    errors = [element.text for element in document.find_all("p", class_="field__error")]
    assert errors == ["Email must be an address like name@example.com", "City is required"]
    # A country the store does not ship to, and a forged shipping method, are refused.
    assert shopper.submit("/fn/checkout/address", {**ADDRESS, "country": "ZZ", "_token": token}).status == 422
    assert shopper.submit("/fn/checkout/address", {**ADDRESS, "_token": token}).status == 303
    assert shopper.submit("/fn/checkout/shipping", {"shipping": "free-for-me", "_token": token}).status == 422
    # Without the form token, nothing changes.
    assert shopper.submit("/fn/checkout/shipping", {"shipping": "express"}).status == 403


def test_the_summary_is_what_gets_charged(site, stripe):
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment(code="WELCOME10")
    page = shopper.get("/fn/checkout/payment")
    # 3 coats at €239.00 = €717.00, 10% off = €645.30, express €9.95 → €655.25 (VAT included).
    assert summary(page) == {"subtotal": "€717.00", "shipping": "€9.95", "total": "€655.25"}
    placed = shopper.submit("/fn/checkout/payment", {"_token": token, "total": "1", "currency": "USD"})
    assert placed.status == 303
    location = placed.headers["Location"]
    number = None
    if site.provider == "test":
        assert location.startswith("/fn/checkout/test-pay?s=")
        assert "Pay €655.25" in shopper.get(location).text
    elif site.provider == "manual":
        number = re.search(r"n=(\d+)", location).group(1)
        order = shopper.get(location)
        assert "€655.25" in order.text and order_status(site.store, number) == "awaiting_payment"
    else:
        assert location.startswith(stripe.url + "/pay/")
        method, path, headers, form = [r for r in stripe.requests if r[1] == "/v1/checkout/sessions"][-1]
        assert headers["Idempotency-Key"].startswith("shelf-") and headers["Idempotency-Key"].endswith("-1")
        assert form["line_items[0][price_data][unit_amount]"] == "23900"
        assert stripe.sessions[location.rsplit("/", 1)[1]]["amount_total"] == 65525


def pay_with_test_card(shopper, location, card):
    token = re.search(r"s=([^&]+)", location).group(1)
    return shopper.submit("/fn/checkout/test-pay", {"session": token, "card": card, "name": "Ann"})


def test_paying_marks_the_order_paid_only_through_the_provider(site, stripe):
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment()
    before = stock(site.store, COAT)
    placed = shopper.submit("/fn/checkout/payment", {"_token": token})
    assert stock(site.store, COAT)[1] == before[1] + 2  # reserved with the order

    if site.provider == "manual":
        number = re.search(r"n=(\d+)", placed.headers["Location"]).group(1)
        assert order_status(site.store, number) == "awaiting_payment"
        shelf("orders", "mark-paid", number, store=site.store)
        assert order_status(site.store, number) == "paid"
        return

    if site.provider == "test":
        location = placed.headers["Location"]
        declined = pay_with_test_card(shopper, location, "4000 0000 0000 0002")
        assert declined.status == 402 and "declined" in declined.text
        number = re.search(r'Order (\d+)', declined.text).group(1)
        assert order_status(site.store, number) == "pending_payment"
        assert stock(site.store, COAT)[1] == before[1] + 2  # still reserved until expiry
        # The success page opened without paying changes nothing.
        link = re.search(r'href="(/fn/checkout/order\?[^"]+)"', declined.text).group(1).replace("&amp;", "&")
        assert "Waiting for your payment" in shopper.get(link).text
        assert order_status(site.store, number) == "pending_payment"
        paid = pay_with_test_card(shopper, location, "4242 4242 4242 4242")
        assert paid.status == 303
        assert "Paid" in shopper.get(paid.headers["Location"]).text
    else:
        session_id = placed.headers["Location"].rsplit("/", 1)[1]
        session = stripe.sessions[session_id]
        number = session["client_reference_id"]
        webhook = site.base + "/fn/checkout/webhook/stripe"
        body = stripe.event("checkout.session.completed", session_id)
        good = sign(body, stripe.webhook_secret)
        timestamp, signature = good.split(",")
        # Every variant of a bad signature is refused and changes nothing.
        for bad in ["", "t=1,v1=00", good.replace("v1=", "v0="), f"{timestamp},v1={'0' * 64}",
                    sign(body, "whsec_wrong"), sign(body, stripe.webhook_secret, timestamp=1_000_000_000)]:
            assert stripe.deliver(webhook, body, signature=bad)[0] == 400, bad
        assert stripe.deliver(webhook, body + b" ", signature=good)[0] == 400
        assert order_status(site.store, number) == "pending_payment"
        # The success URL without a payment leaves the order unpaid.
        assert "Waiting for your payment" in shopper.get(session["success_url"].removeprefix(BASE_URL)).text
        assert stripe.deliver(webhook, body)[0] == 200
        assert stripe.deliver(webhook, body)[0] == 200  # the same event again: no second effect
        expired = stripe.event("checkout.session.expired", session_id)  # out of order: after payment
        assert stripe.deliver(webhook, expired)[0] == 200
    assert order_status(site.store, number) == "paid"
    on_hand, reserved, allocated = stock(site.store, COAT)
    assert (reserved, allocated) == (before[1], before[2] + 2)
    assert shopper.get("/fn/cart.json").text.startswith('{"count":0')


@pytest.mark.parametrize("site", ["stripe"], indirect=True)
def test_a_mismatched_amount_is_refused(site, stripe):
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment()
    session_id = shopper.submit("/fn/checkout/payment", {"_token": token}).headers["Location"].rsplit("/", 1)[1]
    session = dict(stripe.sessions[session_id], payment_status="paid", amount_total=100, payment_intent="pi_x")
    body = stripe.event("checkout.session.completed", obj=session)
    assert stripe.deliver(site.base + "/fn/checkout/webhook/stripe", body)[0] == 400
    assert order_status(site.store, session["client_reference_id"]) == "pending_payment"
    # Stripe busy: the retry reuses the idempotency key and gets the same session.
    stripe.fail_next = 1
    order = session["client_reference_id"]
    retried = shopper.submit("/fn/checkout/pay", {"n": order, "t": re.search(r"t=([^&]+)", session["success_url"]).group(1)})
    assert retried.status == 303
    keys = [r[2]["Idempotency-Key"] for r in stripe.requests if r[1] == "/v1/checkout/sessions"][-2:]
    assert keys[0] == keys[1] == f"shelf-{order}-2"


def test_codes_apply_on_the_cart_page_with_a_reason_when_refused(site):
    shopper = Shopper(site)
    shopper.fill_cart()
    token = re.search(r'name="_token" value="([^"]+)"', shopper.get("/fn/cart").text).group(1)
    refused = shopper.submit("/fn/checkout/code?return=cart", {"code": "NOPE", "_token": token})
    assert refused.headers["Location"] == "/fn/cart?code_error=unknown"
    error = parse(shopper.get(refused.headers["Location"]).text).find("p", id="discount-code-error")
    assert error.text == "We don't know this code."
    below = shopper.submit("/fn/checkout/code?return=cart", {"code": "winter15", "_token": token})
    assert below.headers["Location"] == "/fn/cart"  # €717.00 is over WINTER15's €120 minimum
    page = parse(shopper.get("/fn/cart").text)
    assert page.find("dd", data_cart_discount=True).text == "−€15.00"
    assert page.find("dd", data_cart_total=True).text == "€702.00"
    # Another site cannot apply or remove a code.
    assert shopper.post("/fn/checkout/code?return=cart", {"code": "", "_token": token},
                        {"Origin": "https://evil.example"}).status == 403


@pytest.mark.parametrize("site", ["stripe"], indirect=True)
def test_refunds_go_through_stripe_and_its_refund_events_are_recorded_once(site, stripe):
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment()
    session_id = shopper.submit("/fn/checkout/payment", {"_token": token}).headers["Location"].rsplit("/", 1)[1]
    number = stripe.sessions[session_id]["client_reference_id"]
    webhook = site.base + "/fn/checkout/webhook/stripe"
    assert stripe.deliver(webhook, stripe.event("checkout.session.completed", session_id))[0] == 200

    shelf("orders", "refund", number, "--amount", "10.00", store=site.store)
    refund = stripe.refunds[-1]
    assert refund["payment_intent"] == "pi_" + session_id and refund["amount"] == 1000
    key = [r[2]["Idempotency-Key"] for r in stripe.requests if r[1] == "/v1/refunds"][-1]
    assert key == f"shelf-refund-{number}-1"

    def refunded():
        return store_db.row(site.store, "SELECT SUM(refunded_minor) FROM payments WHERE order_id = ?", (int(number) - 1000,))[0]

    assert refunded() == 1000
    # Stripe then tells us about it: nothing new. A refund made in Stripe's dashboard: recorded, once.
    assert stripe.deliver(webhook, stripe.refunded_event(number, "ch_1", 1000, "pi_" + session_id))[0] == 200
    assert refunded() == 1000
    later = stripe.refunded_event(number, "ch_1", 3000, "pi_" + session_id)
    assert stripe.deliver(webhook, later)[0] == 200
    assert stripe.deliver(webhook, later)[0] == 200
    assert refunded() == 3000


@pytest.mark.parametrize("site", ["stripe"], indirect=True)
def test_a_delayed_payment_that_fails_releases_the_stock(site, stripe):
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment()
    before = stock(site.store, COAT)
    session_id = shopper.submit("/fn/checkout/payment", {"_token": token}).headers["Location"].rsplit("/", 1)[1]
    number = stripe.sessions[session_id]["client_reference_id"]
    assert stock(site.store, COAT)[1] == before[1] + 2
    failed = stripe.event("checkout.session.async_payment_failed", session_id)
    assert stripe.deliver(site.base + "/fn/checkout/webhook/stripe", failed)[0] == 200
    assert order_status(site.store, number) == "cancelled"
    assert stock(site.store, COAT) == before


@pytest.mark.parametrize("site", ["test"], indirect=True)
def test_the_merchant_lists_shows_and_cancels_orders(site):
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment()
    before = stock(site.store, COAT)
    shopper.submit("/fn/checkout/payment", {"_token": token})
    listed = shelf("orders", "list", "--status", "pending_payment", store=site.store).stdout
    number = re.findall(r"^(\d+)\s+pending_payment", listed, re.M)[0]
    shown = shelf("orders", "show", number, store=site.store).stdout
    assert f"Order {number} · pending_payment · test" in shown
    assert f"2 × {COAT}" in shown and "Total €" in shown and "[reserved]" in shown
    shelf("orders", "cancel", number, store=site.store)
    assert order_status(site.store, number) == "cancelled"
    assert stock(site.store, COAT) == before
    assert shelf("orders", "cancel", number, store=site.store, check=False).returncode != 0
    assert "no order 99999" in shelf("orders", "show", "99999", store=site.store, check=False).stderr
    stock_list = shelf("stock", "list", store=site.store).stdout
    assert "RESERVED" in stock_list and "AVAILABLE" in stock_list


def test_ten_presses_of_the_payment_button_place_one_order(site):
    """A double (or tenfold) submit of the payment step: one order, its stock reserved once."""
    from concurrent.futures import ThreadPoolExecutor
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment()
    before = stock(site.store, COAT)
    orders_before = store_db.row(site.store, "SELECT COUNT(*) FROM orders")[0]
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(lambda _: shopper.submit("/fn/checkout/payment", {"_token": token}), range(10)))
    assert [answer.status for answer in answers] == [303] * 10, [answer.text[:300] for answer in answers]
    placed = store_db.rows(site.store, "SELECT id, status FROM orders ORDER BY id")[orders_before:]
    assert len(placed) == 1, placed
    assert stock(site.store, COAT)[1] == before[1] + 2
    if site.provider == "manual":
        # Every press lands on the one order's page.
        number = str(placed[0][0] + 1000)
        locations = [answer.headers["Location"] for answer in answers]
        assert all(re.search(rf"[?&]n={number}(&|$)", location) for location in locations), locations


@pytest.mark.parametrize("site", ["test"], indirect=True)
def test_a_changed_cart_replaces_the_unpaid_order_and_its_reservation(site):
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment()
    before = stock(site.store, COAT)
    first = shopper.submit("/fn/checkout/payment", {"_token": token})
    assert first.status == 303 and stock(site.store, COAT)[1] == before[1] + 2
    # Back from the payment page: one more coat, and pay again.
    assert shopper.submit("/fn/cart/add", {"sku": COAT, "quantity": "1"}).status == 303
    assert shopper.submit("/fn/checkout/payment", {"_token": token}).status == 303
    assert stock(site.store, COAT)[1] == before[1] + 3
    statuses = [row[0] for row in store_db.rows(site.store, "SELECT status FROM orders ORDER BY id DESC LIMIT 2")]
    assert statuses == ["pending_payment", "cancelled"]
