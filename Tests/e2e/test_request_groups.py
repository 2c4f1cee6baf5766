"""A busy FastCGI cart answers the requests it finds waiting together, in one transaction
(docs/functions.md, "Requests answered together"): the real cart binary with a listening Unix
socket on its stdin, as spawn-fcgi and lighttpd start it, and a client here that speaks the
records itself.

To have requests wait, the responder is stopped (SIGSTOP) while they are sent, each on a
connection of its own as lighttpd sends them, and let go (SIGCONT). On SQLite the transactions
are counted in the store's write-ahead log; PostgreSQL answers the same requests one by one."""
import os
import signal
import sqlite3
import subprocess

import store_db
from cgi_process import FUNCTIONS, request_env
from conftest import shelf
from test_analytics_batches import connect, listening, responder, wal_commits
from test_fastcgi_runtime import read_answer, request
from test_store_files import refuse_file_growth

ORIGIN = {"Origin": "https://fixture.example"}


def new_shopper_add(store, sku, request_id=1):
    """An add without a cookie, on a connection the server closes after it: every one starts a
    session of its own."""
    body = f"sku={sku}&quantity=1".encode()
    return request(request_env(store, "POST", "/add", body=body, headers=ORIGIN), body, request_id=request_id)


def sessions(store):
    return store_db.row(store, "SELECT COUNT(*) FROM sessions")[0]


def waiting_then_answered(process, path, requests):
    """Sends each of `requests` on its own connection while the responder is stopped, lets it go,
    and returns the answers in the order sent."""
    process.send_signal(signal.SIGSTOP)
    connections = []
    try:
        for bytes_ in requests:
            connection = connect(path)
            connection.sendall(bytes_)
            connections.append(connection)
    finally:
        process.send_signal(signal.SIGCONT)
    try:
        return [read_answer(connection) for connection in connections]
    finally:
        for connection in connections:
            connection.close()


def store_commits(store):
    """Transactions committed to the store's SQLite file since `forget_commits`."""
    return wal_commits(store / "data" / "shelf.sqlite-wal")


def forget_commits(store):
    busy, _, _ = store_db.row(store, "PRAGMA wal_checkpoint(TRUNCATE)")
    assert busy == 0 and store_commits(store) == 0, "the store's log could not be emptied"


def started(tmp_path, store):
    """The cart as a FastCGI responder that has answered one add already (its store open)."""
    process, path = responder(tmp_path, store)
    with connect(path) as first:
        first.sendall(new_shopper_add(store, "TEE-FOR-S"))
        assert read_answer(first).status == 303
    return process, path


def test_requests_waiting_together_are_answered_in_one_transaction(tmp_path, fixture_store):
    """Eight new shoppers' adds that wait at once: each gets its 303 and its session, and on
    SQLite they are committed together, not in eight transactions."""
    store = fixture_store
    process, path = started(tmp_path, store)
    try:
        before = sessions(store)
        if not store_db.ON_POSTGRESQL:
            forget_commits(store)
        answers = waiting_then_answered(process, path, [new_shopper_add(store, "TEE-FOR-S", n) for n in range(1, 9)])
        assert [answer.status for answer in answers] == [303] * 8
        cookies = {answer.cookies[0].split(";")[0] for answer in answers}
        assert len(cookies) == 8, "each new shopper gets a session of their own"
        assert sessions(store) == before + 8
        if not store_db.ON_POSTGRESQL:
            commits = store_commits(store)
            assert 1 <= commits < 8, f"{commits} transactions for 8 waiting adds"
        assert process.poll() is None
    finally:
        process.kill()
        process.wait(timeout=30)


def test_a_refused_request_in_a_group_undoes_only_its_own_changes(tmp_path, fixture_store):
    """An add of an unknown product between two good ones: the new session its transaction
    started is rolled back, and the two good adds are kept with their answers."""
    store = fixture_store
    process, path = started(tmp_path, store)
    try:
        before = sessions(store)
        answers = waiting_then_answered(process, path, [
            new_shopper_add(store, "TEE-FOR-S", 1),
            new_shopper_add(store, "NO-SUCH-SKU", 2),
            new_shopper_add(store, "TEE-FOR-S", 3),
        ])
        assert answers[0].status == 303 and answers[2].status == 303
        assert 400 <= answers[1].status < 500, answers[1].text
        assert answers[1].cookies == []
        assert sessions(store) == before + 2, "the refused add left a session behind, or a good one was lost"
        lines = store_db.row(store, "SELECT COUNT(*) FROM cart_lines WHERE sku = 'TEE-FOR-S'")[0]
        assert lines == 3, "the first add and the two good adds of the group each hold a line"
    finally:
        process.kill()
        process.wait(timeout=30)


def test_reads_waiting_together_see_the_carts_as_they_are(tmp_path, fixture_store):
    """A group of cart reads after an add in the same group: the reads that follow the add see
    its line, the one before it does not, as if they had come one by one."""
    store = fixture_store
    process, path = started(tmp_path, store)
    try:
        with connect(path) as connection:
            connection.sendall(new_shopper_add(store, "TEE-FOR-S"))
            cookie = read_answer(connection).cookies[0].split(";")[0]

        def cart_json(request_id):
            return request(request_env(store, "GET", ".json", cookie=cookie), request_id=request_id)

        body = b"sku=TEE-FOR-M&quantity=2"
        add = request(request_env(store, "POST", "/add", body=body, cookie=cookie, headers=ORIGIN), body, request_id=2)
        answers = waiting_then_answered(process, path, [cart_json(1), add, cart_json(3)])
        assert [answer.status for answer in answers] == [200, 303, 200]
        assert b"TEE-FOR-M" not in answers[0].body and b"TEE-FOR-M" in answers[2].body
    finally:
        process.kill()
        process.wait(timeout=30)


@store_db.sqlite_only
def test_a_group_the_disk_refuses_to_commit_answers_every_request_503(tmp_path, fixture_store):
    """The disk refuses the group's commit: the add is not made, and the cart read that came
    after it in the group, which saw the add, is not answered as if it had been: both get the
    storage failure's 503 with Retry-After."""
    store = fixture_store
    shelf("secrets", "init", store=store)
    listener, path = listening(tmp_path)
    process = subprocess.Popen([str(FUNCTIONS / "cart")], stdin=listener.fileno(),
                               env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")}, preexec_fn=refuse_file_growth,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    listener.close()
    # An open connection keeps the -wal and -shm files in place (test_store_files).
    with sqlite3.connect(store / "data" / "shelf.sqlite") as other:
        other.execute("SELECT count(*) FROM stock").fetchone()
        try:
            with connect(path) as first:
                first.sendall(request(request_env(store, "GET", ".json")))
                assert read_answer(first).status == 200
            before = sessions(store)
            answers = waiting_then_answered(process, path, [
                new_shopper_add(store, "TEE-FOR-S", 1),
                request(request_env(store, "GET", ".json"), request_id=2),
            ])
            assert [answer.status for answer in answers] == [503, 503], [answer.text[:200] for answer in answers]
            assert all(answer.headers.get("retry-after") == "30" for answer in answers)
            assert answers[0].cookies == [], "a session cookie for a session that was never stored"
            assert sessions(store) == before
        finally:
            process.kill()
            process.wait(timeout=30)
        assert "could not be committed" in process.stderr.read().decode()
