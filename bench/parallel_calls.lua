-- 200 glue:get_database calls with aws.parallel (limit 20), behind bench/slow_glue.py.
-- gluescript --endpoint-url URL bench/parallel_calls.lua [calls] [limit]
local calls, limit = tonumber(arg[1]) or 200, tonumber(arg[2]) or 20
local glue = aws.client("glue")
glue:get_database{Name = "warm-up"}
local names = {}
for i = 1, calls do names[i] = "db" .. i end
local wall, cpu = aws.clock(), os.clock()
local got = aws.map(names, function(name) return glue:get_database{Name = name}.Database.Name end, {limit = limit})
wall, cpu = aws.clock() - wall, os.clock() - cpu
assert(#got == calls and got[calls] == "db" .. calls)
print(string.format("gluescript aws.parallel(limit=%d): %d calls, %.3f s wall, %.3f s CPU", limit, calls, wall, cpu))
