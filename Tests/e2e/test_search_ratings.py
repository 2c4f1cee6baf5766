"""Star ratings in search on the demo store behind lighttpd (FastCGI): a buyer's review of the coat,
approved with `shelf reviews approve`, shows at once (no build) as a star badge on the coat's card in
`/fn/search` and as `rating` in `search.json`, and `rating=4` ("4 stars & up") finds it, combined
with words and colours; after the next build the static listing's badge is the same markup. Bad
rating values are a 400. axe-core finds nothing on the results page with the rating facet at 390
and 1366 px. Runs on SQLite and (with SHELF_TEST_DATABASE=postgresql) PostgreSQL.
"""
import json
import re

import pytest

import store_db
from conftest import shelf
from servers.browser import Browser
from servers.launch import serve
from test_checkout import LIGHTTPD_FASTCGI
from test_mail import paid_order
from test_openapi import errors, response_schema
from test_phone_and_axe import DESKTOP, PHONE, axe_violations_as_served, new_page, sideways
from test_reviews_show import take_review_version

COAT = "belted-wool-wrap-coat"


@pytest.fixture(scope="module")
def site():
    with serve(LIGHTTPD_FASTCGI) as site:
        yield site


@pytest.fixture(scope="module")
def review(site):
    """A pending five-star review of the coat by the buyer of a paid order; its id."""
    order_id = int(paid_order(site, email="stars@example.com")) - 1000  # an order's number is its id plus 1000
    store_db.execute(
        site.store,
        "INSERT INTO reviews (order_id, line, product_handle, rating, title, body, fit, display_name, status,"
        " created_at, updated_at, version) VALUES (?, 1, ?, 5, 'Lovely coat', 'Warm.', 'true', 'Ann M.', 'pending',"
        " 1795000000, 1795000000, ?)",
        (order_id, COAT, take_review_version(site.store)))
    return store_db.row(site.store, "SELECT id FROM reviews WHERE order_id = ?", (order_id,))[0]


@pytest.fixture(scope="module")
def approved(site, review):
    answer = shelf("reviews", "approve", str(review), store=site.store)
    assert "approved" in answer.stdout
    return review


def search(site, query):
    answer = Browser(site.base).get("/fn/search.json?" + query)
    assert answer.status == 200, answer.text
    return json.loads(answer.text)


def handles(site, query):
    return [product["handle"] for product in search(site, query)["products"]]


def card(html, handle):
    """The card of `handle` on a page."""
    return next(part for part in html.split('<article class="card">')[1:] if f'href="/products/{handle}/"' in part)


def badge(card_html):
    found = re.search(r'<p class="card__rating">.*?</p>', card_html, re.S)
    return found.group(0) if found else None


def test_a_pending_review_rates_nothing(site, review):
    assert COAT not in handles(site, "rating=4")
    coat = next(p for p in search(site, "q=belted+wool+wrap+coat")["products"] if p["handle"] == COAT)
    assert coat["rating"] is None


def test_an_approval_shows_in_search_at_once_with_stars(site, approved):
    assert COAT in handles(site, "rating=4")
    found = search(site, "q=wrap+coat&rating=4")
    coat = next(p for p in found["products"] if p["handle"] == COAT)
    assert coat["rating"] == {"average": 5.0, "count": 1}
    assert errors(found, response_schema("/fn/search.json", "get", 200)) == []
    ratings = {r["stars"]: r for r in found["ratings"]}
    assert ratings[4]["count"] >= 1 and ratings[4]["selected"] is True
    assert COAT in handles(site, "rating=4&colour=camel")
    assert COAT not in handles(site, "rating=4&colour=navy")
    assert COAT in handles(site, "rating=3&q=coat")
    html = Browser(site.base).get("/fn/search?q=wrap+coat&rating=4").text
    assert badge(card(html, COAT)) is not None
    assert "★★★★★" in badge(card(html, COAT))
    assert 'name="rating" value="4" checked' in html


def test_the_search_card_badge_is_the_static_listings_badge(site, approved):
    shelf("build", "--quiet", store=site.store)
    listing = (site.store / "site" / "shop" / "index.html").read_text()
    html = Browser(site.base).get("/fn/search?q=wrap+coat").text
    assert badge(card(listing, COAT)) is not None
    assert badge(card(html, COAT)) == badge(card(listing, COAT))


@pytest.mark.parametrize("value", ["6", "0", "abc", "-1", "4.5", "4&rating=3"])
def test_a_bad_rating_is_a_400_that_says_what_to_change(site, value):
    answer = Browser(site.base).get("/fn/search?rating=" + value)
    assert answer.status == 400
    if "&" not in value:
        assert "whole number of stars from 1 to 5" in answer.text


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_results_page_with_the_rating_facet_passes_axe_and_fits(site, approved, browser, viewport):
    with new_page(browser, viewport, javascript=False) as tab:
        tab.goto(site.base + "/fn/search?rating=4")
        assert tab.locator('input[name="rating"]').count() >= 2
        assert tab.locator(".card__rating").count() >= 1
        assert axe_violations_as_served(browser, viewport, tab) == []
        assert sideways(tab) is None
