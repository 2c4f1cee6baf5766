-- The wrk script of the FastCGI benchmark: one request, set from the environment, sent over
-- and over; at the end a JSON line with the figures bench/functions/report.py reads.
--
--   WRK_METHOD  GET (default) or POST
--   WRK_BODY    the request body (POST), sent as application/x-www-form-urlencoded
--   WRK_COOKIE  the Cookie header, when set
--   WRK_ORIGIN  the Origin header, when set (the cart refuses a POST from another site)
--   WRK_OUT     the file the JSON goes to
--   WRK_ALT_PATH, WRK_ALT_BODY  when set, every other request of a thread is a POST of this
--               body to this path instead (the writing add: an add, then an update that sets
--               the line back, so that every add changes the line as a shopper's add does)
local method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
local cookie = os.getenv("WRK_COOKIE")
local origin = os.getenv("WRK_ORIGIN")
local altPath = os.getenv("WRK_ALT_PATH")
local altBody = os.getenv("WRK_ALT_BODY")

wrk.method = method
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
if origin and origin ~= "" then wrk.headers["Origin"] = origin end
if method == "POST" then
    wrk.body = body or ""
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

if altPath and altPath ~= "" then
    -- Each thread alternates on its own; the two requests are formatted once, on first use.
    local main, alternate, turn = nil, nil, 0
    request = function()
        if not main then
            main = wrk.format()
            alternate = wrk.format("POST", altPath, nil, altBody or "")
        end
        turn = turn + 1
        if turn % 2 == 0 then return alternate end
        return main
    end
end

-- The figures, as one JSON line to WRK_OUT (bench/lib/wrk-figures.lua).
done = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/wrk-figures.lua")
