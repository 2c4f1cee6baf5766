"""The wish list through the real wishlist, account and cart functions behind lighttpd (FastCGI),
with the account's confirmation email sent to a real SMTP server on loopback: a guest saves from
a product page's heart form without JavaScript, sees the list, logs in and finds it merged; move
to cart; the "price dropped" note after the merchant lowers a price and rebuilds; bad input. Then
headless Chromium: the heart toggles with JavaScript (aria-pressed, no reload), and axe-core finds
nothing on a product page and the list at 390 and 1366 px, with and without the theme's script.
"""
import html
import json
import re

import pytest
from playwright.sync_api import expect

import store_db
from conftest import shelf
from servers.browser import Browser
from test_accounts import PASSWORD, Shopper, emails, link_in, mail, register, site  # noqa: F401  (fixtures)
from test_checkout import BASE_URL, COAT
from test_openapi import errors, response_schema
from test_phone_and_axe import DESKTOP, PHONE, axe_violations, new_page, sideways

COAT_PAGE = "/products/belted-wool-wrap-coat/"
SHIRT = "linen-shirt"   # €65.00 in the demo content; one test lowers it
SAME_SITE = {"Origin": BASE_URL}


def heart_form(page_html, handle):
    """The heart's form for `handle` on a static page: its action and the button's name."""
    match = re.search(r'<form class="wish" method="post" action="([^"]+)" data-wish>\s*'
                      rf'<input type="hidden" name="product" value="{re.escape(handle)}">\s*'
                      r'<button class="wish__button" type="submit" aria-label="([^"]+)"', page_html)
    assert match, f"no heart for {handle}"
    return match.group(1), html.unescape(match.group(2))


def saved(shopper):
    answer = shopper.get("/fn/wishlist.json")
    assert answer.headers["Cache-Control"] == "no-store"
    return json.loads(answer.text)


def token_of(page_html):
    return re.search(r'name="_token" value="([^"]+)"', page_html).group(1)


def test_a_guest_saves_without_javascript_and_the_list_merges_into_the_account_at_login(site, mail):
    guest = Shopper(site)
    product_page = guest.get(COAT_PAGE).text
    action, name = heart_form(product_page, "belted-wool-wrap-coat")
    assert (action, name) == ("/fn/wishlist/add", "Save Belted Wool Wrap Coat to wish list")
    assert "aria-pressed" not in product_page.split('data-wish>')[1].split("</form>")[0]  # filled only by JS
    listing = guest.get("/shop/").text
    assert heart_form(listing, "merino-lambswool-scarf")[1] == "Save Merino Lambswool Scarf to wish list"

    answer = guest.post(action, {"product": "belted-wool-wrap-coat"}, SAME_SITE)
    assert answer.status == 303 and answer.headers["Location"] == "/fn/wishlist?saved=belted-wool-wrap-coat"
    assert guest.session_cookie()
    page = guest.get(answer.headers["Location"]).text
    assert "Saved Belted Wool Wrap Coat to your wish list." in page
    assert "€239.00" in page and 'href="/products/belted-wool-wrap-coat/"' in page
    assert saved(guest)["products"] == ["belted-wool-wrap-coat"]

    # The account already saved the shirt and the coat: after login one of each, no duplicates.
    register(guest, "wish@example.com", name="Wren")
    [confirmation] = emails(site, mail, "wish@example.com")
    guest.follow(link_in(confirmation))
    other_device = Shopper(site)
    assert other_device.log_in("wish@example.com", PASSWORD).status == 303
    for handle in ["belted-wool-wrap-coat", "hemp-chino-shorts"]:
        assert other_device.post("/fn/wishlist/add", {"product": handle}, SAME_SITE).status == 303
    assert guest.post("/fn/wishlist/add", {"product": "linen-shirt"}, SAME_SITE).status == 303
    assert guest.log_in("wish@example.com", PASSWORD).status == 303
    assert sorted(saved(guest)["products"]) == ["belted-wool-wrap-coat", "hemp-chino-shorts", "linen-shirt"]
    owners = store_db.rows(site.store, "SELECT customer_id, session_id FROM wishlist_items")
    assert len(owners) == 3 and all(customer is not None and session is None for customer, session in owners)
    assert "Your wish list (3 saved)" in guest.get("/fn/account").text
    assert "Belted Wool Wrap Coat" in other_device.get("/fn/wishlist").text


def test_move_to_cart_needs_a_size_then_moves_one_and_takes_it_off(site):
    shopper = Shopper(site)
    shopper.post("/fn/wishlist/add", {"product": "belted-wool-wrap-coat"}, SAME_SITE)
    page = shopper.get("/fn/wishlist").text
    assert '<label for="move-belted-wool-wrap-coat">Colour / Size</label>' in page
    token = token_of(page)
    fields = {"product": "belted-wool-wrap-coat", "_token": token}
    assert shopper.post("/fn/wishlist/move", fields, SAME_SITE).status == 422
    assert shopper.post("/fn/wishlist/move", {**fields, "_token": "forged"}, SAME_SITE).status == 403
    moved = shopper.post("/fn/wishlist/move", {**fields, "sku": COAT}, SAME_SITE)
    assert moved.status == 303 and moved.headers["Location"] == "/fn/wishlist?moved=belted-wool-wrap-coat"
    assert "Moved Belted Wool Wrap Coat to your cart." in shopper.get(moved.headers["Location"]).text
    assert '"count":1' in shopper.get("/fn/cart.json", {"Accept": "application/json"}).text
    assert saved(shopper)["products"] == []


def test_the_list_says_the_price_dropped_after_the_merchant_lowers_it_and_rebuilds(site):
    shopper = Shopper(site)
    shopper.post("/fn/wishlist/add", {"product": SHIRT}, SAME_SITE)
    assert "Price dropped" not in shopper.get("/fn/wishlist").text
    product = site.store / "content" / "products" / f"{SHIRT}.md"
    product.write_text(product.read_text().replace('price: "65.00"', 'price: "52.00"', 1))
    shelf("build", "--quiet", store=site.store)
    page = shopper.get("/fn/wishlist").text
    assert "Price dropped from €65.00" in page and "€52.00" in page


def test_bad_input_is_refused(site):
    shopper = Shopper(site)
    assert shopper.post("/fn/wishlist/add", {"product": "no-such-product"}, SAME_SITE).status == 404
    assert shopper.post("/fn/wishlist/add", {"product": "<script>"}, SAME_SITE).status == 400
    assert shopper.session_cookie() is None  # a refused save starts no session
    cross_site = shopper.post("/fn/wishlist/add", {"product": SHIRT}, {"Origin": "https://evil.example"})
    assert cross_site.status == 403
    huge = shopper.post("/fn/wishlist/add", {"product": SHIRT, "pad": "x" * 200_000}, SAME_SITE)
    assert huge.status == 413
    assert shopper.session_cookie() is None
    for back in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]:
        answer = shopper.post("/fn/wishlist/add", {"product": SHIRT, "back": back}, SAME_SITE)
        assert answer.headers["Location"] == f"/fn/wishlist?saved={SHIRT}", back
    assert shopper.post("/fn/wishlist/add", {"product": SHIRT, "back": COAT_PAGE}, SAME_SITE).headers["Location"] == COAT_PAGE
    assert shopper.post("/fn/wishlist/remove", {"product": SHIRT}, SAME_SITE).status == 403  # no form token
    assert Browser(site.base).get("/fn/wishlist.json").text == '{"count":0,"products":[],"token":null}'


def heart(page, handle):
    return page.locator(f'form[data-wish]:has(input[value="{handle}"]) button')


def test_with_javascript_the_heart_toggles_without_a_reload(site, browser):
    with new_page(browser, DESKTOP) as page:
        page.goto(site.base + COAT_PAGE)
        button = heart(page, "belted-wool-wrap-coat")
        expect(button).to_have_attribute("aria-pressed", "false")
        expect(button).to_have_accessible_name("Save Belted Wool Wrap Coat to wish list")
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        assert page.url == site.base + COAT_PAGE
        page.goto(site.base + "/shop/")  # another static page: the state comes from wishlist.json
        card_heart = heart(page, "belted-wool-wrap-coat")
        expect(card_heart).to_have_attribute("aria-pressed", "true")
        expect(heart(page, "merino-lambswool-scarf")).to_have_attribute("aria-pressed", "false")
        card_heart.click()
        expect(card_heart).to_have_attribute("aria-pressed", "false")
        assert page.url == site.base + "/shop/"
        page.goto(site.base + "/fn/wishlist")
        expect(page.get_by_text("Your wish list is empty.")).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_product_page_and_the_list_pass_axe_and_fit(site, browser, viewport, javascript):
    with new_page(browser, viewport) as page:
        if not javascript:
            # axe itself runs as a script, so "without JavaScript" is the theme's scripts blocked.
            page.route("**/*.js", lambda route: route.abort())
        problems = []
        page.goto(site.base + COAT_PAGE)
        heart(page, "belted-wool-wrap-coat").click()
        if javascript:
            expect(heart(page, "belted-wool-wrap-coat")).to_have_attribute("aria-pressed", "true")
            page.goto(site.base + COAT_PAGE)
        else:
            page.wait_for_url("**/fn/wishlist?saved=*")
            page.goto(site.base + COAT_PAGE)
        for step in ["product", "list"]:
            if step == "list":
                page.goto(site.base + "/fn/wishlist")
                expect(page.get_by_role("button", name="Move to cart Belted Wool Wrap Coat")).to_be_visible()
            problems += [f"{step}: {violation}" for violation in axe_violations(page)]
            if viewport == PHONE and (wide := sideways(page)):
                problems.append(f"{step}: scrolls sideways, {wide}")
        assert problems == []


def test_the_json_answers_as_docs_openapi_describes(site):
    shopper = Shopper(site)
    assert errors(saved(shopper), response_schema("/fn/wishlist.json", "get", 200)) == []
    change = shopper.post("/fn/wishlist/add", {"product": SHIRT}, {**SAME_SITE, "Accept": "application/json"})
    assert change.status == 200
    assert errors(json.loads(change.text), response_schema("/fn/wishlist/add", "post", 200)) == []
    listed = saved(shopper)
    assert listed["products"] == [SHIRT] and listed["count"] == 1
    assert errors(listed, response_schema("/fn/wishlist.json", "get", 200)) == []
    removed = shopper.post("/fn/wishlist/remove", {"product": SHIRT},
                           {**SAME_SITE, "Accept": "application/json", "X-Shelf-Token": listed["token"]})
    assert json.loads(removed.text)["saved"] is False
    assert errors(json.loads(removed.text), response_schema("/fn/wishlist/remove", "post", 200)) == []
