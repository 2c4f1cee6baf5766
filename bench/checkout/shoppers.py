"""Shoppers of the checkout benchmarks, over plain HTTP through the function hosts.

`prepared` walks one shopper to the payment step; `race` releases many payment steps at once;
`batch` places many orders a few at a time. Every answer is checked and counted, so a fast
wrong run cannot pass for a good one.
"""
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from servers.browser import Browser

BASE_URL = "https://shop.example.com"
ORIGIN = {"Origin": BASE_URL}
ADDRESS = {"email": "bench@example.com", "name": "Bench Shopper", "street": "1 Main Street", "city": "Dublin",
           "postal_code": "D02 X285", "country": "IE"}


def prepared(site, sku):
    """A shopper on `site` with one unit of `sku` in the cart, an address and a method, and the
    checkout's form token."""
    browser = Browser(site.base)
    assert browser.post("/fn/cart/add", {"sku": sku, "quantity": "1"}, ORIGIN).status == 303
    token = re.search(r'name="_token" value="([^"]+)"', browser.get("/fn/checkout").text).group(1)
    assert browser.post("/fn/checkout/address", {**ADDRESS, "_token": token}, ORIGIN).status == 303
    assert browser.post("/fn/checkout/shipping", {"shipping": "standard", "_token": token}, ORIGIN).status == 303
    return browser, token


def prepare_many(sites, sku, count, workers=8):
    """`count` prepared shoppers, shopper i on host i mod len(sites)."""
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda i: prepared(sites[i % len(sites)], sku), range(count)))


def pay(shopper):
    """Presses "Continue to payment": (status, Location or error, seconds)."""
    browser, token = shopper
    started = time.perf_counter()
    try:
        answer = browser.post("/fn/checkout/payment", {"_token": token}, ORIGIN)
        return answer.status, answer.headers.get("Location", ""), time.perf_counter() - started
    except OSError as error:
        return 0, str(error), time.perf_counter() - started


def outcome(answers):
    """How many answers placed an order, told the shopper the item sold out, or were anything else."""
    placed = sum(1 for status, location, _ in answers if status == 303 and location.startswith("/fn/checkout/test-pay?s="))
    sold_out = sum(1 for status, location, _ in answers if status == 303 and "notice=stock-changed" in location)
    return placed, sold_out, len(answers) - placed - sold_out


def race(shoppers):
    """Every shopper presses "Continue to payment" at once, from a thread each: the answers, and
    the wall time from the release to the last answer."""
    barrier = threading.Barrier(len(shoppers) + 1)
    answers = [None] * len(shoppers)

    def run(index):
        barrier.wait()
        answers[index] = pay(shoppers[index])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(shoppers))]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return answers, time.perf_counter() - started


def batch(shoppers, concurrency):
    """Every shopper places an order, `concurrency` at a time: the answers and the wall time."""
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        answers = list(pool.map(pay, shoppers))
    return answers, time.perf_counter() - started


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def latency_ms(answers):
    milliseconds = [seconds * 1000 for _, _, seconds in answers]
    return {"p50": round(percentile(milliseconds, 0.50), 1), "p99": round(percentile(milliseconds, 0.99), 1),
            "max": round(max(milliseconds), 1)}
