"""Shared fixtures: the real `shelf` binary and private copies of stores to build."""
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import store_db

REPO = Path(__file__).resolve().parents[2]
SHELF = os.environ.get("SHELF_BIN", str(REPO / ".build" / "debug" / "shelf"))


def shelf(*args, store=None, check=True):
    """Runs the shelf binary; returns the completed process (stdout and stderr as text)."""
    command = [SHELF, *args]
    if store is not None:
        command += ["--store", str(store)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return result


def copy_store(source: Path, target: Path) -> Path:
    """A copy of a store's sources (not yet built), with the default theme and a database of its
    own (see store_db)."""
    shutil.copytree(source, target)
    (target / "themes").mkdir(exist_ok=True)
    if not (target / "themes" / "default").exists():
        shutil.copytree(REPO / "themes" / "default", target / "themes" / "default")
    store_db.use_new_database(target)
    return target


def copy_built_store(source: Path, target: Path) -> Path:
    """A copy of a built store, its database and stock included, that changes nothing of the original.
    An old site a full build left to its background removal (`.shelf/staging.retired-…`) is not
    copied: its files vanish while it is read."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.retired-*"))
    store_db.copy_database(source, target)
    return target


def tree_digest(folder: Path) -> str:
    """A digest of every file's path and bytes under a folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def fixture_store(tmp_path):
    """The small fixture store, built once with its stock imported."""
    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    shelf("build", "--quiet", store=store)
    shelf("stock", "import", str(store / "stock.csv"), store=store)
    shelf("build", "--quiet", store=store)
    return store


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    """The repository's demo store, built the way `make demo` does it."""
    store = tmp_path_factory.mktemp("demo") / "store"
    store.mkdir()
    for name in ["shelf.toml", "content", "static", "themes", "demo"]:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, store / name)
        else:
            shutil.copy(source, store / name)
    store_db.use_new_database(store)
    shelf("build", "--quiet", store=store)
    shelf("stock", "import", str(store / "demo" / "stock.csv"), store=store)
    shelf("build", "--quiet", store=store)
    return store


@pytest.fixture(scope="session", autouse=True)
def store_databases():
    """On PostgreSQL, the stores' databases are dropped once the session is over."""
    yield
    store_db.drop_databases()


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium through Playwright, one per test module."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        yield chromium
        chromium.close()
