#!/usr/bin/env bash
# aws.search against Python's jmespath over the same collected get_tables result, written to
# a temporary file by bench/search_data.py (no emulator): client CPU per call of each.
# Usage: bench/search.sh [calls]   (GLUESCRIPT_BIN=path measures a binary already built)
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-20}
bin=${GLUESCRIPT_BIN:-}
if [ -z "$bin" ]; then
    swift build -c release --product gluescript -Xswiftc -static-stdlib >/dev/null
    bin=.build/release/gluescript
fi
data=$(mktemp)
trap 'rm -f "$data"' EXIT
python3 bench/search_data.py "$data"
echo "gluescript: $("$bin" bench/search.lua "$data" "$calls")"
python3 - "$data" "$calls" <<'PY'
import json, sys, time
import jmespath
data = json.load(open(sys.argv[1]))
expression = jmespath.compile("TableList[?Parameters.classification=='parquet'].Name")
result = expression.search(data)
started = time.process_time()
for _ in range(int(sys.argv[2])):
    expression.search(data)
print(f"jmespath: {(time.process_time() - started) / int(sys.argv[2]) * 1000:.4f} ms per call, {len(result)} results")
PY
