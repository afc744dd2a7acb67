#!/usr/bin/env bash
# The service's CPU with no request at all, over time: starts the service (Release, SQLite or PostgreSQL; bench/http/lib.sh),
# seeds the orders benchmark's account (a quote and 20 active rules), optionally warms it up with the orders benchmark's load,
# then takes no request for SECONDS and prints the CPU it spent (utime + stime from /proc) per STEP seconds, and at the end
# the threads that spent it (per-thread CPU from /proc/PID/task, by thread name). Loopback only; bounded in time.
# Usage: bench/http/run-idle.sh [seconds=90] [step=5]
#   WARMUP=10s    the order load before the idle window (wrk -t1 -c1, as run-orders.sh's warm-up); 0: none, idle from start.
#   SERVICE_ENV="K=V …"  extra settings for the service (e.g. Monitoring__PollInterval=0 to bisect).
#   PORT=5098     the service's port (not the other scripts' 5090/5097); Orleans silo and gateway ports are moved as well
#                 (SILO_PORT=11198, GATEWAY_PORT=30098) so that a service another benchmark runs is never joined or measured.
#   TRACE=file.nettrace  also a CPU-sampling trace (dotnet-trace, from ~/.dotnet/tools) of the first TRACE_SECONDS=10 idle seconds.
#   PUBLISHED, DB, METRICS_PORT as in bench/http/lib.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-90}"
step="${2:-5}"
export PORT="${PORT:-5098}"
export Orleans__SiloPort="${SILO_PORT:-11198}" Orleans__GatewayPort="${GATEWAY_PORT:-30098}"
if [[ -n "${SERVICE_ENV:-}" ]]; then
  # shellcheck disable=SC2163 # each word is a K=V pair
  for setting in $SERVICE_ENV; do export "$setting"; done
fi
source bench/http/lib.sh
source bench/http/seed-orders.sh

hz=$(getconf CLK_TCK)
echo "service pid $api_pid, start: $(uptime)"
if [[ "${WARMUP:-10s}" != 0 ]]; then
  wrk -t1 -c1 -d"${WARMUP:-10s}" -s bench/http/orders.lua "$base" | awk '/requests in/ { print "warm-up: " $0 }'
fi
echo "idle from: $(uptime)   SERVICE_ENV='${SERVICE_ENV:-}' WARMUP=${WARMUP:-10s} DB=${DB:-sqlite}"
thread_ticks >"$workdir/threads.before"
if [[ -n "${TRACE:-}" ]]; then
  # TRACE=file.nettrace: a CPU-sampling trace of the service over the first TRACE_SECONDS (default 10) of the idle window.
  ~/.dotnet/tools/dotnet-trace collect -p "$api_pid" --profile cpu-sampling --duration "00:00:00:$(printf %02d "${TRACE_SECONDS:-10}")" \
    -o "$TRACE" >"$TRACE.log" 2>&1 &
fi
# Each step: the process's ticks and the threads' ticks read back to back, divided by the wall time really elapsed since the
# previous step (a busy machine stretches `sleep` and the /proc reads).
start=$(cpu_ticks)
previous=$start
started=$EPOCHREALTIME
previous_time=$started
cp "$workdir/threads.before" "$workdir/threads.previous"
for ((elapsed = step; elapsed <= seconds; elapsed += step)); do
  sleep "$step"
  now=$(cpu_ticks)
  thread_ticks >"$workdir/threads.now"
  now_time=$EPOCHREALTIME
  wall=$(awk -v a="$previous_time" -v b="$now_time" 'BEGIN { print b - a }')
  top=$(busiest "$workdir/threads.previous" "$workdir/threads.now" "$wall" | awk '{ n = $1; $1 = ""; printf "%s%s %s", sep, substr($0, 2), n; sep = ", " }')
  awk -v t=$((now - previous)) -v hz="$hz" -v s="$wall" -v e="$(awk -v a="$started" -v b="$now_time" 'BEGIN { print b - a }')" \
    -v l="$(cut -d' ' -f1 /proc/loadavg)" -v top="$top" \
    'BEGIN { printf "t=%5.1fs  %6.1f ms CPU per second   (load %s)   %s\n", e, 1000 * t / hz / s, l, top }'
  previous=$now
  previous_time=$now_time
  mv "$workdir/threads.now" "$workdir/threads.previous"
done
total_wall=$(awk -v a="$started" -v b="$previous_time" 'BEGIN { print b - a }')
awk -v t=$((previous - start)) -v hz="$hz" -v s="$total_wall" \
  'BEGIN { printf "RESULT idle_ms_per_s=%.1f over %.1fs\n", 1000 * t / hz / s, s }'
echo "end: $(uptime)"
echo "threads by CPU over the whole idle window (ms per second, name; threads that ended are missing):"
busiest "$workdir/threads.before" "$workdir/threads.previous" "$total_wall" 15
