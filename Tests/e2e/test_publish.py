"""Builds publishing a site: while one publishes, after one was killed publishing, and two at once
(a merchant's `shelf build` while `shelf serve` rebuilds), no page names an asset the site lacks."""
import fcntl
import os
import re
import shutil
import signal
import subprocess
import threading

import pytest

import store_db
from conftest import REPO, SHELF, shelf

ASSET = re.compile(r'(?:href|src)="(/assets/[^"?#]+)"')


@pytest.fixture
def store(tmp_path):
    """A built copy of the demo store."""
    store = tmp_path / "store"
    store.mkdir()
    for name in ["shelf.toml", "content", "static", "themes"]:
        shutil.copytree(REPO / name, store / name) if (REPO / name).is_dir() else shutil.copy(REPO / name, store / name)
    store_db.use_new_database(store)
    shelf("build", "--quiet", store=store)
    return store


def change_stylesheet(store, note):
    css = store / "themes" / "default" / "assets" / "app.css"
    css.write_text(css.read_text() + f"\n/* {note} */\n")


def missing_assets(site):
    """(page, asset) for every asset a page names that is not in the site."""
    missing = []
    for page in site.rglob("*.html"):
        for asset in ASSET.findall(page.read_text()):
            if not (site / asset.lstrip("/")).is_file():
                missing.append((str(page.relative_to(site)), asset))
    return missing


class Reader(threading.Thread):
    """Reads pages the way a browser does, over and over: the page, then the assets it names."""

    def __init__(self, site):
        super().__init__(daemon=True)
        self.site = site
        self.pages = ["index.html", "404.html", "about/index.html", "shop/index.html", "stories/index.html"]
        self.stop = threading.Event()
        self.reads = 0
        self.missing = []

    def run(self):
        while not self.stop.is_set():
            for page in self.pages:
                try:
                    html = (self.site / page).read_text()
                except FileNotFoundError:
                    self.missing.append((page, "the page itself"))
                    continue
                for asset in ASSET.findall(html):
                    if not (self.site / asset.lstrip("/")).is_file():
                        self.missing.append((page, asset))
                self.reads += 1


@pytest.mark.parametrize("full", [False, True], ids=["incremental", "full"])
def test_pages_read_during_builds_find_their_assets(store, full):
    reader = Reader(store / "site")
    reader.start()
    try:
        for round in range(6):
            change_stylesheet(store, f"round {round}")
            shelf("build", "--quiet", *(["--full"] if full else []), store=store)
    finally:
        reader.stop.set()
        reader.join()
    assert reader.reads > 0
    assert reader.missing == []
    assert missing_assets(store / "site") == []


def test_a_build_killed_while_publishing_leaves_no_broken_asset_link(store):
    for round in range(5):
        change_stylesheet(store, f"killed {round}")
        build = subprocess.Popen([SHELF, "build", "--store", str(store)], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        for line in build.stderr:
            if "Publish site" in line:
                os.kill(build.pid, signal.SIGKILL)
                break
        build.wait()
        assert missing_assets(store / "site") == [], f"round {round}"
    shelf("build", "--quiet", store=store)
    assert missing_assets(store / "site") == []
    assert "every internal link resolves" in shelf("check", store=store).stdout


def test_two_builds_at_once_both_succeed_and_leave_a_whole_site(store):
    css = store / "themes" / "default" / "assets" / "app.css"
    for round in range(4):
        # A theme change, so each build renders and publishes every page.
        css.write_text(css.read_text() + f"\n/* round {round} */\n")
        builds = [
            subprocess.Popen([SHELF, "build", "--full", "--store", str(store)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        for build in builds:
            _, errors = build.communicate(timeout=300)
            assert build.returncode == 0, errors
            assert "NSCocoaErrorDomain" not in errors
    site = store / "site"
    assert missing_assets(site) == []
    assert "every internal link resolves" in shelf("check", store=store).stdout


def test_a_second_build_says_it_waits_for_the_first(store):
    # Holding the lock from here is what a running build does; the second build must wait, not fail.
    lock = open(store / ".shelf" / "build.lock", "a+")
    fcntl.flock(lock, fcntl.LOCK_EX)
    build = subprocess.Popen([SHELF, "build", "--store", str(store)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    line = build.stderr.readline()
    assert "Another build of this store is running; waiting for it to finish" in line
    assert build.poll() is None
    fcntl.flock(lock, fcntl.LOCK_UN)
    lock.close()
    _, rest = build.communicate(timeout=300)
    assert build.returncode == 0, rest
