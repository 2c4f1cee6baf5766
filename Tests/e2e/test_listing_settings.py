"""The demo store built by the real binary with `sort_pages = []` and `filter_pages = []`: no sort or
filter pages, yet every link resolves and the sitemap lists exactly the pages built."""
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

import store_db
from conftest import REPO, shelf, tree_digest
from html_model import parse
from test_demo_site import broken_links

LEAN = "[catalogue]\nsort_pages = []\nfilter_pages = []\n"


def sitemap_matches_pages(site: Path) -> bool:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    listed = {loc.text[len("https://shop.example.com"):] for loc in root.findall("s:url/s:loc", namespace)}
    built = {("/" + str(f.relative_to(site).parent) + "/").replace("/./", "/") for f in site.rglob("index.html")}
    return listed == built


@pytest.fixture
def lean_store(tmp_path):
    """The demo store with no sort and no filter pages, built with its stock."""
    store = tmp_path / "store"
    store.mkdir()
    for name in ["content", "static", "themes", "demo"]:
        shutil.copytree(REPO / name, store / name)
    settings = (REPO / "shelf.toml").read_text()
    assert "[catalogue]\n" in settings
    (store / "shelf.toml").write_text(settings.replace("[catalogue]\n", LEAN, 1))
    store_db.use_new_database(store)
    shelf("build", "--quiet", store=store)
    shelf("stock", "import", str(store / "demo" / "stock.csv"), store=store)
    shelf("build", "--quiet", store=store)
    return store


def test_a_store_without_sort_or_filter_pages_links_only_to_pages_it_has(lean_store):
    site = lean_store / "site"
    shop = site / "shop"
    assert (shop / "page" / "2" / "index.html").exists()
    assert not (shop / "price-low-high").exists() and not (shop / "price-high-low").exists()
    assert list(shop.glob("*/colour")) == [] and list(shop.glob("*/size")) == []
    assert list(shop.glob("*/price-*")) == []
    women = parse((shop / "women" / "index.html").read_text())
    assert women.find("form", action="/fn/search") is not None
    assert women.find("nav", **{"aria-label": "Sort by"}) is None
    assert broken_links(site) == []
    assert sitemap_matches_pages(site)


def test_turning_the_pages_back_on_builds_what_a_full_build_does(lean_store):
    settings = lean_store / "shelf.toml"
    settings.write_text(settings.read_text().replace(LEAN, "[catalogue]\n", 1))
    shelf("build", "--quiet", store=lean_store)
    site = lean_store / "site"
    assert (site / "shop" / "women" / "price-low-high" / "index.html").exists()
    assert list((site / "shop").glob("*/colour/*/index.html")) != []
    assert broken_links(site) == [] and sitemap_matches_pages(site)
    incremental = tree_digest(site)
    shelf("build", "--quiet", "--full", store=lean_store)
    assert tree_digest(site) == incremental
