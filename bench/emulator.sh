# Sourced by the bench scripts that measure S3 against moto (from the project root).
# Sets GLUESCRIPT_BIN (the release binary as it ships, built by scripts/build-release, unless
# given), makes a scratch folder $work, starts moto on a free loopback port $port, exports the
# settings gluescript, boto3 and the AWS CLI all read, and stops moto and removes $work on exit.
if [ -z "${GLUESCRIPT_BIN:-}" ]; then
    scripts/build-release >/dev/null
    GLUESCRIPT_BIN=.build/release/gluescript
fi
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill "$moto" 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null; do sleep 0.2; done
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
