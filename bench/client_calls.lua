-- Client CPU per API call: `n` glue:get_databases() calls in one process against the local
-- emulator, timed with os.clock() (this process's CPU only; the emulator is another process).
--   gluescript --local bench/client_calls.lua 1000
local n = tonumber(arg[1]) or 1000
local glue = aws.client("glue")
glue:get_databases()
local started = os.clock()
for _ = 1, n do glue:get_databases() end
local seconds = os.clock() - started
print(string.format("gluescript: %d get_databases calls, %.1f µs client CPU per call", n, seconds / n * 1e6))
