"""`shelf build --changed FILE` / `--changed-only` through the real binary: the told build renders
the named edit and the stock change on the fast path, an unnamed edit waits for the next plain
build, and naming a file that is not a product file builds the ordinary way."""
from conftest import shelf, tree_digest


def test_a_told_build_renders_what_it_was_told_and_a_plain_build_the_rest(fixture_store):
    tee = fixture_store / "content/products/organic-tee.md"
    tee.write_text(tee.read_text().replace("- Made in Portugal", "- Made in Porto, Portugal"))
    beanie = fixture_store / "content/products/wool-beanie.md"
    beanie.write_text(beanie.read_text().replace("recycled wool.", "recycled wool, knitted in Galway."))
    told = shelf("build", "--changed", str(tee), store=fixture_store)
    assert "product pages only" in told.stdout + told.stderr
    assert "Porto" in (fixture_store / "site/products/organic-tee/index.html").read_text()
    assert "Galway" not in (fixture_store / "site/products/wool-beanie/index.html").read_text()
    shelf("stock", "set", "TEE-FOR-L", "1", store=fixture_store)
    stock = shelf("build", "--changed-only", store=fixture_store)
    assert "product pages only" in stock.stdout + stock.stderr
    assert "Only 1 left" in (fixture_store / "site/products/organic-tee/index.html").read_text()
    shelf("build", "--quiet", store=fixture_store)
    assert "Galway" in (fixture_store / "site/products/wool-beanie/index.html").read_text()
    built = tree_digest(fixture_store / "site")
    shelf("build", "--full", "--quiet", store=fixture_store)
    assert tree_digest(fixture_store / "site") == built


def test_naming_the_settings_builds_the_ordinary_way(fixture_store):
    settings = fixture_store / "shelf.toml"
    settings.write_text(settings.read_text() + "\n# changed\n")
    summary = shelf("build", "--changed", str(settings), store=fixture_store)
    assert "product pages only" not in summary.stdout + summary.stderr
    assert "incremental" in summary.stdout + summary.stderr
