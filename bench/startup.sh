#!/usr/bin/env bash
# Whole-process start-up of gluescript against the stock Lua interpreter.
# Usage: bench/startup.sh   (builds a release binary first; uses hyperfine when installed)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product gluescript >/dev/null
bin=.build/release/gluescript
lua=$(command -v lua5.4 || command -v lua)
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 20 --runs 300 "$bin -e ''" "$lua -e ''"
else
    for cmd in "$bin" "$lua"; do
        start=$(date +%s%N)
        for _ in $(seq 300); do "$cmd" -e '' ; done
        end=$(date +%s%N)
        echo "$cmd -e '': $(( (end - start) / 300000 )) µs per run (300 runs)"
    done
fi
