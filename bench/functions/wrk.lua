-- The wrk script of the FastCGI benchmark: one request, set from the environment, sent over
-- and over; at the end a JSON line with the figures bench/functions/report.py reads.
--
--   WRK_METHOD  GET (default) or POST
--   WRK_BODY    the request body (POST), sent as application/x-www-form-urlencoded
--   WRK_COOKIE  the Cookie header, when set
--   WRK_ORIGIN  the Origin header, when set (the cart refuses a POST from another site)
--   WRK_OUT     the file the JSON goes to
local method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
local cookie = os.getenv("WRK_COOKIE")
local origin = os.getenv("WRK_ORIGIN")

wrk.method = method
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
if origin and origin ~= "" then wrk.headers["Origin"] = origin end
if method == "POST" then
    wrk.body = body or ""
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function done(summary, latency, requests)
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
