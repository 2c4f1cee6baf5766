"""A local stand-in for Stripe's API, speaking the parts of its protocol Shelf uses.

It answers POST /v1/coupons, /v1/checkout/sessions and /v1/refunds the way Stripe does
(form-encoded requests, JSON answers, Bearer keys, idempotency keys that replay the first answer),
records every request it receives, and can sign and deliver webhook events to the store with
Stripe's `Stripe-Signature` scheme. Tests use it in place of api.stripe.com; nothing else is faked.
"""
import hashlib
import hmac
import json
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def sign(body: bytes, secret: str, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


class StripeStandIn:
    def __init__(self, secret_key="sk_test_shelf", webhook_secret="whsec_shelf_test"):
        self.secret_key = secret_key
        self.webhook_secret = webhook_secret
        self.requests = []          # (method, path, headers, form)
        self.sessions = {}
        self.coupons = {}
        self.refunds = []
        self.fail_next = 0          # answer 500 to this many requests, then work again
        self._replies = {}          # idempotency key -> (status, body)
        self._counter = 0
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()

    def _id(self, prefix):
        self._counter += 1
        return f"{prefix}_{self._counter:06d}"

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                with standin._lock:
                    standin.requests.append(("GET", self.path, dict(self.headers), {}))
                    session = standin.sessions.get(self.path.removeprefix("/v1/checkout/sessions/"))
                    ok = self.headers.get("Authorization") == f"Bearer {standin.secret_key}"
                status, body = (200, session) if ok and session else (404, {"error": {"message": "No such checkout session"}})
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                form = dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))
                with standin._lock:
                    standin.requests.append(("POST", self.path, dict(self.headers), form))
                    status, body = standin._answer(self.path, self.headers, form)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def _answer(self, path, headers, form):
        if headers.get("Authorization") != f"Bearer {self.secret_key}":
            return 401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided"}}
        if self.fail_next > 0:
            self.fail_next -= 1
            return 500, {"error": {"type": "api_error", "message": "stand-in failure"}}
        key = headers.get("Idempotency-Key")
        if key and key in self._replies:
            return self._replies[key]
        if path == "/v1/coupons":
            coupon = {"id": self._id("coupon"), "amount_off": int(form["amount_off"]), "currency": form["currency"]}
            self.coupons[coupon["id"]] = coupon
            reply = (200, coupon)
        elif path == "/v1/checkout/sessions":
            reply = self._create_session(form)
        elif path == "/v1/refunds":
            refund = {"id": self._id("re"), "payment_intent": form["payment_intent"], "amount": int(form["amount"]),
                      "status": "succeeded"}
            self.refunds.append(refund)
            reply = (200, refund)
        else:
            reply = (404, {"error": {"message": f"Unrecognized request URL (POST: {path})"}})
        if key:
            self._replies[key] = reply
        return reply

    def _create_session(self, form):
        total = 0
        index = 0
        currency = None
        while f"line_items[{index}][quantity]" in form:
            amount = int(form[f"line_items[{index}][price_data][unit_amount]"])
            total += amount * int(form[f"line_items[{index}][quantity]"])
            currency = form[f"line_items[{index}][price_data][currency]"]
            index += 1
        if index == 0:
            return 400, {"error": {"message": "line_items is required"}}
        total += int(form.get("shipping_options[0][shipping_rate_data][fixed_amount][amount]", 0))
        coupon = form.get("discounts[0][coupon]")
        if coupon:
            total -= self.coupons[coupon]["amount_off"]
        expires_at = int(form["expires_at"])
        if not (time.time() + 1700 <= expires_at <= time.time() + 86400 + 60):
            return 400, {"error": {"message": "expires_at must be between 30 minutes and 24 hours from now"}}
        session_id = self._id("cs_test")
        session = {
            "id": session_id, "object": "checkout.session", "url": f"{self.url}/pay/{session_id}",
            "amount_total": total, "currency": currency, "client_reference_id": form["client_reference_id"],
            "customer_email": form.get("customer_email"), "payment_status": "unpaid", "status": "open",
            "expires_at": expires_at, "success_url": form["success_url"], "cancel_url": form["cancel_url"],
            "payment_intent": None, "metadata": {"order": form.get("metadata[order]")},
        }
        self.sessions[session_id] = session
        return 200, session

    # -- events ---------------------------------------------------------------------------------

    def event(self, event_type, session_id=None, obj=None, event_id=None):
        """A Stripe event JSON (bytes) about a session (completed: paid, with a payment intent)."""
        if obj is None:
            session = dict(self.sessions[session_id])
            if event_type in ("checkout.session.completed", "checkout.session.async_payment_succeeded"):
                session["payment_status"] = "paid"
                session["status"] = "complete"
                session["payment_intent"] = session["payment_intent"] or "pi_" + session_id
                self.sessions[session_id] = dict(session)
            obj = session
        event = {"id": event_id or self._id("evt"), "object": "event", "type": event_type,
                 "created": int(time.time()), "data": {"object": obj}}
        return json.dumps(event).encode()

    def refunded_event(self, number, charge, amount_refunded, payment_intent, currency="eur"):
        """A charge.refunded event: `amount_refunded` is the total refunded so far of the charge of
        `payment_intent`, as Stripe sends it."""
        return self.event("charge.refunded", obj={"id": charge, "object": "charge", "amount_refunded": amount_refunded,
                                                   "payment_intent": payment_intent, "currency": currency,
                                                   "metadata": {"order": number}})

    def deliver(self, webhook_url, body, signature=None, timestamp=None):
        """POSTs an event to the store's webhook like Stripe does; returns (status, text)."""
        header = signature if signature is not None else sign(body, self.webhook_secret, timestamp)
        request = urllib.request.Request(webhook_url, data=body, method="POST", headers={
            "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": header,
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
