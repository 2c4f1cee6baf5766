"""Running a function binary as a real CGI process, the way a web server does."""
import os
import subprocess
from pathlib import Path

from conftest import SHELF

FUNCTIONS = Path(os.environ.get("SHELF_FUNCTIONS", str(Path(SHELF).parent)))


class CGIResponse:
    def __init__(self, raw: bytes, stderr: str):
        head, _, self.body = raw.partition(b"\r\n\r\n")
        self.headers = {}
        self.cookies = []
        self.status = 200
        for line in head.decode().split("\r\n"):
            name, _, value = line.partition(":")
            value = value.strip()
            if name.lower() == "status":
                self.status = int(value.split()[0])
            elif name.lower() == "set-cookie":
                self.cookies.append(value)
            else:
                self.headers[name.lower()] = value
        self.stderr = stderr

    @property
    def text(self):
        return self.body.decode()


def run_cgi(function, env, stdin=b"", timeout=30):
    """Spawns functions/NAME with exactly `env` (nothing inherited) and `stdin`."""
    process = subprocess.run([str(FUNCTIONS / function)], input=stdin, env=env, capture_output=True, timeout=timeout)
    assert process.returncode == 0, process.stderr.decode()
    return CGIResponse(process.stdout, process.stderr.decode())


def request_env(store, method, path_info, *, body=b"", content_type="application/x-www-form-urlencoded",
                query="", cookie=None, headers=None, length=None):
    """The CGI/1.1 variables a web server would set for one request to /fn/cart."""
    env = {
        "GATEWAY_INTERFACE": "CGI/1.1", "SERVER_PROTOCOL": "HTTP/1.1", "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80",
        "REMOTE_ADDR": "127.0.0.1", "REQUEST_METHOD": method, "SCRIPT_NAME": "/fn/cart", "PATH_INFO": path_info,
        "QUERY_STRING": query, "REQUEST_URI": "/fn/cart" + path_info + ("?" + query if query else ""),
        "SHELF_ROOT": str(store),
    }
    if method == "POST":
        env["CONTENT_LENGTH"] = str(len(body)) if length is None else length
        env["CONTENT_TYPE"] = content_type
    if cookie:
        env["HTTP_COOKIE"] = cookie
    for name, value in (headers or {}).items():
        env["HTTP_" + name.upper().replace("-", "_")] = value
    return env
