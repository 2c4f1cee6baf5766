"""Two function hosts on one PostgreSQL: two lighttpd FastCGI servers, each serving its own copy
of the store folder (its own `site/` and function processes), sharing one database, as
docs/scaling.md deploys them. 200 shoppers, half on each host, race for the last 10 units."""
import re
import subprocess
from collections import Counter
import threading
from concurrent.futures import ThreadPoolExecutor

from conftest import shelf
from servers.browser import Browser
from servers.hosts import serve_hosts
from test_postgres import cluster, database, psql  # noqa: F401

BASE_URL = "https://shop.example.com"
ORIGIN = {"Origin": BASE_URL}
SKU = "LDN-BWC-CAM-L"
UNITS = 10
SHOPPERS = 200
ADDRESS = {"email": "race@example.com", "name": "Race Shopper", "street": "1 Main Street", "city": "Dublin",
           "postal_code": "D02 X285", "country": "IE"}


def form_token(page):
    return re.search(r'name="_token" value="([^"]+)"', page.text).group(1)


def prepared(site):
    """A shopper on `site` with one unit of SKU in the cart, an address and a method: ready to pay."""
    browser = Browser(site.base)
    assert browser.post("/fn/cart/add", {"sku": SKU, "quantity": "1"}, ORIGIN).status == 303
    token = form_token(browser.get("/fn/checkout"))
    assert browser.post("/fn/checkout/address", {**ADDRESS, "_token": token}, ORIGIN).status == 303
    assert browser.post("/fn/checkout/shipping", {"shipping": "standard", "_token": token}, ORIGIN).status == 303
    return browser, token


def same_shopper_on(browser, site):
    """The shopper's browser pointed at another host, with the cookies it holds."""
    other = Browser(site.base)
    for cookie in browser.cookies:
        other.cookies.set_cookie(cookie)
    return other


def statuses(sites):
    """Every status both servers' access logs recorded."""
    found = []
    for site in sites:
        log = site.run / "access.log"
        found += [int(status) for status in re.findall(r'" (\d{3}) ', log.read_text())]
    return found


def test_a_cart_made_on_one_host_is_the_same_cart_on_the_other(database):
    with serve_hosts(2, database) as (first, second):
        shopper = Browser(first.base)
        assert shopper.post("/fn/cart/add", {"sku": SKU, "quantity": "2"}, ORIGIN).status == 303
        elsewhere = same_shopper_on(shopper, second).get("/fn/cart.json")
        assert elsewhere.status == 200
        assert f'"{SKU}"' in elsewhere.text and '"count":2' in elsewhere.text
        # Without the cookie the second host knows nothing of it.
        assert Browser(second.base).get("/fn/cart.json").text.startswith('{"count":0')
        # The second host's form token is good on the first: one secrets file for both.
        token = form_token(same_shopper_on(shopper, second).get("/fn/checkout"))
        assert shopper.post("/fn/checkout/address", {**ADDRESS, "_token": token}, ORIGIN).status == 303


def test_two_hundred_shoppers_on_two_hosts_buy_exactly_the_ten_units_there_are(database):
    def ten_left(store):
        shelf("stock", "set", SKU, str(UNITS), store=store)

    # Eight checkout processes per host rather than the configuration's two: sixteen transactions
    # at once around the last units, so that a reservation that reads and then writes without a
    # lock oversells (or trips the schema's CHECK and answers 500) in every run, not one in two.
    with serve_hosts(2, database, prepare=ten_left, processes=8) as hosts:
        with ThreadPoolExecutor(8) as pool:
            shoppers = list(pool.map(lambda i: (hosts[i % 2], *prepared(hosts[i % 2])), range(SHOPPERS)))
        barrier = threading.Barrier(SHOPPERS)

        def pay(shopper):
            _, browser, token = shopper
            barrier.wait()
            return browser.post("/fn/checkout/payment", {"_token": token}, ORIGIN)

        with ThreadPoolExecutor(SHOPPERS) as pool:
            answers = list(pool.map(pay, shoppers))

        assert all(answer.status < 500 for answer in answers), Counter(answer.status for answer in answers)
        placed = [(shopper, answer) for shopper, answer in zip(shoppers, answers)
                  if answer.status == 303 and answer.headers["Location"].startswith("/fn/checkout/test-pay?s=")]
        refused = [(shopper, answer) for shopper, answer in zip(shoppers, answers)
                   if answer.status == 303 and answer.headers["Location"].startswith("/fn/cart?notice=stock-changed")]
        assert (len(placed), len(refused)) == (UNITS, SHOPPERS - UNITS), [
            (a.status, a.headers.get("Location")) for a in answers]

        # The other 190 are told plainly, on the host they used, that the item sold out.
        for (site, browser, _), answer in refused:
            page = browser.get(answer.headers["Location"])
            assert page.status == 200 and "some items sold out" in page.text, page.text[:500]

        # The ten pay on the test provider's page, each on the other host than the one that placed
        # the order: the payment page's token and the session cookie are good on both.
        for (site, browser, _), answer in placed:
            other = hosts[1 - hosts.index(site)]
            payer = same_shopper_on(browser, other)
            page_token = re.search(r"s=([^&]+)", answer.headers["Location"]).group(1)
            paid = payer.post("/fn/checkout/test-pay", {"session": page_token, "card": "4242 4242 4242 4242", "name": "Ann"},
                              ORIGIN)
            assert paid.status == 303, paid.text[:500]
            assert "Paid" in payer.get(paid.headers["Location"]).text

        assert psql(database, "SELECT status || ' ' || COUNT(*) FROM orders GROUP BY status") == f"paid {UNITS}"
        assert psql(database, f"SELECT SUM(quantity) FROM order_lines WHERE sku = '{SKU}' AND hold = 'allocated'") == str(UNITS)
        assert psql(database, "SELECT COUNT(*) FROM order_lines") == str(UNITS)
        assert psql(database, f"SELECT on_hand, reserved, allocated FROM stock WHERE sku = '{SKU}'") == f"{UNITS}|0|{UNITS}"
        assert psql(database, "SELECT COUNT(*) FROM stock WHERE on_hand - reserved - allocated < 0 OR reserved < 0") == "0"
        every = statuses(hosts)
        assert len(every) >= 5 * SHOPPERS and max(every) < 500, sorted(set(every))


def test_one_mail_deliverer_sends_at_a_time(database):
    with serve_hosts(2, database) as (first, second):
        browser, token = prepared(first)
        placed = browser.post("/fn/checkout/payment", {"_token": token}, ORIGIN).headers["Location"]
        page_token = re.search(r"s=([^&]+)", placed).group(1)
        paid = browser.post("/fn/checkout/test-pay", {"session": page_token, "card": "4242 4242 4242 4242", "name": "Ann"}, ORIGIN)
        assert paid.status == 303
        # Another deliverer has the turn: a session holding the advisory lock the store takes for it.
        holder = subprocess.Popen(["psql", database, "-AtXq"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            holder.stdin.write("SELECT pg_advisory_lock(736880, hashtext(current_schema()));\nSELECT 'held';\n")
            holder.stdin.flush()
            assert holder.stdout.readline().strip() == ""  # pg_advisory_lock's void
            assert holder.stdout.readline().strip() == "held"
            waiting = shelf("mail", "deliver", store=second.store)
            assert "Another shelf mail deliver is sending this store's mail; nothing sent." in waiting.stdout
            assert not list((second.store / "data" / "mail").glob("*.eml"))
        finally:
            holder.stdin.close()
            holder.wait(timeout=10)
        # Its session ended, the turn is free.
        assert "Sent 1," in shelf("mail", "deliver", store=second.store).stdout
        assert len(list((second.store / "data" / "mail").glob("*.eml"))) == 1
