-- wrk's `done` for the benchmarks that read one JSON line of figures from WRK_OUT
-- (bench/functions/wrk.lua, bench/analytics/beacon.lua): requests, duration, bytes, latency
-- percentiles in microseconds and errors. A script takes it with
--
--   done = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/wrk-figures.lua")
return function(summary, latency, _)
    local e = summary.errors
    local out = assert(io.open(assert(os.getenv("WRK_OUT"), "WRK_OUT is not set"), "w"))
    out:write(string.format(
        '{"requests": %d, "duration_us": %d, "bytes": %d, '
            .. '"latency_us": {"mean": %.1f, "stdev": %.1f, "max": %d, "p50": %d, "p90": %d, "p99": %d, "p999": %d}, '
            .. '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}}\n',
        summary.requests, summary.duration, summary.bytes,
        latency.mean, latency.stdev, latency.max,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
        e.connect, e.read, e.write, e.timeout, e.status))
    out:close()
end
