-- wrk script: GET $PATH_ with a bearer token, spread over the users in TOKENS (comma-separated), or TOKEN; none for the bare API.
-- Usage: TOKENS=a,b PATH_=/api/v1/risk-rules wrk -t2 -c8 -d10s -s bench/http/get.lua http://127.0.0.1:5090
dofile("bench/http/report.lua")
local path = os.getenv("PATH_") or "/"
local tokens = {}
for t in string.gmatch(os.getenv("TOKENS") or os.getenv("TOKEN") or "", "[^,]+") do tokens[#tokens + 1] = t end
local counter = 0

request = function()
  counter = counter + 1
  local headers = {}
  if #tokens > 0 then headers["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1] end
  return wrk.format("GET", path, headers)
end

done = function(summary, latency, requests)
  report(summary, latency)
end
