-- Reads canned answers with `parse_response`, without a network: the result side of a call
-- alone (reading the body, building the result's Lua tables), for steady instruction counts.
--   valgrind --tool=callgrind gluescript bench/answers.lua MEASURE N
-- MEASURE: get_databases (10 databases), get_tables (2,000 tables of 10 columns, ~3 MB, as
-- one page of `collect` would read them all) or list_objects_v2 (1,000 keys, XML).
-- Subtract the count of N = 0 from that of N = 5 and divide by 5 for one answer's cost.
local measure, n = arg[1], tonumber(arg[2]) or 1

local function table_json(i)
    local columns = {}
    for c = 1, 10 do
        columns[c] = string.format('{"Name": "column_%d", "Type": "string", "Comment": "a column"}', c)
    end
    return string.format('{"Name": "table_%05d", "DatabaseName": "bench", "Owner": "bench", '
        .. '"CreateTime": 1764547200.123, "UpdateTime": 1764547200.0, "Retention": 0, '
        .. '"StorageDescriptor": {"Columns": [%s], "Location": "s3://bench/tables/table_%05d/", '
        .. '"InputFormat": "parquet", "OutputFormat": "parquet", "Compressed": false, "NumberOfBuckets": -1, '
        .. '"SerdeInfo": {"SerializationLibrary": "parquet", "Parameters": {}}, "BucketColumns": [], '
        .. '"SortColumns": [], "StoredAsSubDirectories": false}, "PartitionKeys": [], '
        .. '"TableType": "EXTERNAL_TABLE", "Parameters": {"classification": "parquet", "owner": "bench"}, '
        .. '"CreatedBy": "arn:aws:sts::123456789012:user/bench", "IsRegisteredWithLakeFormation": false, '
        .. '"CatalogId": "123456789012", "VersionId": "1"}', i, table.concat(columns, ", "), i)
end

local function list_json(key, count, item)
    local items = {}
    for i = 1, count do items[i] = item(i) end
    return '{"' .. key .. '": [' .. table.concat(items, ", ") .. "]}"
end

local function objects_xml(count)
    local parts = {'<?xml version="1.0" encoding="UTF-8"?><ListBucketResult '
        .. 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>bench-list</Name><Prefix></Prefix>'
        .. '<MaxKeys>1000</MaxKeys><KeyCount>' .. count .. '</KeyCount><IsTruncated>false</IsTruncated>'}
    for i = 1, count do
        parts[#parts + 1] = string.format('<Contents><Key>key/%06d.txt</Key><LastModified>2026-12-01T00:00:00.000Z'
            .. '</LastModified><ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag><Size>%d</Size>'
            .. '<StorageClass>STANDARD</StorageClass></Contents>', i, i)
    end
    parts[#parts + 1] = "</ListBucketResult>"
    return table.concat(parts)
end

local answers = {
    get_databases = function()
        return "glue", list_json("DatabaseList", 10, function(i)
            return string.format('{"Name": "db_%d", "CreateTime": 1764547200.5, "CatalogId": "123456789012", '
                .. '"Parameters": {}, "CreateTableDefaultPermissions": [{"Principal": {"DataLakePrincipalIdentifier": '
                .. '"IAM_ALLOWED_PRINCIPALS"}, "Permissions": ["ALL"]}]}', i)
        end)
    end,
    get_tables = function() return "glue", list_json("TableList", 2000, table_json) end,
    list_objects_v2 = function() return "s3", objects_xml(1000) end,
}
assert(answers[measure], "unknown measure " .. tostring(measure))
local service, body = answers[measure]()
local client = aws.client(service)
local response = {status = 200, headers = {["x-amzn-requestid"] = "bench"}, body = body}
local result
for _ = 1, n do result = client:parse_response(measure, response) end
print(measure, #body, n, result and "read" or "not read")
