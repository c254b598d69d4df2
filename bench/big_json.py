"""A Glue stand-in that answers every request with one large GetTables answer (JSON), for
measuring a client's peak memory on a large body.
Usage: python3 bench/big_json.py PORT SIZE_BYTES   (the body is about SIZE_BYTES long)"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SIZE = int(sys.argv[2])


def body(size):
    table = {
        "Name": "", "DatabaseName": "bench", "Owner": "bench", "TableType": "EXTERNAL_TABLE",
        "StorageDescriptor": {
            "Columns": [{"Name": f"column_{i}", "Type": "string", "Comment": "a column"} for i in range(8)],
            "Location": "s3://bench/tables/", "InputFormat": "parquet", "OutputFormat": "parquet",
        },
        "Parameters": {"classification": "parquet", "owner": "bench"},
    }
    one = len(json.dumps(table)) + 8
    tables = []
    for i in range(max(1, size // one)):
        table = dict(table, Name=f"table_{i:08d}")
        tables.append(table)
    return json.dumps({"TableList": tables}).encode()


BODY = body(SIZE)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        view = memoryview(BODY)
        for start in range(0, len(BODY), 1 << 20):
            self.wfile.write(view[start:start + (1 << 20)])


print(len(BODY), flush=True)
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
