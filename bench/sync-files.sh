#!/usr/bin/env bash
# s3:sync of a folder of 1,000 small files to S3 against `aws s3 sync`, both against one local
# moto server, in alternating rounds, each round to a fresh prefix so every file goes up; then
# a second run of each onto its last prefix, which must upload nothing. Prints wall seconds
# and the client's CPU seconds (user + system) for each.
# moto answers one request at a time: it bounds both clients, so the figures compare the
# clients on the same server rather than measure S3.
# Usage: bench/sync-files.sh [rounds] [files]   (GLUESCRIPT_BIN=path skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
files=${2:-1000}
source bench/emulator.sh
mkdir -p "$work/data/part"
for i in $(seq "$files"); do
    if ((i % 2)); then dir="$work/data"; else dir="$work/data/part"; fi
    printf 'id,value\n%d,%d\n' "$i" "$((i * 7))" >"$dir/file-$i.csv"
done
# Written a minute ago, so the second runs compare an object newer than its file.
touch -d '1 minute ago' "$work"/data/*.csv "$work"/data/part/*.csv
"$GLUESCRIPT_BIN" -e 'aws.client("s3"):create_bucket{Bucket = "bench"}'

timed() { # label, command...: prints wall seconds and the command's CPU seconds
    local label=$1
    shift
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null
    read -r wall user system <"$work/time"
    awk -v l="$label" -v w="$wall" -v u="$user" -v s="$system" \
        'BEGIN { printf "%-34s %6.2f s wall %6.2f s CPU\n", l, w, u + s }'
}

echo "$files files against moto on 127.0.0.1:$port"
for round in $(seq "$rounds"); do
    timed "gluescript s3:sync (round $round)" "$GLUESCRIPT_BIN" -e \
        "aws.client('s3'):sync('$work/data', 's3://bench/g$round', {concurrency = 10})"
    timed "aws s3 sync (round $round)" aws --endpoint-url "$AWS_ENDPOINT_URL" s3 sync --no-progress \
        "$work/data" "s3://bench/a$round"
done
timed "gluescript s3:sync (second run)" "$GLUESCRIPT_BIN" -e \
    "assert(aws.client('s3'):sync('$work/data', 's3://bench/g$rounds').uploaded == 0)"
timed "aws s3 sync (second run)" aws --endpoint-url "$AWS_ENDPOINT_URL" s3 sync --no-progress \
    "$work/data" "s3://bench/a$rounds"
count() { "$GLUESCRIPT_BIN" -e "print(#aws.client('s3'):collect('list_objects_v2', {Bucket = 'bench', Prefix = '$1/'}).Contents)"; }
echo "objects: gluescript $(count "g$rounds"), aws s3 sync $(count "a$rounds")"
