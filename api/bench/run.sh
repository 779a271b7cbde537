#!/usr/bin/env bash
# Benchmarks the public API against nginx serving the very same response bytes as static files,
# in the same run, with wrk at 64 connections on loopback. Not part of CI.
#
#   apt-get install -y wrk nginx      # once
#   api/bench/run.sh [seconds-per-run] # from the repository root; default 20 s
#
# The first run builds the benchmark ledger on a real embedded node (10,100-allocation subtree,
# a few minutes) under api/target/bench/data and reuses it afterwards. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20}
W=$PWD/api/target/bench
API_PORT=18080
NGINX_PORT=18081
mkdir -p "$W/static"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx" >&2; exit 1; }

mvn -q -o -pl api test-compile
mvn -q -o -pl api dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$W/cp.txt" >/dev/null
CP="api/target/test-classes:api/target/classes:$(cat "$W/cp.txt")"

java -Xms1g -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.fundtrail=warn \
  -cp "$CP" org.fundtrail.api.ApiBenchmark "$W/data" "$API_PORT" "$W/static" >"$W/server.log" 2>&1 &
SERVER=$!
cat >"$W/nginx.conf" <<CONF
worker_processes auto;
pid $W/nginx.pid;
error_log $W/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  client_body_temp_path $W/tmp; proxy_temp_path $W/tmp; fastcgi_temp_path $W/tmp;
  uwsgi_temp_path $W/tmp; scgi_temp_path $W/tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $W/static;
    default_type application/json;
  }
}
CONF
mkdir -p "$W/tmp"
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  [ -f "$W/nginx.pid" ] && kill "$(cat "$W/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

for _ in $(seq 1 900); do
  grep -q "bench: ready" "$W/server.log" && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$W/server.log" >&2; exit 1; }
  sleep 1
done
grep -q "bench: ready" "$W/server.log" || { echo "server not ready" >&2; exit 1; }
nginx -p "$W" -c "$W/nginx.conf"
sleep 1

# wrk_run URL -> "requests/s p99" (p99 in ms)
wrk_run() {
  local out
  out=$(wrk -t2 -c64 -d"${DURATION}s" --timeout 30s --latency "$1")
  echo "$out" >>"$W/wrk.log"
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  # wrk prints 1.23ms, 456.78us or 1.20s: convert to ms
  p99=$(echo "$p99" | awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.2f", v}')
  echo "$rps $p99"
}

: >"$W/wrk.log"
echo "| request | bytes | API req/s | API p99 ms | nginx req/s | nginx p99 ms | API/nginx | API uncached req/s | uncached p99 ms |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
while read -r url file; do
  # warm up the JIT and caches, then measure the API and nginx back to back
  wrk -t2 -c64 -d5s "http://127.0.0.1:$API_PORT$url" >/dev/null
  read -r api_rps api_p99 < <(wrk_run "http://127.0.0.1:$API_PORT$url")
  read -r ngx_rps ngx_p99 < <(wrk_run "http://127.0.0.1:$NGINX_PORT/$file")
  wrk -t2 -c64 -d5s --timeout 30s "http://127.0.0.1:$((API_PORT + 2))$url" >/dev/null
  read -r raw_rps raw_p99 < <(wrk_run "http://127.0.0.1:$((API_PORT + 2))$url")
  bytes=$(stat -c %s "$W/static/$file")
  ratio=$(awk -v a="$api_rps" -v n="$ngx_rps" 'BEGIN {printf "%.0f%%", 100*a/n}')
  echo "| \`GET $url\` | $bytes | $api_rps | $api_p99 | $ngx_rps | $ngx_p99 | $ratio | $raw_rps | $raw_p99 |"
done <<URLS
/api/v1/allocations/G-042-042 record.json
/api/v1/allocations?org=HEALTH-HOSP&minAmount=100.00&parent=D-042&limit=100 list.json
/api/v1/trace/A-BENCH?direction=down&depth=2 trace.json
URLS
echo
echo "Machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
