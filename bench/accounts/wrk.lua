-- The wrk script of the login benchmark (bench/accounts/run), for both of its requests, so that
-- the cart read and the login are sent and counted the same way. It counts every answer's status
-- and writes, at the end, a JSON line with the figures bench/accounts/report.py reads.
--
--   WRK_PATH      the request path
--   WRK_COOKIE    a fixed Cookie header (the cart read)
--   WRK_POOL      a file of prepared login forms, one "COOKIE<TAB>TOKEN" line each: every request
--                 posts the next unused one (a login ends the session its form belongs to); when
--                 the pool runs out the request goes without a token and its 403 shows in the
--                 statuses
--   WRK_THREADS   wrk's -t (each thread takes every WRK_THREADS-th line of the pool)
--   WRK_BODY      the form fields of a login besides _token (already URL-encoded)
--   WRK_ORIGIN    the Origin header, when set
--   WRK_EXPECT_STATUS, WRK_EXPECT_LOCATION   what a successful answer is
--   WRK_OUT       the file the JSON goes to
local threads = {}
local counter = 0

function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    table.insert(threads, thread)
end

local path = os.getenv("WRK_PATH") or "/"
local cookie = os.getenv("WRK_COOKIE")
local origin = os.getenv("WRK_ORIGIN")
local body = os.getenv("WRK_BODY") or ""
local expect_status = tonumber(os.getenv("WRK_EXPECT_STATUS") or "200")
local expect_location = os.getenv("WRK_EXPECT_LOCATION")
local pool = {}
local next_form = 1

ok = 0
failed = 0
statuses = ""
exhausted = 0
local counts = {}

function init(args)
    local file = os.getenv("WRK_POOL")
    if not file or file == "" then return end
    local every = tonumber(os.getenv("WRK_THREADS") or "1")
    local index = 0
    for line in io.lines(file) do
        if index % every == id then
            local c, t = line:match("^([^\t]+)\t(.+)$")
            table.insert(pool, { cookie = c, token = t })
        end
        index = index + 1
    end
end

function request()
    local headers = {}
    if origin and origin ~= "" then headers["Origin"] = origin end
    if #pool == 0 and not os.getenv("WRK_POOL") then
        if cookie and cookie ~= "" then headers["Cookie"] = cookie end
        return wrk.format("GET", path, headers)
    end
    local form = pool[next_form]
    next_form = next_form + 1
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    if form then
        headers["Cookie"] = form.cookie
        return wrk.format("POST", path, headers, body .. "&_token=" .. form.token)
    end
    exhausted = exhausted + 1
    return wrk.format("POST", path, headers, body)
end

function response(status, headers, _)
    local good = status == expect_status
    if good and expect_location then good = headers["Location"] == expect_location end
    if good then ok = ok + 1 else failed = failed + 1 end
    counts[status] = (counts[status] or 0) + 1
    local parts = {}
    for s, n in pairs(counts) do table.insert(parts, string.format('"%d": %d', s, n)) end
    statuses = table.concat(parts, ", ")
end

function done(summary, latency, _)
    local total_ok, total_failed, total_exhausted, by_status = 0, 0, 0, {}
    for _, thread in ipairs(threads) do
        total_ok = total_ok + thread:get("ok")
        total_failed = total_failed + thread:get("failed")
        total_exhausted = total_exhausted + thread:get("exhausted")
        local s = thread:get("statuses")
        if s ~= "" then table.insert(by_status, "{" .. s .. "}") end
    end
    local e = summary.errors
    local out = assert(io.open(assert(os.getenv("WRK_OUT"), "WRK_OUT is not set"), "w"))
    out:write(string.format(
        '{"requests": %d, "duration_us": %d, "bytes": %d, "successes": %d, "failures": %d, "pool_exhausted": %d, '
            .. '"statuses_per_thread": [%s], '
            .. '"latency_us": {"mean": %.1f, "stdev": %.1f, "max": %d, "p50": %d, "p90": %d, "p99": %d, "p999": %d}, '
            .. '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}}\n',
        summary.requests, summary.duration, summary.bytes, total_ok, total_failed, total_exhausted,
        table.concat(by_status, ", "),
        latency.mean, latency.stdev, latency.max,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
        e.connect, e.read, e.write, e.timeout, e.status))
    out:close()
end
