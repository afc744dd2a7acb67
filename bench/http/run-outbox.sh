#!/usr/bin/env bash
# Outbox throughput to loopback peers: starts the service (Release, SQLite or PostgreSQL) with SMTP pointed at a local
# aiosmtpd sink and webhooks allowed to loopback, registers one webhook on a local sink, drives POST /notifications/test
# (high priority: one email row and one webhook row each) with wrk, waits for the outbox to drain, and reports per channel
# the rows sent, the drain rate (rows / (last sent − first created)) and p50/p99 from notification created to sent.
# Usage: bench/http/run-outbox.sh [duration=10s] [connections=4]
#   DB=postgres  uses $RISKPLATFORM_TEST_POSTGRES's server (a fresh database) instead of a temp SQLite file.
#   MODE=backlog measures the outbox alone, not the create path in front of it: the service first runs with its outbox
#                asleep (poll interval one hour) while wrk creates the rows, then is restarted on the same database with
#                the normal poll interval and drains the backlog; drain = rows sent / (last sent − first sent).
#   BATCH, PARALLELISM  Notifications:Outbox:BatchSize (100) and MaxParallelism (the service's default unless set).
#   LOG_TO=FILE  keeps the service's log there (e.g. with OUTBOX_DEBUG=1: the outbox workers' per-batch timings at Debug).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10s}"
connections="${2:-4}"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
smtp_port="$(free_port)"
sink_port="$(free_port)"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Sink >/dev/null 2>&1 &
smtp_pid=$!
python3 bench/http/webhook_sink.py "$sink_port" &
sink_pid=$!
trap 'kill $smtp_pid $sink_pid 2>/dev/null || true' EXIT

# Loopback webhooks are for development machines only (refused in Production): run the service as Staging.
export BENCH_ENVIRONMENT=Staging
export Notifications__Webhooks__AllowLoopback=true Notifications__TestNotificationsPerHour=1000000
# The bench user's address is never verified (no mailbox to click in): this measures the outbox, not contact verification.
export Notifications__Contacts__RequireVerification=false
mode="${MODE:-live}"
export Notifications__Outbox__PollInterval=00:00:00.050 Notifications__Outbox__BatchSize="${BATCH:-100}"
[[ -n "${PARALLELISM:-}" ]] && export Notifications__Outbox__MaxParallelism="$PARALLELISM"
[[ "$mode" == backlog ]] && export Notifications__Outbox__PollInterval=01:00:00
export Smtp__Host=127.0.0.1 Smtp__Port="$smtp_port" Smtp__Security=none Smtp__From="RiskPlatform <bench@riskplatform.test>"
# Per-batch timings of the outbox (claim, load, prepare, sends, save), logged at Debug.
[[ -n "${OUTBOX_DEBUG:-}" ]] && export Serilog__MinimumLevel__Override__RiskPlatform=Debug
export Orleans__SiloPort="$(free_port)" Orleans__GatewayPort="$(free_port)"
source bench/http/lib.sh
trap 'kill $smtp_pid $sink_pid 2>/dev/null || true; cleanup' EXIT

TOKEN="$(sign_in outbox@example.com)"
export TOKEN
json -H "authorization: Bearer $TOKEN" -X POST "$base/api/v1/notifications/webhooks" -d "{\"url\":\"http://127.0.0.1:$sink_port/hook\"}" >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c"$connections" -d"$duration" -s bench/http/notify.lua "$base"

if [[ "$mode" == backlog ]]; then
  # Same database, outbox awake: the rows created above are the backlog.
  kill "$api_pid"; wait "$api_pid" 2>/dev/null || true
  export Notifications__Outbox__PollInterval=00:00:00.050
  (cd "$workdir/api" && exec dotnet RiskPlatform.Api.dll --urls "$base") >>"$workdir/api.log" 2>&1 &
  api_pid=$!
fi

# Wait for the outbox to drain (every email and webhook row out of pending), at most two minutes.
query() {
  if [[ -n "${db:-}" ]]; then
    psql "$pg_admin dbname=$db" -Atc "$1"
  else
    python3 -c 'import sqlite3, sys; print("|".join(str(v) for v in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()))' "$workdir/bench.db" "$1"
  fi
}
for _ in $(seq 1 600); do
  [[ "$(query "SELECT COUNT(*) FROM notification_deliveries WHERE channel IN ('Email','Webhook') AND status IN ('Pending','Scheduled')")" == 0 ]] && break
  sleep 0.2
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

for channel in Email Webhook; do
  if [[ -n "${db:-}" ]]; then
    row="$(query "SELECT COUNT(*), COUNT(*) FILTER (WHERE status = 'Sent'),
      COALESCE(EXTRACT(EPOCH FROM MAX(sent_at) - $([[ "$mode" == backlog ]] && echo "MIN(sent_at)" || echo "MIN(created_at)")), 0),
      COALESCE(EXTRACT(EPOCH FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY sent_at - created_at)), 0),
      COALESCE(EXTRACT(EPOCH FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY sent_at - created_at)), 0)
      FROM notification_deliveries WHERE channel = '$channel'")"
  else
    row="$(python3 - "$workdir/bench.db" "$channel" "$mode" <<'PY'
import sqlite3, sys
from datetime import datetime
rows = sqlite3.connect(sys.argv[1]).execute(
    "SELECT created_at, sent_at, status FROM notification_deliveries WHERE channel = ?", (sys.argv[2],)).fetchall()
p = lambda s: datetime.fromisoformat(s)
sent = [(p(c), p(s)) for c, s, st in rows if st == "Sent"]
lat = sorted((s - c).total_seconds() for c, s in sent)
span = 0
if sent:
    first = min(s for _, s in sent) if sys.argv[3] == "backlog" else min(c for c, _ in sent)
    span = (max(s for _, s in sent) - first).total_seconds()
q = lambda f: lat[min(len(lat) - 1, int(f * len(lat)))] if lat else 0
print(f"{len(rows)}|{len(sent)}|{span}|{q(0.5)}|{q(0.99)}")
PY
)"
  fi
  IFS='|' read -r total sent span p50 p99 <<<"$row"
  python3 -c "import sys; t, s, span, p50, p99, name = sys.argv[1:]; span = float(span)
print(f'{name:8} rows {t}, sent {s}, drain {int(s) / span if span else 0:.0f}/s over {span:.1f} s, created→sent p50 {float(p50)*1000:.0f} ms, p99 {float(p99)*1000:.0f} ms')" \
    "$total" "$sent" "$span" "$p50" "$p99" "$channel"
done
echo "webhook sink: $(curl -fs "http://127.0.0.1:$sink_port/count") (received, distinct webhook-id)"
