#!/usr/bin/env bash
# Re-runs each artifact of TARGET and groups them by the first line of the panic message.
# Usage: triage.sh TARGET [BIN_DIR]
cd "$(dirname "$0")"
t=$1; bin=${2:-${CARGO_TARGET_DIR:-target}/x86_64-unknown-linux-gnu/release}
for f in artifacts/$t/*; do
  msg=$(THONGBAO_FUZZ_COVERAGE=${THONGBAO_FUZZ_COVERAGE:-strict} timeout 20 "$bin/$t" "$f" 2>&1 | grep -A1 "panicked at" | tail -1 | cut -c1-110)
  [ -z "$msg" ] && msg=$(THONGBAO_FUZZ_COVERAGE=lenient timeout 20 "$bin/$t" "$f" 2>&1 | grep -E "ERROR|SUMMARY" | head -1 | cut -c1-110)
  echo "$(stat -c %s "$f") $f :: $msg"
done | sort -t: -k3 | awk -F' :: ' '{ if ($2 != last) { print; last = $2; n = 0 } }'
