-- wrk script: walk through prepared requests, each used once. BENCH_REQUESTS_FILE has
-- one request a line: "<Authorization value>\t<JSON body>". Thread k of n takes lines
-- k, k+n, k+2n, ... and stops when its share is spent (so no request is sent twice).
local threads = {}
local count = 0

function setup(thread)
  thread:set("index", count)
  count = count + 1
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(os.getenv("BENCH_REQUESTS_FILE"), "r"))
  auths, bodies = {}, {}
  local n = 0
  for line in f:lines() do
    if n % tonumber(os.getenv("BENCH_WRK_THREADS") or "2") == index then
      local tab = line:find("\t", 1, true)
      table.insert(auths, line:sub(1, tab - 1))
      table.insert(bodies, line:sub(tab + 1))
    end
    n = n + 1
  end
  f:close()
  position = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

request = function()
  position = position + 1
  if position > #bodies then
    wrk.thread:stop()
    position = #bodies
  end
  wrk.headers["Authorization"] = auths[position]
  return wrk.format(nil, nil, nil, bodies[position])
end
