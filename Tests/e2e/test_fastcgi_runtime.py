"""The functions' own FastCGI responder, run as spawn-fcgi runs it: the real cart binary with a
listening Unix socket on its stdin, and a client here that speaks the records itself."""
import os
import socket
import struct
import subprocess

from cgi_process import FUNCTIONS, CGIResponse, request_env
from conftest import shelf


def record(kind, content=b"", request_id=1):
    return struct.pack(">BBHHBx", 1, kind, request_id, len(content), 0) + content


def pairs(variables):
    out = b""
    for name, value in variables.items():
        for text in (name.encode(), value.encode()):
            out += bytes([len(text)]) if len(text) < 128 else struct.pack(">I", len(text) | 0x80000000)
        out += name.encode() + value.encode()
    return out


def request(variables, body=b"", request_id=1, keep=False):
    return (record(1, struct.pack(">HB5x", 1, 1 if keep else 0), request_id) + record(4, pairs(variables), request_id)
            + record(4, b"", request_id) + (record(5, body, request_id) if body else b"") + record(5, b"", request_id))


def read_answer(connection):
    """The STDOUT of one request up to its END_REQUEST, as a CGI response."""
    data, output = b"", b""
    while True:
        while len(data) < 8:
            chunk = connection.recv(65536)
            assert chunk, "the responder closed the connection before END_REQUEST"
            data += chunk
        _, kind, _, length, padding = struct.unpack(">BBHHBx", data[:8])
        while len(data) < 8 + length + padding:
            chunk = connection.recv(65536)
            assert chunk, "the responder closed the connection inside a record"
            data += chunk
        content, data = data[8:8 + length], data[8 + length + padding:]
        if kind == 6:
            output += content
        elif kind == 3:
            return CGIResponse(output, "")


class Responder:
    """The cart as a FastCGI responder on a Unix socket, with `environment` as its own."""

    def __init__(self, tmp_path, environment):
        self.path = str(tmp_path / "cart.sock")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(self.path)
        listener.listen(16)
        self.process = subprocess.Popen([str(FUNCTIONS / "cart")], stdin=listener.fileno(), env=environment,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        listener.close()

    def connect(self):
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(60)
        connection.connect(self.path)
        return connection

    def log(self):
        """What the responder wrote to stderr, once it has been stopped."""
        self.stop()
        return self.process.stderr.read().decode()

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)


def test_requests_on_a_connection_the_server_keeps_are_answered_in_turn(tmp_path, fixture_store):
    store = fixture_store
    shelf("secrets", "init", store=store)
    responder = Responder(tmp_path, {"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    try:
        body = b"sku=TEE-FOR-S&quantity=1"
        with responder.connect() as connection:
            add = request_env(store, "POST", "/add", body=body,
                              headers={"Origin": "https://fixture.example", "Accept": "application/json"})
            connection.sendall(request(add, body, request_id=1, keep=True))
            added = read_answer(connection)
            assert added.status in (200, 303), added.text[:300] + responder.log()
            cookie = added.cookies[0].split(";")[0]
            read = request_env(store, "GET", ".json", cookie=cookie)
            read["REQUEST_URI"] = "/fn/cart.json"
            connection.sendall(request(read, request_id=2, keep=True))
            cart = read_answer(connection)
            assert cart.status == 200, cart.text[:300]
            assert '"count":1' in cart.text.replace(" ", ""), cart.text[:300]
        # A bad request on a new connection gets its 400, and the responder goes on.
        with responder.connect() as connection:
            bad = request_env(store, "GET", "/../secrets")
            connection.sendall(request(bad))
            assert read_answer(connection).status == 400
            assert connection.recv(1) == b"", "the responder keeps a connection the server did not ask to keep"
        assert responder.process.poll() is None
    finally:
        responder.stop()


def test_the_time_limit_answers_over_fastcgi_and_the_process_ends(tmp_path, fixture_store):
    """A handler stuck on a database that never answers: the watchdog answers the request on
    its connection with the time limit's 503, then the process ends for the server to restart."""
    store = fixture_store
    shelf("secrets", "init", store=store)
    with open(store / "shelf.toml", "a") as toml:
        toml.write("\n[functions]\ntimeout_seconds = 2\n")
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "SHELF_ROOT": str(store),
                       "SHELF_DATABASE_URL": f"postgresql://shop@127.0.0.1:{silent.getsockname()[1]}/shop?connect_timeout=120"}
        responder = Responder(tmp_path, environment)
        try:
            body = b"sku=TEE-FOR-S&quantity=1"
            with responder.connect() as connection:
                add = request_env(store, "POST", "/add", body=body, headers={"Origin": "https://fixture.example"})
                connection.sendall(request(add, body))
                answer = read_answer(connection)
            assert answer.status == 503, answer.text[:300]
            assert "This took too long. Please try again." in answer.text
            assert responder.process.wait(timeout=30) == 75
        finally:
            responder.stop()
