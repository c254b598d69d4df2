"""The driver of scripts/bench: seeds a local emulator, runs each measure of gluescript and of
its peer in alternating rounds, and prints one Markdown table of medians.

    python3 bench/bench.py --bin .build/release/gluescript --url http://127.0.0.1:PORT [--quick]

Per-call rows are client CPU (the emulator excluded); process rows are the user + system CPU
of the whole process (steadier than wall time on a shared machine); the memory row is peak
RSS; the syscall row counts every system call of a download (strace -c -f).
"""
import argparse
import concurrent.futures
import os
import socket
import statistics
import subprocess
import sys
import tempfile

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = sys.executable
ENV = dict(os.environ, AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench",
           AWS_REGION="us-east-1", AWS_DEFAULT_REGION="us-east-1")
# The figures of 2026-12-01 that the syscall and binary size targets are fractions of.
SYSCALLS_2026_12_01 = {64: 13589, 256: 55861}
BINARY_MB_2026_12_01 = 92.0
LIST_KEYS = 1000
TABLES = 2000


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(url, download_mib):
    """The data every measure reads: 1,000 keys, 2,000 tables, one object to download, and a
    partitioned table that the batch measure adds partitions to."""
    session = boto3.session.Session(region_name="us-east-1", aws_access_key_id="bench",
                                    aws_secret_access_key="bench")
    s3 = session.client("s3", endpoint_url=url)
    glue = session.client("glue", endpoint_url=url)
    s3.create_bucket(Bucket="bench-list")
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: s3.put_object(Bucket="bench-list", Key=f"data/part-{i:05d}.parquet", Body=b"x"),
                      range(LIST_KEYS)))
    s3.create_bucket(Bucket="bench-download")
    s3.put_object(Bucket="bench-download", Key="blob", Body=os.urandom(download_mib << 20))
    glue.create_database(DatabaseInput={"Name": "bench"})

    def create_table(i):
        glue.create_table(DatabaseName="bench", TableInput={
            "Name": f"table_{i:05d}", "TableType": "EXTERNAL_TABLE",
            "Parameters": {"classification": "parquet" if i % 2 else "csv"},
            "StorageDescriptor": {
                "Columns": [{"Name": f"column_{c}", "Type": "string"} for c in range(10)],
                "Location": f"s3://bench/tables/table_{i:05d}/"}})

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(create_table, range(TABLES)))
    glue.create_table(DatabaseName="bench", TableInput={
        "Name": "partitioned", "PartitionKeys": [{"Name": "day", "Type": "string"}]})


def output(command):
    return subprocess.run(command, env=ENV, check=True, capture_output=True, text=True).stdout


def alternating(args, url, measure, calls, rounds):
    """Medians of client CPU per call, gluescript and boto3 in alternating order each round."""
    ours, peers = [], []
    for round_ in range(rounds):
        glue = lambda: ours.append(float(output(
            [args.bin, "--endpoint-url", url, f"{HERE}/measures.lua", measure, str(calls)])))
        peer = lambda: peers.append(float(output(
            [PYTHON, f"{HERE}/measures.py", url, measure, str(calls)])))
        for run in ((glue, peer) if round_ % 2 == 0 else (peer, glue)):
            run()
    return statistics.median(ours), statistics.median(peers)


def cpu_rows(args, rounds):
    """Client CPU per call against the emulator."""
    return {measure: alternating(args, args.url, measure, calls, rounds)
            for measure, calls in [("get_databases", 200), ("list_objects_v2", 20),
                                   ("collect_tables", 5), ("search", 5), ("batch_partitions", 20)]}


def keepalive_row(args, rounds):
    """get_databases per call against bench/keepalive_glue.py, which keeps connections alive."""
    port = free_port()
    server = subprocess.Popen([PYTHON, f"{HERE}/keepalive_glue.py", str(port)],
                              stdout=subprocess.PIPE, text=True)
    try:
        server.stdout.readline()
        return alternating(args, f"http://127.0.0.1:{port}", "get_databases", 1000, rounds)
    finally:
        server.kill()
        server.wait()


def process_cpu_ms(command):
    """User + system CPU of one run of `command` (the process and its threads)."""
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{command[:3]} failed with status {status}")
    return (usage.ru_utime + usage.ru_stime) * 1000


def process_rows(args, rounds, runs):
    lua = "lua5.4"
    pairs = {
        "startup": ([args.bin, "-e", 'aws.client("glue")'],
                    [PYTHON, "-c", 'import boto3; boto3.client("glue")']),
        "bare": ([args.bin, "-e", ""], [lua, "-e", ""]),
    }
    rows = {}
    for name, (ours_cmd, peer_cmd) in pairs.items():
        ours, peers = [], []
        for _ in range(2):
            process_cpu_ms(ours_cmd), process_cpu_ms(peer_cmd)
        for round_ in range(rounds):
            for _ in range(runs):
                ours.append(process_cpu_ms(ours_cmd))
                peers.append(process_cpu_ms(peer_cmd))
        rows[name] = (statistics.median(ours), statistics.median(peers))
    return rows


def peak_rss_mb(command):
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{command[:3]} failed with status {status}")
    return usage.ru_maxrss / 1024


def memory_row(args, rounds):
    port = free_port()
    server = subprocess.Popen([PYTHON, f"{HERE}/big_json.py", str(port), str(args.json_mib << 20)],
                              stdout=subprocess.PIPE, text=True)
    try:
        body_mb = int(server.stdout.readline()) / (1 << 20)
        url = f"http://127.0.0.1:{port}"
        ours, peers = [], []
        for _ in range(rounds):
            ours.append(peak_rss_mb([args.bin, "--endpoint-url", url, f"{HERE}/measures.lua", "big_json"]))
            peers.append(peak_rss_mb([PYTHON, f"{HERE}/measures.py", url, "big_json"]))
        return body_mb, statistics.median(ours), statistics.median(peers)
    finally:
        server.kill()
        server.wait()


def syscalls(command):
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(["strace", "-c", "-f", "-o", report.name] + command, env=ENV, check=True,
                       stdout=subprocess.DEVNULL)
        total = [line for line in report.read().splitlines() if line.strip().endswith("total")]
        return int(total[-1].split()[3])


def syscall_row(args):
    with tempfile.TemporaryDirectory() as work:
        target = os.path.join(work, "blob")
        ours = syscalls([args.bin, "--endpoint-url", args.url, "-e",
                         f"aws.client('s3'):download_file('bench-download', 'blob', '{target}', {{progress = false}})"])
        peer = syscalls([PYTHON, "-c",
                         "import boto3, sys; boto3.client('s3', endpoint_url=sys.argv[1]).download_file("
                         f"'bench-download', 'blob', '{target}')", args.url])
    return ours, peer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rounds = 3 if args.quick else 5
    args.json_mib = 64 if args.quick else 256
    download_mib = 64 if args.quick else 256
    print(f"seeding the emulator ({LIST_KEYS} keys, {TABLES} tables, a {download_mib} MiB object)",
          file=sys.stderr)
    seed(args.url, download_mib)
    print("client CPU per call", file=sys.stderr)
    cpu = cpu_rows(args, rounds)
    cpu["get_databases_keepalive"] = keepalive_row(args, rounds)
    print("start-up", file=sys.stderr)
    whole = process_rows(args, rounds, 5 if args.quick else 10)
    print("peak memory", file=sys.stderr)
    body_mb, ours_rss, peer_rss = memory_row(args, 1 if args.quick else 2)
    print("download syscalls", file=sys.stderr)
    ours_calls, peer_calls = syscall_row(args)
    size_mb = os.path.getsize(args.bin) / 1e6

    def ms(value):
        return f"{value:.3f} ms" if value < 1 else f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"

    rows = [
        ("`glue:get_databases()` per call (CPU)", ms(cpu["get_databases"][0]),
         "boto3 " + ms(cpu["get_databases"][1]), cpu["get_databases"], "≤ 0.15"),
        ("`glue:get_databases()` per call, kept-alive server (CPU)", ms(cpu["get_databases_keepalive"][0]),
         "boto3 " + ms(cpu["get_databases_keepalive"][1]), cpu["get_databases_keepalive"], "≤ 0.15"),
        (f"`s3:list_objects_v2` of {LIST_KEYS:,} keys (CPU)", ms(cpu["list_objects_v2"][0]),
         "boto3 " + ms(cpu["list_objects_v2"][1]), cpu["list_objects_v2"], "≤ 0.2"),
        (f"`glue:collect(\"get_tables\")` of {TABLES:,} tables (CPU)", ms(cpu["collect_tables"][0]),
         "boto3 " + ms(cpu["collect_tables"][1]), cpu["collect_tables"], "≤ 0.3"),
        ("`aws.search` over that result (CPU)", ms(cpu["search"][0]),
         "Python jmespath " + ms(cpu["search"][1]), cpu["search"], "≤ 1"),
        ("`glue:batch_create_partition` of 100 partitions (CPU)", ms(cpu["batch_partitions"][0]),
         "boto3 " + ms(cpu["batch_partitions"][1]), cpu["batch_partitions"], "—"),
        ("start-up to a first Glue client (CPU)", ms(whole["startup"][0]),
         "boto3 " + ms(whole["startup"][1]), whole["startup"], "≤ 0.05"),
        ("bare `gluescript -e ''` (CPU)", ms(whole["bare"][0]),
         "`lua5.4 -e ''` " + ms(whole["bare"][1]), whole["bare"], "≤ 3"),
        (f"peak memory of a {body_mb:.0f} MiB JSON answer", f"{ours_rss:,.0f} MiB",
         f"boto3 {peer_rss:,.0f} MiB", (ours_rss, peer_rss), f"≤ {2 * body_mb:.0f} MiB (2× the body)"),
        (f"download syscalls for {download_mib} MiB", f"{ours_calls:,}", f"boto3 {peer_calls:,}",
         (ours_calls, peer_calls), f"≤ {SYSCALLS_2026_12_01[download_mib] // 4:,} (¼ of 2026-12-01's)"),
        ("binary size", f"{size_mb:.1f} MB", "—", None, f"≤ {BINARY_MB_2026_12_01 / 3:.1f} MB (⅓ of 2026-12-01's)"),
    ]
    print("| measure | gluescript | peer | ratio | target |")
    print("|---|---|---|---|---|")
    for name, ours, peer, pair, target in rows:
        ratio = f"{pair[0] / pair[1]:.3g}" if pair else "—"
        print(f"| {name} | {ours} | {peer} | {ratio} | {target} |")


if __name__ == "__main__":
    main()
