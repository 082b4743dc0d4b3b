-- wrk script for bench/search.py: asks the /search paths of the file named by WRK_PATHS (one
-- per line) in turn, each wrk thread from its own starting point, each request from its own
-- client: X-Forwarded-For names one of 256 addresses per thread in turn (the server runs with
-- trusted-proxies 1, as behind a proxy), so the per-client budget is charged as it is for
-- people, not to the one address wrk has. Prints one JSON line at the end, as bench/walk.lua.
local paths = {}
local position = 0
local sent = 0
local prefix = "10.0.0."

function setup(thread)
  thread:set("id", tostring(math.random(1, 250)))
end

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    paths[#paths + 1] = line
  end
  position = math.random(0, #paths - 1)
  prefix = "10." .. (id or "0") .. "."
end

function request()
  position = position % #paths + 1
  sent = sent + 1
  local headers = { ["Accept"] = "application/json",
                    ["X-Forwarded-For"] = prefix .. (math.floor(sent / 256) % 256) .. "." .. (sent % 256) }
  return wrk.format("GET", paths[position], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "microseconds": %d, "p50_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, ' ..
    '"errors_status": %d, "errors_connect": %d, "errors_read": %d, "errors_write": %d, "errors_timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect, e.read, e.write, e.timeout))
end
