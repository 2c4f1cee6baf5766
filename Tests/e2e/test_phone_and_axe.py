"""The shopper on a phone (390 × 844) and at a desktop (1366 × 900), in headless Chromium.

- No page of the journey (home, a category, a filter page, the product, the cart, the address,
  shipping and payment steps, the test provider's page, the order page) scrolls sideways on a
  phone, with JavaScript on or off.
- axe-core finds no violation on any of those pages, on the phone and at the desktop. The script
  is the copy PyPI's `axe-playwright-python` ships; it is evaluated in the page rather than added
  as a <script> tag, which the functions' Content-Security-Policy rightly refuses.
- The product page shows the colour and size picker and "Add to cart" on the first screen of a
  desktop, and "Add to cart" on the first screen of a phone.
- With several sizes none is chosen for the shopper: the button says "Choose a size", and pressing
  it says so, in the page with JavaScript and from the cart function without.

The store is the demo store behind `shelf serve`, which runs the functions as CGI like a web
server does. Screenshots go to $SHELF_SCREENSHOTS when set, else to pytest's temporary folder.
"""
import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import expect

from conftest import copy_built_store, shelf
from journey import PRODUCT, Camera, Shopper, buy, choose
from test_serve import start_serve

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
COAT = "/products/belted-wool-wrap-coat/"
AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
# axe's defaults, plus the WCAG 2.2 target size that the default set leaves out.
AXE_OPTIONS = "{resultTypes: ['violations'], rules: {'target-size': {enabled: true}}}"
JOURNEY = ["home", "category", "product", "cart", "address", "shipping", "payment", "test-provider", "order", "filter"]


@dataclass
class Served:
    base: str
    store: Path


@pytest.fixture(scope="module")
def served(demo_store, tmp_path_factory):
    store = tmp_path_factory.mktemp("phone") / "store"
    copy_built_store(demo_store, store)
    (store / "data" / "secrets.toml").unlink(missing_ok=True)
    shelf("secrets", "init", store=store)
    process, base = start_serve(store, "--no-watch")
    yield Served(base, store)
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    folder = os.environ.get("SHELF_SCREENSHOTS")
    return Path(folder) if folder else tmp_path_factory.mktemp("screenshots")


@contextlib.contextmanager
def new_page(browser, viewport, javascript=True):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    try:
        yield context.new_page()
    finally:
        context.close()


def sideways(page):
    """None when the page fits its window; else how wide it is and the elements that stick out."""
    width, window = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if width <= window:
        return None
    wide = page.evaluate("""window => Array.from(document.querySelectorAll('body *'))
        .filter(element => element.getBoundingClientRect().right > window + 0.5)
        .slice(0, 5).map(element => element.tagName.toLowerCase() + '.' + element.className)""", window)
    return f"{width} px wide in a {window} px window: {wide}"


def axe_violations(page):
    """axe-core's violations on the page as it is now, one line each."""
    page.evaluate(AXE + "\n;true")
    result = page.evaluate(f"axe.run(document, {AXE_OPTIONS})")
    return [f"{v['id']} ({v['impact']}): {v['help']}: {[node['target'] for node in v['nodes']]}" for v in result["violations"]]


def axe_violations_as_served(browser, viewport, page):
    """axe-core's violations on the document `page` (opened without JavaScript) shows, checked in
    a page of its own where the theme's scripts are refused: axe-core waits on timers, which a
    page without JavaScript never runs."""
    html, url = page.content(), page.url

    def answer(route):
        if route.request.url == url:
            route.fulfill(body=html, content_type="text/html; charset=utf-8")
        elif route.request.resource_type == "script":
            route.abort()
        else:
            route.continue_()
    with new_page(browser, viewport) as twin:
        twin.route("**/*", answer)
        twin.goto(url)
        return axe_violations(twin)


class Inspector(Camera):
    """The journey's camera, which also checks each page it photographs: on a phone, that it does
    not scroll sideways; with JavaScript, that axe-core finds nothing."""

    def __init__(self, folder: Path, prefix: str, phone: bool, axe: bool):
        super().__init__(folder, prefix)
        self.phone, self.axe = phone, axe
        self.steps, self.problems = [], []

    def __call__(self, page, step: str):
        super().__call__(page, step)
        self.steps.append(step)
        if self.phone and (wide := sideways(page)):
            self.problems.append(f"{step} {page.url}: scrolls sideways, {wide}")
        if self.axe:
            self.problems += [f"{step} {page.url}: {violation}" for violation in axe_violations(page)]


@pytest.mark.parametrize("viewport,javascript,shopper", [
    pytest.param(PHONE, True, Shopper(email="phone.js@example.com", colour="Oat", size="XS", sku="LDN-BWC-OAT-XS"),
                 id="phone-js"),
    pytest.param(PHONE, False, Shopper(email="phone.nojs@example.com", colour="Black", size="S", sku="LDN-BWC-BLK-S"),
                 id="phone-nojs"),
    pytest.param(DESKTOP, True, Shopper(email="desktop.js@example.com", colour="Camel", size="XL", sku="LDN-BWC-CAM-XL"),
                 id="desktop-js"),
])
def test_every_page_of_the_journey_fits_a_phone_and_passes_axe(served, browser, screenshots, viewport, javascript,
                                                               shopper, request):
    phone = viewport == PHONE
    inspector = Inspector(screenshots, request.node.callspec.id, phone=phone, axe=javascript)
    with new_page(browser, viewport, javascript) as page:
        buy(page, served.base, served.store, shopper, inspector, javascript=javascript)
        # The order page says VAT, the [[tax]] rules' name, as the product page and checkout do.
        expect(page.locator("table.order__lines tfoot")).to_contain_text("Including VAT")
        # A filter page, reached from the category's colour filter.
        page.goto(served.base + "/shop/women/")
        page.locator("a.filter__value").first.click()
        page.wait_for_url("**/shop/women/colour/*/")
        inspector(page, "filter")
    assert inspector.steps == JOURNEY
    assert not inspector.problems, "\n".join(["The journey's pages at "
                                              f"{viewport['width']} px:"] + inspector.problems)


def on_screen(page, locator, viewport):
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not shown"
    return box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] and box["x"] + box["width"] <= viewport["width"]


def test_the_picker_and_add_to_cart_are_on_the_first_screen_of_a_desktop(served, browser, screenshots):
    with new_page(browser, DESKTOP) as page:
        page.goto(served.base + COAT)
        page.screenshot(path=screenshots / "first-screen-desktop.png")
        colour = page.locator("label.picker__choice--swatch").first
        size = page.locator(".picker__group.is-active label.picker__choice").first
        button = page.locator("[data-add-to-cart]")
        for part in (colour, size, button):
            assert on_screen(page, part, DESKTOP), (part, part.bounding_box())
        # Wireframe 04: the gallery on the left, the buy box on the right.
        gallery, title = page.locator(".product__gallery").bounding_box(), page.locator("h1").bounding_box()
        assert gallery["x"] + gallery["width"] <= title["x"], (gallery, title)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_add_to_cart_is_on_the_first_screen_of_a_phone_and_the_picker_above_the_description(served, browser,
                                                                                           screenshots, javascript):
    with new_page(browser, PHONE, javascript) as page:
        page.goto(served.base + COAT)
        page.screenshot(path=screenshots / f"first-screen-phone-{'js' if javascript else 'nojs'}.png")
        assert on_screen(page, page.locator("[data-add-to-cart]"), PHONE), page.locator("[data-add-to-cart]").bounding_box()
        sizes = page.locator("[data-picker]").bounding_box()
        description = page.locator(".product__description").bounding_box()
        assert sizes["y"] + sizes["height"] <= description["y"], (sizes, description)


def cart_count(page, base):
    answer = page.request.get(base + "/fn/cart.json", headers={"Accept": "application/json"})
    return answer.json()["count"]


def test_with_javascript_the_shopper_must_choose_a_size(served, browser):
    with new_page(browser, PHONE) as page:
        page.goto(served.base + COAT)
        button = page.locator("[data-add-to-cart]")
        expect(button).to_have_text("Choose a size")
        expect(page.locator('input[name="sku"]:checked')).to_have_count(0)

        button.click()
        notice = page.locator("[data-cart-notice]")
        expect(notice).to_have_text("Choose a size.")
        expect(page.locator(".picker__group.is-active .picker__hint")).to_be_visible()
        assert page.evaluate("document.activeElement.name") == "sku"  # the shopper is taken to the sizes
        assert page.url == served.base + COAT
        assert cart_count(page, served.base) == 0

        choose(page, "Oat", "M")
        expect(notice).to_be_hidden()  # the question is answered
        expect(button).to_have_text("Add to cart — €239.00")
        button.click()
        expect(notice).to_contain_text(f"Added {PRODUCT} — Oat / M to your cart.")
        assert cart_count(page, served.base) == 1


def test_without_javascript_the_cart_function_asks_for_a_size(served, browser):
    with new_page(browser, PHONE, javascript=False) as page:
        page.goto(served.base + COAT)
        button = page.locator("[data-add-to-cart]")
        # The CSS shows the question until a size is chosen: the text a shopper sees is innerText.
        expect(button).to_have_text("Choose a size", use_inner_text=True)
        with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/fn/cart/add")) as answer:
            button.click()
        assert answer.value.status == 422
        expect(page.locator("main")).to_contain_text("Choose a size, then add it to your cart.")
        assert cart_count(page, served.base) == 0

        page.go_back()
        choose(page, "Camel", "L")
        expect(button).to_have_text("Add to cart", use_inner_text=True)
        button.click()
        page.wait_for_url("**/fn/cart?notice=added&sku=LDN-BWC-CAM-L")
        expect(page.locator(".notice")).to_contain_text(f"Added {PRODUCT} — Camel / L to your cart.")


def test_the_product_page_promises_what_the_settings_give(served, browser):
    """The demo store ships free to Ireland from €75, takes free returns for 30 days, includes VAT."""
    with new_page(browser, DESKTOP) as page:
        page.goto(served.base + COAT)
        perks = [" ".join(text.split()) for text in page.locator(".buy__perks li").all_inner_texts()]
        assert perks == ["Free shipping to Ireland on orders from €75.00", "Free returns within 30 days",
                         "Prices include VAT"], perks
        assert page.locator('link[rel="icon"]').get_attribute("href") == "/favicon.svg"
        assert page.request.get(served.base + "/favicon.svg").ok
        assert not re.search(r"Free standard shipping", page.content())
