-- The wrk script of the search speed benchmark (bench/search/speed.py): GET the paths of the
-- file WRK_PATHS (one a line) round robin; at the end a JSON line of the figures to WRK_OUT.
local paths = {}
local file = assert(os.getenv("WRK_PATHS"), "WRK_PATHS is not set")
for line in io.lines(file) do
    if line ~= "" then paths[#paths + 1] = line end
end
local next_path = 0

function request()
    next_path = next_path % #paths + 1
    return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
    local e = summary.errors
    local out = assert(io.open((assert(os.getenv("WRK_OUT"), "WRK_OUT is not set")), "w"))
    out:write(string.format(
        '{"requests": %d, "duration_us": %d, "bytes": %d, '
            .. '"latency_us": {"mean": %.1f, "max": %d, "p50": %d, "p90": %d, "p99": %d}, '
            .. '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}}\n',
        summary.requests, summary.duration, summary.bytes, latency.mean, latency.max,
        latency:percentile(50), latency:percentile(90), latency:percentile(99),
        e.connect, e.read, e.write, e.timeout, e.status))
    out:close()
end
