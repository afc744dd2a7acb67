#!/usr/bin/env bash
# HTTP benchmark of POST /api/v1/orders on the paper broker: starts the service (Release, SQLite or PostgreSQL),
# signs a user in, sets a quote and 20 active rules, then drives it with wrk. Loopback only; bounded in time.
# Usage: bench/http/run-orders.sh [duration=30s] [connections=8]
#   DB=postgres  uses $RISKPLATFORM_TEST_POSTGRES's server (a fresh database is created) instead of a temp SQLite file.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-30s}"
connections="${2:-8}"
source bench/http/lib.sh

TOKEN="$(sign_in bench@example.com)"
export TOKEN
auth=(-H "authorization: Bearer $TOKEN")
json "${auth[@]}" -X PUT "$base/api/v1/market/quotes/AAPL" -d '{"bid":189.95,"ask":190.05,"last":190.00}' >/dev/null
for i in $(seq 1 10); do
  json "${auth[@]}" -X POST "$base/api/v1/risk-rules" -d "{\"name\":\"order value $i\",\"rule_type\":\"max_order_value\",\"threshold_value\":$((1000000 + i)),\"threshold_unit\":\"dollars\",\"action\":\"block\"}" >/dev/null
  json "${auth[@]}" -X POST "$base/api/v1/risk-rules" -d "{\"name\":\"leverage $i\",\"rule_type\":\"max_leverage\",\"threshold_value\":$((5 + i)),\"threshold_unit\":\"ratio\",\"action\":\"alert\"}" >/dev/null
done

threads=$(( connections < 2 ? 1 : 2 ))
echo "wrk -t$threads -c$connections -d$duration --latency -s bench/http/orders.lua $base   (DB=${DB:-sqlite})"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/http/orders.lua "$base"
