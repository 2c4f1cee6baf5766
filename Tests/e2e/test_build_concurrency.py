"""Two builds of one store at once: a merchant's `shelf build` while `shelf serve` rebuilds."""
import re
import subprocess

import shutil

import pytest

from conftest import REPO, SHELF, shelf


@pytest.fixture
def store(tmp_path):
    """A built copy of the demo store: big enough that two builds overlap."""
    store = tmp_path / "store"
    store.mkdir()
    for name in ["shelf.toml", "content", "static", "themes"]:
        shutil.copytree(REPO / name, store / name) if (REPO / name).is_dir() else shutil.copy(REPO / name, store / name)
    shelf("build", "--quiet", store=store)
    return store


def assets_named_by_pages(site):
    """Every /assets/ path any built page names."""
    named = set()
    for page in site.rglob("*.html"):
        named.update(re.findall(r'(?:href|src)="(/assets/[^"?#]+)"', page.read_text()))
    return named


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
    named = assets_named_by_pages(site)
    assert named and all((site / path.lstrip("/")).is_file() for path in named)
    assert "every internal link resolves" in shelf("check", store=store).stdout


def test_a_second_build_says_it_waits_for_the_first(store):
    # Holding the lock from here is what a running build does; the second build must wait, not fail.
    import fcntl
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
