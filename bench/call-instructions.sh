#!/usr/bin/env bash
# Client instructions per glue:get_databases() call, which do not vary from run to run as
# CPU times do: callgrind counts a run of N calls and a run of none (start-up, the client and
# one warm-up call), and prints the difference divided by N. Also prints the system calls of
# one call the same way (strace -c). Against moto, or with --keepalive against
# bench/keepalive_glue.py, which keeps the connection alive as AWS does.
# Usage: bench/call-instructions.sh [--keepalive] [calls]   (GLUESCRIPT_BIN=path measures that binary)
set -euo pipefail
cd "$(dirname "$0")/.."
server=moto
if [ "${1:-}" = "--keepalive" ]; then
    server=keepalive
    shift
fi
calls=${1:-200}
command -v valgrind >/dev/null || { echo "bench/call-instructions.sh needs valgrind" >&2; exit 1; }
if [ -z "${GLUESCRIPT_BIN:-}" ]; then
    swift build -c release --product gluescript -Xswiftc -static-stdlib >/dev/null
    GLUESCRIPT_BIN=.build/release/gluescript
fi
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if [ "$server" = keepalive ]; then
    python3 bench/keepalive_glue.py "$port" >"$work/server.log" 2>&1 &
else
    python3 -m moto.server -H 127.0.0.1 -p "$port" >"$work/server.log" 2>&1 &
fi
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; rm -rf "$work"' EXIT
url="http://127.0.0.1:$port"
until curl -s -o /dev/null "$url/"; do sleep 0.1; done
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1

# valgrind cannot read the debug information of the release binary: count a copy without it.
strip --strip-debug -o "$work/gluescript" "$GLUESCRIPT_BIN"
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$1" \
        "$work/gluescript" --endpoint-url "$url" bench/measures.lua get_databases "$1" 2>&1 >/dev/null |
        sed -n 's/.*Collected : //p'
}
many=$(instructions "$calls")
none=$(instructions 0)
echo "instructions per call: $(((many - none) / calls)) ($calls calls: $many, none: $none)"
syscalls() {
    strace -f -c -o "$work/strace.$1" "$GLUESCRIPT_BIN" --endpoint-url "$url" bench/measures.lua get_databases "$1" \
        >/dev/null
    awk '$NF == "total" { print $4 }' "$work/strace.$1"
}
many=$(syscalls "$calls")
none=$(syscalls 0)
awk -v m="$many" -v z="$none" -v n="$calls" 'BEGIN { printf "system calls per call: %.1f (%d calls: %d, none: %d)\n", (m - z) / n, n, m, z }'
