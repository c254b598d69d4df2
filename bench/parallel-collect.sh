#!/usr/bin/env bash
# `glue:collect("get_tables")` inside aws.map against the same collects in a loop, against
# bench/paged_glue.py (2,000 tables of 10 columns in pages of 100): client CPU per collect
# (os.clock(), median of alternating rounds) and instructions per collect, which do not vary
# from run to run (callgrind: a run of N collects less a run of none).
# With "call", each is one `get_tables` call (one page of 100 tables) instead of a collect.
# Usage: bench/parallel-collect.sh [collects] [rounds] [collect|call]
#   (GLUESCRIPT_BIN=path measures that binary)
set -euo pipefail
cd "$(dirname "$0")/.."
collects=${1:-5}
rounds=${2:-3}
what=${3:-collect}
command -v valgrind >/dev/null || { echo "bench/parallel-collect.sh needs valgrind" >&2; exit 1; }
if [ -z "${GLUESCRIPT_BIN:-}" ]; then
    scripts/build-release >/dev/null
    GLUESCRIPT_BIN=.build/release/gluescript
fi
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 bench/paged_glue.py "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
url="http://127.0.0.1:$port"
until curl -s -o /dev/null -X POST -d '{}' "$url/"; do sleep 0.1; done
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1

run() { "$GLUESCRIPT_BIN" --endpoint-url "$url" bench/parallel_collect.lua "$@"; }
for mode in loop map; do : >"$work/cpu.$mode"; done
for round in $(seq "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then order="loop map"; else order="map loop"; fi
    for mode in $order; do run "$mode" "$collects" "$what" | sed -n 's/.*: \([0-9.]*\) ms each/\1/p' >>"$work/cpu.$mode"; done
done
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# valgrind reads the stripped release binary's symbols poorly; the counts are all it needs.
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$1.$2" \
        "$GLUESCRIPT_BIN" --endpoint-url "$url" bench/parallel_collect.lua "$1" "$2" "$what" 2>&1 >/dev/null |
        sed -n 's/.*Collected : //p'
}
for mode in loop map; do
    many=$(instructions "$mode" "$collects")
    none=$(instructions "$mode" 0)
    echo "$mode: $(median "$work/cpu.$mode") ms CPU per $what (median of $rounds)," \
        "$(((many - none) / collects)) instructions per $what ($collects ${what}s: $many, none: $none)"
done
