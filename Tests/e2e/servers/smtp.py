"""A real SMTP server for the mail tests (aiosmtpd), listening on 127.0.0.1.

Each accepted message is stored in MAILDIR as two files sharing a random name:

- ``NAME.eml``: the message bytes exactly as received after DATA (dot-stuffing removed, as
  SMTP defines; nothing else changed),
- ``NAME.json``: the envelope, ``{"mail_from": "...", "rcpt_tos": ["..."]}``.

The JSON file is written first and the .eml renamed into place last, so a reader that sees an
.eml file always finds its envelope.

From the command line (the Swift tests use this; it prints ``ready`` once listening)::

    python3 Tests/e2e/servers/smtp.py --port P --maildir DIR [--starttls CERT KEY]
        [--require-auth USER:PASS] [--reject-rcpt SUBSTRING:CODE]

From pytest::

    server = SMTPServer(maildir, starttls=(cert, key), auth=("shop", "secret"))
    server.start()
    ...
    [message] = server.messages()      # email.message.EmailMessage, with .envelope set
    server.stop()

With --starttls the server refuses mail until STARTTLS; with --require-auth it refuses mail
until AUTH (PLAIN or LOGIN) succeeds, and offers AUTH only over TLS when STARTTLS is on.
--reject-rcpt answers RCPT TO for any address containing SUBSTRING with CODE (550 or 450, say).
"""
import argparse
import email
import email.policy
import json
import os
import signal
import socket
import ssl
import threading
import uuid
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class _Handler:
    def __init__(self, maildir: Path, reject_rcpt):
        self.maildir = maildir
        self.reject_rcpt = reject_rcpt

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_rcpt and self.reject_rcpt[0] in address:
            code = self.reject_rcpt[1]
            return f"{code} {code // 100}.1.1 <{address}>: Recipient address rejected by the test server"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        (self.maildir / f"{name}.json").write_text(
            json.dumps({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}))
        temporary = self.maildir / f".{name}.tmp"
        temporary.write_bytes(envelope.original_content)
        temporary.rename(self.maildir / f"{name}.eml")
        return f"250 2.0.0 OK queued as {name}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SMTPServer:
    """An aiosmtpd server on 127.0.0.1 storing messages in `maildir` (see the module docstring)."""

    def __init__(self, maildir, port=0, starttls=None, auth=None, reject_rcpt=None):
        self.maildir = Path(maildir)
        self.maildir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        kwargs = {}
        if starttls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*starttls)
            kwargs.update(tls_context=context, require_starttls=True)
        if auth:
            user, password = auth

            def authenticator(server, session, envelope, mechanism, data):
                ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
                # handled=False: let aiosmtpd answer a failure with its 535.
                return AuthResult(success=ok, handled=False)

            kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(starttls))
        self._controller = Controller(
            _Handler(self.maildir, reject_rcpt), hostname="127.0.0.1", port=self.port, **kwargs)

    def start(self):
        self._controller.start()
        return self

    def stop(self):
        self._controller.stop()

    def messages(self):
        """The stored messages, oldest first, each with `.envelope` = the JSON sidecar's dict."""
        result = []
        for path in sorted(self.maildir.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            message.envelope = json.loads(path.with_suffix(".json").read_text())
            result.append(message)
        return result


def _pair(text, convert=str):
    head, _, tail = text.rpartition(":")
    if not head:
        raise argparse.ArgumentTypeError(f"expected A:B, got {text!r}")
    return head, convert(tail)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--require-auth", type=_pair, metavar="USER:PASS")
    parser.add_argument("--reject-rcpt", type=lambda t: _pair(t, int), metavar="SUBSTRING:CODE")
    args = parser.parse_args()
    server = SMTPServer(args.maildir, args.port, args.starttls, args.require_auth, args.reject_rcpt).start()
    done = threading.Event()
    # A parent may start us with these blocked (a test runner's threads block signals).
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: done.set())
    print("ready", flush=True)
    done.wait()
    server.stop()


if __name__ == "__main__":
    main()
