"""The analytics' sales side behind lighttpd (FastCGI): an order placed and paid while another
client floods the beacon; the report's revenue per discount code; a refund by `shelf orders
refund` recorded as a `refunded` event, net of which the days' revenue is shown; `search.json`
queries recorded as searches. On SQLite the events are in data/shelf-analytics.sqlite, never in
the store's file. Nothing is replaced."""
import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

import analytics_db
import store_db
from conftest import shelf
from servers.browser import Browser
from servers.launch import serve
from test_analytics import FIREFOX, beacon
from test_checkout import LIGHTTPD_FASTCGI, Shopper, pay_with_test_card


@pytest.fixture(scope="module")
def site():
    with serve(LIGHTTPD_FASTCGI) as site:
        yield site


def kinds(site):
    return [kind for (kind,) in analytics_db.rows(site.store, "SELECT kind FROM analytics_events ORDER BY id")]


def test_an_order_is_paid_during_a_beacon_flood_and_refunded_net(site):
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment(code="WELCOME10")
    with ThreadPoolExecutor(max_workers=4) as pool:
        flood = pool.map(lambda n: beacon(site, {"path": "/"}, agent=f"{FIREFOX} {n}").status, range(200))
        placed = shopper.submit("/fn/checkout/payment", {"_token": token})
        paid = pay_with_test_card(shopper, placed.headers["Location"], "4242 4242 4242 4242")
        assert set(flood) == {204}
    assert paid.status == 303
    number = re.search(r"n=(\d+)", paid.headers["Location"]).group(1)
    assert store_db.row(site.store, "SELECT status FROM orders WHERE id = ?", (int(number) - 1000,))[0] == "paid"
    total = store_db.row(site.store, "SELECT total_minor FROM orders WHERE id = ?", (int(number) - 1000,))[0]

    shelf("orders", "refund", number, "--amount", "10.00", store=site.store)
    [(amount, visitor)] = analytics_db.rows(site.store, "SELECT amount, visitor FROM analytics_events WHERE kind = 'refunded'")
    paid_by = analytics_db.rows(site.store, "SELECT visitor FROM analytics_events WHERE kind = 'paid'")
    assert amount == 1000 and [(visitor,)] == paid_by

    report = json.loads(shelf("analytics", "report", "--format", "json", store=site.store).stdout)
    today = report["days"][-1]
    assert today["orders"] == "1"
    assert (today["revenue"], today["refunds"], today["net_revenue"]) == (
        f"{total / 100:.2f}", "10.00", f"{(total - 1000) / 100:.2f}")
    assert report["discount-codes"] == [{"code": "WELCOME10", "orders": "1", "revenue": f"{total / 100:.2f}"}]
    csv = shelf("analytics", "report", "--format", "csv", store=site.store).stdout
    assert f"discount-codes\nCode,Orders,Revenue\nWELCOME10,1,{total / 100:.2f}\n" in csv
    if not store_db.ON_POSTGRESQL:
        assert store_db.rows(site.store, "SELECT name FROM sqlite_master WHERE name LIKE 'analytics%'") == []
        assert len(analytics_db.rows(site.store, "SELECT id FROM analytics_events WHERE kind = 'page_view'")) == 200


def test_search_json_queries_are_recorded_as_searches(site):
    before = kinds(site).count("search")
    answer = Browser(site.base).request("GET", "/fn/search.json?q=nothingatallhere", None, {"User-Agent": FIREFOX})
    assert answer.status == 200 and json.loads(answer.body)["total"] == 0
    analytics_db.wait_until(lambda: kinds(site).count("search") == before + 1, "the search's event")
    searches = analytics_db.rows(site.store, "SELECT detail, amount FROM analytics_events WHERE kind = 'search'")
    assert len(searches) == before + 1 and searches[-1] == ("nothingatallhere", 0)
