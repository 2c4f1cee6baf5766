"""A small browser for the tests: a cookie jar, no proxy, no automatic redirects, raw bytes."""
import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass


@dataclass
class Answer:
    status: int
    headers: object  # http.client.HTTPMessage: case-insensitive, get_all for repeated headers
    body: bytes

    @property
    def text(self):
        return self.body.decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Requests against one base URL, keeping cookies like a browser; a 303 is returned, not followed."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        # An empty ProxyHandler: the tests talk to loopback even when the environment names a proxy.
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect())

    def request(self, method, path, body=None, headers=None) -> Answer:
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return Answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            with error:
                return Answer(error.code, error.headers, error.read())

    def get(self, path, headers=None) -> Answer:
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, headers=None) -> Answer:
        """POSTs a form: `fields` is a dict or a list of pairs, or bytes sent as they are."""
        body = fields if isinstance(fields, bytes) else urllib.parse.urlencode(fields).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
        return self.request("POST", path, body=body, headers=headers)
