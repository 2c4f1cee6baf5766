"""The search function as shoppers reach it: the real `search` binary run by lighttpd as a FastCGI
responder (the configuration `shelf server-config lighttpd --fastcgi` prints), on the demo store
built by `shelf build`, once on SQLite and once on PostgreSQL.

- Words find the products whose text has them; colour, size and price choices combine and agree
  with the product files and the stock; typos are corrected or suggested.
- Bad input gets a 4xx or a normal page, never a 5xx or the engine's words.
- In Chromium without JavaScript, the header's search box and the facet form work at 390 px and
  1366 px, with no sideways scroll and no axe-core violation.
"""
import json
import urllib.parse
import uuid
from decimal import Decimal
from pathlib import Path

import pytest

import store_db
import yaml

from conftest import REPO, shelf
from servers.browser import Browser
from servers.launch import Server, serve
from test_phone_and_axe import DESKTOP, PHONE, axe_violations, new_page, sideways
from test_openapi import errors, response_schema
from test_postgres import cluster, psql  # noqa: F401

LIGHTTPD_FASTCGI = Server("lighttpd", True, "lighttpd", "lighttpd")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request):
    """The demo store behind lighttpd with FastCGI functions, its database on either engine."""
    if request.param == "sqlite":
        with serve(LIGHTTPD_FASTCGI) as site:
            yield site
        return
    if store_db.ON_POSTGRESQL:
        pytest.skip("this pass runs every store on PostgreSQL already: the sqlite-named run is the PostgreSQL one")
    server = request.getfixturevalue("cluster")
    # The functions run as the web server's user: let it reach the cluster's socket (not its files).
    socket_folder = Path(urllib.parse.parse_qs(urllib.parse.urlsplit(server).query)["host"][0])
    socket_folder.chmod(socket_folder.stat().st_mode | 0o111)
    name = "search_" + uuid.uuid4().hex[:12]
    psql(server, f"CREATE DATABASE {name}")

    def on_postgresql(store):
        with open(store / "shelf.toml", "a") as settings:
            settings.write(f'\n[database]\nurl = "{server.replace("/postgres?", f"/{name}?")}"\n')
        shelf("build", "--quiet", store=store)
        shelf("stock", "import", str(store / "demo" / "stock.csv"), store=store)
        shelf("build", "--quiet", store=store)

    try:
        with serve(LIGHTTPD_FASTCGI, prepare=on_postgresql) as site:
            yield site
    finally:
        psql(server, f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(autouse=True)
def server_logs(site):
    """Prints what lighttpd and the functions logged during the test; pytest shows it when the test fails."""
    sizes = site.log_sizes()
    yield
    print(site.logs_since(sizes))


def catalogue():
    """The demo products as their files describe them: title, and each variant's options, price and stock."""
    stock = {}
    for line in (REPO / "demo" / "stock.csv").read_text().splitlines()[1:]:
        sku, quantity = line.split(",")
        stock[sku] = int(quantity)
    products = {}
    for path in sorted((REPO / "content" / "products").glob("*.md")):
        front = yaml.safe_load(path.read_text().split("---")[1])
        if front.get("published", True) is False:
            continue
        variants = []
        for variant in front["variants"]:
            price = Decimal(str(variant.get("price", front.get("price"))))
            compare_at = Decimal(str(variant.get("compare_at", front.get("compare_at", 0))))
            variants.append({**variant, "price": price, "on_sale": compare_at > price, "stock": stock.get(variant["sku"], 0)})
        products[path.stem] = {"title": front["title"], "variants": variants}
    return products


def search(site, query):
    """The JSON of a search, checked against docs/openapi.yaml."""
    answer = Browser(site.base).get("/fn/search.json?" + query)
    assert answer.status == 200, answer.text
    results = json.loads(answer.body)
    assert errors(results, response_schema("/fn/search.json", "get", 200)) == []
    return results


def every_page(site, query):
    """The handles of every page of a search."""
    first = search(site, query)
    handles = [p["handle"] for p in first["products"]]
    for page in range(2, first["pages"] + 1):
        handles += [p["handle"] for p in search(site, f"{query}&page={page}")["products"]]
    return first, handles


def test_a_word_finds_every_product_titled_with_it_titles_first(site):
    titled = {handle for handle, product in catalogue().items() if "wool" in product["title"].lower().split()}
    assert titled, "the demo store has wool products"
    results, handles = every_page(site, "q=Wool")
    assert titled <= set(handles)
    assert set(handles[:len(titled)]) == titled, "products titled with the word rank above the others"
    assert results["total"] == len(handles)


def test_an_empty_query_lists_every_product(site):
    results, handles = every_page(site, "q=")
    assert sorted(handles) == sorted(catalogue())
    assert results["pages"] == -(-len(handles) // 24)
    assert {f["name"] for f in results["facets"]} >= {"category", "colour", "size"}


def test_colour_size_price_and_stock_combine_as_the_files_and_stock_say(site):
    query = "colour=navy&colour=Charcoal&size=M&max=150&stock=1"
    results, handles = every_page(site, query)
    expected = {
        handle for handle, product in catalogue().items()
        if any(v.get("colour") in ("Navy", "Charcoal") and v.get("size") == "M" and v["price"] <= 150 and v["stock"] > 0
               for v in product["variants"])
    }
    assert expected, "the demo store has such products"
    assert set(handles) == expected
    colours = next(f for f in results["facets"] if f["name"] == "colour")
    assert {v["value"] for v in colours["values"] if v["selected"]} == {"Navy", "Charcoal"}
    # The facet counts its own values under the other choices: Navy's count is what colour=Navy alone finds.
    navy = next(v for v in colours["values"] if v["value"] == "Navy")
    assert navy["count"] == search(site, "colour=Navy&size=M&max=150&stock=1")["total"]


def test_on_sale_finds_and_counts_the_products_the_files_reduce(site):
    expected = {handle for handle, product in catalogue().items() if any(v["on_sale"] for v in product["variants"])}
    assert expected, "the demo store has products on sale"
    everything = search(site, "q=")
    assert everything["on_sale"] == len(expected)
    results, handles = every_page(site, "sale=1")
    assert set(handles) == expected and results["total"] == len(expected)
    assert all(p["compare_at"] for p in results["products"])
    in_stock = {h for h in expected if any(v["on_sale"] and v["stock"] > 0 for v in catalogue()[h]["variants"])}
    assert search(site, "sale=1&stock=1")["total"] == len(in_stock)


def test_price_ranges_count_what_their_links_find(site):
    ranges = search(site, "q=")["price_ranges"]
    assert len(ranges) >= 2 and ranges[0]["min"] is None and ranges[-1]["max"] is None
    products = catalogue()
    for price_range in ranges:
        low = Decimal(price_range["min"] or 0)
        high = Decimal(price_range["max"]) if price_range["max"] else Decimal("Infinity")
        expected = {h for h, p in products.items() if any(low <= v["price"] <= high for v in p["variants"])}
        assert price_range["count"] == len(expected), price_range["label"]
        query = urllib.parse.urlsplit(price_range["url"]).query
        results, handles = every_page(site, query)
        assert set(handles) == expected
        chosen = next(r for r in results["price_ranges"] if r["label"] == price_range["label"])
        assert chosen["selected"] and urllib.parse.urlsplit(chosen["url"]).query == ""


def test_the_page_offers_on_sale_and_price_ranges_without_javascript(site):
    results = search(site, "q=")
    page = Browser(site.base).get("/fn/search").text
    assert 'name="sale" value="1"' in page
    assert f'On sale <span class="search-facet__count"><span class="visually-hidden">(</span>{results["on_sale"]}<' in page
    for price_range in results["price_ranges"]:
        link = price_range["url"].replace("&", "&amp;")
        assert f'<a href="{link}">{price_range["label"]} <span class="search-facet__count">' in page


def test_a_typo_is_corrected_and_a_short_one_suggested(site):
    corrected = search(site, "q=cardigna")
    assert corrected["corrections"] == [{"word": "cardigna", "spellings": ["cardigan"]}]
    assert corrected["products"] and all("Cardigan" in p["title"] for p in corrected["products"][:2])
    suggested = search(site, "q=wol+coat")
    assert suggested["total"] == 0 and suggested["suggestion"] == "wool coat"


def test_the_results_page_shows_the_listing_cards_and_a_shareable_form(site):
    answer = Browser(site.base).get("/fn/search?q=coat&colour=Camel")
    assert answer.status == 200
    page = answer.text
    assert 'class="card"' in page and 'href="/products/belted-wool-wrap-coat/"' in page
    assert 'name="q" value="coat"' in page
    assert 'name="colour" value="Camel" checked' in page
    home = Browser(site.base).get("/")
    assert 'action="/fn/search"' in home.text, "the header's search box is on now that the function exists"
    missing = Browser(site.base).get("/no-such-page/")
    assert missing.status == 404 and 'class="notfound__search" role="search" method="get" action="/fn/search"' in missing.text


BAD_INPUT = {
    # name: (query string, the statuses that are a clear answer)
    "10 KB query": ("q=" + "wool+" * 2048, (400, 414, 431)),  # the web server may refuse it first
    "1 KB query": ("q=" + "a" * 1024, (400,)),
    "FTS and tsquery syntax": ("q=%22wool%22+NEAR%28coat%29+AND+%5E-red+*+%22+%27%3A*+%26+%7C+%21", (200,)),
    "NUL": ("q=wool%00coat", (400,)),
    "invalid UTF-8": ("q=%FF%FEwool", (400,)),
    "unknown colour and size": ("colour=Purple&size=XXXXL", (200,)),
    "unknown brand and category": ("brand=Nobody&category=nowhere", (200,)),
    "min above max": ("min=100&max=10", (400,)),
    "negative price": ("min=-5", (400,)),
    "huge price": ("max=99999999999999999999", (400,)),
    "too many decimals": ("max=12.345", (400,)),
    "page 9999": ("page=9999", (404,)),
    "page 0": ("page=0", (400,)),
    "page not a number": ("page=two", (400,)),
    "unknown sort": ("sort=random", (400,)),
    "repeated query": ("q=a&q=b", (400,)),
}


@pytest.mark.parametrize("query, statuses", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_gets_a_clear_answer(site, query, statuses):
    for path in ("/fn/search?", "/fn/search.json?"):
        answer = Browser(site.base).get(path + query)
        assert answer.status in statuses, answer.text[:500]
        text = answer.text.lower()
        for word in ("fts5", "tsquery", "syntax error", "sqlite", "postgres", "database error", "from search_"):
            assert word not in text


def test_without_javascript_the_search_box_and_facets_work_on_a_phone_and_a_desktop(site, browser):
    for viewport in (PHONE, DESKTOP):
        visited = []
        with new_page(browser, viewport, javascript=False) as page:
            page.goto(site.base + "/")
            box = page.locator("#site-search-q")
            box.fill("wool")
            box.press("Enter")
            page.wait_for_url("**/fn/search?q=wool")
            assert page.locator("h1").inner_text() == "Results for “wool”"
            assert page.locator(".grid .card").count() > 0
            assert sideways(page) is None
            visited.append(page.url)
            page.locator("fieldset", has_text="Colour").get_by_label("Navy").check()
            page.get_by_role("button", name="Show results").click()
            page.wait_for_url("**/fn/search?*colour=Navy*")
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
            assert query["q"] == ["wool"] and query["colour"] == ["Navy"]
            shown = page.locator(".grid .card").count()
            assert shown == search(site, "q=wool&colour=Navy")["total"] > 0
            assert page.locator("fieldset", has_text="Colour").get_by_label("Navy").is_checked()
            assert sideways(page) is None
            visited.append(page.url)
        # axe-core runs as a script: the same pages again, with JavaScript.
        with new_page(browser, viewport) as page:
            # Also the page of a search that finds nothing, and the 404 page with its search form.
            for url in visited + [site.base + "/fn/search?q=wol+coat", site.base + "/no-such-page/"]:
                page.goto(url)
                assert sideways(page) is None
                assert axe_violations(page) == [], url
