-- The wrk script of the beacon benchmark (bench/analytics/beacons): page views POSTed to
-- /fn/beacon as navigator.sendBeacon sends them (text/plain JSON), each from a visitor of its own
-- kind. Every connection comes from 127.0.0.1, so visitors differ by User-Agent only: each
-- thread numbers its visitors, and each visitor sends VIEWS_PER_VISITOR page views (under the
-- per-minute limit, so every one is written), with paths, referrers, campaigns and widths
-- taken in turn from the lists below.
--
--   BEACON_PATHS   the site's paths, separated by spaces (the pages `shelf build` wrote)
--   WRK_OUT        the file the JSON figures go to (the same fields as bench/functions/wrk.lua)
local paths = {}
for path in string.gmatch(os.getenv("BEACON_PATHS") or "/", "%S+") do paths[#paths + 1] = path end
local referrers = { "", "", "news.example", "search.example", "" }
local campaigns = { "", "", "", "spring" }
local widths = { 390, 1280, 1920, 820 }
local views_per_visitor = 5
local thread_number = 0
local sent = 0
local agent = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"

function setup(thread)
    thread_number = thread_number + 1
    thread:set("id", thread_number)
end

function request()
    sent = sent + 1
    local visitor = math.floor(sent / views_per_visitor)
    local campaign = campaigns[visitor % #campaigns + 1]
    local body = string.format('{"path":"%s","referrer":"%s","utm_source":"%s","utm_campaign":"%s","width":%d}',
        paths[sent % #paths + 1], referrers[visitor % #referrers + 1], campaign ~= "" and "mail" or "", campaign,
        widths[visitor % #widths + 1])
    return wrk.format("POST", nil, {
        ["Content-Type"] = "text/plain;charset=UTF-8",
        ["User-Agent"] = string.format("%s bench/%d.%d", agent, id or 0, visitor),
    }, body)
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
