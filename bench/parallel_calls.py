"""The same 200 get_database calls as bench/parallel_calls.lua, with boto3 and a thread pool.

    python3 bench/parallel_calls.py URL [calls] [threads]
"""
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

endpoint = sys.argv[1]
calls = int(sys.argv[2]) if len(sys.argv) > 2 else 200
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 20
glue = boto3.client("glue", endpoint_url=endpoint, region_name="us-east-1",
                    aws_access_key_id="testing", aws_secret_access_key="testing",
                    config=Config(max_pool_connections=threads))
glue.get_database(Name="warm-up")
wall, cpu = time.perf_counter(), time.process_time()
with ThreadPoolExecutor(threads) as pool:
    got = list(pool.map(lambda i: glue.get_database(Name=f"db{i}")["Database"]["Name"], range(1, calls + 1)))
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
assert len(got) == calls and got[-1] == f"db{calls}"
print(f"boto3 ThreadPoolExecutor({threads}): {calls} calls, {wall:.3f} s wall, {cpu:.3f} s CPU")
