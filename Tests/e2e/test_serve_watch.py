"""`shelf serve` learns what changed from inotify and tells the build: an edit of a product file,
in place or by an editor's temporary file renamed over it, is a build that looks at that file
alone; a new or deleted product, a template and a new folder of static files build the ordinary
way; the pages come out as a full build makes them. `--poll` watches by polling and tells the
build too. A stock change is heard as it is committed (inotify on the SQLite database's folder),
not found by a poll: the tests make the poll an hour long (`SHELF_SERVE_STOCK_POLL`)."""
import os
import re
import urllib.error
import urllib.request

from conftest import REPO, copy_store, shelf, tree_digest
from store_db import sqlite_only
from test_serve import NoRedirect, get, start_serve, stop_serve, wait_for

TOLD_ONE = re.compile(r"product pages only, 1 of \d+ product files looked at")


class Log:
    """The server's output, read from where the last change was made."""

    def __init__(self, path):
        self.path = path
        self.mark = 0

    def change(self, make):
        """Makes a change; the next `build()` is the first build after it."""
        self.mark = len(self.path.read_text())
        make()

    def build(self):
        """The summary line of the first build after the last change."""
        def built():
            lines = [line for line in self.path.read_text()[self.mark:].splitlines() if line.startswith("Built ")]
            return lines[0] if lines else None
        return wait_for(built, "a build after the change")


def page_shows(base, path, text):
    return lambda: text in get(base + path)[2]


def edit_in_place(path, old, new):
    path.write_text(path.read_text().replace(old, new))


def edit_by_rename(path, old, new):
    """Saves as editors and `sed -i` do: a temporary file beside it, renamed over it."""
    temporary = path.with_name("sedTmp1x")
    temporary.write_text(path.read_text().replace(old, new))
    os.replace(temporary, path)


def test_edits_are_told_builds_and_the_pages_come_out_right(fixture_store, tmp_path):
    log = Log(tmp_path / "serve.log")
    process, base = start_serve(fixture_store, log=log.path)
    products = fixture_store / "content" / "products"
    try:
        wait_for(lambda: "Watching for changes (inotify)." in log.path.read_text(), "the watch to start")

        log.change(lambda: edit_in_place(products / "organic-tee.md", "- Made in Portugal", "- Made in Porto, Portugal"))
        wait_for(page_shows(base, "/products/organic-tee/", "Porto"), "the edit in place")
        assert TOLD_ONE.search(log.build()), log.path.read_text()

        log.change(lambda: edit_by_rename(products / "organic-tee.md", "- 100% organic cotton", "- 100% organic cotton, combed"))
        wait_for(page_shows(base, "/products/organic-tee/", "combed"), "the edit saved by a rename")
        assert TOLD_ONE.search(log.build()), log.path.read_text()
        assert not (products / "sedTmp1x").exists()

        log.change(lambda: shelf("stock", "set", "TEE-FOR-L", "1", store=fixture_store))
        wait_for(page_shows(base, "/products/organic-tee/", "Only 1 left"), "the stock change")
        assert re.search(r"product pages only, 0 of \d+ product files looked at", log.build()), log.path.read_text()

        new = (products / "organic-tee.md").read_text().replace("title: Organic Tee", "title: Hemp Tee").replace("TEE-", "HEMP-")
        log.change(lambda: (products / "hemp-tee.md").write_text(new))
        wait_for(page_shows(base, "/products/hemp-tee/", "Hemp Tee"), "the new product's page")
        assert "product pages only" not in log.build()
        assert "Hemp Tee" in get(base + "/shop/")[2]

        log.change(lambda: (products / "hemp-tee.md").unlink())
        wait_for(lambda: get(base + "/products/hemp-tee/")[0] == 404, "the deleted product's page to go")
        assert "product pages only" not in log.build()
        assert "Hemp Tee" not in get(base + "/shop/")[2]

        template = fixture_store / "themes" / "default" / "templates" / "product.mustache"
        log.change(lambda: template.write_text(template.read_text() + "<!-- watched template -->\n"))
        wait_for(page_shows(base, "/products/merino-crew/", "watched template"), "the template change")
        assert "product pages only" not in log.build()

        extra = fixture_store / "static" / "extra"
        log.change(lambda: (extra.mkdir(), (extra / "note.txt").write_text("first\n")))
        wait_for(page_shows(base, "/extra/note.txt", "first"), "a file in a new folder")
        # The new folder is watched too.
        log.change(lambda: (extra / "note.txt").write_text("second\n"))
        wait_for(page_shows(base, "/extra/note.txt", "second"), "an edit in the new folder")
    finally:
        stop_serve(process)
    served = tree_digest(fixture_store / "site")
    shelf("build", "--full", "--quiet", store=fixture_store)
    assert tree_digest(fixture_store / "site") == served


def test_polling_tells_the_build_too(fixture_store, tmp_path):
    log = Log(tmp_path / "serve.log")
    process, base = start_serve(fixture_store, "--poll", log=log.path)
    try:
        wait_for(lambda: "Watching for changes (polling)." in log.path.read_text(), "the watch to start")
        tee = fixture_store / "content" / "products" / "organic-tee.md"
        log.change(lambda: edit_by_rename(tee, "- Made in Portugal", "- Made in Braga, Portugal"))
        wait_for(page_shows(base, "/products/organic-tee/", "Braga"), "the edit")
        assert TOLD_ONE.search(log.build()), log.path.read_text()
    finally:
        stop_serve(process)


# The stock is read every hour unless a write to the SQLite database is heard (PostgreSQL's writes are not).
HEARD_ONLY = {"SHELF_SERVE_STOCK_POLL": "3600"}


@sqlite_only
def test_a_stock_change_is_heard_and_writes_that_change_no_stock_build_nothing(fixture_store, tmp_path):
    shelf("secrets", "init", store=fixture_store)
    log = Log(tmp_path / "serve.log")
    process, base = start_serve(fixture_store, log=log.path, environment=HEARD_ONLY)
    products = fixture_store / "content" / "products"
    try:
        wait_for(lambda: "Watching for changes (inotify)." in log.path.read_text(), "the watch to start")
        for level, shown in [("1", "Only 1 left"), ("2", "Only 2 left")]:
            log.change(lambda: shelf("stock", "set", "TEE-FOR-L", level, store=fixture_store))
            wait_for(page_shows(base, "/products/organic-tee/", shown), f"the stock change to {level}")
            assert re.search(r"product pages only, 0 of \d+ product files looked at", log.build()), log.path.read_text()

        # The builds write the database too, and so does a cart add, and neither changes the
        # stock: the next build is the edit's, the only one after it.
        request = urllib.request.Request(base + "/fn/cart/add", data=b"sku=TEE-FOR-S&quantity=1", method="POST",
                                         headers={"Origin": base, "Content-Type": "application/x-www-form-urlencoded"})
        try:
            status = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect()).open(request).status
        except urllib.error.HTTPError as error:
            status = error.code
        assert status == 303
        log.change(lambda: edit_in_place(products / "organic-tee.md", "- Made in Portugal", "- Made in Faro, Portugal"))
        wait_for(page_shows(base, "/products/organic-tee/", "Faro"), "the edit")
        builds = [line for line in log.path.read_text()[log.mark:].splitlines() if line.startswith("Built ")]
        assert len(builds) == 1 and TOLD_ONE.search(builds[0]), log.path.read_text()
    finally:
        stop_serve(process)


@sqlite_only
def test_a_database_that_comes_into_being_is_heard(tmp_path):
    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    log = Log(tmp_path / "serve.log")
    # No database yet: the first build makes it.
    process, base = start_serve(store, log=log.path, environment=HEARD_ONLY)
    try:
        wait_for(lambda: "Watching for changes (inotify)." in log.path.read_text(), "the watch to start")
        log.change(lambda: shelf("stock", "import", str(store / "stock.csv"), store=store))
        log.build()
        log.change(lambda: shelf("stock", "set", "TEE-FOR-L", "1", store=store))
        wait_for(page_shows(base, "/products/organic-tee/", "Only 1 left"), "the stock change")
    finally:
        stop_serve(process)


def test_a_stock_poll_that_is_no_usable_number_is_ignored(fixture_store, tmp_path):
    """An infinite or huge `SHELF_SERVE_STOCK_POLL` once became a `poll` timeout that does not fit
    32 bits and stopped the server at its first wait; it is ignored or kept to a day now."""
    for value in ["inf", "nan", "1e300", "-5", "soon"]:
        log = Log(tmp_path / f"serve-{value}.log")
        process, base = start_serve(fixture_store, log=log.path, environment={"SHELF_SERVE_STOCK_POLL": value})
        try:
            wait_for(lambda: "Watching for changes (inotify)." in log.path.read_text(), "the watch to start")
            log.change(lambda: edit_in_place(fixture_store / "content" / "products" / "organic-tee.md",
                                             "- Made in Portugal", f"- Made in Portugal ({value})"))
            wait_for(page_shows(base, "/products/organic-tee/", f"({value})"), f"the edit under {value}")
            assert process.poll() is None, log.path.read_text()
        finally:
            stop_serve(process)
        edit_in_place(fixture_store / "content" / "products" / "organic-tee.md", f"- Made in Portugal ({value})",
                      "- Made in Portugal")
