"""The cart with a campaign's discount line, and a product page with the announcement bar and a
sale price, pass axe-core and fit a phone (390 px) and a desktop (1366 px)."""
import pytest
from playwright.sync_api import expect

from conftest import copy_built_store, shelf
from journey import choose
from test_phone_and_axe import DESKTOP, PHONE, axe_violations, new_page, sideways
from test_serve import start_serve

COAT = "/products/belted-wool-wrap-coat/"


@pytest.fixture(scope="module")
def served(demo_store, tmp_path_factory):
    store = tmp_path_factory.mktemp("campaign-axe") / "store"
    copy_built_store(demo_store, store)
    (store / "data" / "secrets.toml").unlink(missing_ok=True)
    shelf("secrets", "init", store=store)
    (store / "content" / "campaigns" / "coats.md").write_text(
        "---\ntitle: Coat Week\nbanner: Coat week — 10% off the wrap coat\nstarts: 2026-12-01\nends: 2099-01-01\n"
        "discount:\n  percent: 10\n  products: [belted-wool-wrap-coat]\n---\nCoats.\n")
    shelf("build", "--quiet", store=store)
    process, base = start_serve(store, "--no-watch")
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_announcement_sale_price_and_discount_line_pass_axe(served, browser, viewport):
    with new_page(browser, viewport) as page:
        page.goto(served + COAT)
        expect(page.locator("aside.announcement a")).to_have_text("Coat week — 10% off the wrap coat")
        expect(page.locator("[data-sale-badge]").first).to_be_visible()
        expect(page.locator("s[data-compare-at]")).to_contain_text("Was €239.00")
        assert axe_violations(page) == []
        assert sideways(page) is None
        choose(page, "Camel", "XS")
        page.click("[data-add-to-cart]")
        expect(page.locator("header [data-cart-count]")).to_have_text("1")
        page.goto(served + "/fn/cart")
        expect(page.locator("[data-cart-discount]")).to_have_text("−€23.90")
        expect(page.locator("[data-cart-total]")).to_have_text("€215.10")
        expect(page.locator(".summary__row", has_text="Discount (Coat Week)")).to_have_count(1)
        assert axe_violations(page) == []
        assert sideways(page) is None


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_without_javascript_the_sale_price_and_discount_line_show_and_fit(served, browser, viewport):
    with new_page(browser, viewport, javascript=False) as page:
        page.goto(served + COAT)
        expect(page.locator("aside.announcement a")).to_have_text("Coat week — 10% off the wrap coat")
        expect(page.locator("s[data-compare-at]")).to_contain_text("Was €239.00")
        assert sideways(page) is None
        choose(page, "Camel", "XS")
        page.click("[data-add-to-cart]")
        page.goto(served + "/fn/cart")
        expect(page.locator("[data-cart-discount]")).to_have_text("−€23.90")
        expect(page.locator("[data-cart-total]")).to_have_text("€215.10")
        assert sideways(page) is None
