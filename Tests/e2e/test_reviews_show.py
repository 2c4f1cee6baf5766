"""Reviews on the demo store behind lighttpd (FastCGI): an order placed and paid through the real
functions, its buyer's review stored as the write side stores it, then approved → the next
incremental `shelf build` shows the stars, the summary and the JSON-LD on the product page and the
badge on its cards; helpful votes and a report through `/fn/reviews`, the report hiding the review
at the next build. axe-core finds nothing on the product page with reviews and on a listing at
390 and 1366 px, and both fit those widths with and without JavaScript. Runs on SQLite and PostgreSQL.
"""
import json
import re

import pytest

import store_db
from conftest import shelf
from servers.browser import Browser
from servers.launch import serve
from test_checkout import BASE_URL, COAT, LIGHTTPD_FASTCGI
from test_mail import paid_order
from test_phone_and_axe import (COAT as COAT_PAGE, DESKTOP, PHONE, axe_violations, axe_violations_as_served, new_page,
                                sideways)

SAME_SITE = {"Origin": BASE_URL}


@pytest.fixture(scope="module")
def site():
    def prepare(store):
        with open(store / "shelf.toml", "a") as settings:
            settings.write("\n[reviews]\nhide_after_reports = 1\n")
    with serve(LIGHTTPD_FASTCGI, prepare=prepare) as site:
        yield site


def take_review_version(store):
    store_db.execute(store, "UPDATE review_clock SET version = version + 1 WHERE id = 1")
    return store_db.row(store, "SELECT version FROM review_clock WHERE id = 1")[0]


@pytest.fixture(scope="module")
def review(site):
    """A pending review of the coat by the buyer of a paid order; its id."""
    number = paid_order(site)
    order_id = int(number) - 1000  # an order's number is its id plus 1000
    version = take_review_version(site.store)
    store_db.execute(
        site.store,
        "INSERT INTO reviews (order_id, line, product_handle, rating, title, body, fit, display_name, status,"
        " created_at, updated_at, version) VALUES (?, 1, 'belted-wool-wrap-coat', 4, 'Warm and smart',"
        " 'Warm <b>enough</b> for Dublin.\n\nThe belt is long.', 'true', 'Ann M.', 'pending', 1795000000, 1795000000, ?)",
        (order_id, version))
    shelf("build", "--quiet", store=site.store)
    return store_db.row(site.store, "SELECT id FROM reviews WHERE order_id = ?", (order_id,))[0]


def page(site, path=COAT_PAGE):
    """The page as the last build wrote it. Read from site/, not through lighttpd, whose stat
    cache may answer with the file it saw a moment before the build replaced it."""
    return (site.store / "site" / path.strip("/") / "index.html").read_text()


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_a_pending_review_shows_nothing(site, review):
    html = page(site)
    assert "No reviews yet." in html
    assert "aggregateRating" not in json_ld(html)
    assert "Warm and smart" not in html


def test_an_approval_rebuilds_the_product_page_with_stars_and_json_ld(site, review):
    store_db.execute(site.store, "UPDATE reviews SET status = 'approved', version = ? WHERE id = ?",
                     (take_review_version(site.store), review))
    result = shelf("build", store=site.store)
    built = result.stdout + result.stderr
    assert "incremental" in built and "product pages only" not in built
    html = page(site)
    assert "4.0 out of 5 stars" in html
    assert "Warm &lt;b&gt;enough&lt;/b&gt; for Dublin." in html
    assert "Runs small: 0, True to size: 1, Runs large: 0" in html
    product = json_ld(html)
    assert product["aggregateRating"]["ratingValue"] == "4.0"
    assert product["aggregateRating"]["reviewCount"] == 1
    assert product["review"][0]["author"]["name"] == "Ann M."
    assert "4.0 out of 5 stars," in page(site, "/shop/")


def test_a_vote_counts_once_per_visitor_and_goes_back(site, review):
    shopper = Browser(site.base)
    back = f"{COAT_PAGE}#review-{review}"
    answer = shopper.post("/fn/reviews/vote", {"review": review, "helpful": "yes", "back": back}, SAME_SITE)
    assert answer.status == 303 and answer.headers["Location"] == back
    shopper.post("/fn/reviews/vote", {"review": review, "helpful": "yes"}, SAME_SITE)
    assert store_db.row(site.store, "SELECT helpful_count, unhelpful_count FROM reviews WHERE id = ?", (review,)) == (1, 0)
    answer = shopper.post("/fn/reviews/vote", {"review": review, "helpful": "no"}, {**SAME_SITE, "Accept": "application/json"})
    assert answer.status == 200
    assert json.loads(answer.text) == {"review": review, "helpful": 0, "unhelpful": 1}
    assert shopper.post("/fn/reviews/vote", {"review": review, "helpful": "yes"}, {"Origin": "https://evil.example"}).status == 403
    assert shopper.post("/fn/reviews/vote", {"review": "x", "helpful": "yes"}, SAME_SITE).status == 400
    shelf("build", "--quiet", store=site.store)
    assert "No (1)" in page(site)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_product_page_with_reviews_passes_axe_and_fits(site, review, browser, viewport, javascript):
    with new_page(browser, viewport, javascript=javascript) as tab:
        tab.goto(site.base + COAT_PAGE)
        assert tab.locator(".review").count() == 1
        assert (axe_violations(tab) if javascript else axe_violations_as_served(browser, viewport, tab)) == []
        assert sideways(tab) is None
        tab.goto(site.base + "/shop/")
        assert tab.locator(".card__rating").count() >= 1
        assert (axe_violations(tab) if javascript else axe_violations_as_served(browser, viewport, tab)) == []
        assert sideways(tab) is None


def test_a_report_hides_the_review_at_the_next_build(site, review):
    answer = Browser(site.base).post("/fn/reviews/report", {"review": review, "reason": "offensive"}, SAME_SITE)
    assert answer.status == 303
    assert store_db.row(site.store, "SELECT status FROM reviews WHERE id = ?", (review,)) == ("flagged",)
    shelf("build", "--quiet", store=site.store)
    html = page(site)
    assert "Warm and smart" not in html and "No reviews yet." in html
    assert "aggregateRating" not in json_ld(html)
