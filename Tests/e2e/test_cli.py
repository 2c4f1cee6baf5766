"""The command line as a merchant uses it: stock, check, new, migrate, mail list, server-config."""
import re
import shutil

from conftest import REPO, copy_store, shelf
from test_new_store import new_store, place_order


def test_stock_commands(fixture_store):
    assert "TEE-FOR-M: 7 on hand" in shelf("stock", "set", "TEE-FOR-M", "7", store=fixture_store).stdout
    assert "TEE-FOR-M: 4 on hand" in shelf("stock", "adjust", "TEE-FOR-M", "-3", store=fixture_store).stdout
    assert "TEE-FOR-M: 9 on hand" in shelf("stock", "adjust", "TEE-FOR-M", "+5", store=fixture_store).stdout
    low = shelf("stock", "list", "--low", "3", store=fixture_store).stdout
    assert "TEE-FOR-XS" in low and "CREW-CHA-L" in low and "TEE-FOR-L " not in low
    listing = shelf("stock", "list", store=fixture_store).stdout
    assert "JACKET-ONE" in listing and "unpublished" in listing


def test_stock_errors_name_what_is_wrong(fixture_store):
    unknown = shelf("stock", "set", "NOPE-1", "3", store=fixture_store, check=False)
    assert unknown.returncode != 0 and "NOPE-1" in unknown.stderr
    below = shelf("stock", "adjust", "TEE-FOR-XS", "-1", store=fixture_store, check=False)
    assert below.returncode != 0 and "TEE-FOR-XS" in below.stderr
    assert "TEE-FOR-XS" in shelf("stock", "list", "--low", "0", store=fixture_store).stdout
    csv = fixture_store / "bad.csv"
    csv.write_text("sku,quantity\nTEE-FOR-S,4\nGHOST,2\nTEE-FOR-M,x\n")
    result = shelf("stock", "import", str(csv), store=fixture_store, check=False)
    assert result.returncode != 0 and "bad.csv:4" in result.stderr
    csv.write_text("sku,quantity\nTEE-FOR-S,4\nGHOST,2\n")
    result = shelf("stock", "import", str(csv), store=fixture_store, check=False)
    assert result.returncode != 0 and "bad.csv:3" in result.stderr and "GHOST" in result.stderr
    assert "TEE-FOR-S  " in shelf("stock", "list", store=fixture_store).stdout
    level = [line for line in shelf("stock", "list", store=fixture_store).stdout.splitlines() if line.startswith("TEE-FOR-S ")]
    assert level and level[0].split()[1] == "12", "a failed import must change nothing"


def test_check_finds_broken_links_without_touching_site(fixture_store):
    page = fixture_store / "content" / "pages" / "faq.md"
    text = page.read_text() + "\nSee [our old page](/old-page/).\n"
    page.write_text(text)
    line = text.splitlines().index("See [our old page](/old-page/).") + 1
    before = sorted(p.name for p in (fixture_store / "site").rglob("*"))
    result = shelf("check", store=fixture_store, check=False)
    assert result.returncode != 0
    # Named by the file and line the merchant wrote it on, once: not by the page it ends up in.
    assert f"content/pages/faq.md:{line}: links to /old-page/, which the site does not have" in result.stderr
    assert "site/faq/index.html" not in result.stderr
    assert sorted(p.name for p in (fixture_store / "site").rglob("*")) == before


def test_build_warns_about_a_broken_link_and_publishes(fixture_store):
    story = fixture_store / "content" / "stories" / "fair-wages.md"
    text = story.read_text() + "\nRead [the report](/reports/2026/) too.\n"
    story.write_text(text)
    line = text.splitlines().index("Read [the report](/reports/2026/) too.") + 1
    result = shelf("build", store=fixture_store)
    assert f"warning: content/stories/fair-wages.md:{line}: links to /reports/2026/, which the site does not have" in result.stderr
    assert 'href="/reports/2026/"' in (fixture_store / "site" / "stories" / "fair-wages" / "index.html").read_text()


def test_build_refuses_an_impossible_date_with_file_and_line(fixture_store):
    story = fixture_store / "content" / "stories" / "fair-wages.md"
    story.write_text(story.read_text().replace("date: 2026-07-12", "date: 2026-02-31"))
    before = (fixture_store / "site" / "stories" / "fair-wages" / "index.html").read_bytes()
    result = shelf("build", store=fixture_store, check=False)
    assert result.returncode != 0
    assert 'content/stories/fair-wages.md:3: date "2026-02-31" does not exist' in result.stderr
    assert (fixture_store / "site" / "stories" / "fair-wages" / "index.html").read_bytes() == before


def test_check_passes_on_a_valid_store(fixture_store):
    assert "every internal link resolves" in shelf("check", store=fixture_store).stdout


def test_new_store_builds_and_checks(tmp_path):
    target = tmp_path / "shop"
    shelf("new", str(target))
    assert (target / "themes" / "default" / "templates" / "layout.mustache").exists()
    assert len(list((target / "content" / "products").glob("*.md"))) == 2
    shelf("build", "--quiet", store=target)
    assert (target / "site" / "products" / "classic-tee" / "index.html").exists()
    assert "every internal link resolves" in shelf("check", store=target).stdout
    again = shelf("new", str(target), check=False)
    assert again.returncode != 0 and "not empty" in again.stderr


def test_migrate_twice_applies_nothing_the_second_time(tmp_path):
    store = copy_store(REPO / "Tests" / "Fixtures" / "store", tmp_path / "store")
    assert "Applied" in shelf("migrate", store=store).stdout
    assert "up to date" in shelf("migrate", store=store).stdout


def test_removed_product_is_unpublished_not_deleted(fixture_store):
    (fixture_store / "content" / "products" / "wool-beanie.md").unlink()
    campaign = fixture_store / "content" / "campaigns" / "winter-layers.md"
    campaign.write_text(campaign.read_text().replace("[merino-crew, wool-beanie]", "[merino-crew]"))
    shelf("build", "--quiet", store=fixture_store)
    listing = shelf("stock", "list", store=fixture_store).stdout
    assert any(line.startswith("BEANIE-ONE") and "unpublished" in line for line in listing.splitlines())
    assert not (fixture_store / "site" / "products" / "wool-beanie").exists()


def test_help_has_examples():
    for command in [["build"], ["check"], ["serve"], ["migrate"], ["new"], ["stock", "set"], ["stock", "adjust"], ["stock", "list"], ["stock", "import"]]:
        text = shelf(*command, "--help").stdout
        assert "Example" in text, command


def test_a_negative_stock_is_refused_for_what_it_is(fixture_store):
    result = shelf("stock", "set", "TEE-FOR-M", "-1", store=fixture_store, check=False)
    assert result.returncode != 0
    assert "stock cannot be negative" in result.stderr and "Missing expected argument" not in result.stderr
    assert "TEE-FOR-M: 0 on hand" in shelf("stock", "set", "TEE-FOR-M", "0", store=fixture_store).stdout
    words = shelf("stock", "set", "TEE-FOR-M", "many", store=fixture_store, check=False)
    assert words.returncode != 0 and "one whole number" in words.stderr


def test_mail_list_keeps_a_long_address_apart_from_the_subject(tmp_path):
    store = new_store(tmp_path)
    shelf("build", "--quiet", store=store)
    address = "ann.with-a-rather-long-address@example.com"
    number = place_order(store, "SAGE-M", 1, email=address)
    shelf("mail", "deliver", store=store)  # a new store's mail goes to data/mail/
    header, *rows = shelf("mail", "list", store=store).stdout.splitlines()
    row = next(row for row in rows if address in row)
    assert header.split() == ["ID", "TO", "SUBJECT", "TIME", "STATUS", "TRIES", "ANSWER"]
    fields = re.split(r" {2,}", row)
    assert fields[1:3] == [address, f"Order {number} confirmed · My Shop"]
    assert fields[4:] == ["sent", "1"]
    assert header.index("SUBJECT") == row.index("Order "), "the subject starts under its heading"


def test_server_config_refuses_root_which_lighttpd_refuses(fixture_store):
    result = shelf("server-config", "lighttpd", "--user", "root", store=fixture_store, check=False)
    assert result.returncode != 0 and result.stdout == ""
    assert "cannot run as root" in result.stderr and "--user" in result.stderr and "www-data" in result.stderr
    assert "server.username" in shelf("server-config", "lighttpd", "--user", "www-data", store=fixture_store).stdout
