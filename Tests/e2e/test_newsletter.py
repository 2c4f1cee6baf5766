"""Newsletters end to end: subscribers sign up and confirm through the subscribe function behind
lighttpd (FastCGI) → `shelf newsletter send` → `shelf mail deliver` to a real SMTP server
(aiosmtpd) that refuses one address with 550 → that address is suppressed; a click on a
newsletter link goes through the signed redirect and is recorded, forged ones are refused; the
one-click unsubscribe POST a mail provider sends → a second newsletter does not reach that
address; sending again emails nobody twice. Nothing is replaced.
"""
import re

import pytest

import store_db
from conftest import shelf
from servers.browser import Browser
from servers.launch import serve
from servers.smtp import SMTPServer, free_port
from test_checkout import LIGHTTPD_FASTCGI
from test_mail import mail_settings, text_part
from test_subscribe import ONE_CLICK, TOPICS, confirmation_link, local, sign_up, subscriber

SPRING = """---
subject: Spring is here
preheader: A new coat and a story
audience: all
---
Hello! The first warm days are here. [See what is new](/catalogue/).

## New coats

{{product belted-wool-wrap-coat}}
"""

SUMMER = """---
subject: Summer offers
audience:
  topic: offers
---
Our [summer offers](https://shop.example.com/catalogue/) are on.
"""


@pytest.fixture(scope="module")
def mail(tmp_path_factory):
    server = SMTPServer(tmp_path_factory.mktemp("maildir"), port=free_port(), reject_rcpt=("bounce", 550)).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site(mail):
    def prepare(store):
        with open(store / "shelf.toml", "a") as settings:
            settings.write(mail_settings(mail.port))
            settings.write(TOPICS)
        folder = store / "content" / "newsletters"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "spring.md").write_text(SPRING)
        (folder / "summer.md").write_text(SUMMER)
    with serve(LIGHTTPD_FASTCGI, prepare=prepare) as site:
        yield site


def delivered(site, mail, to):
    """Delivers the outbox, then returns the messages to `to`, oldest first."""
    shelf("mail", "deliver", "--now", store=site.store)
    return [message for message in mail.messages() if message["To"].addresses[0].addr_spec == to]


def confirmed(site, mail, email):
    store_db.execute(site.store, "DELETE FROM subscribe_attempts")
    assert sign_up(site, email).status == 200
    [message] = delivered(site, mail, email)
    assert "You are subscribed" in Browser(site.base).get(confirmation_link(message)).text


def click_links(message):
    return re.findall(r"https://shop\.example\.com/fn/subscribe/click\?[^\s)]+", text_part(message))


def test_a_newsletter_reaches_each_confirmed_subscriber_once_and_stops_at_bounces_and_unsubscribes(site, mail):
    confirmed(site, mail, "ann@example.com")
    confirmed(site, mail, "bob@example.com")
    store_db.execute(site.store, "DELETE FROM subscribe_attempts")
    assert sign_up(site, "pending@example.com").status == 200
    # An address confirmed long ago whose mailbox is gone: the mail server now refuses it.
    store_db.execute(site.store, "INSERT INTO subscribers (email, status, created_at, confirmed_at) "
                                 "VALUES ('bounce@example.com', 'confirmed', 1, 2)")

    sent = shelf("newsletter", "send", "content/newsletters/spring.md", store=site.store)
    assert "Queued 3 emails of spring (audience: all)." in sent.stdout
    [_, ann_spring] = delivered(site, mail, "ann@example.com")
    assert ann_spring["Subject"] == "Spring is here"
    assert ann_spring["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(https://shop\.example\.com/fn/subscribe/unsubscribe\?token=\S+)>", ann_spring["List-Unsubscribe"])
    assert unsubscribe, ann_spring["List-Unsubscribe"]
    html = ann_spring.get_body(preferencelist=("html",)).get_content()
    assert "Belted Wool Wrap Coat" in html and "A new coat and a story" in html
    assert "/fn/subscribe/open" not in html  # no open pixel unless [mail] track_opens = true
    assert len(delivered(site, mail, "bob@example.com")) == 2
    assert delivered(site, mail, "pending@example.com")[-1]["Subject"] != "Spring is here"
    assert delivered(site, mail, "bounce@example.com") == []
    bounced = shelf("subscribers", "list", "--status", "bounced", store=site.store).stdout
    assert "bounce@example.com" in bounced and "ann@example.com" not in bounced

    # Sending again queues nobody: each subscriber has its one copy.
    again = shelf("newsletter", "send", "content/newsletters/spring.md", store=site.store)
    assert "Queued 0 emails" in again.stdout
    assert len(delivered(site, mail, "ann@example.com")) == 2

    # A tracked link: recorded with its section, then on to the store page.
    links = click_links(ann_spring)
    assert len(links) == 2, text_part(ann_spring)
    browser = Browser(site.base)
    answer = browser.get(local(links[1]))
    assert answer.status == 303 and answer.headers["Location"] == "/products/belted-wool-wrap-coat/"
    clicks = store_db.rows(site.store, "SELECT section, target FROM newsletter_clicks")
    assert clicks == [("new-coats", "/products/belted-wool-wrap-coat/")]
    # Altered or forged: no redirect, nothing recorded.
    good = local(links[0])
    for bad in [good.replace("to=/catalogue/", "to=//evil.example/"), good.replace("to=/catalogue/", "to=javascript:alert(1)"),
                good.replace("s=intro", "s=new-coats"), re.sub(r"sig=[^&]+", "sig=" + "A" * 43, good),
                good.replace("to=/catalogue/", "to=https://evil.example/")]:
        assert bad != good
        refused = browser.get(bad)
        assert refused.status == 404 and "Location" not in refused.headers
    assert len(store_db.rows(site.store, "SELECT id FROM newsletter_clicks")) == 1
    stats = shelf("newsletter", "stats", "spring", store=site.store).stdout
    assert re.search(r"spring\s+all\s+3\s+2\s+0\s+1\s+1\s+0\s+off\s+1", stats), stats
    assert re.search(r"new-coats\s+1\s+1", stats), stats

    # The one-click POST a mail provider sends; the next newsletter does not reach Ann.
    done = Browser(site.base).post(local(unsubscribe.group(1)), ONE_CLICK)
    assert done.status == 200 and "You are unsubscribed" in done.text
    assert subscriber(site, "ann@example.com")[1] == "unsubscribed"
    summer = shelf("newsletter", "send", "content/newsletters/summer.md", store=site.store)
    assert "Queued 1 email of summer" in summer.stdout
    assert delivered(site, mail, "bob@example.com")[-1]["Subject"] == "Summer offers"
    assert len(delivered(site, mail, "ann@example.com")) == 2


def test_with_track_opens_each_email_has_a_signed_pixel_that_counts_the_first_open(site, mail):
    settings = site.store / "shelf.toml"
    plain = settings.read_text()
    assert plain.count("\n[mail]\n") == 1
    settings.write_text(plain.replace("\n[mail]\n", "\n[mail]\ntrack_opens = true\n"))
    try:
        confirmed(site, mail, "cleo@example.com")
        confirmed(site, mail, "dora@example.com")
        (site.store / "content" / "newsletters" / "autumn.md").write_text(SPRING.replace("Spring is here", "Autumn"))
        assert "Queued" in shelf("newsletter", "send", "content/newsletters/autumn.md", store=site.store).stdout
        letter = delivered(site, mail, "cleo@example.com")[-1]
        assert letter["Subject"] == "Autumn"
        html = letter.get_body(preferencelist=("html",)).get_content()
        [pixel] = re.findall(r'<img src="https://shop\.example\.com(/fn/subscribe/open\?[^"]+)" width="1" height="1"', html)
        assert "/fn/subscribe/open" not in text_part(letter)
        pixel = pixel.replace("&amp;", "&")
        browser = Browser(site.base)
        for _ in range(2):
            image = browser.get(pixel)
            assert image.status == 200 and image.headers["Content-Type"] == "image/gif" and len(image.body) == 43
            assert image.headers["Cache-Control"] == "no-store"
        # Forged for Dora, also a recipient: the same image, nothing recorded.
        [(dora,)] = store_db.rows(site.store, "SELECT id FROM subscribers WHERE email = 'dora@example.com'")
        for forged in [re.sub(r"r=\d+", f"r={dora}", pixel), re.sub(r"r=\d+&sig=[^&]+", f"r={dora}&sig={'A' * 43}", pixel)]:
            answer = browser.get(forged)
            assert answer.status == 200 and answer.body == image.body and f"r={dora}&" in forged
        opened = store_db.rows(site.store, "SELECT s.email FROM newsletter_recipients r JOIN subscribers s ON s.id = r.subscriber_id "
                                           "WHERE r.opened_at IS NOT NULL")
        assert opened == [("cleo@example.com",)]
        stats = shelf("newsletter", "stats", "autumn", store=site.store).stdout
        assert re.search(r"autumn\s+all\s+(\d+)\s+\1\s+0\s+0\s+0\s+0\s+1\s+0\n", stats), stats
    finally:
        settings.write_text(plain)


def test_preview_writes_the_html_and_mails_one_copy_with_plain_links(site, mail):
    before = len(mail.messages())
    preview = shelf("newsletter", "preview", "content/newsletters/spring.md", "--to", "me@example.com", store=site.store)
    assert "Wrote" in preview.stdout
    page = (site.store / ".shelf" / "newsletters" / "spring.html").read_text()
    assert "https://shop.example.com/products/belted-wool-wrap-coat/" in page and "/fn/subscribe/click" not in page
    [copy] = mail.messages()[before:]
    assert copy["Subject"] == "[Preview] Spring is here" and copy["To"].addresses[0].addr_spec == "me@example.com"
    assert store_db.rows(site.store, "SELECT slug FROM newsletters WHERE slug = 'preview'") == []


@pytest.mark.parametrize("front_matter, problem", [
    ("subject: Hi\naudience: everyone", "content/newsletters/bad.md:3: audience is `all`"),
    ("subject: Hi\naudience:\n  topic: nope", "content/newsletters/bad.md:4: topic \"nope\" is not one of"),
    ("audience: all", "content/newsletters/bad.md:2: the newsletter has no subject"),
    ("subject: Hi\naudience: all\nsections: [a, b, c]", "content/newsletters/bad.md:4: sections names 3 section(s)"),
    ("subject: Hi\naudience: all", "content/newsletters/bad.md:7: no product has the handle \"no-such-coat\""),
])
def test_a_bad_newsletter_file_names_its_line(site, front_matter, problem):
    path = site.store / "content" / "newsletters" / "bad.md"
    path.write_text(f"---\n{front_matter}\n---\nHello\n\n{{{{product no-such-coat}}}}\n" if "sections" not in front_matter
                    else f"---\n{front_matter}\n---\nHello\n")
    try:
        failed = shelf("newsletter", "send", "content/newsletters/bad.md", store=site.store, check=False)
    finally:
        path.unlink()
    assert failed.returncode != 0
    assert problem in failed.stderr, failed.stderr
