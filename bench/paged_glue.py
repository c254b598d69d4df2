"""A Glue stand-in that answers GetTables with 2,000 tables of 10 columns in pages (NextToken), as
real Glue pages them, for measuring `collect` over many pages without seeding moto.
Usage: python3 bench/paged_glue.py PORT [PAGE_SIZE]   (100 tables a page unless told)"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TABLES = 2000
PAGE = int(sys.argv[2]) if len(sys.argv) > 2 else 100


def table(i):
    return {
        "Name": f"table_{i:05d}", "DatabaseName": "bench", "Owner": "bench",
        "CreateTime": 1764547200.123, "UpdateTime": 1764547200.0, "Retention": 0,
        "StorageDescriptor": {
            "Columns": [{"Name": f"column_{c}", "Type": "string", "Comment": "a column"} for c in range(1, 11)],
            "Location": f"s3://bench/tables/table_{i:05d}/", "InputFormat": "parquet",
            "OutputFormat": "parquet", "Compressed": False, "NumberOfBuckets": -1,
            "SerdeInfo": {"SerializationLibrary": "parquet", "Parameters": {}}, "BucketColumns": [],
            "SortColumns": [], "StoredAsSubDirectories": False,
        },
        "PartitionKeys": [], "TableType": "EXTERNAL_TABLE",
        "Parameters": {"classification": "parquet", "owner": "bench"},
        "CreatedBy": "arn:aws:sts::123456789012:user/bench", "IsRegisteredWithLakeFormation": False,
        "CatalogId": "123456789012", "VersionId": "1",
    }


def page(start):
    body = {"TableList": [table(i) for i in range(start, min(start + PAGE, TABLES))]}
    if start + PAGE < TABLES:
        body["NextToken"] = str(start + PAGE)
    return json.dumps(body).encode()


PAGES = {start: page(start) for start in range(0, TABLES, PAGE)}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        body = PAGES[int(request.get("NextToken", "0"))]
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


print(sum(len(body) for body in PAGES.values()), flush=True)
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
