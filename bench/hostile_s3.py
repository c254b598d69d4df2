"""An S3 stand-in that ignores Range: HEAD gives the object's size, and every GET, ranged or
not, answers 200 with the whole object (zeros), as a broken server or proxy might: with its
Content-Length, or (MODE chunked) chunked with no length announced.
Prints the body bytes it managed to send for each answer on stderr.
Usage: python3 bench/hostile_s3.py PORT SIZE_BYTES [length|chunked]"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SIZE = int(sys.argv[2])
CHUNKED = len(sys.argv) > 3 and sys.argv[3] == "chunked"
CHUNK = b"\0" * (1024 * 1024)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _head(self, chunked):
        self.send_response(200)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(SIZE))
        self.send_header("ETag", '"hostile"')
        self.end_headers()

    def do_HEAD(self):
        self._head(False)

    def do_GET(self):
        self._head(CHUNKED)
        sent = 0
        try:
            while sent < SIZE:
                piece = CHUNK[: min(len(CHUNK), SIZE - sent)]
                if CHUNKED:
                    self.wfile.write(b"%x\r\n" % len(piece) + piece + b"\r\n")
                else:
                    self.wfile.write(piece)
                sent += len(piece)
            if CHUNKED:
                self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        print(f"GET {self.headers.get('Range')}: sent {sent} of {SIZE} bytes", file=sys.stderr, flush=True)


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that hangs up is expected here


Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
