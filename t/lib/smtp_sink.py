#!/usr/bin/python3
"""A local SMTP server that keeps every message it receives, for `make run`
and the tests: nothing leaves the machine.

    t/lib/smtp_sink.py --port 2525 --dir var/dev/mail [--pidfile FILE] [--delay S]
                       [--refuse REGEX]

Each message is written to DIR as NNNN.eml, exactly the bytes received
after DATA (dot-stuffing undone), and its envelope to NNNN.json
({"mail_from": ..., "rcpt_tos": [...]}); the .json is in place before the
.eml appears, and both appear whole (written then renamed), so a reader
that waits for NNNN.eml never sees half a message. Numbers go on from the
highest already in DIR. The pidfile is written once the port listens, and
removed at exit. Runs in the foreground until SIGTERM or SIGINT. --delay
makes each delivery take that long, so that tests can catch two senders at
work together. --refuse makes it answer "550 5.1.1" to every recipient
that matches REGEX (a mailbox that does not exist), as a real relay would.

Uses Debian's python3-aiosmtpd, hence /usr/bin/python3 rather than
whatever python3 comes first in PATH.
"""
import argparse
import asyncio
import json
import os
import re
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Keeper:
    """aiosmtpd handler: one file per message, numbered in arrival order."""

    def __init__(self, folder, delay, refuse=None):
        self.folder = folder
        self.delay = delay
        self.refuse = re.compile(refuse) if refuse else None
        self.lock = threading.Lock()
        numbers = [int(m.group(1)) for m in
                   (re.match(r"^(\d+)\.eml$", n) for n in os.listdir(folder)) if m]
        self.last = max(numbers, default=0)

    def _write(self, name, data):
        tmp = os.path.join(self.folder, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.rename(tmp, os.path.join(self.folder, name))

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse and self.refuse.search(address):
            return "550 5.1.1 <%s>: mailbox unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            self.last += 1
            n = self.last
        envelope_json = json.dumps({"mail_from": envelope.mail_from,
                                    "rcpt_tos": list(envelope.rcpt_tos)})
        self._write("%04d.json" % n, envelope_json.encode() + b"\n")
        self._write("%04d.eml" % n, envelope.original_content)
        return "250 Message accepted for delivery"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--pidfile")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--delay", type=float, default=0.0)
    ap.add_argument("--refuse")
    args = ap.parse_args()

    os.makedirs(args.dir, exist_ok=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    controller = Controller(Keeper(args.dir, args.delay, args.refuse), hostname=args.host, port=args.port,
                            enable_SMTPUTF8=True)
    try:
        controller.start()
    except Exception as e:  # the port is taken, most likely
        print("smtp_sink: cannot listen on %s:%d: %s" % (args.host, args.port, e), file=sys.stderr)
        return 1
    try:
        if args.pidfile:
            tmp = args.pidfile + ".tmp"
            with open(tmp, "w") as f:
                f.write("%d\n" % os.getpid())
            os.rename(tmp, args.pidfile)
        print("smtp_sink: listening on %s:%d, writing to %s" % (args.host, args.port, args.dir),
              flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        controller.stop()
        if args.pidfile:
            try:
                os.unlink(args.pidfile)
            except FileNotFoundError:
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
