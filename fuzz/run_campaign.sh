#!/usr/bin/env bash
# Runs one fuzz target in libFuzzer fork mode (one worker), collecting every
# crash instead of stopping at the first. Usage: run_campaign.sh TARGET SECONDS [BIN_DIR] [MAX_LEN]
# Logs to fuzz/logs/TARGET-<date>.log; artifacts in fuzz/artifacts/TARGET/.
set -u
cd "$(dirname "$0")"
t=$1; secs=$2; bin=${3:-${CARGO_TARGET_DIR:-target}/x86_64-unknown-linux-gnu/release}; maxlen=${4:-512}
mkdir -p logs "artifacts/$t" "corpus/$t"
log=logs/$t-$(date +%Y%m%d-%H%M%S).log
start=$(date +%s)
THONGBAO_FUZZ_COVERAGE=${THONGBAO_FUZZ_COVERAGE:-strict} nice -n 15 "$bin/$t" \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$secs" -max_len="$maxlen" -timeout=10 -rss_limit_mb=2048 \
  -dict=dict/thongbao.dict -artifact_prefix="artifacts/$t/" "corpus/$t" > "$log" 2>&1
end=$(date +%s)
execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
echo "$t (max_len $maxlen, $(date +%H:%M)): ${execs:-0} executions in $((end - start)) s ($(ls artifacts/$t | wc -l) artifacts) log=$log" | tee -a logs/summary.txt
