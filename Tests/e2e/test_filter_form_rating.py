"""The "Customer rating" choice of a category page's "Combine filters" form, on the demo store
behind lighttpd with the `search` function as a FastCGI responder (the fixtures of
test_search_ratings.py: a buyer's five-star review of the coat, approved with `shelf reviews approve`).

- Before any approved review the form offers no rating; after the approval and a build it offers
  "4 stars & up" and "3 stars & up" with the category's counts.
- Ticking a colour and "4 stars & up" and pressing "Show results" (with and without JavaScript)
  lands on /fn/search filtered by the category, the colour and the rating, showing only the
  products that match all three, with the same choices ticked.
- axe-core finds nothing and nothing scrolls sideways at 390 px and 1366 px with the panel open.

Runs on SQLite and (with SHELF_TEST_DATABASE=postgresql) PostgreSQL.
"""
import json
import pathlib
import re
import time
import urllib.parse

import pytest
from playwright.sync_api import expect

from conftest import shelf
from servers.browser import Browser
from test_phone_and_axe import DESKTOP, PHONE, axe_violations, new_page, sideways
from test_search_ratings import COAT, approved, review, site  # noqa: F401  (fixtures)

CATEGORY = "outerwear"


def search(site, query):
    answer = Browser(site.base).get("/fn/search.json?" + query)
    assert answer.status == 200, answer.text
    return json.loads(answer.text)


def handles(site, query):
    return {product["handle"] for product in search(site, query)["products"]}


@pytest.fixture(scope="module")
def rebuilt(site, approved):
    """The site built again once the coat's review is approved, as the merchant's next build does."""
    shelf("build", "--quiet", store=site.store)
    # lighttpd keeps what it knows of a file for about a second (its stat cache): wait until it
    # serves the listing the build published, as a shopper's next visit would get it.
    published = (pathlib.Path(site.store) / "site" / "shop" / CATEGORY / "index.html").read_text()
    for _ in range(50):
        if Browser(site.base).get(f"/shop/{CATEGORY}/").text == published:
            break
        time.sleep(0.1)
    return site


def panel_of(page, site):
    page.goto(f"{site.base}/shop/{CATEGORY}/")
    panel = page.locator(".filter-form")
    panel.locator("summary").click()
    return panel


def test_before_any_approved_review_the_form_offers_no_rating(site):
    listing = Browser(site.base).get(f"/shop/{CATEGORY}/").text
    assert "Combine filters" in listing
    assert 'name="rating"' not in listing


def test_after_an_approval_the_form_offers_the_ratings_with_the_categorys_counts(rebuilt):
    listing = Browser(rebuilt.base).get(f"/shop/{CATEGORY}/").text
    form = listing[listing.index('<details class="filter-form">'):listing.index("</details>")]
    assert "Customer rating" in form
    for stars in (4, 3):
        count = search(rebuilt, f"category={CATEGORY}&rating={stars}")["total"]
        assert count >= 1
        assert f'<input id="filter-rating-{stars}" type="radio" name="rating" value="{stars}">' in form
        label = form[form.index(f'<label for="filter-rating-{stars}">'):]
        assert label[:label.index("</label>")].endswith(f"{stars} stars &amp; up <span class=\"search-facet__count\">"
                                                        f"<span class=\"visually-hidden\">(</span>{count}"
                                                        "<span class=\"visually-hidden\"> products)</span></span>")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_colour_and_a_rating_land_on_search_filtered_by_both(rebuilt, browser, javascript):
    colour = "Camel"
    by_colour = handles(rebuilt, f"category={CATEGORY}&colour={colour}")
    expected = handles(rebuilt, f"category={CATEGORY}&colour={colour}&rating=4")
    assert COAT in expected and by_colour - expected, "the rating narrows the colour's products"
    with new_page(browser, PHONE, javascript) as page:
        panel = panel_of(page, rebuilt)
        panel.locator("fieldset", has_text="Colour").get_by_label(re.compile(f"(^|\\s){colour} \\(")).check()
        panel.locator("fieldset", has_text="Customer rating").get_by_label(re.compile("4 stars & up")).check()
        panel.get_by_role("button", name="Show results").click()
        page.wait_for_url("**/fn/search?*")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)  # empty fields left out
        assert query == {"category": [CATEGORY], "colour": [colour], "rating": ["4"]}
        shown = {href.split("/")[2] for href in page.locator(".grid .card a[href^='/products/']").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))")}
        assert shown == expected
        # The results page ticks the same choices.
        facets = page.locator(".search__filters")
        assert facets.locator(f'input[name="colour"][value="{colour}"]').is_checked()
        assert facets.locator('input[name="rating"][value="4"]').is_checked()
        assert facets.locator(f'input[name="category"][value="{CATEGORY}"]').is_checked()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1366px"])
def test_the_panel_with_the_rating_choice_fits_and_passes_axe(rebuilt, browser, viewport):
    with new_page(browser, viewport) as page:
        panel = panel_of(page, rebuilt)
        expect(panel.locator("fieldset", has_text="Customer rating")).to_be_visible()
        assert sideways(page) is None
        assert axe_violations(page) == []
