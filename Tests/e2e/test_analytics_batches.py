"""A FastCGI responder keeps its analytics events and writes them in batches: the real cart
binary with a listening Unix socket on its stdin, as spawn-fcgi and lighttpd start it, and a
client here that speaks the records itself (test_fastcgi_runtime's).

Transactions are counted in the database itself: on SQLite the commit frames of the analytics
file's write-ahead log, on PostgreSQL the distinct transaction ids (`xmin`) of the events' rows."""
import os
import signal
import socket
import struct
import subprocess

import analytics_db
import store_db
from cgi_process import FUNCTIONS, CGIResponse, request_env
from conftest import shelf
from test_fastcgi_runtime import read_answer, request

BODY = b"sku=TEE-FOR-S&quantity=1"


def cart_adds(store):
    return analytics_db.rows(store, "SELECT kind, detail, amount FROM analytics_events WHERE kind = 'cart_add'")


def add(store, request_id, keep=True):
    variables = request_env(store, "POST", "/add", body=BODY, headers={"Origin": "https://fixture.example"})
    return request(variables, BODY, request_id=request_id, keep=keep)


def start_cart(listener):
    """The cart binary as a FastCGI responder on `listener`, with nothing of this environment."""
    return subprocess.Popen([str(FUNCTIONS / "cart")], stdin=listener.fileno(),
                            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def listening(tmp_path):
    path = str(tmp_path / "cart.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    return listener, path


def responder(tmp_path, store):
    """The store's secrets made and the cart started as a FastCGI responder on a socket of its
    own: the process and the socket's path."""
    shelf("secrets", "init", store=store)
    listener, path = listening(tmp_path)
    process = start_cart(listener)
    listener.close()
    return process, path


def connect(path):
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.settimeout(60)
    connection.connect(path)
    return connection


def read_answers(connection, count):
    """The answers to `count` requests sent at once on `connection`, in turn: unlike
    `read_answer`, the bytes of the next answer that came with one are kept for it."""
    data, output, answers = b"", b"", []
    while len(answers) < count:
        while len(data) < 8 or len(data) < 8 + struct.unpack(">BBHHBx", data[:8])[3] + data[6]:
            chunk = connection.recv(65536)
            assert chunk, "the responder closed the connection before its answers ended"
            data += chunk
        _, kind, _, length, padding = struct.unpack(">BBHHBx", data[:8])
        content, data = data[8:8 + length], data[8 + length + padding:]
        if kind == 6:
            output += content
        elif kind == 3:
            answers.append(CGIResponse(output, ""))
            output = b""
    return answers


def transactions(store):
    """How many transactions wrote the analytics events since `forget_transactions`."""
    if store_db.ON_POSTGRESQL:
        return store_db.rows(store, "SELECT count(DISTINCT xmin::text) FROM analytics_events")[0][0]
    return wal_commits(analytics_db.path(store).with_name("shelf-analytics.sqlite-wal"))


def wal_commits(path):
    """The transactions an SQLite write-ahead log at `path` holds since it was last reset: its
    frames of the current salts that end a commit."""
    wal = path.read_bytes() if path.exists() else b""
    if len(wal) < 32:
        return 0
    page_size, salts = struct.unpack(">I", wal[8:12])[0], wal[16:24]
    commits, at = 0, 32
    while at + 24 <= len(wal):
        if wal[at + 8:at + 16] != salts:
            break
        commits += struct.unpack(">I", wal[at + 4:at + 8])[0] != 0
        at += 24 + page_size
    return commits


def forget_transactions(store):
    """Empties the analytics log (SQLite) or the events (PostgreSQL), for `transactions` to count
    from here."""
    if store_db.ON_POSTGRESQL:
        store_db.execute(store, "DELETE FROM analytics_events")
    else:
        busy, _, _ = analytics_db.rows(store, "PRAGMA wal_checkpoint(TRUNCATE)")[0]
        assert busy == 0 and transactions(store) == 0, "the analytics log could not be emptied"


def test_a_busy_responder_writes_its_events_in_fewer_transactions_than_requests(tmp_path, fixture_store):
    """Requests the server sends one behind another on a connection it keeps: the responder writes
    their events together once it falls quiet, not one transaction a request."""
    store = fixture_store
    process, path = responder(tmp_path, store)
    try:
        with connect(path) as connection:
            connection.sendall(add(store, 1))
            assert read_answer(connection).status == 303
            analytics_db.wait_until(lambda: len(cart_adds(store)) == 1, "the first add's event")
            forget_transactions(store)
            connection.sendall(b"".join(add(store, request_id) for request_id in range(2, 10)))
            assert [answer.status for answer in read_answers(connection, 8)] == [303] * 8
            analytics_db.wait_until(lambda: len(cart_adds(store)) == (8 if store_db.ON_POSTGRESQL else 9), "the eight adds' events")
            written = transactions(store)
            assert 1 <= written < 8, f"{written} transactions for 8 requests' events"
    finally:
        process.kill()
        process.wait(timeout=30)


def test_a_responder_told_to_stop_writes_the_events_it_holds(tmp_path, fixture_store):
    """While the next request is still arriving the responder keeps the events of those it
    answered; SIGTERM then has it write every one before it exits."""
    store = fixture_store
    process, path = responder(tmp_path, store)
    try:
        connection = connect(path)
        # Five adds and the start of a sixth, whose parameters never end.
        unfinished = add(store, 6)[:40]
        connection.sendall(b"".join(add(store, request_id) for request_id in range(1, 6)) + unfinished)
        assert [answer.status for answer in read_answers(connection, 5)] == [303] * 5
        assert cart_adds(store) == [], "the responder wrote events while a request was arriving"
        process.send_signal(signal.SIGTERM)
        # The responder is reading the sixth request; the server closing the connection ends the
        # read, and the responder its loop.
        connection.close()
        assert process.wait(timeout=60) == 0, process.stderr.read().decode()
        assert cart_adds(store) == [("cart_add", "TEE-FOR-S", 1)] * 5
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def test_a_quiet_responder_writes_its_events_without_another_request(tmp_path, fixture_store):
    """Once no request comes, the responder writes what it holds: after a request on a connection
    the server keeps open and idle, and after one on a connection it closes."""
    store = fixture_store
    process, path = responder(tmp_path, store)
    try:
        with connect(path) as kept:
            kept.sendall(add(store, 1, keep=True))
            assert read_answer(kept).status == 303
            analytics_db.wait_until(lambda: len(cart_adds(store)) == 1, "the event of a request on a kept connection")
        with connect(path) as closed:
            closed.sendall(add(store, 2, keep=False))
            assert read_answer(closed).status == 303
        analytics_db.wait_until(lambda: len(cart_adds(store)) == 2, "the event of a request on a closed connection")
        assert process.poll() is None
    finally:
        process.kill()
        process.wait(timeout=30)
