#!/usr/bin/env bash
# A two-node cluster as real processes: two API processes (each hosting a silo) with Redis membership on one PostgreSQL
# database. Orders go to both nodes and a price drop is published on node A while node B is killed with SIGKILL mid-stream.
# Then it checks, from the database, what the cluster must guarantee (issue 12):
#   - every order answered 201 by either node is stored; no client order id is stored or sent to the broker twice;
#   - each account the drop moved into its drawdown limit was liquidated exactly once, and every monitor action finished;
#   - the accounts of the killed node go on trading through node A.
# Usage: bench/http/run-cluster.sh [seconds=20] [users=8]     (needs RISKPLATFORM_TEST_POSTGRES and redis-server)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
users="${2:-8}"
: "${RISKPLATFORM_TEST_POSTGRES:?set RISKPLATFORM_TEST_POSTGRES (./build.sh services prints it)}"
command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install redis-server)"; exit 1; }

workdir="$(mktemp -d)"
pids=()
db="rp_cluster_$(date +%s)"
pg_admin="$(tr ';' '\n' <<<"$RISKPLATFORM_TEST_POSTGRES" | awk -F= '{ k = tolower($1); gsub(/ /, "", k) }
  k == "host" || k == "port" || k == "password" { print k "=" $2 } k == "username" { print "user=" $2 } k == "database" { print "dbname=" $2 }' | paste -sd' ')"
pg_db="$(sed -E "s/dbname=[^ ]*/dbname=$db/" <<<"$pg_admin")"
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || echo "could not drop database $db" >&2
  rm -rf "$workdir"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
redis_port="$(free_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$workdir/redis.log" 2>&1 &
pids+=($!)
psql "$pg_admin" -qc "CREATE DATABASE $db" >/dev/null
dotnet publish src/Api -c Release -o "$workdir/api" -v q -nologo >/dev/null

export ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning RateLimits__Enabled=false
export Jwt__SigningKey="$(head -c 32 /dev/urandom | base64)"
export Encryption__ActiveKeyVersion=1 Encryption__MasterKeys__1="$(head -c 32 /dev/urandom | base64)"
export Audit__ActiveHmacKeyVersion=1 Audit__HmacKeys__1="$(head -c 32 /dev/urandom | base64)"
export Database__Provider=PostgreSql ConnectionStrings__RiskPlatform="$(sed -E "s/Database=[^;]*/Database=$db/" <<<"$RISKPLATFORM_TEST_POSTGRES")"
export Orleans__Clustering=Redis Orleans__ClusterId="cluster-$db" Orleans__AdvertisedIPAddress=127.0.0.1
export Redis__ConnectionString="127.0.0.1:$redis_port"

# start_node NAME → starts a node on free ports, waits until it is ready, prints its base URL; its pid lands in $workdir/NAME.pid
start_node() {
  local port silo gateway
  port="$(free_port)" silo="$(free_port)" gateway="$(free_port)"
  (cd "$workdir/api" && Orleans__SiloPort="$silo" Orleans__GatewayPort="$gateway" exec dotnet RiskPlatform.Api.dll --urls "http://127.0.0.1:$port") \
    >"$workdir/$1.log" 2>&1 &
  echo $! >"$workdir/$1.pid"
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "node $1 did not start; its log:"; tail -20 "$workdir/$1.log"; exit 1; }
  echo "http://127.0.0.1:$port"
}
node_a="$(start_node a)"; pids+=("$(cat "$workdir/a.pid")")
node_b="$(start_node b)"; pids+=("$(cat "$workdir/b.pid")")
echo "node A $node_a (pid $(cat "$workdir/a.pid")), node B $node_b (pid $(cat "$workdir/b.pid")), Redis 127.0.0.1:$redis_port, database $db"

json() { curl -fs -H 'content-type: application/json' "$@"; }
json -X POST "$node_a/api/v1/auth/register" -d '{"email":"feed@example.com","password":"Bench-Horse-42","full_name":"Feed"}' >/dev/null
(cd "$workdir/api" && dotnet RiskPlatform.Api.dll users grant-admin feed@example.com) >/dev/null
feed="$(json -X POST "$node_a/api/v1/auth/login" -d '{"email":"feed@example.com","password":"Bench-Horse-42"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"

python3 bench/http/cluster_drive.py "$node_a" "$node_b" "$feed" "$users" "$seconds" "$workdir/b.pid" "$pg_db"
