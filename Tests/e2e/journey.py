"""The shopper's journey through the demo store in headless Chromium, step by step.

Every step is what a shopper does: click a link or a label, fill a field, press a button. Only the
home page's address is typed. Each step takes a screenshot and checks what the page shows.
"""
import re
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import expect

import store_db
from conftest import shelf

PRODUCT = "Belted Wool Wrap Coat"
PRICE = "€239.00"
CATEGORY = "Women"
EXPRESS = "€9.95"


@dataclass(frozen=True)
class Shopper:
    """Who buys what: the address typed at checkout and the variant chosen on the product page."""
    email: str
    colour: str
    size: str
    sku: str
    name: str = "Ann Murphy"
    street: str = "1 Main Street"
    city: str = "Dublin"
    postal_code: str = "D02 X285"
    country: str = "IE"


@dataclass
class Receipt:
    """What the shopper saw on the way: the cart's and the order page's totals, the order's address."""
    number: str
    cart_total: str
    checkout_total: str
    order_total: str
    order_url: str


class Camera:
    """Full-page screenshots of each step, numbered in the order they were taken."""

    def __init__(self, folder: Path, prefix: str):
        self.folder = folder
        self.prefix = prefix
        self.count = 0
        folder.mkdir(parents=True, exist_ok=True)

    def __call__(self, page, step: str):
        self.count += 1
        page.screenshot(path=self.folder / f"{self.prefix}-{self.count:02d}-{step}.png", full_page=True)


def stock(store: Path, sku: str):
    """(on_hand, reserved, allocated) of one SKU."""
    return store_db.row(store, "SELECT on_hand, reserved, allocated FROM stock WHERE sku = ?", (sku,))


def order_row(store: Path, email: str):
    """The shopper's only order: (status, total in minor units)."""
    rows = store_db.rows(store, "SELECT status, total_minor FROM orders WHERE email = ?", (email,))
    assert len(rows) == 1, f"expected one order for {email}, found {rows}"
    return rows[0]


def merchant_sees(store: Path, number: str, status: str):
    """The merchant's view of the order number the shopper was shown agrees with the page."""
    shown = shelf("orders", "show", number, store=store).stdout
    assert f"Order {number} · {status}" in shown, shown


def text(page, selector: str) -> str:
    return " ".join(page.locator(selector).inner_text().split())


def choose(page, colour: str, size: str) -> str:
    """Clicks the colour's swatch, then the size box in that colour's group; the SKU now chosen."""
    swatch = page.locator(f'input[name="option"][data-primary-value="{colour}"]')
    page.click(f'label[for="{swatch.get_attribute("id")}"]')
    assert swatch.is_checked()
    group = page.locator(f'fieldset[data-group="{colour}"]')
    group.locator("label.picker__choice", has_text=re.compile(rf"^\s*{re.escape(size)}\b")).click()
    chosen = group.locator('input[name="sku"]:checked')
    expect(chosen).to_have_count(1)
    return chosen.get_attribute("value")


def to_the_product(page, base: str, camera: Camera):
    """Home page → a category tile → the product's card."""
    page.goto(base + "/")
    expect(page).to_have_title(re.compile("Evergreen"))
    expect(page.locator("h1")).to_have_text("Better clothing for the planet")
    camera(page, "home")

    page.locator(".tile__title a", has_text=CATEGORY).click()
    page.wait_for_url("**/women/**")
    expect(page.locator("h1")).to_have_text(CATEGORY)
    card = page.locator("article.card", has=page.locator(".card__title", has_text=PRODUCT))
    expect(card.locator(".price__current")).to_have_text(PRICE)
    camera(page, "category")

    card.locator(".card__title a").click()
    expect(page.locator("h1.product__title")).to_have_text(PRODUCT)
    expect(page).to_have_title(re.compile(PRODUCT))
    expect(page.locator("[data-price]")).to_have_text(PRICE)


def add_to_cart(page, shopper: Shopper, camera: Camera, javascript: bool):
    """Chooses the variant, adds it and opens the cart page."""
    assert choose(page, shopper.colour, shopper.size) == shopper.sku
    camera(page, "product")
    page.click("[data-add-to-cart]")
    added = f"Added {PRODUCT} — {shopper.colour} / {shopper.size} to your cart."
    if javascript:
        # The script adds without leaving the page, then the header's cart link leads on.
        expect(page.locator("[data-cart-notice]")).to_contain_text(added)
        expect(page.locator("header [data-cart-count]")).to_have_text("1")
        page.click("header a.site-header__cart")
        page.wait_for_url("**/fn/cart")
    else:
        page.wait_for_url(f"**/fn/cart?notice=added&sku={shopper.sku}")
        expect(page.locator(".notice")).to_contain_text(added)
    expect(page.locator("h1")).to_have_text("Your cart")


def check_cart(page, shopper: Shopper, camera: Camera) -> str:
    """The cart shows one line of the chosen variant; its total, as shown."""
    lines = page.locator("li.cart-line")
    expect(lines).to_have_count(1)
    line = lines.first
    expect(line.locator(".cart-line__title")).to_have_text(PRODUCT)
    options = " ".join(line.locator(".cart-line__options").inner_text().split())
    assert f"Colour: {shopper.colour}" in options and f"Size: {shopper.size}" in options, options
    expect(line.locator(".cart-line__unit")).to_contain_text(PRICE)
    expect(line.locator("input[name=quantity]")).to_have_value("1")
    expect(line.locator(".cart-line__total")).to_contain_text(PRICE)
    expect(page.locator("[data-cart-subtotal]")).to_have_text(PRICE)
    expect(page.locator("[data-cart-total]")).to_have_text(PRICE)
    camera(page, "cart")
    return text(page, "[data-cart-total]")


def check_out(page, shopper: Shopper, camera: Camera) -> str:
    """Address, then express shipping, up to the payment step; the total the summary shows."""
    page.click("a:has-text('Continue to checkout')")
    page.wait_for_url("**/fn/checkout")
    expect(page.locator("[aria-current=step]")).to_contain_text("Address")
    summary = page.locator("aside.checkout__summary")
    expect(summary.locator(".summary-line__title")).to_have_text(PRODUCT)
    expect(summary.locator(".summary-line__options")).to_contain_text(f"Colour: {shopper.colour}")
    expect(summary.locator(".summary-line__options")).to_contain_text(f"Size: {shopper.size}")
    form = page.locator(".checkout__main form")  # the footer has its own Email field, for the newsletter
    form.get_by_label("Email", exact=True).fill(shopper.email)
    form.get_by_label("Full name").fill(shopper.name)
    form.get_by_label("Address", exact=True).fill(shopper.street)
    form.get_by_label("City").fill(shopper.city)
    form.get_by_label("Postal code").fill(shopper.postal_code)
    form.get_by_label("Country").select_option(shopper.country)
    camera(page, "address")
    form.locator("button", has_text="Continue to shipping").click()

    page.wait_for_url("**/fn/checkout/shipping")
    expect(page.locator("legend")).to_contain_text("Shipping to")
    express = page.locator("label.choice", has_text="Express")
    expect(express.locator(".choice__price")).to_have_text(EXPRESS)
    express.click()
    expect(page.locator("#shipping-express")).to_be_checked()
    camera(page, "shipping")
    page.click("button:has-text('Continue to payment')")

    page.wait_for_url("**/fn/checkout/payment")
    expect(page.locator("dl.review")).to_contain_text(shopper.email)
    expect(page.locator("dl.review")).to_contain_text("Express")
    expect(page.locator("[data-summary-subtotal]")).to_have_text(PRICE)
    expect(page.locator("[data-summary-shipping]")).to_have_text(EXPRESS)
    total = text(page, "[data-summary-total]")
    assert total == "€248.95", total  # €239.00 + €9.95 express; the prices include VAT
    camera(page, "payment")
    return total


def to_the_test_provider(page, total: str, camera: Camera) -> str:
    """Presses the pay button and lands on the test provider's page; the order number it names."""
    page.locator("form button[type=submit]", has_text=total).click()
    page.wait_for_url("**/fn/checkout/test-pay?s=*")
    expect(page.locator(".test-payment__banner")).to_contain_text("TEST MODE")
    expect(page.locator("h1")).to_have_text(f"Pay {total}")
    number = re.search(r"Order (\d+)", page.locator("main").inner_text()).group(1)
    camera(page, "test-provider")
    return number


def pay(page, card: str, total: str):
    """Fills the test provider's card form and submits it; the HTTP status of the answer."""
    page.get_by_label("Cardholder name").fill("Ann Murphy")
    page.get_by_label("Card number").fill(card)
    page.get_by_label("Expiry (MM/YY)").fill("12/30")
    page.get_by_label("CVC").fill("123")
    with page.expect_response(lambda r: r.request.method == "POST" and "/fn/checkout/test-pay" in r.url) as answer:
        page.click(f"button:has-text('Pay {total}')")
    page.wait_for_load_state()
    return answer.value.status


def buy(page, base: str, store: Path, shopper: Shopper, camera: Camera, javascript: bool = True) -> Receipt:
    """The whole journey, paid with the test card that succeeds; what the shopper was shown."""
    before = stock(store, shopper.sku)
    to_the_product(page, base, camera)
    add_to_cart(page, shopper, camera, javascript)
    cart_total = check_cart(page, shopper, camera)
    checkout_total = check_out(page, shopper, camera)
    number = to_the_test_provider(page, checkout_total, camera)
    assert pay(page, "4242 4242 4242 4242", checkout_total) == 303  # to the order page

    page.wait_for_url("**/fn/checkout/order?*")
    expect(page.locator(".order__eyebrow")).to_have_text("Thank you!")
    expect(page.locator("h1")).to_have_text(f"Order {number}")
    expect(page.locator(".order__status")).to_have_text(re.compile(r"^Paid\b"))
    row = page.locator("table.order__lines tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(PRODUCT)
    expect(row).to_contain_text(shopper.colour)
    expect(row).to_contain_text(shopper.size)
    order_total = text(page, "[data-order-total]")
    expect(page.locator("table.order__lines tfoot")).to_contain_text(EXPRESS)
    expect(page.locator(".order__address")).to_contain_text(shopper.email)
    camera(page, "order")

    assert cart_total == PRICE and order_total == checkout_total, (cart_total, checkout_total, order_total)
    status, total_minor = order_row(store, shopper.email)
    assert status == "paid" and total_minor == 24895
    merchant_sees(store, number, "paid")
    on_hand, reserved, allocated = stock(store, shopper.sku)
    assert (on_hand, reserved, allocated) == (before[0], before[1], before[2] + 1)
    return Receipt(number, cart_total, checkout_total, order_total, page.url)
