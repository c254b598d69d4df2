"""A loopback Glue that answers every call after a fixed delay (50 ms by default), with
keep-alive, so clients that run calls side by side can be compared on latency alone.

    python3 bench/slow_glue.py PORT [DELAY_SECONDS]
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class SlowGlue(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    delay = 0.05

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        request = json.loads(self.rfile.read(length) or b"{}")
        time.sleep(self.delay)
        body = json.dumps({"Database": {"Name": request.get("Name", "?")}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    SlowGlue.delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.05
    ThreadingHTTPServer.request_queue_size = 256  # room for every connection opened at once
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), SlowGlue)
    server.daemon_threads = True
    server.serve_forever()
