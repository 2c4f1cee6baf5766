"""The footer's "Order status" form through the real checkout function behind lighttpd (FastCGI).

A shopper who lost the order email types the number and email; the answer never says whether the
order exists, and only the matching order's email is queued (read from the outbox, never written).
"""
import re

import pytest

import store_db
from servers.launch import serve
from test_checkout import LIGHTTPD_FASTCGI, Shopper, set_provider

SENT = "If that order number and email match an order, we've sent its status link to that address."


@pytest.fixture(scope="module")
def site():
    with serve(LIGHTTPD_FASTCGI, prepare=lambda store: set_provider(store, "manual")) as site:
        yield site


@pytest.fixture(scope="module")
def number(site):
    """A placed order's number (the manual provider places it without a payment page)."""
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment()
    placed = shopper.submit("/fn/checkout/payment", {"_token": token})
    return re.search(r"n=(\d+)", placed.headers["Location"]).group(1)


def order_links(store, number):
    return store_db.rows(store, "SELECT recipient FROM outbox WHERE template = 'order-link' AND order_id = ?",
                         (int(number) - 1000,))


def form_token(shopper):
    page = shopper.get("/fn/checkout/status")
    assert page.status == 200, page.text[:500]
    return re.search(r'name="_token" value="([^"]+)"', page.text).group(1)


def without_token(html):
    return re.sub(r'name="_token" value="[^"]+"', 'name="_token" value=""', html)


def test_every_static_page_links_the_form_from_the_footer(site):
    home = Shopper(site).get("/")
    help_column = re.search(r"<h2>Help</h2>(.*?)</ul>", home.text, re.S).group(1)
    assert '<a href="/fn/checkout/status">Order status</a>' in help_column


def test_the_answer_never_says_whether_the_order_exists(site, number):
    answers = []
    for email, asked in [("ann@example.com", number), ("eve@example.com", number), ("ann@example.com", "999999")]:
        shopper = Shopper(site)
        token = form_token(shopper)
        answers.append(shopper.submit("/fn/checkout/status", {"_token": token, "number": asked, "email": email}))
    assert [answer.status for answer in answers] == [200, 200, 200]
    assert SENT in answers[0].text
    assert len({without_token(answer.text) for answer in answers}) == 1
    assert len({answer.headers["Content-Type"] + answer.headers["Cache-Control"] for answer in answers}) == 1
    assert order_links(site.store, number) == [("ann@example.com",)]


def test_bad_input_is_refused_with_a_message(site, number):
    shopper = Shopper(site)
    token = form_token(shopper)
    letters = shopper.submit("/fn/checkout/status", {"_token": token, "number": "10O1", "email": "ann@example.com"})
    assert letters.status == 422 and "Order number is the digits in your order email" in letters.text
    assert 'value="10O1"' in letters.text
    line_break = shopper.submit("/fn/checkout/status",
                                {"_token": token, "number": number, "email": "ann@example.com\r\nBcc: x@y.z"})
    assert line_break.status == 422 and "Email contains characters that cannot be used" in line_break.text
    no_token = shopper.submit("/fn/checkout/status", {"number": number, "email": "ann@example.com"})
    assert no_token.status == 403 and "This form has expired" in no_token.text
    cross_site = shopper.post("/fn/checkout/status", {"_token": token, "number": number, "email": "ann@example.com"},
                              {"Sec-Fetch-Site": "cross-site"})
    assert cross_site.status == 403 and "came from another site" in cross_site.text
