-- N `glue:collect("get_tables")` against bench/paged_glue.py, in a loop or inside aws.map:
--   gluescript --endpoint-url http://127.0.0.1:PORT bench/parallel_collect.lua MODE N
-- MODE "loop" runs them one after the other, "map" as `aws.map(items, function() ... end)`.
-- One collect each way warms up first (so aws.parallel is set up in both modes); for
-- instructions, subtract the count of N = 0 from N.
local mode, n = arg[1], tonumber(arg[2]) or 1
if mode ~= "loop" and mode ~= "map" then error("MODE must be loop or map") end
local glue = aws.client("glue")
local function collect()
  return #glue:collect("get_tables", {DatabaseName = "bench"}).TableList
end
collect()
aws.map({1}, collect)
local items = {}
for i = 1, n do items[i] = i end
local start = os.clock()
local tables = 0
if mode == "map" then
  for _, count in ipairs(aws.map(items, collect)) do tables = tables + count end
else
  for _ = 1, n do tables = tables + collect() end
end
print(string.format("%s %d collects of %d tables: %.1f ms each", mode, n, n > 0 and tables // n or 0,
  n > 0 and (os.clock() - start) * 1000 / n or 0))
