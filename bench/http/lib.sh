# Shared by the HTTP benchmark scripts: publishes the service (Release), starts it on loopback on SQLite or PostgreSQL,
# and offers small helpers. Source it after `cd` to the repository root; it sets $base and an EXIT trap.
#   DB=postgres  uses $RISKPLATFORM_TEST_POSTGRES's server (a fresh database, dropped at exit unless KEEP_DATABASE=1)
#                instead of a temp SQLite file.
#   ADMIN_EMAIL  the user that publishes quotes (made admin with `users grant-admin`, as an operator would).
#   PUBLISHED    a directory holding an already published service (skips the publish, e.g. for back-to-back A/B runs).
port="${PORT:-5090}"
base="http://127.0.0.1:$port"
workdir="$(mktemp -d)"
# On exit: stop the service, drop the PostgreSQL database it used (KEEP_DATABASE=1 keeps it), remove the temp files.
cleanup() {
  # (not `kill ${api_pid:-0}`: kill 0 signals the whole process group, i.e. whatever started this script)
  if [[ -n "${api_pid:-}" ]]; then kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true; fi
  if [[ -n "${db:-}" && "${KEEP_DATABASE:-}" != 1 ]]; then
    psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || echo "could not drop database $db" >&2
  fi
  # LOG_TO=FILE keeps the service's log there.
  if [[ -n "${LOG_TO:-}" && -f "$workdir/api.log" ]]; then cp "$workdir/api.log" "$LOG_TO"; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
if [[ -n "${PUBLISHED:-}" ]]; then
  cp -r "$PUBLISHED" "$workdir/api"
else
  dotnet publish src/Api -c Release -o "$workdir/api" -v q -nologo >/dev/null
fi

export ASPNETCORE_ENVIRONMENT="${BENCH_ENVIRONMENT:-Production}"
export Jwt__SigningKey="$(head -c 32 /dev/urandom | base64)"
export Encryption__ActiveKeyVersion=1 Encryption__MasterKeys__1="$(head -c 32 /dev/urandom | base64)"
# The audit chain keyed as in production (docs/decisions/024); Audit__Chains may be set by the caller to compare.
export Audit__ActiveHmacKeyVersion=1 Audit__HmacKeys__1="$(head -c 32 /dev/urandom | base64)"
# Browser push is always on and needs a VAPID pair (the test suite's, not a secret: nothing is pushed in the benchmarks).
export Push__Vapid__PublicKey=BHrQQngNe8g6ZAcG6m0b15PtQgWbLg9hZLHELcdQPn1OaqoVx-Alh0_uyLxPe4kCw55J5avEjOef3BEV8_zO9VE
export Push__Vapid__PrivateKey=3dhi-S9PaGQNQDJDwGOKe5r9zGs4kiUD0usu5CO9lUs Push__Vapid__Subject=mailto:bench@example.com
export Serilog__MinimumLevel__Default=Warning
# The benchmarks measure the service, not its per-user budgets (thousands of orders a second from a handful of users).
export RateLimits__Enabled=false
# Plain HTTP on loopback: no redirect to HTTPS (a deployment keeps it on, or ends TLS at its proxy).
export Https__Redirect=false Https__Hsts=false
admin_email="${ADMIN_EMAIL:-bench@example.com}"
if [[ "${DB:-sqlite}" == "postgres" ]]; then
  : "${RISKPLATFORM_TEST_POSTGRES:?set RISKPLATFORM_TEST_POSTGRES (./build.sh services prints it)}"
  db="rp_bench_$(date +%s)"
  # psql's conninfo from the Npgsql connection string: server and credentials only (Npgsql-only keywords are left out).
  pg_admin="$(tr ';' '\n' <<<"$RISKPLATFORM_TEST_POSTGRES" | awk -F= '{ k = tolower($1); gsub(/ /, "", k) }
    k == "host" || k == "port" || k == "password" { print k "=" $2 } k == "username" { print "user=" $2 } k == "database" { print "dbname=" $2 }' | paste -sd' ')"
  psql "$pg_admin" -qc "CREATE DATABASE $db" >/dev/null
  export Database__Provider=PostgreSql ConnectionStrings__RiskPlatform="$(sed -E "s/Database=[^;]*/Database=$db/" <<<"$RISKPLATFORM_TEST_POSTGRES")"
else
  export Database__Provider=Sqlite ConnectionStrings__RiskPlatform="Data Source=$workdir/bench.db"
fi

#   METRICS_PORT  also serves the Prometheus scrape on that loopback port (e.g. for the monitor's lag histogram).
urls="$base"
if [[ -n "${METRICS_PORT:-}" ]]; then
  export Telemetry__Prometheus__Enabled=true Telemetry__Prometheus__Port="$METRICS_PORT"
  urls="$base;http://127.0.0.1:$METRICS_PORT"
fi
(cd "$workdir/api" && exec dotnet RiskPlatform.Api.dll --urls "$urls") >"$workdir/api.log" 2>&1 &
api_pid=$!
# The service's CPU time so far (user + system, clock ticks of getconf CLK_TCK), from /proc.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$api_pid/stat"; }
for _ in $(seq 1 100); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done

json() { curl -fs -H 'content-type: application/json' "$@"; }

# sign_in EMAIL → prints an access token (registers the user first; $admin_email is then made admin by the operator command,
# run against the same database with the same settings, before it signs in so its token carries the role).
sign_in() {
  json -X POST "$base/api/v1/auth/register" -d "{\"email\":\"$1\",\"password\":\"Bench-Horse-42\",\"full_name\":\"Bench\"}" >/dev/null
  if [[ "$1" == "$admin_email" ]]; then
    (cd "$workdir/api" && dotnet RiskPlatform.Api.dll users grant-admin "$1") >/dev/null
  fi
  json -X POST "$base/api/v1/auth/login" -d "{\"email\":\"$1\",\"password\":\"Bench-Horse-42\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# settle: after a warm-up, waits until the service's own CPU with no request has fallen below SETTLE_MS (default 60) ms per
# second for three seconds in a row, at most SETTLE_MAX (default 60) seconds, and prints how long that took. Right after a
# warm-up the runtime's tiered JIT is still recompiling the methods the warm-up made hot (with Dynamic PGO: an instrumented
# tier, then the optimised one): several seconds of one core on this machine (docs/PERFORMANCE.md, "Idle CPU after an order
# warm-up"), which a measured run would otherwise be charged with. SETTLE=0 skips it (the scripts' behaviour before).
settle() {
  [[ "${SETTLE:-1}" != 0 ]] || return 0
  local hz below quiet=0 waited=0 before after ms=0
  hz=$(getconf CLK_TCK)
  below="${SETTLE_MS:-60}"
  after=$(cpu_ticks)
  while (( quiet < 3 && waited < ${SETTLE_MAX:-60} )); do
    before=$after
    sleep 1
    after=$(cpu_ticks)
    waited=$((waited + 1))
    ms=$(( (after - before) * 1000 / hz ))
    if (( ms < below )); then quiet=$((quiet + 1)); else quiet=0; fi
  done
  if (( quiet < 3 )); then
    echo "service not settled after ${waited} s (last second: $ms ms CPU; SETTLE_MS=$below)" >&2
  else
    echo "service settled after ${waited} s (CPU below $below ms per second for 3 s)"
  fi
}

# Per-thread CPU of the service, to tell what spends it (e.g. ".NET Tiered Com", the JIT's background recompilation, against
# ".NET TP Worker", the thread pool running requests and timers).
# thread_ticks: one line per thread, "tid ticks name" (a name may hold spaces: it is what the parentheses hold; utime and
# stime are the 12th and 13th fields after them).
thread_ticks() {
  awk '{ open = index($0, "("); shut = match($0, /\) [A-Za-z] /); split(substr($0, shut + 2), f, " ")
         print $1, f[12] + f[13], substr($0, open + 1, shut - open - 1) }' /proc/"$api_pid"/task/*/stat 2>/dev/null || true
}

# busiest BEFORE AFTER SECONDS [N]: the N thread names (default 3) that spent the most CPU between two thread_ticks files, in ms
# per second (threads that ended in between are missing: short steps see more of them).
busiest() {
  awk -v hz="$(getconf CLK_TCK)" -v s="$3" '
    NR == FNR { before[$1] = $2; next }
    { tid = $1; t = $2 - (tid in before ? before[tid] : 0); $1 = ""; $2 = ""; sub(/^ +/, ""); byname[$0] += t }
    END { for (n in byname) if (byname[n] > 0) printf "%.1f %s\n", 1000 * byname[n] / hz / s, n }' "$1" "$2" |
    sort -rn | head -"${4:-3}"
}
