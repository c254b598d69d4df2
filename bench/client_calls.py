"""Client CPU per API call for boto3: the same calls as bench/client_calls.lua.

    python3 bench/client_calls.py http://127.0.0.1:PORT 1000
"""
import sys
import time

import boto3

endpoint = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
glue = boto3.client("glue", endpoint_url=endpoint, region_name="us-east-1",
                    aws_access_key_id="testing", aws_secret_access_key="testing")
glue.get_databases()
started = time.process_time()
for _ in range(n):
    glue.get_databases()
seconds = time.process_time() - started
print(f"boto3: {n} get_databases calls, {seconds / n * 1e6:.1f} µs client CPU per call")
