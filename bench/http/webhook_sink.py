#!/usr/bin/env python3
"""A webhook receiver for the outbox benchmark: answers every POST 204 over keep-alive HTTP/1.1 and counts them;
GET /count answers "<received> <distinct webhook-id values>", so the benchmark can show that nothing was sent twice."""
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    received = 0
    ids = set()
    lock = threading.Lock()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        with Sink.lock:
            Sink.received += 1
            Sink.ids.add(self.headers.get("webhook-id"))
        self.send_response(204)
        self.send_header("content-length", "0")
        self.end_headers()

    def do_GET(self):
        with Sink.lock:
            body = f"{Sink.received} {len(Sink.ids)}".encode()
        self.send_response(200)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
