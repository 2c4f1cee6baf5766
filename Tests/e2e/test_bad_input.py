"""Bad content never breaks the site: a clear `file:line: message`, a non-zero exit, and the previous
site/ and database left exactly as they were."""
import os
import re

import pytest

import store_db
from conftest import shelf, tree_digest


def replace(path, old, new):
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def tee(store):
    return store / "content" / "products" / "organic-tee.md"


# Each case: (name, how to break the fixture store, the file:line the message must start with, words it must contain)
CASES = [
    ("non_utf8", lambda s: (s / "content/pages/about.md").write_bytes(b"---\ntitle: About\n---\nCaf\xe9\n"),
     "content/pages/about.md:4", "not UTF-8"),
    ("unreadable", lambda s: os.symlink(s / "nowhere.md", s / "content/pages/gone.md"),
     "content/pages/gone.md", "cannot be read"),
    ("broken_yaml", lambda s: replace(tee(s), "tags: [organic, basics]", "tags: [organic, basics"),
     "content/products/organic-tee.md:", "YAML"),
    ("missing_title", lambda s: replace(tee(s), "title: Organic Tee\n", ""),
     "content/products/organic-tee.md:2", "no title"),
    ("missing_price", lambda s: replace(tee(s), 'price: "29.00"\n', ""),
     "content/products/organic-tee.md:", "has no price"),
    ("negative_price", lambda s: replace(tee(s), 'price: "29.00"', "price: -29"),
     "content/products/organic-tee.md:8", "negative"),
    ("non_numeric_price", lambda s: replace(tee(s), 'price: "29.00"', "price: cheap"),
     "content/products/organic-tee.md:8", "not a number"),
    ("duplicate_handle", lambda s: replace(s / "content/products/wool-beanie.md", "title: Wool Beanie", "title: Wool Beanie\nhandle: organic-tee"),
     "content/products/", "already used by"),
    ("duplicate_sku", lambda s: replace(s / "content/products/wool-beanie.md", "sku: BEANIE-ONE", "sku: TEE-SAN-M"),
     "content/products/", "SKU TEE-SAN-M is already used by"),
    ("unknown_option_value", lambda s: replace(tee(s), "{sku: TEE-SAN-M, colour: Sand, size: M}", "{sku: TEE-SAN-M, colour: Navy, size: M}"),
     "content/products/organic-tee.md:25", "not among the product's Colour values"),
    ("unknown_category_in_listing_config", lambda s: replace(s / "shelf.toml", 'featured_categories = ["tops", "knitwear"]', 'featured_categories = ["tops", "hats"]'),
     "shelf.toml:14", '"hats"'),
    ("unknown_product_category", lambda s: replace(tee(s), "categories: [tops]", "categories: [tops, shoes]"),
     "content/products/organic-tee.md:4", "not declared"),
    ("missing_image", lambda s: (s / "static/images/tee-sand.svg").unlink(),
     "content/products/organic-tee.md:28", "does not exist"),
    ("mustache_syntax_error", lambda s: (s / "templates").mkdir() or (s / "templates/page.mustache").write_text("<h1>{{doc.title}}</h1>\n{{#doc}}\n<p>never closed</p>\n"),
     "templates/page.mustache:", "syntax error"),
    ("missing_partial", lambda s: (s / "templates").mkdir() or (s / "templates/page.mustache").write_text("<h1>{{doc.title}}</h1>\n\n{{> partials/sidebar}}\n"),
     "templates/page.mustache:3", "partials/sidebar"),
    ("unknown_currency", lambda s: replace(s / "shelf.toml", 'currency = "EUR"', 'currency = "EUX"'),
     "shelf.toml:5", "not an ISO 4217 currency"),
]


@pytest.mark.parametrize("name,breaks,location,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_and_changes_nothing(fixture_store, name, breaks, location, words):
    site_before = tree_digest(fixture_store / "site")
    database_before = store_db.state_digest(fixture_store)
    breaks(fixture_store)
    result = shelf("build", store=fixture_store, check=False)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if location in line]
    assert lines, f"no line naming {location} in:\n{result.stderr}"
    assert any(words in line for line in lines), result.stderr
    if location.endswith(":"):
        assert any(re.search(re.escape(location) + r"\d+: ", line) for line in lines), result.stderr
    assert tree_digest(fixture_store / "site") == site_before
    assert store_db.state_digest(fixture_store) == database_before
    check = shelf("check", store=fixture_store, check=False)
    assert check.returncode != 0 and location in check.stderr
