"""A shopper in headless Chromium adds to the cart from a product page, with and without JavaScript.

The store is served by `shelf serve`, which runs the cart function as CGI like a web server does.
"""

import pytest
from playwright.sync_api import expect

from conftest import copy_built_store, shelf
from test_serve import start_serve


PRODUCT = "/products/belted-wool-wrap-coat/"


@pytest.fixture(scope="module")
def served(demo_store, tmp_path_factory):
    store = tmp_path_factory.mktemp("browser") / "store"
    copy_built_store(demo_store, store)
    (store / "data" / "secrets.toml").unlink(missing_ok=True)
    shelf("secrets", "init", store=store)
    process, base = start_serve(store, "--no-watch")
    yield base
    process.terminate()
    process.wait(timeout=10)


def pick(page, sku):
    """Chooses a variant the way a shopper does: the colour, then the size box."""
    radio = page.locator(f'input[name="sku"][value="{sku}"]')
    group = radio.locator("xpath=ancestor::fieldset[@data-group][1]")
    colour = group.get_attribute("data-group")
    primary = page.locator(f'input[name="option"][data-primary-value="{colour}"]')
    if primary.count():
        page.click(f'label[for="{primary.get_attribute("id")}"]')
    page.click(f'label[for="{radio.get_attribute("id")}"]')
    assert radio.is_checked()


def cart_lines(page):
    return page.locator("li.cart-line")


def test_add_to_cart_with_javascript_stays_on_the_page(served, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(served + PRODUCT)
    badge = page.locator("header [data-cart-count]")
    assert badge.inner_text() == ""

    pick(page, "LDN-BWC-CAM-M")
    page.click("[data-add-to-cart]")
    notice = page.locator("[data-cart-notice]")
    notice.wait_for(state="visible")
    assert "Added Belted Wool Wrap Coat — Camel / M to your cart." in notice.inner_text()
    # Waits that evaluate nothing in the page: the site's Content-Security-Policy forbids eval.
    expect(badge).to_have_text("1")
    assert page.url == served + PRODUCT  # no navigation

    pick(page, "LDN-BWC-CAM-XL")
    page.fill("#quantity", "2")
    page.click("[data-add-to-cart]")
    expect(page.locator("header [data-cart-count]")).to_have_text("3")

    page.goto(served + "/")  # another static page: the badge comes from cart.json
    expect(page.locator("header [data-cart-count]")).to_have_text("3")

    page.goto(served + "/fn/cart")
    lines = cart_lines(page)
    assert lines.count() == 2
    assert "Camel" in lines.nth(0).inner_text() and "M" in lines.nth(0).inner_text()
    assert "€717.00" in page.locator("[data-cart-subtotal]").inner_text()  # 3 × €239.00
    context.close()


def test_add_to_cart_without_javascript_goes_through_the_cart_page(served, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + PRODUCT)
    pick(page, "LDN-BWC-CAM-L")
    page.click("[data-add-to-cart]")
    page.wait_for_url("**/fn/cart?notice=added&sku=LDN-BWC-CAM-L")
    assert "Added Belted Wool Wrap Coat — Camel / L to your cart." in page.locator(".notice").inner_text()
    assert page.locator("header [data-cart-count]").inner_text() == "1"  # rendered by the function
    assert cart_lines(page).count() == 1

    page.fill("li.cart-line input[name=quantity]", "2")
    page.click("li.cart-line button:has-text('Update')")
    page.wait_for_url("**/fn/cart?notice=updated&sku=LDN-BWC-CAM-L")
    assert page.locator("header [data-cart-count]").inner_text() == "2"
    assert "€478.00" in page.locator("[data-cart-subtotal]").inner_text()

    page.click("li.cart-line button:has-text('Remove')")
    page.wait_for_url("**/fn/cart?notice=removed&sku=LDN-BWC-CAM-L")
    assert "Your cart is empty." in page.inner_text("main")
    assert page.locator("header [data-cart-count]").inner_text() == ""
    context.close()
