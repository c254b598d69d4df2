#!/usr/bin/env bash
# Throughput of the CRC checksums gluescript computes over request bodies (optimized build).
# Usage: bench/checksums.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cp bench/checksum_throughput.swift "$out/main.swift"
swiftc -O -o "$out/checksums" "$out/main.swift" \
    Sources/AWSCore/Checksums/CRC32.swift Sources/AWSCore/Checksums/CRC64NVME.swift
"$out/checksums"
