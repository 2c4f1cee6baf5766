"""The demo store, built by the real binary, read back as a shopper's browser and a crawler would."""
import csv
import gzip
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import yaml

from conftest import shelf
from html_model import parse


def front_matter(path: Path) -> dict:
    text = path.read_text()
    return yaml.safe_load(text.split("---\n")[1])


def euros(amount) -> str:
    whole, _, cents = str(amount).partition(".")
    return f"€{int(whole):,}.{(cents + '00')[:2]}"


def products(store: Path):
    for path in sorted((store / "content" / "products").glob("*.md")):
        data = front_matter(path)
        if data.get("published", True):
            yield data.get("handle", path.stem), data


def stock(store: Path) -> dict:
    with open(store / "demo" / "stock.csv") as handle:
        return {row["sku"]: int(row["quantity"]) for row in csv.DictReader(handle)}


def page(store: Path, site_path: str):
    file = store / "site" / site_path.lstrip("/")
    if site_path.endswith("/"):
        file = file / "index.html"
    return parse(file.read_text())


def test_demo_store_is_big_enough(demo_store):
    items = list(products(demo_store))
    assert len(items) >= 30
    assert len({c for _, p in items for c in p["categories"]}) >= 6
    assert len({p["brand"] for _, p in items}) >= 3
    assert sum(1 for _, p in items if any("compare_at" in v for v in p["variants"]) or "compare_at" in p) >= 3
    for page_name in ["about", "faq", "shipping", "returns", "privacy", "terms"]:
        assert (demo_store / "site" / page_name / "index.html").exists()
    assert len(list((demo_store / "site" / "stories").glob("*/index.html"))) >= 2
    assert len(list((demo_store / "site" / "campaigns").glob("*/index.html"))) >= 1


def test_every_product_page_offers_every_variant_with_its_availability(demo_store):
    levels = stock(demo_store)
    sold_out_seen = 0
    for handle, product in products(demo_store):
        document = page(demo_store, f"/products/{handle}/")
        skus = [v["sku"] for v in product["variants"]]
        form = document.find("form", action="/fn/cart/add")
        assert form is not None and form.attrs["method"] == "post", handle
        radios = form.find_all("input", name="sku")
        hidden = [i for i in radios if i.attrs.get("type") == "hidden"]
        if len(skus) == 1 and hidden:
            assert hidden[0].attrs["value"] == skus[0]
        else:
            assert [r.attrs["value"] for r in radios] == skus, handle
            for radio in radios:
                sold_out = levels.get(radio.attrs["value"], 0) == 0
                assert ("disabled" in radio.attrs) == sold_out, (handle, radio.attrs["value"])
                sold_out_seen += sold_out
        quantity = form.find("input", name="quantity")
        assert quantity.attrs["type"] == "number" and quantity.attrs["min"] == "1"
        assert form.find("button", type="submit") is not None
        assert document.find("label", for_=quantity.attrs["id"]) is not None
    assert sold_out_seen >= 8


def test_prices_and_sale_prices_are_formatted_in_euros(demo_store):
    on_sale = 0
    for handle, product in products(demo_store):
        document = page(demo_store, f"/products/{handle}/")
        prices = [(v.get("price", product.get("price")), v.get("compare_at", product.get("compare_at"))) for v in product["variants"]]
        lowest = min(prices, key=lambda p: float(p[0]))
        text = document.find("main").text
        assert euros(lowest[0]) in text, handle
        if lowest[1] and float(lowest[1]) > float(lowest[0]):
            on_sale += 1
            struck = document.find("s")
            assert struck is not None and euros(lowest[1]) in struck.text, handle
    assert on_sale >= 3


def test_json_ld_describes_each_offer(demo_store):
    levels = stock(demo_store)
    for handle, product in products(demo_store):
        document = page(demo_store, f"/products/{handle}/")
        scripts = document.find_all("script", type="application/ld+json")
        assert len(scripts) == 1, handle
        data = json.loads(scripts[0].text)
        assert data["@type"] == "Product" and data["name"] == product["title"]
        assert data["url"] == f"https://shop.example.com/products/{handle}/"
        offers = {offer["sku"]: offer for offer in data["offers"]}
        assert set(offers) == {v["sku"] for v in product["variants"]}
        for variant in product["variants"]:
            offer = offers[variant["sku"]]
            assert offer["priceCurrency"] == "EUR"
            assert re.fullmatch(r"\d+\.\d\d", offer["price"])
            expected = "InStock" if levels.get(variant["sku"], 0) > 0 else "OutOfStock"
            assert offer["availability"] == f"https://schema.org/{expected}"
        metas = {m.attrs.get("property"): m.attrs.get("content") for m in document.find_all("meta") if m.attrs.get("property")}
        names = {m.attrs.get("name"): m.attrs.get("content") for m in document.find_all("meta") if m.attrs.get("name")}
        assert metas["og:type"] == "product" and metas["og:title"]
        # Link previews show raster images only: og:image names the first one, else there is none.
        raster = [image["src"] for image in product.get("images", [])
                  if image["src"].rsplit(".", 1)[-1].lower() in ("png", "jpg", "jpeg", "webp", "gif", "avif")]
        if raster:
            assert metas["og:image"] == "https://shop.example.com" + raster[0], handle
            assert names["twitter:card"] == "summary_large_image", handle
        else:
            assert "og:image" not in metas and names["twitter:card"] == "summary", handle


def internal_links(document):
    for element in document.iter():
        for attribute in ("href", "src", "action"):
            value = element.attrs.get(attribute)
            if value and value.startswith("/") and not value.startswith("//"):
                yield value


def broken_links(site):
    """(page, link) for every internal link of a built site's pages to a file it lacks; the
    functions' /fn/ addresses are checked elsewhere."""
    broken = []
    for file in site.rglob("*.html"):
        for link in internal_links(parse(file.read_text())):
            path = link.split("#")[0].split("?")[0]
            if path.startswith("/fn/"):
                continue
            target = site / path.lstrip("/")
            if path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append((str(file.relative_to(site)), link))
    return broken


def test_every_internal_link_resolves(demo_store):
    assert broken_links(demo_store / "site") == []


def test_no_page_has_a_form_for_a_function_the_store_does_not_have(demo_store):
    # The functions the store has: the executables the build placed next to `shelf`, and that the
    # server configurations map (`shelf server-config` lists each under /fn/).
    config = shelf("server-config", "nginx", "--listen", "127.0.0.1:8080", store=demo_store).stdout
    functions = set(re.findall(r"location ~ \^/fn/([a-z]+)\(", config))
    assert functions == {"cart", "checkout", "account", "search", "subscribe", "beacon", "reviews", "wishlist"}
    site = demo_store / "site"
    wrong = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    for file in pages:
        for form in parse(file.read_text()).find_all("form"):
            action = form.attrs.get("action") or ""
            if action.startswith("/fn/") and re.match(r"/fn/([a-z]+)", action).group(1) not in functions:
                wrong.append((str(file.relative_to(site)), action))
    assert wrong == []


def test_sitemap_lists_every_page_and_only_pages_that_exist(demo_store):
    site = demo_store / "site"
    tree = ElementTree.parse(site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text for loc in tree.getroot().findall("s:url/s:loc", namespace)]
    assert urls and all(u.startswith("https://shop.example.com/") for u in urls)
    paths = {u[len("https://shop.example.com"):] for u in urls}
    built = {"/" + str(f.relative_to(site).parent) + "/" for f in site.rglob("index.html")}
    built = {p.replace("/./", "/") for p in built}
    assert paths == built


def test_feed_robots_and_compressed_copies(demo_store):
    site = demo_store / "site"
    feed = ElementTree.parse(site / "feed.xml").getroot()
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert 0 < len(entries) <= 20
    assert "Sitemap: https://shop.example.com/sitemap.xml" in (site / "robots.txt").read_text()
    for name in ["index.html", "feed.xml", "sitemap.xml"]:
        assert gzip.decompress((site / (name + ".gz")).read_bytes()) == (site / name).read_bytes()
    css = list((site / "assets").glob("app.*.css"))
    assert len(css) == 1 and re.fullmatch(r"app\.[0-9a-f]{10}\.css", css[0].name)
    assert gzip.decompress(Path(str(css[0]) + ".gz").read_bytes()) == css[0].read_bytes()


def test_listings_paginate_sort_and_filter(demo_store):
    site = demo_store / "site"
    shop = page(demo_store, "/shop/")
    assert shop.find("a", href="/shop/price-low-high/") is not None
    assert (site / "shop" / "page" / "2" / "index.html").exists()
    def card_prices(path):
        document = page(demo_store, path)
        spans = [e for e in document.iter() if e.tag == "span" and "price__current" in e.classes() and e.parent.parent and "card__body" in e.parent.parent.classes()]
        return [float(re.sub(r"[^\d.]", "", s.text.replace(",", ""))) for s in spans]
    low = card_prices("/shop/price-low-high/")
    high = card_prices("/shop/price-high-low/")
    assert low == sorted(low) and high == sorted(high, reverse=True) and len(low) > 1
    assert page(demo_store, "/shop/price-low-high/").find("link", rel="next") is not None
    categories = [f.name for f in (site / "shop").iterdir() if f.is_dir() and f.name not in {"page", "price-low-high", "price-high-low"}]
    assert len(categories) >= 6
    filters = list((site / "shop").glob("*/colour/*/index.html")) + list((site / "shop").glob("*/size/*/index.html"))
    assert len(filters) >= 12
