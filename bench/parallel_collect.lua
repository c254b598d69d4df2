-- N `glue:collect("get_tables")` against bench/paged_glue.py, in a loop or inside aws.map:
--   gluescript --endpoint-url http://127.0.0.1:PORT bench/parallel_collect.lua MODE N [call]
-- MODE "loop" runs them one after the other, "map" as `aws.map(items, function() ... end)`;
-- with "call", each is one plain `get_tables` call (the first page) instead of a collect.
-- One each way warms up first (so aws.parallel is set up in both modes); for instructions,
-- subtract the count of N = 0 from N.
local mode, n, what = arg[1], tonumber(arg[2]) or 1, arg[3] or "collect"
if mode ~= "loop" and mode ~= "map" then error("MODE must be loop or map") end
if what ~= "collect" and what ~= "call" then error("the third argument must be collect or call") end
local glue = aws.client("glue")
local function collect()
  if what == "call" then return #glue:get_tables{DatabaseName = "bench"}.TableList end
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
print(string.format("%s %d %ss of %d tables: %.2f ms each", mode, n, what, n > 0 and tables // n or 0,
  n > 0 and (os.clock() - start) * 1000 / n or 0))
