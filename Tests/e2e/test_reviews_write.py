"""Writing reviews through lighttpd and FastCGI: an order is paid over HTTP, shipped and delivered
with the CLI, the review link comes from the "delivered" email in the store's folder mailbox, and
the buyer writes, edits and deletes through the reviews function; the merchant moderates with
`shelf reviews`. Forged, altered, other orders' and undelivered links are refused, evil text is
stored cleaned, and the form passes axe at 390 and 1366 px and works without JavaScript, and in a
Chromium that refuses cookies.
"""
import base64
import contextlib
import hashlib
import hmac
import json
import pathlib
import re
import tempfile
import time
import tomllib
import urllib.parse

import pytest
from playwright.sync_api import expect

from conftest import shelf
from servers.launch import serve
from test_accounts_browser import delivered_emails
from test_checkout import COAT, LIGHTTPD_FASTCGI, Shopper
from test_mail import paid_order, text_part
from test_phone_and_axe import (DESKTOP, PHONE, axe_violations, axe_violations_as_served, new_page, screenshots,  # noqa: F401
                                sideways)


def apparel_only(store):
    """The demo store's clothes are women's and men's: only they are asked how they fit."""
    with (store / "shelf.toml").open("a") as settings:
        settings.write('\n[reviews]\nfit_categories = ["women", "men"]\n')


@pytest.fixture(scope="module")
def site():
    with serve(LIGHTTPD_FASTCGI, prepare=apparel_only) as site:
        yield site


def delivered_order(site, email, sku=COAT):
    """An order paid over HTTP, then fulfilled and delivered with the CLI; its number."""
    number = paid_order(site, email=email, sku=sku)
    shelf("orders", "fulfil", number, "--carrier", "An Post", "--tracking", "CE123456789IE", store=site.store)
    shelf("orders", "deliver", number, store=site.store)
    return number


def review_links(site, email):
    """The review links of the newest "delivered" email to `email`, as paths of the store."""
    delivered = [m for m in delivered_emails(site.store, email) if "was delivered" in m["Subject"]]
    assert delivered, f"no delivered email to {email}"
    links = re.findall(r"https?://\S+/fn/reviews/write\?\S+", text_part(delivered[-1]))
    assert links, text_part(delivered[-1])
    return [urllib.parse.urlsplit(link).path + "?" + urllib.parse.urlsplit(link).query for link in links]


def signed(site, number, line, expires):
    """A review link signed with the store's own key, as the store would sign it."""
    key = bytes.fromhex(tomllib.loads((site.store / "data" / "secrets.toml").read_text())["session_key"])
    digest = hmac.new(key, f"review:{number}:{line}:{expires}".encode(), hashlib.sha256).digest()
    sig = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return f"/fn/reviews/write?o={number}&l={line}&e={expires}&sig={sig}"


def hidden_fields(html):
    form = html.split("data-review-form", 1)[1]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form))


def write(shopper, link, fields, path="/fn/reviews/write"):
    page = shopper.get(link)
    assert page.status == 200, page.text[:300]
    return shopper.submit(path, {**hidden_fields(page.text), **fields})


def reviews(site, *filters):
    return json.loads(shelf("reviews", "list", *filters, "--format", "json", store=site.store).stdout)


GOOD = {"rating": "5", "title": "Warm and well cut", "body": "Wore it all winter.", "fit": "true", "name": "Ann M."}


def test_a_buyer_writes_edits_and_the_merchant_approves(site):
    number = delivered_order(site, "writer@example.com")
    link = review_links(site, "writer@example.com")[0]
    shopper = Shopper(site)
    form = shopper.get(link)
    assert form.status == 200
    assert 'value="Ann M."' in form.text, "the display name defaults to the first name and initial"
    saved = write(shopper, link, GOOD)
    assert saved.status == 303
    assert "done=saved" in saved.headers["Location"]
    pending = [r for r in reviews(site, "--pending") if r["order"] == number]
    assert [(r["title"], r["rating"], r["fit"], r["display_name"]) for r in pending] == [("Warm and well cut", 5, "true", "Ann M.")]

    assert write(shopper, link, {**GOOD, "rating": "4", "title": "Warm, runs a little large", "fit": "large"}).status == 303
    mine = [r for r in reviews(site) if r["order"] == number]
    assert [(r["id"], r["title"], r["rating"], r["fit"]) for r in mine] == [(pending[0]["id"], "Warm, runs a little large", 4, "large")]

    approved = shelf("reviews", "approve", str(mine[0]["id"]), store=site.store)
    assert "approved" in approved.stdout and "shelf build" in approved.stdout
    replied = shelf("reviews", "reply", str(mine[0]["id"]), "Thank you, Ann!", store=site.store)
    assert "answered" in replied.stdout
    shown = [r for r in reviews(site, "--product", "belted-wool-wrap-coat") if r["order"] == number]
    assert [(r["status"], r["reply"]) for r in shown] == [("approved", "Thank you, Ann!")]
    again = shopper.get(link)
    assert "Edit your review" in again.text

    assert write(shopper, link, {}, path="/fn/reviews/delete").status == 303
    assert [r for r in reviews(site) if r["order"] == number] == []


def test_only_the_fit_categories_are_asked_how_they_fit(site):
    delivered_order(site, "socks@example.com", sku="EVG-SOX-OAT-M")
    socks = Shopper(site).get(review_links(site, "socks@example.com")[0])
    assert socks.status == 200 and "Organic Cotton Rib Socks" in socks.text
    assert "How does it fit?" not in socks.text, "socks have a size but are not in fit_categories"
    delivered_order(site, "coat@example.com")
    assert "How does it fit?" in Shopper(site).get(review_links(site, "coat@example.com")[0]).text


def test_the_order_page_shows_the_same_link_after_delivery(site):
    number = delivered_order(site, "status@example.com")
    link = review_links(site, "status@example.com")[0]
    texts = "\n".join(text_part(m) for m in delivered_emails(site.store, "status@example.com"))
    order_path = urllib.parse.urlsplit(re.search(r"https?://\S+/fn/checkout/order\?\S+", texts).group(0))
    page = Shopper(site).get(order_path.path + "?" + order_path.query)
    assert page.status == 200
    assert link.replace("&", "&amp;") in page.text
    assert "Write a review" in page.text and number in page.text


def test_forged_altered_other_orders_and_undelivered_links_are_refused(site):
    number = delivered_order(site, "forger@example.com")
    other = delivered_order(site, "other@example.com")
    link = review_links(site, "forger@example.com")[0]
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link).query))
    undelivered = paid_order(site, email="waiting@example.com")
    expires = int(time.time()) + 3600
    refused = {
        "forged": (link.replace(query["sig"], "A" * 43), 404),
        "other order": (link.replace(f"o={number}", f"o={other}"), 404),
        "other line": (link.replace("l=1", "l=2"), 404),
        "longer life": (link.replace(f"e={query['e']}", f"e={int(query['e']) + 1}"), 404),
        "expired": (signed(site, number, 1, int(time.time()) - 60), 410),
        "not delivered": (signed(site, undelivered, 1, expires), 409),
        "no such line": (signed(site, number, 9, expires), 404),
    }
    shopper = Shopper(site)
    token_page = shopper.get(link)
    token = hidden_fields(token_page.text)["_token"]
    for name, (bad, status) in refused.items():
        answer = shopper.get(bad)
        assert answer.status == status, name
        assert "data-review-form" not in answer.text, name
        fields = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(bad).query))
        assert shopper.submit("/fn/reviews/write", {**fields, **GOOD, "_token": token}).status == status, name
    assert [r for r in reviews(site) if r["order"] in (number, other, undelivered)] == []


def test_evil_text_is_stored_clean_and_shown_escaped(site):
    number = delivered_order(site, "evil@example.com")
    link = review_links(site, "evil@example.com")[0]
    shopper = Shopper(site)
    for rating in ["0", "6", "2.5", "five"]:
        answer = write(shopper, link, {**GOOD, "rating": rating})
        assert answer.status == 422, rating
        assert "Choose from 1 to 5 stars." in answer.text
    empty = write(shopper, link, {**GOOD, "title": "\u200b\u202e\ufeff", "body": "\u2066\u2069"})
    assert empty.status == 422
    assert '<p id="error-title" class="field__error">Write a title.</p>' in empty.text
    assert '<p id="error-body" class="field__error">Write what you think of it.</p>' in empty.text
    assert write(shopper, link, {**GOOD, "body": "x" * 100_000}).status == 413
    assert [r for r in reviews(site) if r["order"] == number] == []

    evil = {**GOOD, "title": "<script>alert(1)</script>\r\nBcc: x@example.com", "name": "Ann\u202eM.",
            "body": "<img src=x onerror=alert(1)>\r\nline\u200btwo"}
    assert write(shopper, link, evil).status == 303
    stored = next(r for r in reviews(site) if r["order"] == number)
    assert stored["title"] == "<script>alert(1)</script> Bcc: x@example.com"
    assert stored["display_name"] == "AnnM."
    assert stored["body"] == "<img src=x onerror=alert(1)>\nlinetwo"
    page = shopper.get(link).text
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("viewport,javascript", [
    pytest.param(PHONE, True, id="phone-js"),
    pytest.param(PHONE, False, id="phone-nojs"),
    pytest.param(DESKTOP, True, id="desktop-js"),
    pytest.param(DESKTOP, False, id="desktop-nojs"),
])
def test_the_form_fits_passes_axe_and_works_without_javascript(site, browser, screenshots, viewport, javascript, request):
    address = f"axe-{request.node.callspec.id}@example.com"
    delivered_order(site, address)
    link = review_links(site, address)[0]
    problems = []

    def inspect(page, step):
        page.screenshot(path=screenshots / f"review-form-{request.node.callspec.id}-{step.replace(' ', '-')}.png", full_page=True)
        if viewport == PHONE and (wide := sideways(page)):
            problems.append(f"{step}: scrolls sideways, {wide}")
        violations = axe_violations(page) if javascript else axe_violations_as_served(browser, viewport, page)
        problems.extend(f"{step}: {violation}" for violation in violations)

    with new_page(browser, viewport, javascript) as page:
        page.goto(site.base + link)
        expect(page.locator("h1")).to_have_text("Write a review")
        inspect(page, "form")
        page.get_by_role("button", name="Send your review").click()
        expect(page.locator("#error-rating")).to_have_text("Choose from 1 to 5 stars.")
        inspect(page, "form with a mistake")
        page.get_by_text("4 stars", exact=True).click()
        expect(page.get_by_label("4 stars")).to_be_checked()
        page.get_by_label("Title", exact=True).fill("Lovely coat")
        page.get_by_label("Your review", exact=True).fill("Warm and well made.")
        page.get_by_text("True to size", exact=True).click()
        page.get_by_role("button", name="Send your review").click()
        expect(page.locator("[data-review-notice]")).to_contain_text("Thank you!")
        expect(page.locator("h1")).to_have_text("Edit your review")
        inspect(page, "saved")
    assert not problems, "\n".join([f"The review form at {viewport['width']} px:"] + problems)


@contextlib.contextmanager
def cookieless_context(browser):
    """A Chromium profile whose content settings block every cookie, as a shopper may set it."""
    with tempfile.TemporaryDirectory() as profile:
        preferences = pathlib.Path(profile) / "Default" / "Preferences"
        preferences.parent.mkdir()
        preferences.write_text(json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}}))
        context = browser.browser_type.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", args=["--no-sandbox"], viewport=DESKTOP)
        try:
            yield context
        finally:
            context.close()


def test_a_browser_that_refuses_cookies_writes_and_deletes_a_review(site, browser):
    number = delivered_order(site, "nocookies@example.com")
    link = review_links(site, "nocookies@example.com")[0]
    with cookieless_context(browser) as context:
        page = context.new_page()
        page.goto(site.base + "/")
        assert page.evaluate("document.cookie = 'probe=1'; document.cookie") == "", "this Chromium still keeps cookies"
        page.goto(site.base + link)
        page.get_by_text("5 stars", exact=True).click()
        page.get_by_label("Title", exact=True).fill("Fine without cookies")
        page.get_by_label("Your review", exact=True).fill("Wrote this with cookies blocked.")
        page.get_by_role("button", name="Send your review").click()
        expect(page.locator("[data-review-notice]")).to_contain_text("Thank you!")
        assert [r["title"] for r in reviews(site) if r["order"] == number] == ["Fine without cookies"]
        page.get_by_role("button", name="Delete your review").click()
        expect(page.locator("[data-review-notice]")).to_have_text("Your review was deleted.")
        assert [r for r in reviews(site) if r["order"] == number] == []
        assert context.cookies() == []


def test_the_moderation_commands_explain_themselves_and_refuse_bad_input(site):
    number = delivered_order(site, "cli@example.com")
    write(Shopper(site), review_links(site, "cli@example.com")[0], GOOD)
    review = next(r for r in reviews(site, "--pending") if r["order"] == number)
    for command in ["list", "approve", "reject", "reply"]:
        help_text = shelf("reviews", command, "--help", store=site.store).stdout
        assert "Example" in help_text and f"shelf reviews {command}" in help_text, command
    listed = shelf("reviews", "list", "--pending", store=site.store).stdout
    assert f"#{review['id']}  pending  belted-wool-wrap-coat  ★★★★★  order {number} line 1" in listed
    assert shelf("reviews", "list", "--pending", "--flagged", store=site.store, check=False).returncode != 0
    unknown = shelf("reviews", "approve", "999999", store=site.store, check=False)
    assert unknown.returncode != 0 and "review 999999: no review has the id 999999" in unknown.stderr
    rejected = shelf("reviews", "reject", str(review["id"]), store=site.store)
    assert "rejected" in rejected.stdout
    assert [r["status"] for r in reviews(site) if r["id"] == review["id"]] == ["rejected"]
    assert shelf("reviews", "reply", str(review["id"]), "x" * 5001, store=site.store, check=False).returncode != 0
    assert Shopper(site).get(review_links(site, "cli@example.com")[0]).status == 409


def test_a_deleted_products_reviews_stay_but_its_link_answers_410(site):
    number = delivered_order(site, "tote@example.com", sku="EVG-TOT-ECR")
    link = review_links(site, "tote@example.com")[0]
    shopper = Shopper(site)
    assert write(shopper, link, {**GOOD, "fit": ""}).status == 303
    held = hidden_fields(shopper.get(link).text)
    product = site.store / "content" / "products" / "organic-canvas-tote.md"
    content = product.read_text()
    product.unlink()
    try:
        shelf("build", "--quiet", store=site.store)
        gone = shopper.get(link)
        assert gone.status == 410 and "no longer sold" in gone.text
        assert shopper.submit("/fn/reviews/write", {**held, **GOOD, "title": "Changed"}).status == 410
        assert shopper.submit("/fn/reviews/delete", held).status == 410
        assert shopper.get("/fn/reviews?product=organic-canvas-tote").status == 404
        assert shopper.get("/products/organic-canvas-tote/").status == 404
        kept = [r for r in reviews(site, "--product", "organic-canvas-tote") if r["order"] == number]
        assert [r["title"] for r in kept] == [GOOD["title"]]
        texts = "\n".join(text_part(m) for m in delivered_emails(site.store, "tote@example.com"))
        order_path = urllib.parse.urlsplit(re.search(r"https?://\S+/fn/checkout/order\?\S+", texts).group(0))
        order = Shopper(site).get(order_path.path + "?" + order_path.query)
        assert order.status == 200 and number in order.text
        assert "data-review-link" not in order.text, "the order page no longer offers a review of it"
    finally:
        product.write_text(content)
        shelf("build", "--quiet", store=site.store)
