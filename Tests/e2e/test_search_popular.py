"""Popular products when a search finds nothing, through the real `search` function (lighttpd,
FastCGI) on the demo store: the newest products while nothing has sold, then a product bought
and paid through the checkout comes first, in search.json (checked against docs/openapi.yaml)
and on the results page under the "did you mean" suggestion.
"""
import re

import pytest
import yaml

from conftest import REPO
from html_model import parse
from servers.browser import Browser
from servers.launch import Server, serve
from test_checkout import COAT, Shopper, pay_with_test_card
from test_search import search

LIGHTTPD_FASTCGI = Server("lighttpd", True, "lighttpd", "lighttpd")
NOTHING = "q=wol+zzqxv"


@pytest.fixture(scope="module")
def site():
    with serve(LIGHTTPD_FASTCGI) as site:
        yield site


def newest_first():
    """The published demo products, those with stock first, then newest first (by date, then handle)."""
    stock = dict(line.split(",") for line in (REPO / "demo" / "stock.csv").read_text().splitlines()[1:])
    products = []
    for path in (REPO / "content" / "products").glob("*.md"):
        front = yaml.safe_load(path.read_text().split("---")[1])
        if front.get("published", True) is False:
            continue
        buyable = any(int(stock.get(variant["sku"], 0)) > 0 for variant in front["variants"])
        products.append((not buyable, -int(str(front["date"]).replace("-", "")), path.stem))
    return [handle for _, _, handle in sorted(products)]


def popular_on_the_page(site):
    """The products linked from the page's list under "Popular right now", in order, once each."""
    page = Browser(site.base).get("/fn/search?" + NOTHING).text
    assert page.index("Nothing matches this search.") < page.index("Did you mean") < page.index("Popular right now")
    assert "Popular right now</h3>" in page, "the page offers popular products"
    popular = page.split("Popular right now</h3>", 1)[1].split("</section>", 1)[0]
    assert parse(popular).find_all("li"), popular
    return list(dict.fromkeys(re.findall(r'href="/products/([^/"]+)/"', popular)))


def test_while_nothing_has_sold_the_newest_products_are_offered(site):
    results = search(site, NOTHING)
    assert results["total"] == 0 and results["products"] == []
    assert results["suggestion"] == "wool zzqxv"
    assert [product["handle"] for product in results["popular"]] == newest_first()[:4]
    assert popular_on_the_page(site) == newest_first()[:4]


def test_a_product_bought_and_paid_comes_first(site):
    shopper = Shopper(site)
    shopper.fill_cart()
    token = shopper.through_to_payment()
    placed = shopper.submit("/fn/checkout/payment", {"_token": token})
    assert pay_with_test_card(shopper, placed.headers["Location"], "4242 4242 4242 4242").status == 303
    bought = "belted-wool-wrap-coat"
    assert COAT.startswith("LDN-BWC")
    handles = [product["handle"] for product in search(site, NOTHING)["popular"]]
    assert handles == [bought] + [handle for handle in newest_first() if handle != bought][:3]
    assert popular_on_the_page(site)[0] == bought


def test_a_search_that_finds_products_offers_none(site):
    results = search(site, "q=wool")
    assert results["total"] > 0 and results["popular"] == []
    assert "Popular right now" not in Browser(site.base).get("/fn/search?q=wool").text
