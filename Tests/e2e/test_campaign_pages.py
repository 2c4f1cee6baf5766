"""Static pages show a campaign only while it runs, and `shelf build --due` rebuilds them when it
starts and ends. The build's clock is moved with SHELF_NOW (a test-only override builds read)."""
from conftest import shelf, tree_digest

T0 = 1_900_000_000  # 2030-03-17: far from the real clock, so nothing else runs into it


def write_flash(store):
    (store / "content" / "campaigns" / "flash.md").write_text(
        "---\ntitle: Flash Sale\nbanner: Flash sale on knitwear\n"
        f"starts: {stamp(T0 + 100)}\nends: {stamp(T0 + 200)}\n"
        "discount:\n  percent: 10\n  code: FLASH10\n---\nTen percent off.\n")


def stamp(seconds):
    from datetime import datetime, timezone
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def build(store, monkeypatch, now, *flags):
    monkeypatch.setenv("SHELF_NOW", str(now))
    return shelf("build", *flags, store=store)


def announced(store):
    return "Flash sale on knitwear" in (store / "site" / "index.html").read_text()


def test_build_due_rebuilds_exactly_when_a_campaign_starts_and_ends(fixture_store, monkeypatch):
    store = fixture_store
    write_flash(store)
    build(store, monkeypatch, T0, "--quiet")
    assert not announced(store)
    assert (store / ".shelf" / "campaign-due").read_text().strip() == str(T0 + 100)

    before = tree_digest(store / "site")
    early = build(store, monkeypatch, T0 + 99, "--due")
    assert early.stdout.strip() == "Nothing is due."
    assert tree_digest(store / "site") == before

    build(store, monkeypatch, T0 + 100, "--due", "--quiet")
    assert announced(store)
    home = (store / "site" / "index.html").read_text()
    assert '<a href="/campaigns/flash/">Flash sale on knitwear</a>' in home
    assert "Flash sale on knitwear" in (store / "site" / "shop" / "index.html").read_text()
    assert (store / ".shelf" / "campaign-due").read_text().strip() == str(T0 + 200)
    assert build(store, monkeypatch, T0 + 150, "--due").stdout.strip() == "Nothing is due."

    build(store, monkeypatch, T0 + 200, "--due", "--quiet")
    assert not announced(store)
    assert not (store / ".shelf" / "campaign-due").exists()
    assert build(store, monkeypatch, T0 + 10_000, "--due").stdout.strip() == "Nothing is due."


def test_a_campaign_before_its_start_is_not_announced(fixture_store, monkeypatch):
    write_flash(fixture_store)
    build(fixture_store, monkeypatch, T0 + 99, "--quiet")
    assert not announced(fixture_store)
    assert "Flash sale" not in (fixture_store / "site" / "index.html").read_text()
