"""The account dashboard through the real account and checkout functions behind lighttpd
(FastCGI), with the emails delivered by `shelf mail deliver` to a real SMTP server: a guest order
placed before the account exists shows in the history once the address is confirmed, the data
download holds it, and deleting the account keeps the order with placeholders and leaves the old
cookie logged in as nobody.
"""
import json
import re

import store_db
from servers.browser import Browser
from test_accounts import PASSWORD, Shopper, emails, link_in, mail, register, site  # noqa: F401  (fixtures)
from test_checkout import ADDRESS, COAT
from test_checkout import Shopper as Guest
from test_openapi import errors

EMAIL = "dana@example.com"


def order_row(site, order_id):
    return store_db.row(site.store, "SELECT name, email, street, city, postal_code, phone, total_minor FROM orders WHERE id = ?",
                        (order_id,))


def place_guest_order(site):
    guest = Guest(site)
    assert guest.submit("/fn/cart/add", {"sku": COAT, "quantity": "1"}).status == 303
    token = guest.token()
    address = {**ADDRESS, "email": EMAIL, "name": "Dana Byrne", "phone": "+353 1 555 0100"}
    assert guest.submit("/fn/checkout/address", {**address, "_token": token}).headers["Location"] == "/fn/checkout/shipping"
    assert guest.submit("/fn/checkout/shipping", {"shipping": "express", "_token": token}).status == 303
    assert guest.submit("/fn/checkout/payment", {"_token": token}).status == 303
    return store_db.row(site.store, "SELECT id FROM orders WHERE email = ? ORDER BY id DESC", (EMAIL,))[0]


def test_a_guest_order_joins_the_history_is_exported_and_outlives_the_account(site, mail):
    order_id = place_guest_order(site)
    number = str(order_id + 1000)
    dana = Shopper(site)
    register(dana, EMAIL, name="Dana")
    [confirmation] = emails(site, mail, EMAIL)
    assert "Your email address is confirmed" in dana.follow(link_in(confirmation)).text
    assert dana.log_in(EMAIL, PASSWORD).status == 303

    # The history shows the guest order, linking to its signed status page.
    page = dana.get("/fn/account")
    assert page.headers["Cache-Control"] == "no-store"
    link = re.search(r'href="(/fn/checkout/order\?n=' + number + r'&amp;t=[^"]+)"', page.text)
    assert link, page.text[:2000]
    status = dana.get(link.group(1).replace("&amp;", "&"))
    assert status.status == 200 and number in status.text

    # The download holds the account, the order with its lines, and the emails sent.
    download = dana.get("/fn/account/data.json")
    assert download.headers["Cache-Control"] == "no-store"
    assert download.headers["Content-Disposition"].startswith("attachment")
    data = json.loads(download.text)
    assert not errors(data, {"$ref": "#/components/schemas/AccountData"})
    assert data["account"]["email"] == EMAIL
    assert [order["number"] for order in data["orders"]] == [number]
    assert data["orders"][0]["lines"][0]["sku"] == COAT
    assert {"recipient": EMAIL, "template": "account-confirm", "status": "sent"}.items() <= data["emails"][0].items()

    # Deleting needs the password; then the account is gone and the order stays without Dana.
    cookie = dana.session_cookie()
    before = order_row(site, order_id)
    assert dana.submit("/fn/account/delete", {"delete_password": "not my password"}, page="/fn/account").status == 422
    goodbye = dana.submit("/fn/account/delete", {"delete_password": PASSWORD}, page="/fn/account")
    assert goodbye.status == 200 and "Your account is deleted" in goodbye.text
    assert store_db.row(site.store, "SELECT COUNT(*) FROM customers WHERE email = ?", (EMAIL,))[0] == 0
    assert order_row(site, order_id) == ("Erased customer", "erased@invalid", "Erased", "Erased", "", None, before[6])
    assert Browser(site.base).get("/fn/account.json", {"Cookie": f"shelf_session={cookie}"}).text == '{"name":null}'


def test_the_email_changes_through_a_link_sent_to_the_new_address(site, mail):
    erin = Shopper(site)
    register(erin, "erin@example.com", name="Erin")
    [confirmation] = emails(site, mail, "erin@example.com")
    erin.follow(link_in(confirmation))
    assert erin.log_in("erin@example.com", PASSWORD).status == 303
    asked = erin.submit("/fn/account/email", {"email": "erin@new.example", "email_password": PASSWORD}, page="/fn/account")
    assert asked.headers["Location"] == "/fn/account?done=email"
    [link] = emails(site, mail, "erin@new.example")
    assert link["Subject"] == "Confirm your new email address"
    assert "Your email address was changed" in erin.follow(link_in(link)).text
    told = [m for m in emails(site, mail, "erin@example.com") if m["Subject"] == "Your email address was changed"]
    assert len(told) == 1
    assert "erin@new.example" in erin.get("/fn/account").text
