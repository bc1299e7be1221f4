-- wrk script: POST a GraphQL body from BENCH_BODY_FILE with headers from BENCH_HEADERS_FILE
-- (one "Name: value" per line). With several lines in BENCH_AUTH_FILE, each request
-- uses the next Authorization value, to rotate through many API keys.
local function read(path)
  if path == nil or path == "" then return nil end
  local f = assert(io.open(path, "r"))
  local content = f:read("*a")
  f:close()
  return content
end

wrk.method = "POST"
wrk.body = read(os.getenv("BENCH_BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
local extra = read(os.getenv("BENCH_HEADERS_FILE"))
if extra then
  for name, value in extra:gmatch("([^:\n]+):%s*([^\n]+)") do
    wrk.headers[name] = value
  end
end

local auth = {}
local auth_text = read(os.getenv("BENCH_AUTH_FILE"))
if auth_text then
  for line in auth_text:gmatch("[^\n]+") do table.insert(auth, line) end
end
local counter = 0

request = function()
  if #auth > 0 then
    counter = counter + 1
    wrk.headers["Authorization"] = auth[(counter % #auth) + 1]
  end
  return wrk.format()
end
