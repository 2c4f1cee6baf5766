"""A FastCGI responder keeps its analytics events and writes them in batches: the real cart
binary with a listening Unix socket on its stdin, as spawn-fcgi and lighttpd start it, and a
client here that speaks the records itself (test_fastcgi_runtime's)."""
import os
import signal
import socket
import subprocess

import analytics_db
from cgi_process import FUNCTIONS, request_env
from conftest import shelf
from test_fastcgi_runtime import read_answer, request

BODY = b"sku=TEE-FOR-S&quantity=1"


def cart_adds(store):
    return analytics_db.rows(store, "SELECT kind, detail, amount FROM analytics_events WHERE kind = 'cart_add'")


def add(store, request_id):
    variables = request_env(store, "POST", "/add", body=BODY, headers={"Origin": "https://fixture.example"})
    return request(variables, BODY, request_id=request_id, keep=True)


def start_cart(listener):
    """The cart binary as a FastCGI responder on `listener`, with nothing of this environment."""
    return subprocess.Popen([str(FUNCTIONS / "cart")], stdin=listener.fileno(),
                            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_a_busy_responder_holds_its_events_and_writes_them_all_when_told_to_stop(tmp_path, fixture_store):
    """Requests queued behind the one in hand make the responder keep that one's event rather than
    commit it; SIGTERM then has it write every event it kept before it exits."""
    store = fixture_store
    shelf("secrets", "init", store=store)
    path = str(tmp_path / "cart.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(path)
        listener.listen(16)
        # Both connections wait in the backlog before the responder starts, so that while it
        # answers the first the second is already there.
        busy = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        busy.settimeout(60)
        busy.connect(path)
        waiting = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        waiting.connect(path)
        process = start_cart(listener)
    try:
        busy.sendall(add(store, 1))
        first = read_answer(busy)
        assert first.status == 303, first.text[:300]
        assert cart_adds(store) == [], "the responder committed an event while another request was waiting"
        for request_id in range(2, 6):
            busy.sendall(add(store, request_id))
            assert read_answer(busy).status == 303
        busy.close()
        process.send_signal(signal.SIGTERM)
        # The responder is now reading the waiting connection; the server closing it ends the
        # read, and the responder its loop.
        waiting.close()
        assert process.wait(timeout=60) == 0, process.stderr.read().decode()
        assert cart_adds(store) == [("cart_add", "TEE-FOR-S", 1)] * 5
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def test_a_lone_request_s_event_is_stored_when_its_answer_arrives(tmp_path, fixture_store):
    """With nothing else waiting, the responder writes the event before it answers, so a
    dashboard read right after sees it."""
    store = fixture_store
    shelf("secrets", "init", store=store)
    path = str(tmp_path / "cart.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(path)
        listener.listen(16)
        process = start_cart(listener)
    try:
        for request_id in (1, 2):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                connection.settimeout(60)
                connection.connect(path)
                connection.sendall(add(store, request_id))
                assert read_answer(connection).status == 303
            assert len(cart_adds(store)) == request_id
    finally:
        process.kill()
        process.wait(timeout=30)
