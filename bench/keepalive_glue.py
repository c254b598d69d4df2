"""A loopback Glue that keeps connections alive, as AWS does, and answers GetDatabases at once
with an answer recorded from moto 5.2.1 (three databases), so that the per-call row can be
measured without the emulator's `Connection: close` (a TCP connect and close on every call).
Any other operation gets a 400 `UnknownOperationException`.

    python3 bench/keepalive_glue.py PORT   (prints "ready" once it listens)
"""
import socket
import sys
import uuid
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# moto 5.2.1's answer to GetDatabases after three create_database calls (2026-12-01).
DATABASES = (
    b'{"DatabaseList": [{"Name": "sales", "Description": "Orders and invoices", "LocationUri": '
    b'"s3://bench-lake/sales/", "Parameters": {"owner": "data-team"}, "CreateTime": 1796104527.717, '
    b'"CatalogId": "123456789012"}, {"Name": "marketing", "Description": "Campaign events", '
    b'"LocationUri": "s3://bench-lake/marketing/", "Parameters": {"owner": "data-team"}, '
    b'"CreateTime": 1796104527.793, "CatalogId": "123456789012"}, {"Name": "raw_events", '
    b'"LocationUri": "s3://bench-lake/raw_events/", "Parameters": {"owner": "data-team"}, '
    b'"CreateTime": 1796104527.796, "CatalogId": "123456789012"}]}'
)
UNKNOWN = b'{"__type": "UnknownOperationException", "message": "only GetDatabases is served here"}'


class KeepAliveGlue(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        found = self.headers.get("X-Amz-Target") == "AWSGlue.GetDatabases"
        body = DATABASES if found else UNKNOWN
        # moto's headers but `Connection: close`, written with the body in one send.
        head = (
            f"HTTP/1.1 {'200 OK' if found else '400 Bad Request'}\r\n"
            "Server: Werkzeug/3.1.8 Python/3.11.7\r\n"
            f"Date: {formatdate(usegmt=True)}\r\n"
            "Content-Type: application/x-amz-json-1.1\r\n"
            "server: amazon.com\r\n"
            f"x-amzn-requestid: {uuid.uuid4()}\r\n"
            f"Content-Length: {len(body)}\r\n"
            "Access-Control-Allow-Origin: *\r\n\r\n"
        )
        self.wfile.write(head.encode() + body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), KeepAliveGlue)
    server.daemon_threads = True
    print("ready", flush=True)
    server.serve_forever()
