#!/usr/bin/env bash
# Peak memory (max RSS) of s3:download_file and s3:upload_file: a 256 MiB object in 64 MiB
# parts, 4 at a time, against a local moto server; then servers that ignore Range and
# answer every part with the whole object (bench/hostile_s3.py), announcing its length or not.
# Usage: bench/download-memory.sh [MiB]   (GLUESCRIPT_BIN=path skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-256}
if [ -z "${GLUESCRIPT_BIN:-}" ]; then
    scripts/build-release >/dev/null
    GLUESCRIPT_BIN=.build/release/gluescript
fi
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
hostile_port=$(free_port)
chunked_port=$(free_port)
python3 -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
python3 bench/hostile_s3.py "$hostile_port" $((size_mib * 1024 * 1024)) 2>"$work/hostile.log" &
hostile=$!
python3 bench/hostile_s3.py "$chunked_port" $((size_mib * 1024 * 1024)) chunked 2>"$work/chunked.log" &
chunked=$!
trap 'kill "$moto" "$hostile" "$chunked" 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null; do sleep 0.2; done

export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/data.bin"
options="{progress = false, part_size = 64 * 1024 * 1024, concurrency = 4}"

peak() { # label, endpoint, lua: runs gluescript and prints its peak RSS and exit status
    local label=$1 endpoint=$2 lua=$3 status=0
    AWS_ENDPOINT_URL=$endpoint /usr/bin/time -f "%M" -o "$work/rss" "$GLUESCRIPT_BIN" -e "$lua" \
        >/dev/null 2>"$work/err" || status=$?
    tail -1 "$work/rss" |
        awk -v l="$label" -v s="$status" '{ printf "%-40s %7.1f MB peak RSS, exit %s\n", l, $1 / 1000, s }'
    [ "$status" = 0 ] || sed -n '1p' "$work/err" | cut -c1-160
}

moto_url="http://127.0.0.1:$port"
AWS_ENDPOINT_URL=$moto_url "$GLUESCRIPT_BIN" -e 'aws.client("s3"):create_bucket{Bucket = "bench"}'
echo "$size_mib MiB, 64 MiB parts, 4 at a time"
peak "upload_file (moto)" "$moto_url" \
    "aws.client('s3'):upload_file('$work/data.bin', 'bench', 'g.bin', $options)"
peak "download_file (moto)" "$moto_url" \
    "aws.client('s3'):download_file('bench', 'g.bin', '$work/g.out', $options)"
cmp "$work/data.bin" "$work/g.out" && echo "the download is byte-exact"
peak "download_file (ignores Range)" "http://127.0.0.1:$hostile_port" \
    "aws.client('s3'):download_file('bench', 'g.bin', '$work/h.out', $options)"
peak "download_file (ignores Range, chunked)" "http://127.0.0.1:$chunked_port" \
    "aws.client('s3'):download_file('bench', 'g.bin', '$work/h.out', $options)"
echo "body bytes the servers sent per answer (with length, then chunked):"
sed 's/^/  /' "$work/hostile.log" "$work/chunked.log"
