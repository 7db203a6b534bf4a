#!/usr/bin/env python3
"""The libcurl transport against a loopback server that misbehaves on purpose (127.0.0.1 only, every
scenario bounded by a timeout): answers, the credential's form, 429 with Retry-After, a redirect not followed,
a refused port, a connection dropped after the request arrived, an answer slower than the timeout, and TLS with
a CA made here (refused without ca_file, accepted with it). Each failure must say whether the request may have
reached the server: that is what keeps a ticket from being opened twice.

    transport_test.py PROBE
"""
import base64
import json
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_ca import make_ca_and_certificate  # noqa: E402

failures = []
seen = []  # (method, path, headers, body) of every request that reached the server


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        seen.append((self.command, self.path, dict(self.headers), body))
        if self.path == "/created":
            self.answer(201, json.dumps({"echo": body.decode(), "auth": self.headers.get("Authorization", "")}).encode())
        elif self.path == "/busy":
            self.answer(429, b'{"message":"slow down"}', [("Retry-After", "7")])
        elif self.path == "/moved":
            self.answer(301, b"", [("Location", "/created")])
        elif self.path == "/drop":
            self.connection.shutdown(socket.SHUT_RDWR)  # the request arrived; the answer never leaves
            self.close_connection = True
        elif self.path == "/slow":
            time.sleep(3)
            self.answer(201, b"{}")
        else:
            self.answer(404, b"{}")

    do_GET = do_POST = handle_any


def serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


def probe(binary, *args):
    done = subprocess.run([binary, *args], capture_output=True, text=True, timeout=30,
                          env={k: v for k, v in os.environ.items() if "proxy" not in k.lower()})
    try:
        return json.loads(done.stdout)
    except ValueError:
        return {"unreadable": done.stdout + done.stderr}


def check(name, condition, detail):
    if not condition:
        failures.append(f"{name}: {detail}")


def main(binary):
    server = serve(ThreadingHTTPServer(("127.0.0.1", 0), Handler))
    base = f"http://127.0.0.1:{server.server_address[1]}"

    got = probe(binary, "POST", base + "/created", "--body", '{"title":"T"}', "--header", "Content-Type:application/json",
                "--user", "ana@acme.example", "--secret", "tok")
    check("an answer", got.get("status") == 201, got)
    check("the body sent as given", json.loads(got.get("body", "{}")).get("echo") == '{"title":"T"}', got)
    expected_auth = "Basic " + base64.b64encode(b"ana@acme.example:tok").decode()
    check("basic auth in its standard form", json.loads(got.get("body", "{}")).get("auth") == expected_auth, got)
    check("the header sent", seen and seen[-1][2].get("Content-Type") == "application/json", seen[-1:])

    got = probe(binary, "POST", base + "/busy", "--body", "{}")
    check("429 with Retry-After", got.get("status") == 429 and got.get("retry_after") == "7", got)

    got = probe(binary, "POST", base + "/moved", "--body", "{}")
    count = len(seen)
    check("a redirect is not followed", got.get("status") == 301 and seen[-1][1] == "/moved", got)

    got = probe(binary, "POST", base + "/drop", "--body", "{}")
    check("dropped after arriving: may have been delivered",
          got.get("failure") == "connection_lost" and got.get("maybe_delivered") is True, got)

    got = probe(binary, "POST", base + "/slow", "--body", "{}", "--timeout-ms", "1000")
    check("slower than the timeout: may have been delivered",
          got.get("failure") == "timed_out" and got.get("maybe_delivered") is True, got)

    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now
    got = probe(binary, "POST", f"http://127.0.0.1:{port}/created", "--body", "{}")
    check("a refused port: nothing was sent", got.get("failure") == "not_connected" and
          got.get("maybe_delivered") is False and f"127.0.0.1:{port}" in got.get("message", ""), got)

    with tempfile.TemporaryDirectory() as folder:
        make_ca_and_certificate(folder)
        tls = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(f"{folder}/server.pem", f"{folder}/server.key")
        tls.socket = context.wrap_socket(tls.socket, server_side=True)
        serve(tls)
        secure = f"https://127.0.0.1:{tls.server_address[1]}"
        before = len(seen)
        got = probe(binary, "POST", secure + "/created", "--body", "{}")
        check("TLS with an unknown CA is refused, nothing sent", got.get("failure") == "tls_refused" and
              got.get("maybe_delivered") is False and "ca_file" in got.get("message", "") and
              len(seen) == before, got)
        got = probe(binary, "POST", secure + "/created", "--body", "{}", "--ca", f"{folder}/ca.pem")
        check("TLS with the CA given is accepted", got.get("status") == 201, got)
        tls.shutdown()
    server.shutdown()
    for failure in failures:
        print("FAILED", failure)
    if not failures:
        print("transport_test: every scenario behaved")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
