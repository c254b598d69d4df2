#!/usr/bin/env bash
# Many calls at once behind latency: 200 glue:get_database calls, each answered after 50 ms by
# a loopback server, with aws.parallel (limit 20) against boto3 with ThreadPoolExecutor(20),
# in alternating rounds. Usage: bench/parallel-calls.sh [rounds] [calls] [limit]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
calls=${2:-200}
limit=${3:-20}
scripts/build-release >/dev/null
bin=.build/release/gluescript
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 bench/slow_glue.py "$port" 0.05 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port"
until curl -s -o /dev/null -X POST "$url/"; do sleep 0.1; done
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1
for _ in $(seq "$rounds"); do
    "$bin" --endpoint-url "$url" bench/parallel_calls.lua "$calls" "$limit"
    python3 bench/parallel_calls.py "$url" "$calls" "$limit"
done
