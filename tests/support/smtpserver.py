#!/usr/bin/python3
"""A real SMTP server for tests (aiosmtpd): 127.0.0.1 on a free port, STARTTLS required before AUTH and mail, one
user and password, every message received saved to a folder.

    smtpserver.py --dir DIR --user NAME --password SECRET [--no-tls] [--host ADDRESS]

Makes DIR/cert.pem (self-signed for 127.0.0.1 and localhost, also the CA file a client trusts) and DIR/key.pem,
prints "PORT <n>" on standard output once it accepts connections, and serves until standard input closes.

Each message is saved as DIR/messages/<n>.eml (the bytes as received) with DIR/messages/<n>.json:
{"mail_from", "rcpt_tos", "tls": whether the session had upgraded to TLS, "login": the user who logged in}.
DIR/rules.json, read at every RCPT TO, answers chosen recipients with a chosen reply instead of accepting them:
{"someone@example.org": "450 4.2.0 Mailbox busy, try again later"}; the test rewrites it between runs.

--no-tls offers no STARTTLS at all (and takes the login in clear), to show that the client refuses such a server
unless it is on the same machine; --host listens on another address than 127.0.0.1 (e.g. 0.0.0.0).
"""
import argparse
import logging
import json
import os
import socket
import ssl
import subprocess
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port(host):
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class Handler:
    def __init__(self, folder):
        self.folder = folder
        self.messages = os.path.join(folder, "messages")
        os.makedirs(self.messages, exist_ok=True)
        self.lock = threading.Lock()
        self.count = 0

    def rules(self):
        try:
            with open(os.path.join(self.folder, "rules.json"), encoding="utf-8") as f:
                return json.load(f)
        except FileNotFoundError:
            return {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.rules().get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        base = os.path.join(self.messages, "%d" % n)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        login = getattr(session.auth_data, "login", None)
        login = login.decode() if isinstance(login, bytes) else login
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "tls": session.ssl is not None, "login": login}, f)
        return "250 2.0.0 Message %d accepted" % n


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--no-tls", action="store_true")
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)

    os.makedirs(args.dir, exist_ok=True)
    cert = os.path.join(args.dir, "cert.pem")
    key = os.path.join(args.dir, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key, "-out", cert],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == args.user.encode()
              and auth_data.password == args.password.encode())
        # handled=False: aiosmtpd answers a wrong password with "535 5.7.8 Authentication credentials invalid".
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    port = free_port(args.host)
    tls = {} if args.no_tls else {"tls_context": context, "require_starttls": True}
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    controller = Controller(Handler(args.dir), hostname=args.host, port=port, auth_required=True,
                            auth_require_tls=not args.no_tls, authenticator=authenticator, **tls)
    controller.start()
    print("PORT %d" % port, flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
