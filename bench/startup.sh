#!/usr/bin/env bash
# Whole-process start-up: gluescript against the stock Lua interpreter, and creating a Glue
# client against boto3 doing the same.
# Usage: bench/startup.sh   (builds a release binary first; uses hyperfine when installed)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release >/dev/null
bin=.build/release/gluescript
lua=$(command -v lua5.4 || command -v lua)
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 20 --runs 300 "$bin -e ''" "$lua -e ''"
    AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 hyperfine -N --warmup 3 --runs 30 "$bin -e 'aws.client(\"glue\")'" \
        "python3 -c 'import boto3; boto3.client(\"glue\")'"
else
    for cmd in "$bin" "$lua"; do
        start=$(date +%s%N)
        for _ in $(seq 300); do "$cmd" -e '' ; done
        end=$(date +%s%N)
        echo "$cmd -e '': $(( (end - start) / 300000 )) µs per run (300 runs)"
    done
fi
