-- Shared by orders.lua and get.lua (loaded with dofile, relative to the repository root): one machine-readable line that
-- run-compare.sh parses. Latencies in microseconds; slow = completed requests slower than 1 s (wrk records a latency only
-- for completed requests: those past --timeout are counted in timeouts instead).
function report(summary, latency)
  local slow = 0
  for i = 1, #latency do
    local value, count = latency(i)
    if value > 1000000 then slow = slow + count end
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50=%d p99=%d max=%d slow=%d non2xx=%d timeouts=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max, slow,
    e.status, e.timeout, e.connect + e.read + e.write))
end
