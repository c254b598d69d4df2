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
if [ -z "${GLUESCRIPT_BIN:-}" ]; then
    swift build -c release --product gluescript -Xswiftc -static-stdlib >/dev/null
    GLUESCRIPT_BIN=.build/release/gluescript
fi
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill "$moto" 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null; do sleep 0.2; done
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
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
