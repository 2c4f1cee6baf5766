"""The page of all of a product's reviews behind lighttpd (FastCGI): twelve approved reviews of the
demo coat, the product page's "See all 12 reviews" link, sorting and paging through plain GET forms
and links without JavaScript, a helpful vote from the second page returning to it, bad queries
answered 4xx, and axe-core finding nothing at 390 and 1366 px. Runs on SQLite and PostgreSQL.
"""
import pytest

import store_db
from conftest import shelf
from servers.browser import Browser
from servers.launch import serve
from test_checkout import LIGHTTPD_FASTCGI
from test_mail import paid_order
from test_phone_and_axe import (COAT as COAT_PAGE, DESKTOP, PHONE, axe_violations, axe_violations_as_served, new_page,
                                sideways)

HANDLE = "belted-wool-wrap-coat"
ALL = f"/fn/reviews?product={HANDLE}"


@pytest.fixture(scope="module")
def site():
    with serve(LIGHTTPD_FASTCGI) as site:
        yield site


@pytest.fixture(scope="module")
def reviews(site):
    """Twelve approved reviews of the coat, "Review n" with n % 5 + 1 stars, a day apart, each on
    its own line of one paid order (lines 2 to 12 copied from the first); the build that shows
    them. Their ids by n."""
    order_id = int(paid_order(site)) - 1000  # an order's number is its id plus 1000
    for position in range(2, 13):
        store_db.execute(
            site.store,
            "INSERT INTO order_lines (order_id, position, sku, title, options, unit_price_minor, quantity,"
            " line_total_minor, hold) SELECT order_id, ?, sku, title, options, unit_price_minor, quantity,"
            " line_total_minor, 'released' FROM order_lines WHERE order_id = ? AND position = 1",
            (position, order_id))
    store_db.execute(site.store, "UPDATE review_clock SET version = version + 1 WHERE id = 1")
    version = store_db.row(site.store, "SELECT version FROM review_clock WHERE id = 1")[0]
    ids = {}
    for n in range(1, 13):
        at = 1795000000 + n * 86400
        store_db.execute(
            site.store,
            "INSERT INTO reviews (order_id, line, product_handle, rating, title, body, display_name, status,"
            " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 'Warm.', 'Ann M.', 'approved', ?, ?, ?)",
            (order_id, n, HANDLE, n % 5 + 1, f"Review {n}", at, at, version))
        ids[n] = store_db.row(site.store, "SELECT id FROM reviews WHERE order_id = ? AND line = ?", (order_id, n))[0]
    shelf("build", "--quiet", store=site.store)
    return ids


def titles(tab):
    return tab.locator(".review__title").all_inner_texts()


def test_the_product_page_links_to_all_reviews(site, reviews):
    html = (site.store / "site" / COAT_PAGE.strip("/") / "index.html").read_text()
    assert f'<a href="{ALL}">See all 12 reviews</a>' in html


def test_sorting_and_paging_work_without_javascript(site, reviews, browser):
    with new_page(browser, PHONE, javascript=False) as tab:
        tab.goto(site.base + COAT_PAGE)
        tab.get_by_role("link", name="See all 12 reviews").click()
        assert tab.url == site.base + ALL
        assert titles(tab) == [f"Review {n}" for n in range(12, 2, -1)]
        tab.get_by_label("Sort by").select_option("lowest")
        tab.get_by_role("button", name="Sort reviews").click()
        assert tab.url == site.base + ALL + "&sort=lowest"
        # One star (10, 5), then two (11, 6, 1), three (12, 7, 2), four (8, 3): ties newest first.
        assert titles(tab) == ["Review 10", "Review 5", "Review 11", "Review 6", "Review 1", "Review 12",
                               "Review 7", "Review 2", "Review 8", "Review 3"]
        tab.get_by_role("link", name="Next").click()
        assert tab.url == site.base + ALL + "&sort=lowest&page=2"
        assert titles(tab) == ["Review 9", "Review 4"]
        assert tab.locator("select[name=sort] option[selected]").get_attribute("value") == "lowest"
        assert sideways(tab) is None


def test_a_vote_from_the_page_returns_to_it(site, reviews, browser):
    here = ALL + "&sort=lowest&page=2"
    with new_page(browser, DESKTOP, javascript=False) as tab:
        tab.goto(site.base + here)
        tab.locator(f"#review-{reviews[9]}").get_by_role("button", name="Yes (0)").click()
        assert tab.url == site.base + here + f"#review-{reviews[9]}"
        assert tab.locator(f"#review-{reviews[9]}").get_by_role("button", name="Yes (1)").count() == 1
    assert store_db.row(site.store, "SELECT helpful_count FROM reviews WHERE id = ?", (reviews[9],)) == (1,)
    with new_page(browser, DESKTOP, javascript=False) as tab:
        tab.goto(site.base + ALL + "&sort=helpful")
        assert titles(tab)[0] == "Review 9"


def test_bad_queries_are_answered_4xx(site, reviews):
    visitor = Browser(site.base)
    assert visitor.get("/fn/reviews?product=no-such-thing").status == 404
    assert visitor.get("/fn/reviews").status == 404
    for query in ["&sort=best", "&page=0", "&page=two", "&page=3", "&page=99999999999999999999"]:
        assert visitor.get(ALL + query).status == 400, query
    assert visitor.get(ALL + "&x=" + "a" * 3000).status in (414, 431)


def test_a_product_without_reviews_says_so(site, reviews, browser):
    with new_page(browser, PHONE, javascript=False) as tab:
        assert tab.goto(site.base + "/fn/reviews?product=" + other_product(site)).status == 200
        assert tab.get_by_text("No reviews yet.").count() == 1


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_page_passes_axe_and_fits(site, reviews, browser, viewport, javascript):
    with new_page(browser, viewport, javascript=javascript) as tab:
        tab.goto(site.base + ALL + "&page=2")
        assert tab.locator(".review").count() == 2
        assert (axe_violations(tab) if javascript else axe_violations_as_served(browser, viewport, tab)) == []
        assert sideways(tab) is None


def other_product(site):
    return store_db.row(site.store, "SELECT handle FROM products WHERE published = 1 AND handle <> ? ORDER BY handle", (HANDLE,))[0]
