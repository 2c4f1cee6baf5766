#!/usr/bin/env python3
"""An SMTP sink for the newsletter benchmark: aiosmtpd on 127.0.0.1 that accepts every message,
keeps nothing, and counts messages and bytes. Prints `ready PORT` once listening; on SIGTERM
prints `COUNT BYTES` and exits.

    sink.py [--port P]
"""
import argparse
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller


class Counter:
    def __init__(self):
        self.messages = 0
        self.bytes = 0

    async def handle_DATA(self, server, session, envelope):
        self.messages += len(envelope.rcpt_tos)
        self.bytes += len(envelope.original_content)
        return "250 2.0.0 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    port = args.port
    if not port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    counter = Counter()
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    print(f"ready {controller.port}", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    done.wait()
    controller.stop()
    print(f"{counter.messages} {counter.bytes}", flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
