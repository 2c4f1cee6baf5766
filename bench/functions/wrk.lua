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

-- The figures, as one JSON line to WRK_OUT (bench/lib/wrk-figures.lua).
done = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/wrk-figures.lua")
