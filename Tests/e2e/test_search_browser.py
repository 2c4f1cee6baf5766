"""The header's search suggestions and the category pages' combined filters, in headless Chromium,
on the demo store behind lighttpd with the `search` function as a FastCGI responder (the fixture
of test_search.py, once on SQLite and once on PostgreSQL).

- Typing in the header's box lists at most six products from search.json (picture, title,
  price) and "See all results"; it is a WAI-ARIA combobox: Down and Up move, Enter opens the
  highlighted product, Escape closes, a click opens one, and a live region says how many.
  What the shopper typed is shown as text, never as markup.
- An answer to an older question never replaces the answer to a newer one; search.json's
  `limit` keeps the answer to the six products shown.
- Without JavaScript the same box is a plain form to /fn/search.
- A category page's filter panel combines two colours, a size and a price in one GET to
  /fn/search, which finds exactly the products the files say and shows those choices ticked.
- axe-core finds nothing and nothing scrolls sideways at 390 px and 1366 px, with the
  suggestions open and with the filter panel open.
"""
import re
import urllib.parse
from decimal import Decimal

import pytest
import yaml
from playwright.sync_api import expect

from conftest import REPO
from servers.browser import Browser
from test_phone_and_axe import DESKTOP, PHONE, axe_violations, new_page, sideways
from test_postgres import cluster  # noqa: F401  (the site fixture's PostgreSQL run needs it)
from test_search import search, server_logs, site  # noqa: F401  (fixtures)

SUGGESTIONS = "#site-search-q-suggestions"


def categorised():
    """The demo products as their files describe them: categories and each variant's colour, size and price."""
    products = {}
    for path in sorted((REPO / "content" / "products").glob("*.md")):
        front = yaml.safe_load(path.read_text().split("---")[1])
        if front.get("published", True) is False:
            continue
        variants = [{**v, "price": Decimal(str(v.get("price", front.get("price"))))} for v in front["variants"]]
        products[path.stem] = {"categories": front.get("categories", []), "variants": variants}
    return products


def test_search_json_lists_only_the_first_products_the_limit_asks_for(site):
    whole = search(site, "q=wool")
    six = search(site, "q=wool&limit=6")
    assert len(whole["products"]) > 6
    assert six["products"] == whole["products"][:6]
    assert (six["total"], six["pages"]) == (whole["total"], whole["pages"])
    for limit in ("0", "25", "six", "-1", "6.5"):
        answer = Browser(site.base).get(f"/fn/search.json?q=wool&limit={limit}")
        assert answer.status == 400, (limit, answer.text[:300])
        assert "limit must be a number from 1 to 24" in answer.text


def type_in_the_header(page, site, text):
    """Opens the home page and types into the header's search box, key by key, as a shopper does."""
    page.goto(site.base + "/")
    box = page.locator("#site-search-q")
    box.press_sequentially(text)
    return box


def options(page):
    return page.locator(f"{SUGGESTIONS} [role=option]")


def test_typing_shows_six_products_and_see_all_as_a_combobox(site, browser):
    expected = search(site, "q=wool")
    assert expected["total"] > 6, "the demo store has more than six wool products"
    with new_page(browser, DESKTOP) as page:
        box = type_in_the_header(page, site, "wool")
        listbox = page.locator(SUGGESTIONS)
        expect(listbox).to_be_visible()
        expect(options(page)).to_have_count(7)
        assert listbox.get_attribute("role") == "listbox"
        assert box.get_attribute("role") == "combobox"
        assert box.get_attribute("aria-expanded") == "true"
        assert box.get_attribute("aria-controls") == "site-search-q-suggestions"
        for number, product in enumerate(expected["products"][:6]):
            option = options(page).nth(number)
            expect(option.locator(".suggestion__title")).to_have_text(product["title"])
            expect(option.locator(".suggestion__price")).to_contain_text(product["price"])
            if product["image"]:
                assert option.locator("img").get_attribute("src") == product["image"]["src"]
        expect(options(page).last).to_have_text("See all results for “wool”")
        expect(page.get_by_role("status")).to_have_text(f"{expected['total']} products found, 6 shown.")
        # One character is not yet a question: the list goes away.
        box.fill("w")
        expect(listbox).to_be_hidden()
        assert box.get_attribute("aria-expanded") == "false"


def test_markup_typed_is_shown_as_text_and_nothing_found_is_said(site, browser):
    assert search(site, "q=%3Cb%3Exyzzy")["total"] == 0
    with new_page(browser, PHONE) as page:
        type_in_the_header(page, site, "<b>xyzzy")
        expect(options(page)).to_have_count(1)
        expect(options(page).first).to_have_text("See all results for “<b>xyzzy”")
        assert page.locator(f"{SUGGESTIONS} b").count() == 0
        expect(page.get_by_role("status")).to_have_text("No products found.")


def test_down_down_up_enter_opens_the_first_product(site, browser):
    first, second = search(site, "q=wool")["products"][:2]
    with new_page(browser, DESKTOP) as page:
        box = type_in_the_header(page, site, "wool")
        expect(options(page)).to_have_count(7)
        box.press("ArrowDown")
        box.press("ArrowDown")
        second_option = options(page).nth(1)
        assert box.get_attribute("aria-activedescendant") == second_option.get_attribute("id")
        assert second_option.get_attribute("aria-selected") == "true"
        assert second_option.locator(".suggestion__title").inner_text() == second["title"]
        box.press("ArrowUp")
        assert box.get_attribute("aria-activedescendant") == options(page).first.get_attribute("id")
        box.press("Enter")
        page.wait_for_url(site.base + first["url"])
        assert page.locator("h1").first.inner_text() == first["title"]


def test_a_click_opens_the_product_and_see_all_opens_the_results(site, browser):
    third = search(site, "q=wool")["products"][2]
    with new_page(browser, DESKTOP) as page:
        type_in_the_header(page, site, "wool")
        options(page).nth(2).click()
        page.wait_for_url(site.base + third["url"])
        type_in_the_header(page, site, "wool")
        options(page).last.click()
        page.wait_for_url("**/fn/search?q=wool")


def test_escape_closes_and_enter_then_submits_the_form(site, browser):
    with new_page(browser, PHONE) as page:
        box = type_in_the_header(page, site, "wool")
        expect(page.locator(SUGGESTIONS)).to_be_visible()
        box.press("ArrowDown")
        box.press("Escape")
        expect(page.locator(SUGGESTIONS)).to_be_hidden()
        assert box.get_attribute("aria-expanded") == "false"
        assert box.get_attribute("aria-activedescendant") is None
        # Nothing highlighted: Enter is the form's own submit.
        box.press("Enter")
        page.wait_for_url("**/fn/search?q=wool")
        assert page.locator("h1").inner_text() == "Results for “wool”"


def test_an_older_answer_never_replaces_a_newer_one(site, browser):
    held = []

    def hold_the_first_question(route):
        if urllib.parse.parse_qs(urllib.parse.urlsplit(route.request.url).query).get("q") == ["co"]:
            held.append(route)
        else:
            route.continue_()

    with new_page(browser, DESKTOP) as page:
        page.route("**/fn/search.json?*", hold_the_first_question)
        box = type_in_the_header(page, site, "co")
        while not held:  # Playwright runs the route handler while the page waits
            page.wait_for_timeout(50)
        box.press_sequentially("at")
        expect(options(page).last).to_have_text("See all results for “coat”")
        coat_titles = options(page).locator(".suggestion__title").all_inner_texts()
        # The answer to "co" arrives last; it must not replace the one to "coat".
        with page.expect_response(lambda response: "q=co" in response.url and "q=coat" not in response.url) as answer:
            held[0].continue_()
        answer.value.finished()
        page.evaluate("() => new Promise(resolve => setTimeout(resolve, 0))")
        page.evaluate("() => new Promise(resolve => setTimeout(resolve, 0))")
        expect(options(page).last).to_have_text("See all results for “coat”")
        assert options(page).locator(".suggestion__title").all_inner_texts() == coat_titles


def test_without_javascript_the_header_box_is_a_plain_form(site, browser):
    with new_page(browser, PHONE, javascript=False) as page:
        page.goto(site.base + "/")
        box = page.locator("#site-search-q")
        assert box.get_attribute("role") is None
        box.fill("wool")
        box.press("Enter")
        page.wait_for_url("**/fn/search?q=wool")
        assert page.locator(".grid .card").count() == min(24, search(site, "q=wool")["total"])
        assert page.locator(SUGGESTIONS).count() == 0


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_the_category_panel_combines_two_colours_a_size_and_a_price(site, browser, javascript):
    colours, size, most = {"Black", "Sage"}, "M", Decimal(100)
    expected = {
        handle for handle, product in categorised().items()
        if "women" in product["categories"] and any(
            v.get("colour") in colours and v.get("size") == size and v["price"] <= most for v in product["variants"])
    }
    assert 0 < len(expected) <= 24, "the choice finds some women's products, on one page"
    with new_page(browser, PHONE, javascript) as page:
        page.goto(site.base + "/shop/women/")
        panel = page.locator(".filter-form")
        panel.locator("summary").click()
        colour = panel.locator("fieldset", has_text="Colour")
        for name in sorted(colours):
            colour.get_by_label(re.compile(f"(^|\\s){name} \\(")).check()
        panel.locator("fieldset", has_text="Size").get_by_label(re.compile(f"(^|\\s){size} \\(")).check()
        panel.get_by_label("to", exact=True).fill("100")
        panel.get_by_role("button", name="Show results").click()
        page.wait_for_url("**/fn/search?*")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)  # empty fields left out
        query["colour"].sort()
        assert query == {"category": ["women"], "colour": sorted(colours), "size": [size], "max": ["100"]}
        shown = {href.split("/")[2] for href in page.locator(".grid .card a[href^='/products/']").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))")}
        assert shown == expected
        # The results page ticks the same choices.
        facets = page.locator(".search__filters")
        for name in colours:
            assert facets.locator(f'input[name="colour"][value="{name}"]').is_checked()
        assert facets.locator(f'input[name="size"][value="{size}"]').is_checked()
        assert facets.locator('input[name="category"][value="women"]').is_checked()
        assert facets.locator('input[name="max"]').input_value() == "100"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1366px"])
def test_suggestions_and_filter_panel_fit_and_pass_axe(site, browser, viewport):
    with new_page(browser, viewport) as page:
        page.goto(site.base + "/fn/search?q=coat")
        page.locator("#site-search-q").press_sequentially("wool")
        expect(page.locator(SUGGESTIONS)).to_be_visible()
        page.locator("#site-search-q").press("ArrowDown")
        assert sideways(page) is None
        assert axe_violations(page) == []
        page.goto(site.base + "/shop/women/")
        page.locator(".filter-form summary").click()
        expect(page.get_by_role("button", name="Show results")).to_be_visible()
        assert sideways(page) is None
        assert axe_violations(page) == []
