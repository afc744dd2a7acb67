-- wrk script: PUT /api/v1/market/quotes/{symbol} as the market-data feed (an admin), cycling through the symbols the
-- accounts hold with small price moves (inside every rule, so the monitor evaluates but does not liquidate).
-- With BATCH=n (n > 1) each request is one PUT /api/v1/market/quotes carrying n quotes (a feed's batch; at most one per
-- symbol, so n is cut to the number of symbols), cycling the same way.
-- Usage: TOKEN=... SYMBOLS=AAA,BBB [BATCH=n] wrk -t2 -c8 -d30s --latency -s bench/http/quotes.lua http://127.0.0.1:5090
local token = os.getenv("TOKEN")
local symbols = {}
for s in string.gmatch(os.getenv("SYMBOLS") or "AAPL", "[^,]+") do symbols[#symbols + 1] = s end
local counter = 0

local batch = tonumber(os.getenv("BATCH") or "1")
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }

-- The next quote of the cycle: a symbol and a price a cent or a few away from 100.
local function next_quote()
  counter = counter + 1
  return symbols[(counter % #symbols) + 1], 100 + (counter % 7) * 0.01
end

request = function()
  if batch <= 1 then
    local symbol, price = next_quote()
    return wrk.format("PUT", "/api/v1/market/quotes/" .. symbol, headers, string.format('{"price":%.2f}', price))
  end
  -- A batch names each symbol at most once (the service refuses repeats), so a batch is cut to the number of symbols.
  local items, seen = {}, {}
  for _ = 1, math.min(batch, #symbols) do
    local symbol, price = next_quote()
    if not seen[symbol] then
      seen[symbol] = true
      items[#items + 1] = string.format('{"symbol":"%s","price":%.2f}', symbol, price)
    end
  end
  return wrk.format("PUT", "/api/v1/market/quotes", headers, "[" .. table.concat(items, ",") .. "]")
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
