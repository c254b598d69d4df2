#!/usr/bin/env bash
# System calls of s3:upload_file against boto3's upload_file of the same file, each under
# `strace -c -f`, against one local moto server (plain http, default 8 MiB parts, 10 at a
# time): the total and the calls that read the file and write the socket, for each size.
# Usage: bench/upload-syscalls.sh [MiB...]   (default 64 256; GLUESCRIPT_BIN=path skips the
# release build)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(64 256)
source bench/emulator.sh
"$GLUESCRIPT_BIN" -e 'aws.client("s3"):create_bucket{Bucket = "bench"}'

summary() { # strace -c report: the total, then the calls that move the body (column 4 is calls)
    awk '$NF == "total" { total = $4 }
         $NF ~ /^(read|pread64|sendto|write|poll|recvfrom)$/ { line = line " " $NF " " $4 }
         END { printf "%7s calls:%s\n", total, line }' "$1"
}

for mib in "${sizes[@]}"; do
    head -c $((mib * 1024 * 1024)) /dev/urandom >"$work/data.bin"
    strace -c -f -o "$work/ours.txt" "$GLUESCRIPT_BIN" -e \
        "aws.client('s3'):upload_file('$work/data.bin', 'bench', 'g.bin', {progress = false})"
    strace -c -f -o "$work/boto3.txt" python3 -c \
        "import boto3; boto3.client('s3').upload_file('$work/data.bin', 'bench', 'b.bin')"
    printf "%4d MiB gluescript " "$mib"
    summary "$work/ours.txt"
    printf "%4d MiB boto3      " "$mib"
    summary "$work/boto3.txt"
done
