"""The subscribe function behind lighttpd (FastCGI), with the emails sent by `shelf mail deliver`
to a real SMTP server (aiosmtpd) on loopback: sign up from the footer's form → the confirmation
link from the email → confirmed; a back-in-stock request confirmed the same way, and its one
email after `shelf stock set`, carrying the RFC 8058 headers; the one-click POST a mail provider
sends → unsubscribed, and no further mail. Forged, reused and expired links, bad addresses, the
merchant's `shelf subscribers` commands, and the answer and preference pages in Chromium at 390
and 1366 px with axe-core. Nothing is replaced.
"""
import csv
import re
import urllib.parse

import pytest

import store_db
from conftest import shelf
from servers.browser import Browser
from servers.launch import serve
from test_accounts import emails, mail  # noqa: F401
from test_checkout import BASE_URL, COAT, LIGHTTPD_FASTCGI
from test_mail import mail_settings, text_part
from test_phone_and_axe import COAT as COAT_PAGE, DESKTOP, PHONE, axe_violations, new_page, sideways

SAME_SITE = {"Origin": BASE_URL}
# What a mail provider's one-click POST carries: no cookie, no Origin, Referer or form token.
ONE_CLICK = {"List-Unsubscribe": "One-Click"}

# The two newsletter topics the tests' store offers.
TOPICS = ('\n[[newsletter_topics]]\nid = "arrivals"\nname = "New arrivals"\n'
          '\n[[newsletter_topics]]\nid = "offers"\nname = "Special offers"\n')


@pytest.fixture(scope="module")
def site(mail):
    def prepare(store):
        with open(store / "shelf.toml", "a") as settings:
            settings.write(mail_settings(mail.port))
            settings.write(TOPICS)
    with serve(LIGHTTPD_FASTCGI, prepare=prepare) as site:
        yield site


@pytest.fixture(autouse=True)
def fresh_client_limit(site):
    """Every request comes from 127.0.0.1: each test starts with that client's hourly sign-ups
    uncounted, so the limit (unit-tested) does not depend on the order the tests run in."""
    store_db.execute(site.store, "DELETE FROM subscribe_attempts")


def sign_up(site, email, **fields):
    return Browser(site.base).post("/fn/subscribe", {"form": "footer", "email": email, **fields}, SAME_SITE)


def local(link):
    """The path and query of a link the email gives with the store's public address."""
    parts = urllib.parse.urlsplit(link)
    return parts.path + "?" + parts.query


def confirmation_link(message):
    match = re.search(r"https://shop\.example\.com/fn/subscribe/confirm\?token=\S+", text_part(message))
    assert match, text_part(message)
    return local(match.group(0))


def subscriber(site, email):
    return store_db.row(site.store, "SELECT id, status FROM subscribers WHERE email = ?", (email,))


def subscribe(site, mail, email):
    assert sign_up(site, email).status == 200
    [message] = emails(site, mail, email)
    assert "You are subscribed" in Browser(site.base).get(confirmation_link(message)).text
    return message


def test_sign_up_confirm_back_in_stock_and_one_click_unsubscribe(site, mail):
    answer = sign_up(site, "Ann@Example.com")
    assert answer.status == 200 and "Check your email" in answer.text
    assert subscriber(site, "ann@example.com")[1] == "pending"
    [confirmation] = emails(site, mail, "ann@example.com")
    assert confirmation["Subject"] == "Confirm your newsletter subscription"
    assert confirmation["List-Unsubscribe"] is None
    link = confirmation_link(confirmation)
    assert "You are subscribed" in Browser(site.base).get(link).text
    assert subscriber(site, "ann@example.com")[1] == "confirmed"
    topics = store_db.rows(site.store, "SELECT topic FROM subscriber_topics ORDER BY topic")
    assert [row[0] for row in topics] == ["arrivals", "offers"]
    # The link works once.
    assert Browser(site.base).get(link).status == 404

    # Sold out: "email me when it's back", confirmed from its own email.
    shelf("stock", "set", COAT, "0", store=site.store)
    assert sign_up(site, "ann@example.com", sku=COAT).status == 200
    [_, request] = emails(site, mail, "ann@example.com")
    assert request["Subject"] == "Confirm: email me when it's back"
    assert "We will email you when it" in Browser(site.base).get(confirmation_link(request)).text
    restocked = shelf("stock", "set", COAT, "4", store=site.store)
    assert "Queued 1 back-in-stock email" in restocked.stdout
    [_, _, back] = emails(site, mail, "ann@example.com")
    assert back["Subject"].startswith("Back in stock: ")
    assert back["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(https://shop\.example\.com/fn/subscribe/unsubscribe\?token=\S+)>", back["List-Unsubscribe"])
    assert unsubscribe, back["List-Unsubscribe"]
    # The request ended: the stock going out and back sends nothing more.
    shelf("stock", "set", COAT, "0", store=site.store)
    assert "back-in-stock" not in shelf("stock", "set", COAT, "4", store=site.store).stdout

    # A link scanner's GET changes nothing; the provider's one-click POST unsubscribes, twice.
    provider = Browser(site.base)
    page = provider.get(local(unsubscribe.group(1)))
    assert page.status == 200 and 'method="post"' in page.text
    assert subscriber(site, "ann@example.com")[1] == "confirmed"
    for _ in range(2):
        done = provider.post(local(unsubscribe.group(1)), ONE_CLICK)
        assert done.status == 200 and "Location" not in done.headers
        assert "You are unsubscribed" in done.text
    assert subscriber(site, "ann@example.com")[1] == "unsubscribed"
    assert store_db.rows(site.store, "SELECT topic FROM subscriber_topics WHERE subscriber_id = ?",
                         (subscriber(site, "ann@example.com")[0],)) == []

    # No further mail: a new back-in-stock round finds nobody waiting.
    shelf("stock", "set", COAT, "0", store=site.store)
    shelf("stock", "set", COAT, "4", store=site.store)
    assert len(emails(site, mail, "ann@example.com")) == 3


def test_forged_reused_and_expired_links_are_refused(site, mail):
    subscribe(site, mail, "bob@example.com")
    browser = Browser(site.base)
    bob = subscriber(site, "bob@example.com")[0]
    for token in [f"{bob}.{'A' * 43}", f"{bob}", "1.x", "", f"{bob + 1000}.{'A' * 43}"]:
        assert browser.post(f"/fn/subscribe/unsubscribe?token={token}", ONE_CLICK).status == 404
        assert browser.get(f"/fn/subscribe/preferences?token={token}").status == 404
    assert subscriber(site, "bob@example.com")[1] == "confirmed"
    assert browser.get("/fn/subscribe/confirm?token=" + "A" * 43).status == 404

    # An expired confirmation link: its two days are over.
    assert sign_up(site, "cat@example.com").status == 200
    [message] = emails(site, mail, "cat@example.com")
    store_db.execute(site.store, "UPDATE subscription_tokens SET created_at = created_at - 172800, "
                                 "expires_at = expires_at - 172800 WHERE subscriber_id = ?",
                     (subscriber(site, "cat@example.com")[0],))
    assert browser.get(confirmation_link(message)).status == 404
    assert subscriber(site, "cat@example.com")[1] == "pending"


@pytest.mark.parametrize("typed,words", [
    ("annexample.com", "needs an @"),
    ("ann@@example.com", "exactly one @"),
    ("a" * 250 + "@example.com", "too long"),
    ('"ann smith"@example.com', "Quoted addresses"),
    ("ann@bücher.example", "accented or non-Latin"),
    ("ann@example.com.", "cannot end with a dot"),
    ("ann@example.com\r\nBcc: eve@example.com", "line breaks"),
])
def test_a_bad_address_gets_a_clear_message_and_keeps_the_value(site, typed, words):
    answer = sign_up(site, typed)
    assert answer.status == 422
    assert words in answer.text
    assert 'aria-invalid="true"' in answer.text
    assert store_db.rows(site.store, "SELECT id FROM subscribers WHERE email = ?", (typed.strip().lower(),)) == []


def test_an_encoded_line_break_or_nul_is_refused(site):
    browser = Browser(site.base)
    body = b"form=footer&email=ann%40example.com%0d%0aBcc%3a+eve%40example.com"
    assert browser.post("/fn/subscribe", body, SAME_SITE).status == 422
    assert browser.post("/fn/subscribe", b"form=footer&email=ann%40example.com%00", SAME_SITE).status == 400


def test_the_merchant_lists_exports_and_imports_without_confirming(site, mail, tmp_path):
    subscribe(site, mail, "dan@example.com")
    listed = shelf("subscribers", "list", "--status", "confirmed", store=site.store).stdout
    assert "dan@example.com" in listed
    export = tmp_path / "subscribers.csv"
    shelf("subscribers", "export", str(export), store=site.store)
    rows = {row["email"]: row for row in csv.DictReader(export.open())}
    assert rows["dan@example.com"]["status"] == "confirmed"
    assert rows["dan@example.com"]["topics"] == "arrivals offers"

    old = tmp_path / "old-list.csv"
    old.write_text("email,topics,consent\nEve@Example.com,offers,Signed up at the spring market\n")
    imported = shelf("subscribers", "import", str(old), store=site.store)
    assert "1 confirmation email queued" in imported.stdout
    assert subscriber(site, "eve@example.com")[1] == "pending"
    consent = store_db.row(site.store, "SELECT source, wording, topics, confirmed_at FROM subscription_consents "
                                       "WHERE subscriber_id = ?", (subscriber(site, "eve@example.com")[0],))
    assert tuple(consent) == ("import: old-list.csv", "Signed up at the spring market", "offers", None)

    bad = tmp_path / "bad.csv"
    bad.write_text("email\nfine@example.com\nnot-an-address\n")
    refused = shelf("subscribers", "import", str(bad), store=site.store, check=False)
    assert refused.returncode != 0
    assert f"{bad}:3: An email address needs an @" in refused.stderr
    assert subscriber(site, "fine@example.com") is None


def test_the_answer_and_preference_pages_fit_a_phone_and_a_desktop(site, mail, browser):
    subscribe(site, mail, "fay@example.com")
    fay = subscriber(site, "fay@example.com")[0]
    shelf("stock", "set", COAT, "0", store=site.store)
    assert sign_up(site, "fay@example.com", sku=COAT).status == 200
    [_, request] = emails(site, mail, "fay@example.com")
    Browser(site.base).get(confirmation_link(request))
    shelf("stock", "set", COAT, "4", store=site.store)
    back = emails(site, mail, "fay@example.com")[-1]
    preferences = re.search(r"https://shop\.example\.com/fn/subscribe/preferences\?token=\S+", text_part(back)).group(0)
    shelf("stock", "set", COAT, "0", store=site.store)
    shelf("build", "--quiet", store=site.store)
    for viewport in (PHONE, DESKTOP):
        with new_page(browser, viewport) as page:
            # A sold-out option's product page offers the back-in-stock form.
            page.goto(site.base + COAT_PAGE)
            form = page.locator("form.back-in-stock")
            assert form.get_by_label("Sold-out option").input_value() == COAT
            form.get_by_label("Your email address").fill(f"watcher{viewport['width']}@example.com")
            assert sideways(page) is None
            assert axe_violations(page) == []
            form.get_by_role("button", name="Email me when it's back").click()
            page.wait_for_url("**/fn/subscribe")
            assert page.locator("h1").inner_text() == "Check your email"
            consent = store_db.row(site.store, "SELECT c.source, c.sku FROM subscription_consents c JOIN subscribers s "
                                               "ON s.id = c.subscriber_id WHERE s.email = ?",
                                   (f"watcher{viewport['width']}@example.com",))
            assert tuple(consent) == ("back-in-stock", COAT)

            page.goto(site.base + "/")
            page.locator("#newsletter-email").fill(f"guest{viewport['width']}@example.com")
            page.locator(".newsletter__form button").click()
            page.wait_for_url("**/fn/subscribe")
            assert page.locator("h1").inner_text() == "Check your email"
            assert sideways(page) is None
            assert axe_violations(page) == []

            page.goto(site.base + local(preferences))
            assert page.locator("h1").inner_text() == "Your email preferences"
            assert sideways(page) is None
            assert axe_violations(page) == []
            page.get_by_label("Special offers").uncheck()
            page.get_by_role("button", name="Save my choices").click()
            assert "Your choices are saved" in page.content()
            assert axe_violations(page) == []
    topics = store_db.rows(site.store, "SELECT topic FROM subscriber_topics WHERE subscriber_id = ?", (fay,))
    assert [row[0] for row in topics] == ["arrivals"]
