-- wrk script: POST /api/v1/orders with a bearer token, alternating buy and sell market orders so the
-- position stays small and every request runs the full pre-trade path (rules, snapshot, engine, paper fill).
-- With TOKENS (comma-separated) the orders are spread over those users, each still alternating buy and sell.
-- Usage: TOKEN=... wrk -t2 -c8 -d30s --latency -s bench/http/orders.lua http://127.0.0.1:5090
dofile("bench/http/report.lua")
local tokens = {}
for t in string.gmatch(os.getenv("TOKENS") or os.getenv("TOKEN") or "", "[^,]+") do tokens[#tokens + 1] = t end
local counter = 0

request = function()
  counter = counter + 1
  local user = counter % #tokens
  local side = (math.floor(counter / #tokens) % 2 == 0) and "buy" or "sell"
  local body = string.format('{"symbol":"AAPL","side":"%s","qty":1,"type":"market","time_in_force":"day"}', side)
  return wrk.format("POST", "/api/v1/orders", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[user + 1],
  }, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write("status counts (this thread's last view):\n")
  for status, count in pairs(statuses) do
    io.write(string.format("  %d: %d\n", status, count))
  end
  io.write(string.format("p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  report(summary, latency)
end
