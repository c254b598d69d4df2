-- gluescript's side of scripts/bench: runs one measure `n` times and prints the client CPU
-- per run in milliseconds (os.clock(): this process's CPU, the emulator excluded).
--   gluescript --endpoint-url URL bench/measures.lua MEASURE N
local measure, n = arg[1], tonumber(arg[2]) or 10

local function cpu_per_run(setup, run)
    local state = setup()
    run(state)
    local started = os.clock()
    for _ = 1, n do run(state) end
    print(string.format("%.4f", (os.clock() - started) / n * 1000))
end

local measures = {
    get_databases = function()
        cpu_per_run(function() return aws.client("glue") end, function(glue) glue:get_databases() end)
    end,
    list_objects_v2 = function()
        cpu_per_run(function() return aws.client("s3") end,
            function(s3) s3:list_objects_v2{Bucket = "bench-list"} end)
    end,
    collect_tables = function()
        cpu_per_run(function() return aws.client("glue") end,
            function(glue) glue:collect("get_tables", {DatabaseName = "bench"}) end)
    end,
    search = function()
        cpu_per_run(function() return aws.client("glue"):collect("get_tables", {DatabaseName = "bench"}) end,
            function(tables) aws.search("TableList[?Parameters.classification=='parquet'].Name", tables) end)
    end,
    batch_partitions = function()
        -- 100 partitions of 10 columns a call, each batch new; the batches are made before timing.
        local prefix = string.format("lua%d_%d", os.time(), math.random(1 << 30))
        local batches = {}
        for b = 1, n + 1 do
            local list = {}
            for i = 1, 100 do
                local columns = {}
                for c = 1, 10 do columns[c] = {Name = "column_" .. c, Type = "string", Comment = "a column"} end
                list[i] = {
                    Values = {prefix .. "_" .. b .. "_" .. i}, Parameters = {classification = "parquet"},
                    StorageDescriptor = {
                        Columns = columns, Location = "s3://bench/partitioned/" .. b .. "/" .. i .. "/",
                        InputFormat = "parquet", OutputFormat = "parquet",
                        SerdeInfo = {SerializationLibrary = "parquet", Parameters = {["serialization.format"] = "1"}},
                    },
                }
            end
            batches[b] = list
        end
        local next_batch = 0
        cpu_per_run(function() return aws.client("glue") end, function(glue)
            next_batch = next_batch + 1
            glue:batch_create_partition{
                DatabaseName = "bench", TableName = "partitioned", PartitionInputList = batches[next_batch]}
        end)
    end,
    big_json = function()
        local answer = aws.client("glue"):get_tables{DatabaseName = "bench"}
        print(#answer.TableList)
    end,
}
assert(measures[measure], "unknown measure " .. tostring(measure))()
