"""boto3's side of scripts/bench: runs one measure N times and prints the client CPU per run
in milliseconds (time.process_time(): this process's CPU, the emulator excluded).

    python3 bench/measures.py URL MEASURE N
"""
import os
import sys
import time
import uuid

import boto3
import jmespath

endpoint, measure = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
session = boto3.session.Session(region_name="us-east-1", aws_access_key_id="bench",
                                aws_secret_access_key="bench")


def client(name):
    return session.client(name, endpoint_url=endpoint)


def cpu_per_run(state, run):
    run(state)
    started = time.process_time()
    for _ in range(n):
        run(state)
    print(f"{(time.process_time() - started) / n * 1000:.4f}")


def collect_tables(glue):
    return glue.get_paginator("get_tables").paginate(DatabaseName="bench").build_full_result()


if measure == "get_databases":
    cpu_per_run(client("glue"), lambda glue: glue.get_databases())
elif measure == "list_objects_v2":
    cpu_per_run(client("s3"), lambda s3: s3.list_objects_v2(Bucket="bench-list"))
elif measure == "collect_tables":
    cpu_per_run(client("glue"), collect_tables)
elif measure == "search":
    expression = jmespath.compile("TableList[?Parameters.classification=='parquet'].Name")
    cpu_per_run(collect_tables(client("glue")), expression.search)
elif measure == "batch_partitions":
    prefix = f"py{os.getpid()}_{uuid.uuid4().hex[:8]}"
    batches = [[{
        "Values": [f"{prefix}_{b}_{i}"], "Parameters": {"classification": "parquet"},
        "StorageDescriptor": {
            "Columns": [{"Name": f"column_{c}", "Type": "string", "Comment": "a column"} for c in range(1, 11)],
            "Location": f"s3://bench/partitioned/{b}/{i}/", "InputFormat": "parquet", "OutputFormat": "parquet",
            "SerdeInfo": {"SerializationLibrary": "parquet", "Parameters": {"serialization.format": "1"}}},
    } for i in range(1, 101)] for b in range(n + 1)]
    batch = iter(batches)
    cpu_per_run(client("glue"), lambda glue: glue.batch_create_partition(
        DatabaseName="bench", TableName="partitioned", PartitionInputList=next(batch)))
elif measure == "big_json":
    print(len(client("glue").get_tables(DatabaseName="bench")["TableList"]))
else:
    sys.exit(f"unknown measure {measure}")
