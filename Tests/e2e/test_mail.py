"""The emails orders cause, sent by `shelf mail deliver` to a real SMTP server (aiosmtpd) on
loopback, with the checkout served by lighttpd and FastCGI; and the demo's folder mailbox shown
by `shelf serve` at /_dev/mail.

Orders are placed and paid over HTTP through the real checkout function; payment providers are
the built-in test provider or the local Stripe stand-in. Nothing else is replaced.
"""
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import store_db
from conftest import SHELF, shelf
from servers.launch import serve
from servers.smtp import SMTPServer, free_port
from test_checkout import ADDRESS, COAT, COAT_L, LIGHTTPD_FASTCGI, Shopper, pay_with_test_card, set_provider
from test_serve import serve_with_a_transfer_order

sys.path.insert(0, str(Path(__file__).parent / "standins"))
from stripe import StripeStandIn  # noqa: E402


def mail_settings(port, extra=""):
    return (f'\n[mail]\nfrom = "Shelf Demo <orders@shop.example.com>"\ntransport = "smtp"\nsmtp_host = "127.0.0.1"\n'
            f'smtp_port = {port}\nsmtp_security = "none"\n{extra}')


@pytest.fixture(scope="module")
def smtp_port():
    return free_port()


@pytest.fixture(scope="module")
def site(smtp_port):
    def prepare(store):
        with open(store / "shelf.toml", "a") as settings:
            settings.write(mail_settings(smtp_port))
    with serve(LIGHTTPD_FASTCGI, prepare=prepare) as site:
        yield site


def paid_order(site, email="ann@example.com", sku=COAT, quantity=1):
    """Places and pays an order through the test provider; returns its number."""
    shopper = Shopper(site)
    assert shopper.submit("/fn/cart/add", {"sku": sku, "quantity": str(quantity)}).status == 303
    token = shopper.token()
    assert shopper.submit("/fn/checkout/address", {**ADDRESS, "email": email, "_token": token}).status == 303
    assert shopper.submit("/fn/checkout/shipping", {"shipping": "express", "_token": token}).status == 303
    placed = shopper.submit("/fn/checkout/payment", {"_token": token})
    paid = pay_with_test_card(shopper, placed.headers["Location"], "4242 4242 4242 4242")
    assert paid.status == 303
    return re.search(r"n=(\d+)", paid.headers["Location"]).group(1)


def outbox(store):
    return store_db.rows(store, "SELECT template, recipient, status, attempts, last_error FROM outbox ORDER BY id")


def text_part(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def test_every_email_arrives_exactly_once_after_the_mail_server_was_down(site, smtp_port, tmp_path):
    before = len(outbox(site.store))
    numbers = [paid_order(site, email=f"buyer{index}@example.com") for index in range(3)]
    # Nothing listens on the port yet: every attempt fails and is kept for later.
    down = shelf("mail", "deliver", store=site.store)
    assert "Sent 0, to retry 3, failed 0." in down.stdout
    queued = outbox(site.store)[before:]
    assert [(row[0], row[2], row[3]) for row in queued] == [("order-confirmation", "pending", 1)] * 3
    assert all(row[4] for row in queued), "the failure's reason is kept for `shelf mail list`"
    assert "pending" in shelf("mail", "list", "--status", "pending", store=site.store).stdout

    server = SMTPServer(tmp_path / "maildir", port=smtp_port).start()
    try:
        # Not due yet: the first retry waits. --now sends what waits for a retry at once.
        assert "Sent 0, to retry 0, failed 0." in shelf("mail", "deliver", store=site.store).stdout
        assert "Sent 3, to retry 0, failed 0." in shelf("mail", "deliver", "--now", store=site.store).stdout
        assert "Sent 0, to retry 0, failed 0." in shelf("mail", "deliver", "--now", store=site.store).stdout
        messages = server.messages()
    finally:
        server.stop()
    assert sorted(message["To"].addresses[0].addr_spec for message in messages) == [f"buyer{i}@example.com" for i in range(3)]
    assert len({message["Message-ID"] for message in messages}) == 3
    for number, message in zip(numbers, sorted(messages, key=lambda m: m["To"].addresses[0].addr_spec)):
        assert message["Subject"].startswith(f"Order {number} confirmed")
        assert message.envelope == {"mail_from": "orders@shop.example.com", "rcpt_tos": [message["To"].addresses[0].addr_spec]}
        assert "Belted Wool Wrap Coat" in text_part(message)
        assert message.get_body(preferencelist=("html",)) is not None
    assert [row[2] for row in outbox(site.store)[before:]] == ["sent"] * 3
    log = shelf("mail", "list", "--status", "sent", store=site.store).stdout
    assert all(f"Order {number} confirmed" in log for number in numbers)


def test_a_refused_recipient_fails_at_once_with_the_servers_answer(site, smtp_port, tmp_path):
    before = len(outbox(site.store))
    paid_order(site, email="nobody@refused.example.com")
    server = SMTPServer(tmp_path / "maildir", port=smtp_port, reject_rcpt=("refused.example.com", 550)).start()
    try:
        assert "failed 1." in shelf("mail", "deliver", "--now", store=site.store).stdout
        assert server.messages() == []
    finally:
        server.stop()
    [(template, _, status, attempts, answer)] = outbox(site.store)[before:]
    assert (template, status, attempts) == ("order-confirmation", "failed", 1)
    assert "550" in answer and "rejected" in answer
    listed = shelf("mail", "list", "--status", "failed", store=site.store).stdout
    assert "nobody@refused.example.com" in listed and "550" in listed


def test_shipping_and_delivery_emails_carry_the_tracking_number_and_the_status_link(site, smtp_port, tmp_path):
    number = paid_order(site, quantity=2)
    shelf("orders", "fulfil", number, "--carrier", "An Post", "--tracking", "CE123456789IE", "--tracking", "CE987654321IE",
          "--ship", f"{COAT}:1", store=site.store)
    shelf("orders", "fulfil", number, "--carrier", "DPD", "--tracking", "15501", store=site.store)
    shelf("orders", "deliver", number, store=site.store)
    server = SMTPServer(tmp_path / "maildir", port=smtp_port).start()
    try:
        shelf("mail", "deliver", "--now", store=site.store)
        messages = [m for m in server.messages() if number in m["Subject"]]
    finally:
        server.stop()
    subjects = [m["Subject"] for m in messages]
    assert subjects == [f"Order {number} confirmed · Evergreen", f"Order {number} has shipped", f"Order {number} has shipped",
                        f"Order {number} was delivered"], subjects
    first, second = text_part(messages[1]), text_part(messages[2])
    assert "An Post" in first and "CE123456789IE" in first and "CE987654321IE" in first
    assert "The rest of your order follows in another parcel." in first
    assert "DPD" in second and "15501" in second and "another parcel" not in second
    link = re.search(r"https://shop\.example\.com(/fn/checkout/order\?n=\d+&t=[\w-]+)", first).group(1)
    page = Shopper(site).get(link)
    assert page.status == 200 and "Delivered" in page.text and "CE123456789IE" in page.text
    # A forged token opens nothing.
    assert Shopper(site).get(link[:-3] + "AAA").status == 404


def test_the_messages_of_a_killed_deliverer_are_sent_once_by_the_next_at_once(site, smtp_port, tmp_path):
    before = len(outbox(site.store))
    recipients = [f"killed{index}@example.com" for index in range(3)]
    for recipient in recipients:
        paid_order(site, email=recipient)
    # A mail server that takes the connection and never answers: the deliverer stalls in its first send.
    with socket.socket() as stalling:
        stalling.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        stalling.bind(("127.0.0.1", smtp_port))
        stalling.listen()
        deliverer = subprocess.Popen([SHELF, "mail", "deliver", "--store", str(site.store)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        connection, _ = stalling.accept()  # it claimed a message before connecting
        deliverer.kill()
        deliverer.wait()
        connection.close()
    claims = store_db.rows(site.store, "SELECT recipient, claimed_until FROM outbox WHERE id > ? AND claimed_until IS NOT NULL",
                           (before,))
    assert len(claims) == 1 and claims[0][1] - time.time() > 60, "the killed deliverer's claim would hold its message for minutes"

    server = SMTPServer(tmp_path / "maildir", port=smtp_port).start()
    try:
        next_pass = shelf("mail", "deliver", "--now", store=site.store)
        messages = [m for m in server.messages() if m["To"].addresses[0].addr_spec in recipients]
    finally:
        server.stop()
    assert sorted(m["To"].addresses[0].addr_spec for m in messages) == recipients, "each message exactly once"
    assert len({m["Message-ID"] for m in messages}) == 3
    assert [(row[1], row[2], row[3]) for row in outbox(site.store)[before:]] == [(r, "sent", 1) for r in recipients]
    assert "ended while it held 1 message(s)" in next_pass.stderr


@pytest.fixture(scope="module")
def stripe_site(smtp_port):
    stripe = StripeStandIn()

    def prepare(store):
        set_provider(store, "stripe", f'stripe_api = "{stripe.url}"')
        with open(store / "data" / "secrets.toml", "a") as secrets:
            secrets.write(f'stripe_secret_key = "{stripe.secret_key}"\nstripe_webhook_secret = "{stripe.webhook_secret}"\n')
        with open(store / "shelf.toml", "a") as settings:
            settings.write(mail_settings(smtp_port))
    with serve(LIGHTTPD_FASTCGI, prepare=prepare) as site:
        site.stripe = stripe
        yield site
    stripe.close()


def test_a_partial_fulfilment_refunds_exactly_the_missing_lines(stripe_site, smtp_port, tmp_path):
    site, stripe = stripe_site, stripe_site.stripe
    shopper = Shopper(site)
    shopper.fill_cart()  # 2 × COAT and 1 × COAT_L at €239.00, express shipping
    token = shopper.through_to_payment()
    session_id = shopper.submit("/fn/checkout/payment", {"_token": token}).headers["Location"].rsplit("/", 1)[1]
    number = stripe.sessions[session_id]["client_reference_id"]
    assert stripe.deliver(site.base + "/fn/checkout/webhook/stripe", stripe.event("checkout.session.completed", session_id))[0] == 200

    out = shelf("orders", "fulfil", number, "--carrier", "An Post", "--tracking", "CE1IE", "--missing", f"{COAT_L}:1",
                store=site.store).stdout
    assert "Refunded 239.00 EUR" in out
    assert [refund["amount"] for refund in stripe.refunds] == [23900]
    assert store_db.row(site.store, "SELECT status FROM orders WHERE id = ?", (int(number) - 1000,)) == ("shipped",)
    assert store_db.row(site.store, "SELECT on_hand - reserved - allocated, allocated FROM stock WHERE sku = ?", (COAT_L,))[1] == 0
    assert store_db.row(site.store, "SELECT refunded_minor FROM payments WHERE order_id = ?", (int(number) - 1000,)) == (23900,)
    server = SMTPServer(tmp_path / "maildir", port=smtp_port).start()
    try:
        shelf("mail", "deliver", "--now", store=site.store)
        messages = {m["Subject"]: text_part(m) for m in server.messages() if number in m["Subject"]}
    finally:
        server.stop()
    shipped = messages[f"Order {number} has shipped"]
    assert "we could not find these items" in shipped and "1 × Belted Wool Wrap Coat" in shipped and "€239.00" in shipped
    assert "We have refunded €239.00" in messages[f"Refund of €239.00 for order {number}"]


def test_serve_delivers_to_the_dev_mailbox_and_shows_it(demo_store, tmp_path):
    store, process, base = serve_with_a_transfer_order(demo_store, tmp_path)
    try:
        listing = ""
        for _ in range(100):  # serve delivers the outbox about once a second
            listing = urllib.request.urlopen(base + "/_dev/mail").read().decode()
            if "confirmed" in listing:
                break
            time.sleep(0.1)
        assert "Order 1001 confirmed" in listing and "ann@example.com" in listing
        link = re.search(r'href="(/_dev/mail/[^"]+\.eml)"', listing).group(1)
        message = urllib.request.urlopen(base + link).read().decode()
        assert "Belted Wool Wrap Coat" in message and "We hold your items until your payment arrives." in message
        html = urllib.request.urlopen(base + link + "/html")
        assert "sandbox" in html.headers["Content-Security-Policy"] and "View your order" in html.read().decode()
        assert list((store / "data" / "mail").glob("*.eml"))
    finally:
        process.terminate()
        process.wait(timeout=10)


def stripe_paid_order(site, stripe):
    """Places an order (2 coats and a large coat) and pays it through the Stripe stand-in's webhook."""
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment()
    session_id = shopper.submit("/fn/checkout/payment", {"_token": token}).headers["Location"].rsplit("/", 1)[1]
    number = stripe.sessions[session_id]["client_reference_id"]
    assert stripe.deliver(site.base + "/fn/checkout/webhook/stripe", stripe.event("checkout.session.completed", session_id))[0] == 200
    return number, session_id


def cancellation_email(site, smtp_port, tmp_path, number):
    server = SMTPServer(tmp_path / "maildir", port=smtp_port).start()
    try:
        shelf("mail", "deliver", "--now", store=site.store)
        return {m["Subject"]: text_part(m) for m in server.messages() if number in m["Subject"]}
    finally:
        server.stop()


def test_cancelling_a_paid_order_refunds_it_through_stripe_and_says_so(stripe_site, smtp_port, tmp_path):
    site, stripe = stripe_site, stripe_site.stripe
    number, session_id = stripe_paid_order(site, stripe)
    refunds_before = len(stripe.refunds)
    out = shelf("orders", "cancel", number, store=site.store).stdout
    assert "€726.95 refunded" in out, out  # 3 coats at €239.00 and express shipping €9.95
    assert [(r["payment_intent"], r["amount"]) for r in stripe.refunds[refunds_before:]] == [("pi_" + session_id, 72695)]
    key = [r[2]["Idempotency-Key"] for r in stripe.requests if r[1] == "/v1/refunds"][-1]
    assert key == f"shelf-cancel-{number}"
    assert store_db.row(site.store, "SELECT status FROM orders WHERE id = ?", (int(number) - 1000,)) == ("cancelled",)
    assert store_db.row(site.store, "SELECT refunded_minor FROM payments WHERE order_id = ?", (int(number) - 1000,)) == (72695,)
    messages = cancellation_email(site, smtp_port, tmp_path / "one", number)
    cancelled = messages[f"Order {number} was cancelled"]
    assert "We refunded €726.95 to your original payment method" in cancelled
    assert not any(subject.startswith("Refund of") for subject in messages)  # one email, not two


def test_cancelling_a_paid_order_without_a_refund_says_the_money_was_not_returned(stripe_site, smtp_port, tmp_path):
    site, stripe = stripe_site, stripe_site.stripe
    number, _ = stripe_paid_order(site, stripe)
    refunds_before = len(stripe.refunds)
    out = shelf("orders", "cancel", number, "--no-refund", store=site.store).stdout
    assert "€726.95 was NOT refunded" in out
    assert len(stripe.refunds) == refunds_before
    cancelled = cancellation_email(site, smtp_port, tmp_path, number)[f"Order {number} was cancelled"]
    assert "€726.95 of your payment was not refunded with this cancellation" in cancelled
    assert "We refunded" not in cancelled
