#!/usr/bin/env bash
# HTTP benchmark of GET /api/v1/risk-rules/portfolio-risk/analytics for a portfolio of $POSITIONS (200) positions with one year
# of daily history: starts the service (Release, SQLite or PostgreSQL), imports 253 weekdays of daily bars up to yesterday for
# the held symbols and SPY with the operator command (`market import-bars`), sets their quotes in one batch, buys one share of
# each on the paper broker, times the first two requests, checks the analytics once, warms up for 3 s, then drives the endpoint
# with wrk on one connection and reports p50/p99 and the service's CPU time per request. Loopback only; bounded in time.
# Usage: bench/http/run-analytics.sh [duration=10s] [connections=1]
#   DB=postgres  uses $RISKPLATFORM_TEST_POSTGRES's server (a fresh database is created) instead of a temp SQLite file.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10s}"
connections="${2:-1}"
positions="${POSITIONS:-200}"
export Jwt__AccessTokenMinutes=60
source bench/http/lib.sh

FEED="$(sign_in bench@example.com)"
TOKEN="$(sign_in trader@example.com)"
export TOKEN

# One year of daily bars (open = high = low = close, a random walk per symbol) and, per symbol, its last close.
python3 - "$workdir/bars.csv" "$positions" <<'EOF'
import csv, datetime, random, sys
path, n = sys.argv[1], int(sys.argv[2])
random.seed(17)
day, days = datetime.date.today() - datetime.timedelta(days=1), []
while len(days) < 253:
    if day.weekday() < 5:
        days.append(day)
    day -= datetime.timedelta(days=1)
days.reverse()
with open(path, "w", newline="") as bars, open(path + ".last", "w") as last:
    out = csv.writer(bars)
    out.writerow(["symbol", "date", "open", "high", "low", "close", "volume"])
    for symbol in [f"S{i:03d}" for i in range(n)] + ["SPY"]:
        price = 20 + random.randint(0, 150)
        for d in days:
            price = round(price * (1 + (random.random() - 0.5) / 25), 4)
            out.writerow([symbol, d.isoformat(), price, price, price, price, 1000])
        last.write(f"{symbol} {price}\n")
EOF
started=$(date +%s)
(cd "$workdir/api" && dotnet RiskPlatform.Api.dll market import-bars "$workdir/bars.csv") | tail -1
echo "imported $(($(wc -l <"$workdir/bars.csv") - 1)) bars in $(($(date +%s) - started)) s"

auth=(-H "authorization: Bearer $TOKEN")
json -H "authorization: Bearer $FEED" -X PUT "$base/api/v1/market/quotes" \
  -d "$(awk '{ printf "%s{\"symbol\":\"%s\",\"price\":%s}", (NR > 1 ? "," : "["), $1, $2 } END { print "]" }' "$workdir/bars.csv.last")" >/dev/null
for symbol in $(awk '$1 != "SPY" { print $1 }' "$workdir/bars.csv.last"); do
  json "${auth[@]}" -X POST "$base/api/v1/orders" -d "{\"symbol\":\"$symbol\",\"side\":\"buy\",\"qty\":1,\"type\":\"market\",\"time_in_force\":\"day\"}" >/dev/null
done
path=/api/v1/risk-rules/portfolio-risk/analytics
# The first request after the start reads every symbol's closes (and, since the read side keeps them, the second does not).
for n in first second; do
  echo "$n request: $(curl -fs -o /dev/null -w '%{time_total}' "${auth[@]}" "$base$path") s"
done
json "${auth[@]}" "$base$path" | python3 -c '
import json, sys
a = json.load(sys.stdin); i = a["inputs"]
print("analytics: %d positions, %d common returns %s..%s, insufficient: %s, matrix %d x, VaR: %s" % (len(a["positions"]),
      i["common_returns"], i["from"], i["to"], i["insufficient_reason"], len(a["correlation"]["matrix"] or []), a["value_at_risk"] is not None))'

threads=$(( connections < 2 ? 1 : 2 ))
ticks_per_second=$(getconf CLK_TCK)
PATH_=$path wrk -t1 -c1 -d3s -s bench/http/get.lua "$base" >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PATH_=$path wrk -t$threads -c$connections -d$duration --latency -s bench/http/get.lua $base   (DB=${DB:-sqlite})"
cpu_before=$(cpu_ticks)
PATH_=$path wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/http/get.lua "$base" | tee "$workdir/wrk.txt"
cpu_after=$(cpu_ticks)
requests=$(awk '/requests in/ { print $1 }' "$workdir/wrk.txt")
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v t=$((cpu_after - cpu_before)) -v hz="$ticks_per_second" -v n="$requests" \
  'BEGIN { printf "service CPU: %.1f s for %d requests = %.2f ms per request\n", t / hz, n, (n > 0 ? 1000 * t / hz / n : 0) }'
