-- aws.search over a collected get_tables result read from a file (bench/search_data.py):
-- client CPU per call in milliseconds, without an emulator.
--   gluescript bench/search.lua FILE [N] [EXPRESSION]
local file, n = arg[1], tonumber(arg[2]) or 20
local expression = arg[3] or "TableList[?Parameters.classification=='parquet'].Name"
local handle = assert(io.open(file, "rb"))
local tables = aws.json.decode(handle:read("a"))
handle:close()
local result = aws.search(expression, tables)
local started = os.clock()
for _ = 1, n do aws.search(expression, tables) end
print(string.format("%.4f ms per call, %d results", (os.clock() - started) / n * 1000, #result))
