#!/usr/bin/env bash
# Client CPU per call (gluescript against boto3) and start-up of a one-call script, both
# against one local emulator. Usage: bench/client-calls.sh [calls]
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-1000}
scripts/build-release >/dev/null
bin=.build/release/gluescript
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m moto.server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port"
until curl -s -o /dev/null "$url/moto-api/"; do sleep 0.1; done

"$bin" --local="$url" bench/client_calls.lua "$calls"
python3 bench/client_calls.py "$url" "$calls"

echo "start-up of a script making one call (whole process, wall time):"
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
hyperfine -N --warmup 3 --runs 30 \
    "$bin --endpoint-url $url -e 'aws.client(\"glue\"):get_databases()'" \
    "python3 -c 'import boto3; boto3.client(\"glue\", endpoint_url=\"$url\").get_databases()'"
