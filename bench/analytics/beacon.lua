-- The wrk script of the beacon benchmark (bench/analytics/beacons): page views POSTed to
-- /fn/beacon as navigator.sendBeacon sends them (text/plain JSON), each from a visitor of its own
-- kind. Every connection comes from 127.0.0.1, so visitors differ by User-Agent only: each
-- thread numbers its visitors, and each visitor sends VIEWS_PER_VISITOR page views (under the
-- per-minute limit, so every one is written), with paths, referrers, campaigns and widths
-- taken in turn from the lists below.
--
--   BEACON_PATHS   the site's paths, separated by spaces (the pages `shelf build` wrote)
--   WRK_OUT        the file the JSON figures go to (bench/lib/wrk-figures.lua, as bench/functions/wrk.lua)
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

-- The figures, as one JSON line to WRK_OUT (bench/lib/wrk-figures.lua).
done = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/wrk-figures.lua")
