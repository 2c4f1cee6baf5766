-- The wrk script of the engines benchmark's cart adds (bench/checkout/engines.py): many shoppers
-- adding to their carts, rather than one shopper's cart hammered by every connection (on
-- PostgreSQL a session's cart is locked by the transaction that changes it, so one shared cookie
-- would measure that lock, not the store). Each request posts the same form with the next
-- cookie of the pool, round and round; at the end a JSON line with the figures.
--
--   WRK_PATH      the request path
--   WRK_BODY      the form (already URL-encoded)
--   WRK_ORIGIN    the Origin header
--   WRK_POOL      a file of Cookie headers, one a line; thread N of WRK_THREADS takes every
--                 WRK_THREADS-th line from line N, so no two threads share a shopper
--   WRK_EXPECT_STATUS   a successful answer's status (default 303)
--   WRK_OUT       the file the JSON goes to
local threads = {}
local counter = 0

function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    table.insert(threads, thread)
end

local path = os.getenv("WRK_PATH") or "/"
local body = os.getenv("WRK_BODY") or ""
local origin = os.getenv("WRK_ORIGIN")
local expect_status = tonumber(os.getenv("WRK_EXPECT_STATUS") or "303")
local pool = {}
local next_cookie = 1

ok = 0
failed = 0

function init(args)
    local every = tonumber(os.getenv("WRK_THREADS") or "1")
    local index = 0
    local file = assert(os.getenv("WRK_POOL"), "WRK_POOL is not set")
    for line in io.lines(file) do
        if index % every == id then table.insert(pool, line) end
        index = index + 1
    end
    assert(#pool > 0, "the pool has no cookie for thread " .. id)
end

function request()
    local cookie = pool[next_cookie]
    next_cookie = next_cookie % #pool + 1
    local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }
    if origin and origin ~= "" then headers["Origin"] = origin end
    return wrk.format("POST", path, headers, body)
end

function response(status, _, _)
    if status == expect_status then ok = ok + 1 else failed = failed + 1 end
end

function done(summary, latency, _)
    local total_ok, total_failed = 0, 0
    for _, thread in ipairs(threads) do
        total_ok = total_ok + thread:get("ok")
        total_failed = total_failed + thread:get("failed")
    end
    local e = summary.errors
    local path = assert(os.getenv("WRK_OUT"), "WRK_OUT is not set")
    local out = assert(io.open(path, "w"))
    out:write(string.format(
        '{"requests": %d, "duration_us": %d, "successes": %d, "failures": %d, '
            .. '"latency_us": {"mean": %.1f, "max": %d, "p50": %d, "p90": %d, "p99": %d}, '
            .. '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}}\n',
        summary.requests, summary.duration, total_ok, total_failed,
        latency.mean, latency.max, latency:percentile(50), latency:percentile(90), latency:percentile(99),
        e.connect, e.read, e.write, e.timeout, e.status))
    out:close()
end
