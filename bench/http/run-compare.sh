#!/usr/bin/env bash
# The service against a bare ASP.NET Core minimal API (bench/BareApi: 20 rule-shaped JSON objects, no auth, no database)
# on this machine, in one run. Loopback only; bounded in time.
#
#   bench/http/run-compare.sh [table] [duration=10s]   bare API (1, 8, 32 connections), then the service with 8 users × 20 rules:
#                                                      POST /orders (spread over the 8 users), GET /risk-rules/portfolio-risk,
#                                                      GET /risk-rules, GET /notifications at 8 and 32 connections, and
#                                                      POST /orders for one user on one connection; prints req/s, p50, p99,
#                                                      each against the bare API at the same connection count, and the
#                                                      service's peak RSS (VmHWM)
#   bench/http/run-compare.sh mixed [duration=60s]     16 connections placing orders and 48 reading portfolio risk at once:
#                                                      p99, max and requests over 1 s for both
#   bench/http/run-compare.sh all [duration=10s]       both; the mixed part lasts MIXED_DURATION (default 60s)
#
#   DB=postgres  the service on $RISKPLATFORM_TEST_POSTGRES's server (a fresh database, dropped at exit) instead of SQLite.
#   WARMUP=3s    per endpoint before its first measured case (JIT, tiered compilation, pools); then the service is left
#                alone until its CPU settles (lib.sh's settle: the JIT's recompilation after the warm-up; SETTLE=0 skips it).
#   CASES="orders portfolio-risk risk-rules notifications"   the table's cases (default all four; e.g. CASES=portfolio-risk
#                for an A/B of one read).
# The service runs Release, Production environment, logs at Warning (bench/http/lib.sh). wrk is closed-loop: a slow response
# delays that connection's next request, so latencies under overload understate what an open-loop client would see.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode="${1:-table}"
case "$mode" in
  table | all) duration="${2:-10s}" ;;
  mixed) duration="${2:-60s}" ;;
  *) sed -n '2,19s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
esac
mixed_duration="${MIXED_DURATION:-60s}"
[[ "$mode" == mixed ]] && mixed_duration="$duration"
warmup="${WARMUP:-3s}"
users=8
load() { cut -d' ' -f1 /proc/loadavg; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

# run_wrk CONNECTIONS DURATION SCRIPT URL → the RESULT line of bench/http/report.lua (timeout 10 s: slow responses are measured).
run_wrk() {
  local threads=$(( $1 < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$1" -d"$2" --timeout 10s -s "$3" "$4" | awk '/^RESULT/ { $1 = ""; print }'
}
field() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k { print $2 }'; }

rows=()
declare -A bare_rps bare_p50 bare_p99
echo "start: $(uptime)"
echo "host: $(nproc) cores, $(dotnet --version) SDK, DB=${DB:-sqlite}"

if [[ "$mode" != mixed ]]; then
  bare_dir="$(mktemp -d)"
  bare_port=$(( ${PORT:-5090} + 1 ))
  dotnet publish bench/BareApi -c Release -o "$bare_dir" -v q -nologo >/dev/null
  (cd "$bare_dir" && exec dotnet BareApi.dll --urls "http://127.0.0.1:$bare_port") >/dev/null 2>&1 &
  bare_pid=$!
  trap 'kill "$bare_pid" 2>/dev/null || true; rm -rf "$bare_dir"' EXIT
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$bare_port/rules" >/dev/null 2>&1 && break; sleep 0.2; done
  wrk -t1 -c1 -d"$warmup" "http://127.0.0.1:$bare_port/rules" >/dev/null
  for c in 1 8 32; do
    r="$(PATH_=/rules run_wrk "$c" "$duration" bench/http/get.lua "http://127.0.0.1:$bare_port")"
    bare_rps[$c]=$(field "$r" rps) bare_p50[$c]=$(field "$r" p50) bare_p99[$c]=$(field "$r" p99)
    rows+=("bare API GET /rules|$c|$r|$(load)")
  done
  bare_rss=$(awk '/VmHWM/ { print $2 }' "/proc/$bare_pid/status")
  kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true
  rm -rf "$bare_dir"
  trap - EXIT
fi

export Jwt__AccessTokenMinutes=60
source bench/http/lib.sh

FEED="$(sign_in bench@example.com)"
quote() { json -H "authorization: Bearer $FEED" -X PUT "$base/api/v1/market/quotes/AAPL" -d '{"bid":189.95,"ask":190.05,"last":190.00}' >/dev/null; }
quote
tokens=()
for u in $(seq 1 "$users"); do
  tokens+=("$(sign_in "trader$u@example.com")")
  auth=(-H "authorization: Bearer ${tokens[-1]}")
  for i in $(seq 1 10); do
    json "${auth[@]}" -X POST "$base/api/v1/risk-rules" -d "{\"name\":\"order value $i\",\"rule_type\":\"max_order_value\",\"threshold_value\":$((1000000 + i)),\"threshold_unit\":\"dollars\",\"action\":\"block\"}" >/dev/null
    json "${auth[@]}" -X POST "$base/api/v1/risk-rules" -d "{\"name\":\"leverage $i\",\"rule_type\":\"max_leverage\",\"threshold_value\":$((5 + i)),\"threshold_unit\":\"ratio\",\"action\":\"alert\"}" >/dev/null
  done
done
all_tokens="$(IFS=,; echo "${tokens[*]}")"
declare -A paths=([portfolio-risk]=/api/v1/risk-rules/portfolio-risk [risk-rules]=/api/v1/risk-rules [notifications]=/api/v1/notifications)

# Warm-up: every user places orders (so that positions and notifications exist), then each read.
TOKENS="$all_tokens" wrk -t1 -c"$users" -d"$warmup" -s bench/http/orders.lua "$base" >/dev/null
for name in portfolio-risk risk-rules notifications; do
  TOKENS="$all_tokens" PATH_="${paths[$name]}" wrk -t1 -c"$users" -d"$warmup" -s bench/http/get.lua "$base" >/dev/null
done
settle

if [[ "$mode" != mixed ]]; then
  cases=" ${CASES:-orders portfolio-risk risk-rules notifications} "
  for c in 8 32; do
    quote
    if [[ "$cases" == *" orders "* ]]; then
      rows+=("POST /orders ($users users)|$c|$(TOKENS="$all_tokens" run_wrk "$c" "$duration" bench/http/orders.lua "$base")|$(load)")
    fi
    for name in portfolio-risk risk-rules notifications; do
      [[ "$cases" == *" $name "* ]] || continue
      rows+=("GET ${paths[$name]#/api/v1} ($users users)|$c|$(TOKENS="$all_tokens" PATH_="${paths[$name]}" run_wrk "$c" "$duration" bench/http/get.lua "$base")|$(load)")
    done
  done
  quote
  [[ "$cases" == *" orders "* ]] && rows+=("POST /orders (1 user)|1|$(TOKENS="${tokens[0]}" run_wrk 1 "$duration" bench/http/orders.lua "$base")|$(load)")

  echo
  echo "DB=${DB:-sqlite}, $duration per case; vs bare = the bare API's figure at the same connection count in this run"
  printf '%-44s %5s %10s %9s %9s %8s %8s %8s %7s %5s\n' case conns 'req/s' 'p50 ms' 'p99 ms' 'req/s %' 'p50 ×' 'p99 ×' non2xx load
  for row in "${rows[@]}"; do
    IFS='|' read -r label c r l <<<"$row"
    awk -v label="$label" -v c="$c" -v rps="$(field "$r" rps)" -v p50="$(field "$r" p50)" -v p99="$(field "$r" p99)" \
      -v brps="${bare_rps[$c]}" -v bp50="${bare_p50[$c]}" -v bp99="${bare_p99[$c]}" \
      -v bad="$(( $(field "$r" non2xx) + $(field "$r" timeouts) + $(field "$r" errors) ))" -v l="$l" \
      'BEGIN { printf "%-44s %5d %10.1f %9.2f %9.2f %7.2f%% %8.1f %8.1f %7d %5s\n",
        label, c, rps, p50 / 1000, p99 / 1000, 100 * rps / brps, p50 / bp50, p99 / bp99, bad, l }'
  done
  echo "peak RSS (VmHWM): service $(awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$api_pid/status"), bare API $((bare_rss / 1024)) MiB"
fi

if [[ "$mode" != table ]]; then
  quote
  echo
  echo "mixed load, $mixed_duration: 16 connections POST /orders ($users users) + 48 connections GET /risk-rules/portfolio-risk"
  TOKENS="$all_tokens" run_wrk 16 "$mixed_duration" bench/http/orders.lua "$base" >"$workdir/mixed-orders.txt" &
  orders_wrk=$!
  TOKENS="$all_tokens" PATH_="${paths[portfolio-risk]}" run_wrk 48 "$mixed_duration" bench/http/get.lua "$base" >"$workdir/mixed-reads.txt"
  wait "$orders_wrk"
  printf '%-28s %8s %9s %9s %9s %10s %8s\n' side 'req/s' 'p99 ms' 'max ms' '> 1 s' 'timeouts' non2xx
  for side in orders reads; do
    r="$(cat "$workdir/mixed-$side.txt")"
    awk -v side="$side" -v rps="$(field "$r" rps)" -v p99="$(field "$r" p99)" -v max="$(field "$r" max)" \
      -v slow="$(field "$r" slow)" -v to="$(field "$r" timeouts)" -v bad="$(field "$r" non2xx)" \
      'BEGIN { printf "%-28s %8.1f %9.1f %9.1f %9d %10d %8d\n",
        (side == "orders" ? "POST /orders (16 conns)" : "GET portfolio-risk (48)"), rps, p99 / 1000, max / 1000, slow, to, bad }'
  done
  echo "peak RSS (VmHWM): service $(awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$api_pid/status")"
fi
echo "end: $(uptime)"
