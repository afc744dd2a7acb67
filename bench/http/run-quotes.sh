#!/usr/bin/env bash
# HTTP benchmark of quote ingestion with the portfolio monitor on: starts the service (Release, SQLite or PostgreSQL),
# opens USERS paper accounts (default 20), each holding every one of SYMBOLS symbols (default 10) under 20 active rules
# (monitored ones included, all far from breach), then publishes quotes with wrk as the market-data feed (an admin).
# Every quote queues a monitor evaluation of each account holding the symbol. BATCH=n sends n quotes per request (the batch
# form, PUT /market/quotes); quotes/s is then n × requests/s. After the run the script reads the service's own metrics
# (Prometheus scrape on a second loopback port, bench/http/monitor_report.py): the monitor's lag (from the quote that queued
# an account to the start of its evaluation) and how the evaluations ended (quiet: nothing stored; evaluated: a run that
# stored). Loopback only; bounded in time.
# OTHER_USERS=n adds n accounts that hold one position in a symbol the feed never quotes, with no rules: a node's other
# traders, which a quote must not cost anything for (seeded 8 at a time).
# Usage: bench/http/run-quotes.sh [duration=30s] [connections=8]      (DB=postgres, USERS=n, SYMBOLS=n, BATCH=n, OTHER_USERS=n)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-30s}"
connections="${2:-8}"
users="${USERS:-20}"
symbol_count="${SYMBOLS:-10}"
batch="${BATCH:-1}"
(( batch > symbol_count )) && batch="$symbol_count"   # a batch names each symbol at most once
METRICS_PORT="${METRICS_PORT:-9465}"
source bench/http/lib.sh

FEED="$(sign_in bench@example.com)"
symbols=()
for s in $(seq 1 "$symbol_count"); do
  symbols+=("S$(printf '%03d' "$s")")
  json -H "authorization: Bearer $FEED" -X PUT "$base/api/v1/market/quotes/${symbols[-1]}" -d '{"price":100}' >/dev/null
done

rule() { json -H "authorization: Bearer $1" -X POST "$base/api/v1/risk-rules" -d "$2" >/dev/null; }
for u in $(seq 1 "$users"); do
  token="$(sign_in "trader$u@example.com")"
  for i in 1 2 3 4; do
    rule "$token" "{\"name\":\"drawdown $i\",\"rule_type\":\"max_drawdown\",\"threshold_value\":$((40 + i)),\"threshold_unit\":\"percent\",\"action\":\"close_all\"}"
    rule "$token" "{\"name\":\"daily loss $i\",\"rule_type\":\"max_daily_loss\",\"threshold_value\":$((40 + i)),\"threshold_unit\":\"percent\",\"action\":\"block\"}"
    rule "$token" "{\"name\":\"leverage $i\",\"rule_type\":\"max_leverage\",\"threshold_value\":$((5 + i)),\"threshold_unit\":\"ratio\",\"action\":\"alert\"}"
    rule "$token" "{\"name\":\"concentration $i\",\"rule_type\":\"max_concentration\",\"threshold_value\":$((80 + i)),\"threshold_unit\":\"percent\",\"action\":\"alert\"}"
    rule "$token" "{\"name\":\"position size $i\",\"rule_type\":\"max_position_size\",\"threshold_value\":$((100000 + i)),\"threshold_unit\":\"shares\",\"action\":\"close_position\"}"
  done
  for symbol in "${symbols[@]}"; do
    json -H "authorization: Bearer $token" -X POST "$base/api/v1/orders" \
      -d "{\"symbol\":\"$symbol\",\"side\":\"buy\",\"qty\":10,\"type\":\"market\",\"time_in_force\":\"day\"}" >/dev/null
  done
done

other_users="${OTHER_USERS:-0}"
if (( other_users > 0 )); then
  json -H "authorization: Bearer $FEED" -X PUT "$base/api/v1/market/quotes/OTHER" -d '{"price":100}' >/dev/null
  other_account() {
    local token
    token="$(sign_in "other$1@example.com")" || { echo "other$1: sign-in failed" >&2; return 1; }
    # Seeding takes minutes (a password hash per account): the quote is kept fresh, or orders would be refused as stale.
    if (( $1 % 50 == 0 )); then json -H "authorization: Bearer $FEED" -X PUT "$base/api/v1/market/quotes/OTHER" -d '{"price":100}' >/dev/null; fi
    curl -sS -o "$workdir/other$1.json" -w '%{http_code}' -H 'content-type: application/json' -H "authorization: Bearer $token" \
      -X POST "$base/api/v1/orders" -d '{"symbol":"OTHER","side":"buy","qty":1,"type":"market","time_in_force":"day"}' |
      grep -q '^201$' || { echo "other$1: order refused: $(cat "$workdir/other$1.json")" >&2; return 1; }
  }
  export -f other_account sign_in json
  export base admin_email workdir FEED
  seq 1 "$other_users" | xargs -P 8 -I{} bash -c 'other_account {}'
  echo "seeded $other_users other accounts, each holding OTHER"
fi

export TOKEN="$FEED" SYMBOLS="$(IFS=,; echo "${symbols[*]}")" BATCH="$batch"
threads=$(( connections < 2 ? 1 : 2 ))
scrape() { curl -fs "http://127.0.0.1:$METRICS_PORT/metrics" > "$1"; }
sleep 2
scrape "$workdir/before.prom"
echo "wrk -t$threads -c$connections -d$duration --latency -s bench/http/quotes.lua $base   (DB=${DB:-sqlite}, $users accounts × $symbol_count symbols, $batch quote(s) per request)"
cpu_before=$(cpu_ticks)
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/http/quotes.lua "$base" | tee "$workdir/wrk.txt"
cpu_after=$(cpu_ticks)
scrape "$workdir/end.prom"
# The service's CPU (user + system, from /proc) per quote during the run: the monitor's evaluations it caused included.
awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$(awk '/requests in/ { print $1 }' "$workdir/wrk.txt")" -v b="$batch" \
  'BEGIN { printf "service CPU: %.2f s for %d requests = %.3f ms per request, %.3f ms per quote\n", t / hz, n, (n > 0 ? 1000 * t / hz / n : 0), (n > 0 ? 1000 * t / hz / n / b : 0) }'
sleep 3
scrape "$workdir/after.prom"
python3 bench/http/monitor_report.py "$workdir" "$batch"
