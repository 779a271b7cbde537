#!/usr/bin/env bash
# Wall time of `fundtrail --help` and of `fundtrail show ID` against a running node, through the
# README's launcher (class-data sharing included). Prints each run and the median, in ms.
# Usage: cli/bench/cli-bench.sh [RUNS]   (default 15)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-15}"
ft="$root/fundtrail"
data="$(mktemp -d)"
trap 'kill "$up_pid" 2>/dev/null || true; wait "$up_pid" 2>/dev/null || true; rm -rf "$data"' EXIT

"$ft" --help >/dev/null                      # builds if needed, makes the CDS archive
"$ft" up --data "$data" --gateway-port 0 --port 0 >"$data/up.log" 2>&1 &
up_pid=$!
for _ in $(seq 1 120); do [ -f "$data/run.json" ] && break; sleep 0.5; done
"$ft" org register --data "$data" --as FinanceMSP/Admin --id MOF --name "Ministry of Finance" \
  --tier MINISTRY --org-msp FinanceMSP >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

for label in help show; do
  samples=()
  for _ in $(seq 1 "$runs"); do
    if [ "$label" = help ]; then samples+=("$(time_ms "$ft" --help)");
    else samples+=("$(time_ms "$ft" show MOF --data "$data")"); fi
  done
  printf '%-6s runs: %s\n' "$label" "${samples[*]}"
  printf '%-6s median: %s ms\n' "$label" "$(printf '%s\n' "${samples[@]}" | median)"
done
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/.*: *//'), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
