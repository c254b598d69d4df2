#!/usr/bin/env bash
# S3 upload and download of a 256 MiB file against a local moto server: gluescript's
# upload_file/download_file against `aws s3 cp`, wall time and throughput for each.
# moto is single-threaded and keeps objects in memory: it is the bottleneck, so the figures
# compare the clients on the same server rather than measure S3.
# Usage: bench/s3-transfer.sh [MiB]   (GLUESCRIPT_BIN=path skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-256}
source bench/emulator.sh
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/data.bin"
"$GLUESCRIPT_BIN" -e 'aws.client("s3"):create_bucket{Bucket = "bench"}'

timed() { # label, command...: runs the command and prints wall seconds and MiB/s
    local label=$1
    shift
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    awk -v l="$label" -v ns=$((end - start)) -v mib="$size_mib" \
        'BEGIN { s = ns / 1e9; printf "%-28s %7.2f s %8.1f MiB/s\n", l, s, mib / s }'
}

echo "$size_mib MiB against moto on 127.0.0.1:$port"
timed "gluescript upload_file" "$GLUESCRIPT_BIN" -e \
    "aws.client('s3'):upload_file('$work/data.bin', 'bench', 'g.bin', {progress = false})"
timed "gluescript download_file" "$GLUESCRIPT_BIN" -e \
    "aws.client('s3'):download_file('bench', 'g.bin', '$work/g.out', {progress = false})"
timed "aws s3 cp (upload)" aws --endpoint-url "$AWS_ENDPOINT_URL" s3 cp --no-progress "$work/data.bin" s3://bench/a.bin
timed "aws s3 cp (download)" aws --endpoint-url "$AWS_ENDPOINT_URL" s3 cp --no-progress s3://bench/a.bin "$work/a.out"
cmp "$work/data.bin" "$work/g.out" && cmp "$work/data.bin" "$work/a.out" && echo "both downloads are byte-exact"
