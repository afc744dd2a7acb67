#!/usr/bin/env bash
# HTTP benchmark of POST /api/v1/orders on the paper broker: starts the service (Release, SQLite or PostgreSQL),
# signs a user in, sets a quote and 20 active rules, warms it up (5 s), then drives it with wrk and reports the service's
# CPU time per request. Loopback only; bounded in time.
# Usage: bench/http/run-orders.sh [duration=30s] [connections=8]
#   WARMUP=10s   a longer warm-up before the measured run; WARMUP_CONNECTIONS=8 warms up on that many connections (default 1).
#   IDLE=5       also the service's CPU per second with no request, measured for 5 s after the warm-up has settled.
#   SETTLE=0     measures right after the warm-up, without waiting for the service's CPU to settle (lib.sh's settle).
#   DB=postgres  uses $RISKPLATFORM_TEST_POSTGRES's server (a fresh database is created) instead of a temp SQLite file.
#   USERS=8      spreads the orders over 8 accounts (bench/http/seed-orders.sh) instead of one.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-30s}"
connections="${2:-8}"
source bench/http/lib.sh

source bench/http/seed-orders.sh

threads=$(( connections < 2 ? 1 : 2 ))
# CPU time the service spent (user + system, from /proc), per request: unlike latency, it barely moves with the load
# that other processes put on the machine, so runs on a busy machine stay comparable.
ticks_per_second=$(getconf CLK_TCK)
# Warm-up (JIT, tiered compilation, connection pools) so that the measured run is the steady state; its orders count
# towards the account's history like any other.
wrk -t1 -c"${WARMUP_CONNECTIONS:-1}" -d"${WARMUP:-5s}" -s bench/http/orders.lua "$base" >/dev/null
# Then the JIT's recompilation of what the warm-up made hot, with no request, before anything is measured (lib.sh's settle).
settle
# IDLE=5 first measures the service's CPU with no request for that many seconds (timers, the actor runtime, exporters), so
# that a comparison can take it out of the CPU per request: it counts per second, not per request.
if [[ "${IDLE:-0}" != 0 ]]; then
  idle_before=$(cpu_ticks); sleep "$IDLE"; idle_after=$(cpu_ticks)
  awk -v t=$((idle_after - idle_before)) -v hz="$ticks_per_second" -v s="$IDLE" \
    'BEGIN { printf "service idle CPU: %.1f ms per second\n", 1000 * t / hz / s }'
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$threads -c$connections -d$duration --latency -s bench/http/orders.lua $base   (DB=${DB:-sqlite})"
thread_ticks >"$workdir/threads.before"
cpu_before=$(cpu_ticks)
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/http/orders.lua "$base" | tee "$workdir/wrk.txt"
cpu_after=$(cpu_ticks)
thread_ticks >"$workdir/threads.after"
requests=$(awk '/requests in/ { print $1 }' "$workdir/wrk.txt")
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v t=$((cpu_after - cpu_before)) -v hz="$ticks_per_second" -v n="$requests" \
  'BEGIN { printf "service CPU: %.2f s for %d requests = %.3f ms per request\n", t / hz, n, (n > 0 ? 1000 * t / hz / n : 0) }'
# Who spent it: ".NET Tiered Com" is the JIT recompiling hot methods in the background, which a short run after a short
# warm-up still pays for (docs/PERFORMANCE.md, "Idle CPU after an order warm-up").
seconds=$(sed -nE 's/^RESULT .*seconds=([0-9.]+).*/\1/p' "$workdir/wrk.txt")
echo "service threads during the run (ms CPU per second): $(busiest "$workdir/threads.before" "$workdir/threads.after" "${seconds:-1}" 4 |
  awk '{ n = $1; $1 = ""; printf "%s%s %s", sep, substr($0, 2), n; sep = ", " }')"
# The same CPU per request without that thread's share (an estimate: a JIT thread that ended during the run is not subtracted).
awk -v t=$((cpu_after - cpu_before)) -v hz="$ticks_per_second" -v n="$requests" '
  NR == FNR { before[$1] = $2; next }
  /\.NET Tiered Com/ { jit += $2 - ($1 in before ? before[$1] : 0) }
  END { printf "service CPU without the JIT background thread: %.2f s = %.3f ms per request\n", (t - jit) / hz, (n > 0 ? 1000 * (t - jit) / hz / n : 0) }' \
  "$workdir/threads.before" "$workdir/threads.after"

