"""Whole-page golden files for one product page and one listing of the fixture store.

Re-record after an intended change with `SHELF_RECORD_GOLDEN=1 make e2e` and review the diff."""
import os
import re
from pathlib import Path

import pytest

from conftest import shelf

GOLDEN = Path(__file__).parent / "golden"


def normalise(html: str) -> str:
    # Asset fingerprints change with every CSS or JS edit; the page around them is what matters here.
    return re.sub(r"/assets/([a-z-]+)\.[0-9a-f]{10}\.(css|js)", r"/assets/\1.FINGERPRINT.\2", html)


@pytest.mark.parametrize("page,golden", [
    ("products/organic-tee/index.html", "product-organic-tee.html"),
    ("shop/tops/index.html", "listing-tops.html"),
])
def test_page_matches_its_golden_file(fixture_store, page, golden, monkeypatch):
    # Pages show the campaigns running when they are built: build for a fixed moment, inside the
    # fixture's winter campaign (2026-12-01), so the files stay the same whatever the date.
    monkeypatch.setenv("SHELF_NOW", "1796083200")
    shelf("build", "--quiet", store=fixture_store)
    html = normalise((fixture_store / "site" / page).read_text())
    path = GOLDEN / golden
    if os.environ.get("SHELF_RECORD_GOLDEN") == "1":
        path.write_text(html)
    assert path.exists(), f"no golden file {path}; record it with SHELF_RECORD_GOLDEN=1"
    assert html == path.read_text()
