-- Settings of the Glue demo (scripts/demo.lua) and its cleanup (scripts/cleanup.lua).
--
-- Every setting has a default here, and each can be overridden from the environment
-- (GLUE_DEMO_<NAME>, e.g. GLUE_DEMO_BUCKET=my-unique-bucket) or on the command line as a
-- name=value argument (gluescript scripts/demo.lua bucket=my-unique-bucket); the command line
-- wins. An empty bucket name means gluescript-demo-<account>-<region>, unique per account.

local M = {}

--- The settings, with their defaults (the type of a default is the type of the setting).
M.defaults = {
    bucket = "", -- S3 bucket; "" = gluescript-demo-<account id>-<region>
    prefix = "glue-demo", -- every object the demo writes is under <prefix>/ in the bucket
    database = "gluescript_demo", -- Glue Data Catalog database the crawler fills
    crawler = "gluescript-demo-crawler",
    table_prefix = "", -- prepended by the crawler to its table names
    role = "gluescript-demo-glue-role", -- IAM role Glue assumes
    policy = "gluescript-demo-s3-access", -- customer-managed policy: the demo prefix only
    weather_job = "gluescript-demo-weather-to-parquet",
    crashes_job = "gluescript-demo-crashes-to-csv",
    glue_version = "4.0",
    worker_type = "G.1X",
    workers = 2,
    job_timeout_minutes = 15, -- Glue stops a job run after this long
    poll_seconds = 0, -- delay between waiter polls; 0 = 1 s on the emulator, 15 s on AWS
    wait_minutes = 20, -- give up waiting for a crawl or a job run after this long
    role_retries = 6, -- create_crawler/create_job attempts while a new role propagates
    log_lines = 10, -- on AWS, lines of each job run's output (or error) log shown after it
}

--- The AWS-managed policy that lets Glue use its service (logs, catalog, its own buckets).
M.glue_service_policy = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"

--- The local datasets the demo uploads: file under the repository, key under <prefix>/.
M.datasets = {
    { file = "data/weather/part1.csv", key = "raw/weather/part1.csv" },
    { file = "data/weather/part2.csv", key = "raw/weather/part2.csv" },
    { file = "data/crashes/crashes.jsonl", key = "raw/crashes/crashes.jsonl" },
}

--- The folder markers the demo creates under <prefix>/ (as the S3 console makes folders).
M.folders = { "raw/", "raw/weather/", "raw/crashes/", "scripts/", "output/", "temp/" }

--- One ETL job per dataset: the job's setting name, its script, the catalog table it reads
--- (the crawler names tables after their folder) and the output folder under <prefix>/output/.
M.jobs = {
    { setting = "weather_job", script = "etl/weather_to_parquet.py", table = "weather", output = "weather" },
    { setting = "crashes_job", script = "etl/crashes_to_csv.py", table = "crashes", output = "crashes" },
}

local function convert(name, text, default)
    if type(default) == "number" then
        local number = tonumber(text)
        if number == nil or number < 0 then
            error(string.format("setting %s: expected a number >= 0, got %q", name, text), 0)
        end
        return number
    end
    return text
end

--- The settings for this run: defaults, then GLUE_DEMO_<NAME> variables, then name=value
--- arguments from `args` (the script's `arg`). Unknown names in arguments are an error.
function M.load(args)
    local settings = {}
    for name, default in pairs(M.defaults) do
        local from_env = os.getenv("GLUE_DEMO_" .. name:upper())
        settings[name] = from_env and convert(name, from_env, default) or default
    end
    for _, argument in ipairs(args or {}) do
        local name, value = argument:match("^([%w_]+)=(.*)$")
        if name == nil or M.defaults[name] == nil then
            local known = {}
            for key in pairs(M.defaults) do known[#known + 1] = key end
            table.sort(known)
            error(string.format("unknown argument %q: expected name=value with a name among %s",
                argument, table.concat(known, ", ")), 0)
        end
        settings[name] = convert(name, value, M.defaults[name])
    end
    settings.prefix = settings.prefix:gsub("^/+", ""):gsub("/+$", "")
    return settings
end

--- Whether the clients talk to a local emulator rather than AWS: the endpoint is loopback.
function M.on_emulator()
    local endpoint = aws.config().endpoint_url or ""
    local host = endpoint:match("^%a+://%[?([^/%]]+)") or ""
    host = host:gsub(":%d+$", "")
    return host == "localhost" or host == "::1" or host:match("^127%.") ~= nil
end

--- Fills in what depends on the account and region: the bucket name when left empty, ARNs,
--- S3 paths. `account` is sts:get_caller_identity().Account.
function M.resolve(settings, account, region)
    if settings.bucket == "" then
        settings.bucket = string.format("gluescript-demo-%s-%s", account, region)
    end
    settings.account = account
    settings.region = region
    settings.policy_arn = string.format("arn:aws:iam::%s:policy/%s", account, settings.policy)
    settings.role_arn = string.format("arn:aws:iam::%s:role/%s", account, settings.role)
    settings.s3_root = string.format("s3://%s/%s/", settings.bucket, settings.prefix)
    if settings.poll_seconds == 0 then
        settings.poll_seconds = M.on_emulator() and 1 or 15
    end
    return settings
end

--- The object key of `path` (relative to the demo prefix).
function M.key(settings, path)
    return settings.prefix .. "/" .. path
end

return M
