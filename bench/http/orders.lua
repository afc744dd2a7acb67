-- wrk script: POST /api/v1/orders with a bearer token, alternating buy and sell market orders so the
-- position stays small and every request runs the full pre-trade path (rules, snapshot, engine, paper fill).
-- Usage: TOKEN=... wrk -t2 -c8 -d30s --latency -s bench/http/orders.lua http://127.0.0.1:5090
local token = os.getenv("TOKEN")
local counter = 0

request = function()
  counter = counter + 1
  local side = (counter % 2 == 0) and "sell" or "buy"
  local body = string.format('{"symbol":"AAPL","side":"%s","qty":1,"type":"market","time_in_force":"day"}', side)
  return wrk.format("POST", "/api/v1/orders", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
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
end
