#!/usr/bin/env bash
# Telemetry's cost on the order path as CPU per order: N pairs of short runs of bench/http/run-orders.sh (a fresh service
# and SQLite database each, the same seeding: a quote and 20 active rules), telemetry off (no exporter: no listener) and on
# (OTLP/HTTP to a local sink standing in for a collector: traces, metrics and logs), the order alternating from pair to pair
# (off-on, on-off, …) so that a machine getting busier or quieter weighs on both settings alike. Per run: requests, req/s
# and the service's CPU ms per request (utime + stime from /proc); at the end the medians per setting, the median of the
# per-pair ratios on/off and their spread. CPU per request moves less with other processes' load than throughput does,
# but the runtime's background JIT (tiered recompilation of what the warm-up and the run made hot: several seconds of CPU
# per fresh service, docs/PERFORMANCE.md "Idle CPU after an order warm-up") is divided by fewer requests when the machine is
# busy: so each run also reports the CPU per request without the JIT's background thread (net), and the idle CPU measured
# for IDLE seconds once the service has settled after the warm-up. DOTNET_TieredCompilation=0 (exported before the script)
# removes that JIT from both settings altogether, at the price of measuring code without Dynamic PGO.
# Usage: bench/http/run-telemetry-ab.sh [pairs=8] [duration=12s] [connections=8]
#   PUBLISHED=dir   an already published Release build (default: published once into /tmp/rp16b)
#   WARMUP=10s      warm-up before each measured run
#   IDLE=5          seconds of idle CPU measured after the warm-up has settled (0: none)
#   ON_ENV="K=V …"  extra settings for the "on" runs, e.g. OTEL_TRACES_SAMPLER=parentbased_traceidratio OTEL_TRACES_SAMPLER_ARG=0.1
#   OFF_ENV="K=V …" extra settings for the "off" runs
#   PORT=5097       the service's loopback port (not run-orders.sh's 5090, so that another benchmark's service is never measured)
#   SINK_PORT=4318  the OTLP sink's port (bench/http/webhook_sink.py, started here unless one answers there already)
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs="${1:-8}"
duration="${2:-12s}"
connections="${3:-8}"
published="${PUBLISHED:-/tmp/rp16b}"
sink_port="${SINK_PORT:-4318}"
export WARMUP="${WARMUP:-10s}" PORT="${PORT:-5097}" IDLE="${IDLE:-5}"
results="$(mktemp)"

if [[ -z "${PUBLISHED:-}" ]]; then
  dotnet publish src/Api -c Release -o "$published" -v q -nologo >/dev/null
fi
if ! curl -fs "127.0.0.1:$sink_port/count" >/dev/null 2>&1; then
  python3 bench/http/webhook_sink.py "$sink_port" &
  sink_pid=$!
  trap 'kill $sink_pid 2>/dev/null || true; rm -f "$results"' EXIT
  for _ in $(seq 1 50); do curl -fs "127.0.0.1:$sink_port/count" >/dev/null 2>&1 && break; sleep 0.1; done
else
  trap 'rm -f "$results"' EXIT
fi
sink_count() { curl -fs "127.0.0.1:$sink_port/count" | cut -d' ' -f1; }

# run SETTING PAIR: one measured run; appends "pair setting requests rps gross_ms net_ms exports" to $results.
run() {
  local setting=$1 pair=$2 before after out
  local -a settings=()
  if [[ "$setting" == on ]]; then
    settings=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$sink_port" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf ${ON_ENV:-})
  else
    settings=(${OFF_ENV:-})
  fi
  before=$(sink_count)
  out=$(env "${settings[@]}" PUBLISHED="$published" bench/http/run-orders.sh "$duration" "$connections" 2>&1) || {
    echo "$out" >&2
    echo "run failed (pair $pair, $setting)" >&2
    exit 1
  }
  after=$(sink_count)
  local requests rps cpu non2xx idle net
  requests=$(sed -nE 's/^RESULT requests=([0-9]+).*/\1/p' <<<"$out")
  rps=$(sed -nE 's/^RESULT .*rps=([0-9.]+).*/\1/p' <<<"$out")
  non2xx=$(sed -nE 's/^RESULT .*non2xx=([0-9]+).*/\1/p' <<<"$out")
  cpu=$(sed -nE 's/^service CPU: .* = ([0-9.]+) ms per request/\1/p' <<<"$out")
  idle=$(sed -nE 's/^service idle CPU: ([0-9.]+) ms per second/\1/p' <<<"$out")
  net=$(sed -nE 's/^service CPU without the JIT background thread: .* = ([0-9.]+) ms per request/\1/p' <<<"$out")
  printf '%-5s %-4s %8s %8s %8s %8s %8s %8s %8s\n' "$pair" "$setting" "$requests" "$rps" "$cpu" "${idle:-0}" "${net:-$cpu}" "$non2xx" "$((after - before))"
  echo "$pair $setting $requests $rps $cpu ${net:-$cpu} $((after - before))" >>"$results"
}

echo "pairs=$pairs duration=$duration connections=$connections warmup=$WARMUP build=$published ON_ENV='${ON_ENV:-}' OFF_ENV='${OFF_ENV:-}'"
printf '%-5s %-4s %8s %8s %8s %8s %8s %8s %8s\n' pair set requests req/s cpu_ms idle_ms/s net_ms non2xx exports
for pair in $(seq 1 "$pairs"); do
  echo "# pair $pair, before: $(uptime)"
  if (( pair % 2 == 1 )); then run off "$pair"; run on "$pair"; else run on "$pair"; run off "$pair"; fi
  echo "# pair $pair, after:  $(uptime)"
done

python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
exports = [int(r[6]) for r in rows if r[1] == "on"]
for label, column in (("gross", 4), ("net of the JIT thread", 5)):
    cpu = {"off": [], "on": []}
    by_pair = {}
    for row in rows:
        cpu[row[1]].append(float(row[column]))
        by_pair.setdefault(row[0], {})[row[1]] = float(row[column])
    ratios = [p["on"] / p["off"] for p in by_pair.values() if "on" in p and "off" in p]
    off, on = statistics.median(cpu["off"]), statistics.median(cpu["on"])
    q = statistics.quantiles(ratios, n=4) if len(ratios) >= 2 else [ratios[0]] * 3
    print(f"{label}: median CPU ms/request off {off:.3f}, on {on:.3f} ({100 * (on / off - 1):+.1f} %); "
          f"per-pair ratios on/off {' '.join(f'{r:.3f}' for r in ratios)}; median ratio {statistics.median(ratios):.3f} "
          f"({100 * (statistics.median(ratios) - 1):+.1f} %), quartiles {q[0]:.3f}-{q[2]:.3f}, range {min(ratios):.3f}-{max(ratios):.3f}")
print(f"'on' runs with no export: {sum(1 for e in exports if e == 0)} of {len(exports)}")
PY
