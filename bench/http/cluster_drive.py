#!/usr/bin/env python3
"""Drives the two-node cluster started by run-cluster.sh and checks what it must guarantee (see that script).

Usage: cluster_drive.py NODE_A NODE_B FEED_TOKEN USERS SECONDS B_PID_FILE PSQL_CONNINFO
Each user alternates small market orders between the two nodes, each with its own client order id. A quarter of the way in,
node B is killed with SIGKILL; halfway, a 20 % price drop is published on node A, which moves every account past its 5 %
drawdown limit (close_all). Exit status 0 when every check holds, 1 otherwise.
"""
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

node_a, node_b, feed, users, seconds, b_pid_file, conninfo = sys.argv[1:8]
users, seconds = int(users), float(seconds)


def call(base, method, path, token=None, body=None, timeout=15):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers={"content-type": "application/json"})
    if token:
        request.add_header("authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
        return None, str(error)


def sql(query):
    out = subprocess.run(["psql", conninfo, "-Atc", query], check=True, capture_output=True, text=True).stdout
    return [line.split("|") for line in out.splitlines() if line]


def sign_up(base, i):
    email = f"trader{i}-{uuid.uuid4().hex[:8]}@example.com"
    call(base, "POST", "/api/v1/auth/register", body={"email": email, "password": "Bench-Horse-42", "full_name": "Trader"})
    status, tokens = call(base, "POST", "/api/v1/auth/login", body={"email": email, "password": "Bench-Horse-42"})
    assert status == 200, (status, tokens)
    token = tokens["access_token"]
    status, me = call(base, "GET", "/api/v1/auth/me", token)
    return token, me["id"] if status == 200 else None


status, body = call(node_a, "PUT", "/api/v1/market/quotes/AAPL", feed, {"price": 100})
assert status == 200, (status, body)
traders = []
for i in range(users):
    base = node_a if i % 2 == 0 else node_b
    token, user_id = sign_up(base, i)
    rule = {"name": "close all at 5 %", "rule_type": "max_drawdown", "threshold_value": 5, "threshold_unit": "percent", "action": "close_all"}
    assert call(base, "POST", "/api/v1/risk-rules", token, rule)[0] == 201
    status, order = call(base, "POST", "/api/v1/orders", token, {"symbol": "AAPL", "side": "buy", "qty": 500, "type": "market"})
    assert status == 201, (status, order)
    traders.append({"token": token, "id": user_id, "home": base})

results = []          # (user index, node, client order id, status, order id, seconds since start)
lock = threading.Lock()
start = time.monotonic()
killed_at = None


def trade(index):
    trader = traders[index]
    n = 0
    while time.monotonic() - start < seconds:
        n += 1
        node = node_a if n % 2 == 0 else node_b
        client_order_id = f"drv-{index}-{n}-{uuid.uuid4().hex[:6]}"
        side = "buy" if n % 2 else "sell"
        status, body = call(node, "POST", "/api/v1/orders", trader["token"],
                            {"symbol": "AAPL", "side": side, "qty": 1, "type": "market", "client_order_id": client_order_id})
        order_id = body.get("id") if isinstance(body, dict) else None
        with lock:
            results.append((index, node, client_order_id, status, order_id, time.monotonic() - start))
        if status is None:
            time.sleep(0.05)


threads = [threading.Thread(target=trade, args=(i,)) for i in range(users)]
for thread in threads:
    thread.start()
time.sleep(seconds / 4)
os.kill(int(open(b_pid_file).read()), signal.SIGKILL)
killed_at = time.monotonic() - start
print(f"killed node B with SIGKILL at {killed_at:.1f} s")
time.sleep(max(0.0, seconds / 2 - killed_at))
drop_status, drop = call(node_a, "PUT", "/api/v1/market/quotes/AAPL", feed, {"price": 80})
print(f"published the 20 % drop on node A at {time.monotonic() - start:.1f} s: {drop_status}")
for thread in threads:
    thread.join()

# Let the monitor finish what the drop set off (runs and liquidations of every account, on node A now).
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    pending = sql("SELECT count(*) FROM monitor_actions WHERE lower(status) = 'pending'")[0][0]
    if pending == "0":
        break
    time.sleep(0.5)

failures = []


def check(ok, text):
    print(("ok    " if ok else "FAIL  ") + text)
    if not ok:
        failures.append(text)


acknowledged = [r for r in results if r[3] == 201]
by_status = {}
for r in results:
    by_status[r[3]] = by_status.get(r[3], 0) + 1
print(f"{len(results)} orders sent in {seconds:.0f} s by {users} users over both nodes; answers: "
      + ", ".join(f"{k or 'no answer'}: {v}" for k, v in sorted(by_status.items(), key=lambda kv: str(kv[0]))))
stored = {row[0] for row in sql("SELECT id FROM orders")}
missing = [r for r in acknowledged if r[4] not in stored]
check(not missing, f"every order answered 201 is stored ({len(acknowledged)} acknowledged, {len(missing)} missing)")
twice = sql("SELECT client_order_id, count(*) FROM orders GROUP BY client_order_id HAVING count(*) > 1")
check(not twice, f"no client order id stored twice ({len(twice)} found)")
sent_twice = sql("SELECT client_order_id, count(*) FROM paper_orders GROUP BY client_order_id HAVING count(*) > 1")
check(not sent_twice, f"no order sent to the broker twice ({len(sent_twice)} found)")
server_errors = [r for r in results if r[1] == node_a and r[3] is not None and r[3] >= 500 and r[3] != 503]
check(not server_errors, f"node A answered no 5xx other than 503 while B died ({len(server_errors)}: {sorted({r[3] for r in server_errors})})")
unavailable = [r for r in results if r[1] == node_a and r[3] == 503]
if unavailable:
    print(f"      node A answered 503 (account unavailable, retry) {len(unavailable)} times, "
          f"from {min(r[5] for r in unavailable):.1f} s to {max(r[5] for r in unavailable):.1f} s (the killed node's accounts until"
          f" the cluster declared it dead)")
for index, trader in enumerate(traders):
    liquidations = sql(f"SELECT lower(status) FROM orders WHERE user_id = '{trader['id']}' AND client_order_id LIKE 'mon-%'")
    check(len(liquidations) == 1 and liquidations[0][0] == "filled",
          f"trader {index} ({'B' if trader['home'] == node_b else 'A'} first): liquidated exactly once ({[l[0] for l in liquidations]})")
unfinished = sql("SELECT count(*) FROM monitor_actions WHERE lower(status) <> 'done'")[0][0]
check(unfinished == "0", f"every monitor action finished ({unfinished} not done)")
after_kill = [r for r in results if r[1] == node_a and r[5] > (killed_at or 0) + 5]
check(any(r[3] in (201, 422) for r in after_kill),
      f"node A kept judging orders after the kill, also for the killed node's accounts ({len(after_kill)} answers after kill + 5 s)")
print(f"{len(failures)} check(s) failed" if failures else "all checks passed")
sys.exit(1 if failures else 0)
