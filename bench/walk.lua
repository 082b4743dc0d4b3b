-- wrk script for bench/wrk.py: walks the paths of the file named by WRK_PATHS (one per line:
-- a work IRI's path, then the path of the description it redirects to, and so on), each wrk
-- thread from its own starting point, with the Accept header of WRK_ACCEPT (and, when
-- WRK_ENCODING is set, that Accept-Encoding, as browsers and HTTP libraries send). wrk does not
-- follow redirects, so the walk holds both hops of every dereference (303, then 200).
-- With WRK_CLIENTS set (bench/search.py), each request comes from its own client: its
-- X-Forwarded-For names one of 65,536 addresses per thread in turn (the server runs with
-- trusted-proxies 1, as behind a proxy), so per-client budgets are charged as for people.
-- At the end it prints one JSON line (latencies in milliseconds) that bench/wrk.py reads.
local paths = {}
local position = 0
local sent = 0
local prefix = nil
local accept = os.getenv("WRK_ACCEPT") or "*/*"
local encoding = os.getenv("WRK_ENCODING")
local headers = { ["Accept"] = accept }
if encoding and encoding ~= "" then
  headers["Accept-Encoding"] = encoding
end

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", tostring(threads))
end

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    paths[#paths + 1] = line
  end
  -- an even start keeps each thread's walk aligned on (IRI, description) pairs
  position = 2 * math.random(0, #paths / 2 - 1)
  if os.getenv("WRK_CLIENTS") then
    prefix = "10." .. (id or "0") .. "."
  end
end

function request()
  position = position % #paths + 1
  if prefix then
    sent = sent + 1
    headers["X-Forwarded-For"] = prefix .. (math.floor(sent / 256) % 256) .. "." .. (sent % 256)
  end
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
