#!/usr/bin/env python3
"""What the login benchmark prepares before anything is timed (bench/accounts/run).

    prepare.py account STORE BASE_URL EMAIL PASSWORD
        registers EMAIL through the account function run as CGI, delivers the outbox to the
        store's mail folder (`shelf mail deliver`), follows the confirmation link, and checks that
        a login then answers 303 to /fn/account
    prepare.py pool URL COUNT FILE
        opens the login form COUNT times through the web server (each time a new session) and
        writes "COOKIE<TAB>TOKEN" lines: one login each
    prepare.py cgi-form STORE EMAIL PASSWORD BODY_FILE COOKIE_FILE
        opens the login form once as CGI and writes the login's body and its cookie (hyperfine's
        --prepare before every timed CGI login)
    prepare.py state STORE EMAIL
        prints the account's logged-in sessions, failed logins, lock and the store's recorded
        login failures as JSON

Environment: SHELF_BIN (the release shelf) and ACCOUNT_BIN (the release account function).
Python 3 standard library only.
"""
import http.client
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import urllib.parse
from email import policy
from email.parser import BytesParser
from pathlib import Path

TOKEN = re.compile(r'name="_token" value="([^"]+)"')


def account(store, method, path, body=b"", cookie=None, query="", origin=None):
    """One request to the account function run as CGI; (status, headers, cookies, text)."""
    env = {
        "PATH": "/usr/bin:/bin", "GATEWAY_INTERFACE": "CGI/1.1", "SERVER_PROTOCOL": "HTTP/1.1",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "REMOTE_ADDR": "127.0.0.1",
        "REQUEST_METHOD": method, "SCRIPT_NAME": "/fn/account", "PATH_INFO": path, "QUERY_STRING": query,
        "REQUEST_URI": "/fn/account" + path + ("?" + query if query else ""), "SHELF_ROOT": str(store),
    }
    if method == "POST":
        env["CONTENT_LENGTH"] = str(len(body))
        env["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
    if cookie:
        env["HTTP_COOKIE"] = cookie
    if origin:
        env["HTTP_ORIGIN"] = origin
    done = subprocess.run([os.environ["ACCOUNT_BIN"]], input=body, env=env, capture_output=True, timeout=60)
    if done.returncode != 0:
        sys.exit(f"prepare.py: the account function exited {done.returncode}: {done.stderr.decode()[-500:]}")
    head, _, text = done.stdout.partition(b"\r\n\r\n")
    status, headers, cookies = 200, {}, []
    for line in head.decode().split("\r\n"):
        name, _, value = line.partition(":")
        if name.lower() == "status":
            status = int(value.split()[0])
        elif name.lower() == "set-cookie":
            cookies.append(value.strip().split(";")[0])
        else:
            headers[name.lower()] = value.strip()
    return status, headers, cookies, text.decode(errors="replace")


def login_form(store):
    """A new session's cookie and the token of its login form, as CGI."""
    status, _, cookies, text = account(store, "GET", "/login")
    match = TOKEN.search(text)
    if status != 200 or not cookies or not match:
        sys.exit(f"prepare.py: GET /fn/account/login as CGI answered {status} without a session or a form token")
    return cookies[0], match.group(1)


def login_body(email, password, token):
    return urllib.parse.urlencode({"email": email, "password": password, "_token": token}).encode()


def register(store, base_url, email, password):
    cookie, token = login_form(store)
    fields = urllib.parse.urlencode({"email": email, "name": "Bench", "password": password, "_token": token}).encode()
    status, _, _, text = account(store, "POST", "/register", body=fields, cookie=cookie, origin=base_url)
    if status != 200 or "Check your email" not in text:
        sys.exit(f"prepare.py: registering {email} answered {status}: {text[:300]}")
    subprocess.run([os.environ["SHELF_BIN"], "mail", "deliver", "--store", str(store)], check=True, capture_output=True)
    links = []
    for message in sorted((Path(store) / "data" / "mail").glob("*.eml")):
        parsed = BytesParser(policy=policy.default).parsebytes(message.read_bytes())
        text = parsed.get_body(preferencelist=("plain",)).get_content()
        links += re.findall(r"/fn/account/confirm\?token=(\S+)", text)
    if not links:
        sys.exit(f"prepare.py: no confirmation link in {store}/data/mail after registering {email}")
    status, _, _, text = account(store, "GET", "/confirm", query="token=" + links[-1])
    if status != 200 or "confirmed" not in text:
        sys.exit(f"prepare.py: the confirmation link answered {status}: {text[:300]}")
    cookie, token = login_form(store)
    status, headers, _, text = account(store, "POST", "/login", body=login_body(email, password, token), cookie=cookie, origin=base_url)
    if status != 303 or headers.get("location") != "/fn/account":
        sys.exit(f"prepare.py: a login after confirming answered {status} {headers.get('location')}: {text[:300]}")


def pool(url, count, out):
    """COUNT login forms through the web server, from 4 connections at once."""
    parts = urllib.parse.urlsplit(url)
    lines, problems, lock = [], [], threading.Lock()

    def worker(share):
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        for _ in range(share):
            connection.request("GET", "/fn/account/login")
            answer = connection.getresponse()
            text = answer.read().decode(errors="replace")
            cookie = next((v.split(";")[0] for k, v in answer.getheaders() if k.lower() == "set-cookie"), None)
            match = TOKEN.search(text)
            with lock:
                if answer.status == 200 and cookie and match:
                    lines.append(f"{cookie}\t{match.group(1)}\n")
                else:
                    problems.append(f"{answer.status} {text[:200]}")
        connection.close()

    workers = [threading.Thread(target=worker, args=(count // 4 + (1 if i < count % 4 else 0),)) for i in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if problems:
        sys.exit(f"prepare.py: {len(problems)} of {count} login forms failed, the first: {problems[0]}")
    Path(out).write_text("".join(lines))


def cgi_form(store, email, password, body_file, cookie_file):
    cookie, token = login_form(store)
    Path(body_file).write_bytes(login_body(email, password, token))
    Path(cookie_file).write_text(cookie)


def state(store, email):
    with sqlite3.connect(Path(store) / "data" / "shelf.sqlite") as db:
        customer_id, failed, locked = db.execute(
            "SELECT id, failed_logins, locked_at FROM customers WHERE email = ?", (email,)).fetchone()
        sessions = db.execute("SELECT COUNT(*) FROM sessions WHERE customer_id = ?", (customer_id,)).fetchone()[0]
        failures = db.execute("SELECT COUNT(*) FROM login_failures").fetchone()[0]
    print(json.dumps({"logged_in_sessions": sessions, "failed_logins": failed, "locked": locked is not None,
                      "login_failures_recorded": failures}))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "account":
        register(Path(args[0]), args[1], args[2], args[3])
    elif command == "pool":
        pool(args[0], int(args[1]), args[2])
    elif command == "cgi-form":
        cgi_form(Path(args[0]), args[1], args[2], args[3], args[4])
    elif command == "state":
        state(Path(args[0]), args[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
