"""The analytics behind lighttpd (FastCGI): the beacon takes a page view (204) and keeps no
address or user agent; bots, GET, bad and oversized bodies are refused or dropped; a flood from
one client is cut at the per-minute limit while another client still counts; a cart add is
recorded under the same visitor hash as that browser's page view; the built pages load
beacon.js, which stays under 1 KB gzipped; `shelf analytics report` counts the visit and the
funnel in text, CSV and JSON, and names a bad day. Nothing is replaced."""
import gzip
import json
import re

import pytest

import analytics_db
import store_db
from conftest import shelf
from servers.browser import Browser
from servers.launch import serve
from test_checkout import BASE_URL, COAT, LIGHTTPD_FASTCGI

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
PRODUCT = "/products/belted-wool-wrap-coat/"


@pytest.fixture(scope="module")
def site():
    with serve(LIGHTTPD_FASTCGI) as site:
        yield site


@pytest.fixture(autouse=True)
def no_events(site):
    for statement in ["DELETE FROM analytics_events", "DELETE FROM analytics_daily", "UPDATE analytics_rolled SET last_event = 0"]:
        analytics_db.execute(site.store, statement)


def beacon(site, view, agent=FIREFOX, headers=None):
    body = view if isinstance(view, bytes) else json.dumps(view).encode()
    return Browser(site.base).request(
        "POST", "/fn/beacon", body, {"Content-Type": "text/plain;charset=UTF-8", "User-Agent": agent, **(headers or {})})


def events(site):
    return analytics_db.rows(
        site.store, "SELECT kind, path, product, referrer, utm_source, screen, visitor, detail FROM analytics_events ORDER BY id")


def test_a_page_view_is_answered_204_and_kept_without_address_or_user_agent(site):
    assert (site.store / "site" / PRODUCT.strip("/") / "index.html").exists()
    answer = beacon(site, {"path": PRODUCT + "?email=ann@example.com", "referrer": "news.example", "utm_source": "mail",
                           "width": 390})
    assert answer.status == 204 and answer.body == b""
    [(kind, path, product, referrer, source, screen, visitor, _)] = events(site)
    assert (kind, path, product, referrer, source, screen) == (
        "page_view", PRODUCT, "belted-wool-wrap-coat", "news.example", "mail", "phone")
    assert re.fullmatch(r"[0-9a-f]{32}", visitor)
    columns = {name for (name,) in analytics_db.rows(
        site.store, "SELECT name FROM pragma_table_info('analytics_events')")} if not store_db.ON_POSTGRESQL else set()
    assert not columns & {"ip", "address", "user_agent", "cookie"}


def test_bots_are_dropped_quietly(site):
    for agent in ["Mozilla/5.0 HeadlessChrome/131.0.0.0 Safari/537.36", "Googlebot/2.1", ""]:
        assert beacon(site, {"path": PRODUCT}, agent=agent).status == 204
    assert beacon(site, {"path": PRODUCT}, headers={"Sec-Purpose": "prefetch"}).status == 204
    assert events(site) == []


def test_get_bad_and_oversized_bodies_are_refused(site):
    assert Browser(site.base).get("/fn/beacon").status == 405
    assert beacon(site, {"path": "/products/no-such-thing/"}).status == 400
    assert beacon(site, b'{"path":"/\xc3\x28"}').status == 400
    assert beacon(site, b'{"path":' * 10_000).status == 413
    assert beacon(site, {"path": "/" + "a" * 100_000}).status == 413
    assert beacon(site, {"path": "/", "width": -1}).status == 400
    assert events(site) == []


def test_a_flood_from_one_client_is_cut_at_the_limit_and_others_still_count(site):
    answers = {beacon(site, {"path": "/"}).status for _ in range(150)}
    assert answers == {204}
    assert len(events(site)) == 60  # [analytics] beacons_per_minute's default
    assert beacon(site, {"path": "/"}, agent=FIREFOX + " other").status == 204
    assert len(events(site)) == 61


def test_a_cart_add_is_recorded_for_the_visitor_of_the_page_view(site):
    assert beacon(site, {"path": PRODUCT}).status == 204
    shopper = Browser(site.base)
    added = shopper.post("/fn/cart/add", {"sku": COAT, "quantity": "2"}, {"Origin": BASE_URL, "User-Agent": FIREFOX})
    assert added.status == 303
    analytics_db.wait_until(lambda: len(events(site)) == 2, "the add's event")
    (view, add) = events(site)
    assert add[0] == "cart_add" and add[7] == COAT
    assert add[6] == view[6]


def test_pages_load_the_small_beacon_script(site):
    page = Browser(site.base).get(PRODUCT).text
    match = re.search(r'<script src="(/assets/beacon\.[0-9a-f]+\.js)" defer></script>', page)
    assert match, page[:2000]
    script = Browser(site.base).get(match.group(1))
    assert script.status == 200 and b"sendBeacon" in script.body
    assert len(gzip.compress(script.body, 9)) < 1024


def test_the_report_counts_visitors_pages_and_the_funnel(site):
    other = FIREFOX + " other"
    assert beacon(site, {"path": "/", "referrer": "news.example", "utm_campaign": "spring"}).status == 204
    assert beacon(site, {"path": PRODUCT}).status == 204
    assert beacon(site, {"path": "/"}, agent=other).status == 204
    added = Browser(site.base).post("/fn/cart/add", {"sku": COAT}, {"Origin": BASE_URL, "User-Agent": FIREFOX})
    assert added.status == 303
    analytics_db.wait_until(lambda: [kind for (kind, *_) in events(site)].count("cart_add") == 1, "the add's event")
    report = json.loads(shelf("analytics", "report", "--format", "json", store=site.store).stdout)
    today = report["days"][-1]
    assert (today["visitors"], today["page_views"], today["orders"]) == ("2", "3", "0")
    assert [(step["step"], step["visitors"]) for step in report["funnel"]] == [
        ("visit", "2"), ("product", "1"), ("cart", "1"), ("checkout", "0"), ("paid", "0")]
    assert report["top-pages"][0] == {"page": "/", "views": "2", "visitors": "2"}
    assert report["referrers"] == [{"site": "news.example", "views": "1", "visitors": "1"}]
    assert report["utm-campaigns"][0]["campaign"] == "spring"
    csv = shelf("analytics", "report", "--format", "csv", store=site.store).stdout
    # Python reads the CRLF line ends as "\n".
    assert "funnel\nStep,Visitors,From the step before\nvisit,2,-\nproduct,1,50.0%\n" in csv
    text = shelf("analytics", "report", store=site.store).stdout
    assert "Top products viewed" in text and "belted-wool-wrap-coat" in text
    wrong = shelf("analytics", "report", "--from", "2026-02-30", store=site.store, check=False)
    assert wrong.returncode != 0 and "--from \"2026-02-30\" is not a day" in wrong.stderr
