-- `glue:collect("get_tables")` against bench/paged_glue.py, for callgrind and client CPU:
--   gluescript --endpoint-url http://127.0.0.1:PORT bench/collect_pages.lua MODE N
-- MODE "whole" reads the pages straight into Lua; "json" sets a max_items never reached, which
-- sends each page through a JSONValue the paginator could cut (the path before). One collect
-- warms up, then N are timed; for instructions, subtract the count of N = 0 from N = 5.
local mode, n = arg[1], tonumber(arg[2]) or 1
local glue = aws.client("glue")
local options = mode == "json" and {max_items = 1000000000} or nil
glue:collect("get_tables", {DatabaseName = "bench"}, options)
local start = os.clock()
for _ = 1, n do glue:collect("get_tables", {DatabaseName = "bench"}, options) end
print(string.format("%s %.1f ms", mode, n > 0 and (os.clock() - start) * 1000 / n or 0))
