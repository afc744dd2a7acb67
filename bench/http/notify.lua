-- wrk script: POST /api/v1/notifications/test (high priority) with the bearer token in TOKEN.
-- Usage: TOKEN=… wrk -t2 -c4 -d10s -s bench/http/notify.lua http://127.0.0.1:5090
dofile("bench/http/report.lua")
local token = os.getenv("TOKEN")

request = function()
  return wrk.format("POST", "/api/v1/notifications/test", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, '{"priority":"high"}')
end

done = function(summary, latency, requests)
  report(summary, latency)
end
