-- bench/load.py runs wrk with this script: it sets the method and writes wrk's own summary as JSON to
-- the file named by WRK_REPORT, latencies in microseconds.
wrk.method = os.getenv("WRK_METHOD") or "GET"
wrk.headers["Accept-Encoding"] = "gzip, br"

done = function(summary, latency, requests)
  local out = io.open(os.getenv("WRK_REPORT"), "w")
  local e = summary.errors
  out:write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %.1f, "max_us": %d}',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max))
  out:close()
end
