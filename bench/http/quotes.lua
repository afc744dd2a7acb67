-- wrk script: PUT /api/v1/market/quotes/{symbol} as the market-data feed (an admin), cycling through the symbols the
-- accounts hold with small price moves (inside every rule, so the monitor evaluates but does not liquidate).
-- Usage: TOKEN=... SYMBOLS=AAA,BBB wrk -t2 -c8 -d30s --latency -s bench/http/quotes.lua http://127.0.0.1:5090
local token = os.getenv("TOKEN")
local symbols = {}
for s in string.gmatch(os.getenv("SYMBOLS") or "AAPL", "[^,]+") do symbols[#symbols + 1] = s end
local counter = 0

request = function()
  counter = counter + 1
  local symbol = symbols[(counter % #symbols) + 1]
  local price = 100 + (counter % 7) * 0.01
  return wrk.format("PUT", "/api/v1/market/quotes/" .. symbol, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, string.format('{"price":%.2f}', price))
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
