-- The AWS Glue demo: S3 data, least-privilege IAM for Glue, a crawler that catalogues the
-- data, and one ETL job per dataset.
--
--   gluescript --local scripts/demo.lua                       # on a local emulator
--   gluescript scripts/demo.lua bucket=my-unique-bucket       # in the current AWS account
--
-- Settings: scripts/demo_config.lua (defaults, GLUE_DEMO_<NAME> variables, name=value
-- arguments). Each step says what it did; running the demo again reuses what is already
-- right and updates what is not. scripts/cleanup.lua removes it all.

local config = require("demo_config")
local steps = require("demo_steps")

local here = (arg and arg[0] or ""):match("^(.*)[/\\][^/\\]*$") or "."
local root = here .. "/.."
local c = config.load(arg)

local s3 = aws.client("s3")
local iam = aws.client("iam")
local glue = aws.client("glue")
local sts = aws.client("sts")

local emulator = config.on_emulator()

--- Prints `[ 12.3s] what: outcome`, the time counted from the start of the demo.
local report = steps.reporter()

--- Prints an indented detail line under the last step.
local function detail(text)
    print("       " .. text)
end

--- Calls `client:method(params)`; nil when the error's code is one of `missing` (the resource
--- is not there), the raised error otherwise.
local function find(client, method, params, missing)
    local found, result = steps.call_unless(client, method, params, missing)
    if found then return result end
end

--- Whether `a` and `b` hold the same data (tables compared key by key).
local function same(a, b)
    if type(a) ~= "table" or type(b) ~= "table" then return a == b end
    for key, value in pairs(a) do
        if not same(value, b[key]) then return false end
    end
    for key in pairs(b) do
        if a[key] == nil then return false end
    end
    return true
end

--- Whether every field of `wanted` has the same value in `actual` (extra fields ignored).
local function includes(actual, wanted)
    for key, value in pairs(wanted) do
        if not same(value, actual[key]) then return false end
    end
    return true
end

local function read_file(path)
    local file = assert(io.open(path, "rb"))
    local contents = file:read("a")
    file:close()
    return contents
end

--- Runs `create` again while Glue does not yet accept a role created moments ago (IAM is
--- eventually consistent); any other error, or the last attempt's, is raised.
local function while_role_propagates(what, role_is_new, create)
    local attempts = role_is_new and c.role_retries or 1
    for attempt = 1, attempts do
        local ok, result = pcall(create)
        if ok then return result end
        local code = type(result) == "table" and result.code or ""
        local transient = code == "InvalidInputException" or code:find("AccessDenied") ~= nil
        if not transient or attempt == attempts then error(result, 0) end
        report(what, string.format("role not usable yet (%s), retrying in %ds", code, attempt * 2))
        aws.sleep(attempt * 2)
    end
end

-- Who and where -------------------------------------------------------------------------

local identity = sts:get_caller_identity()
config.resolve(c, identity.Account, aws.config().region)
report("account", string.format("%s in %s%s", identity.Account, c.region,
    emulator and " (local emulator: " .. aws.config().endpoint_url .. ")" or ""))

-- S3: bucket, folders, datasets -----------------------------------------------------------

local function ensure_bucket()
    local what = "S3 bucket " .. c.bucket
    local ok, err = pcall(s3.head_bucket, s3, { Bucket = c.bucket })
    if ok then
        report(what, "exists, reused")
        return
    end
    local missing = err.code == "NotFound" or err.code == "404" or err.code == "NoSuchBucket"
    -- A refused HEAD has no body to say why; create_bucket's error does (BucketAlreadyExists:
    -- the name belongs to another account), so only other errors stop the demo here.
    if not missing and err.status ~= 403 then error(err, 0) end
    local params = { Bucket = c.bucket }
    if c.region ~= "us-east-1" then
        params.CreateBucketConfiguration = { LocationConstraint = c.region }
    end
    s3:create_bucket(params)
    if not missing then
        report(what, "head_bucket was refused (403) but create_bucket accepted it: yours, reused")
        return
    end
    s3:wait("bucket_exists", { Bucket = c.bucket }, { delay = c.poll_seconds, progress = false })
    report(what, "created")
end

--- The objects under the demo prefix, by key, with their sizes.
local function existing_objects()
    local sizes = {}
    for page in s3:paginate("list_objects_v2", { Bucket = c.bucket, Prefix = c.prefix .. "/" }) do
        for _, object in ipairs(page.Contents or {}) do
            sizes[object.Key] = object.Size
        end
    end
    return sizes
end

--- Uploads `contents` to `key` unless the object there already holds exactly that.
local function upload(existing, key, contents)
    if existing[key] == #contents then
        local current = s3:get_object({ Bucket = c.bucket, Key = key })
        if current.Body == contents then return "unchanged, kept" end
    end
    s3:put_object({ Bucket = c.bucket, Key = key, Body = contents })
    return existing[key] and "changed, uploaded again" or string.format("uploaded (%d bytes)", #contents)
end

ensure_bucket()
local objects = existing_objects()
local made = {}
for _, folder in ipairs(config.folders) do
    local key = config.key(c, folder)
    if objects[key] == nil then
        s3:put_object({ Bucket = c.bucket, Key = key, Body = "" })
        made[#made + 1] = folder
    end
end
report("S3 folders under s3://" .. c.bucket .. "/" .. c.prefix .. "/",
    #made == 0 and "all exist, reused" or "created " .. table.concat(made, ", "))
for _, dataset in ipairs(config.datasets) do
    local key = config.key(c, dataset.key)
    report("s3://" .. c.bucket .. "/" .. key, upload(objects, key, read_file(root .. "/" .. dataset.file)))
end

-- IAM: the least-privilege policy, the role Glue assumes -----------------------------------

--- Read and write under the demo prefix, and list only that prefix: nothing else in S3.
local function access_policy()
    return {
        Version = "2012-10-17",
        Statement = {
            {
                Sid = "ReadWriteDemoPrefix",
                Effect = "Allow",
                Action = { "s3:GetObject", "s3:PutObject", "s3:DeleteObject" },
                Resource = { string.format("arn:aws:s3:::%s/%s/*", c.bucket, c.prefix) },
            },
            {
                Sid = "ListDemoPrefix",
                Effect = "Allow",
                Action = { "s3:ListBucket" },
                Resource = { "arn:aws:s3:::" .. c.bucket },
                Condition = { StringLike = { ["s3:prefix"] = { c.prefix, c.prefix .. "/*" } } },
            },
        },
    }
end

local trust_policy = {
    Version = "2012-10-17",
    Statement = {
        { Effect = "Allow", Principal = { Service = "glue.amazonaws.com" }, Action = "sts:AssumeRole" },
    },
}

--- Creates the policy, or adds a new default version when its document is not the wanted
--- one (removing the oldest non-default version first when all five are used).
local function ensure_policy()
    local what = "IAM policy " .. c.policy
    local document = access_policy()
    local existing = find(iam, "get_policy", { PolicyArn = c.policy_arn }, { "NoSuchEntity" })
    if existing == nil then
        iam:create_policy({
            PolicyName = c.policy,
            PolicyDocument = document,
            Description = "gluescript demo: read and write s3://" .. c.bucket .. "/" .. c.prefix .. "/ only",
        })
        iam:wait("policy_exists", { PolicyArn = c.policy_arn }, { delay = 1, progress = false })
        report(what, "created")
        return
    end
    local current = iam:get_policy_version({ PolicyArn = c.policy_arn, VersionId = existing.Policy.DefaultVersionId })
    if same(current.PolicyVersion.Document, document) then
        report(what, "exists with this document (" .. existing.Policy.DefaultVersionId .. "), reused")
        return
    end
    local versions = iam:list_policy_versions({ PolicyArn = c.policy_arn }).Versions
    if #versions >= 5 then
        table.sort(versions, function(a, b) return a.CreateDate < b.CreateDate end)
        for _, version in ipairs(versions) do
            if not version.IsDefaultVersion then
                iam:delete_policy_version({ PolicyArn = c.policy_arn, VersionId = version.VersionId })
                break
            end
        end
    end
    local created = iam:create_policy_version({
        PolicyArn = c.policy_arn, PolicyDocument = document, SetAsDefault = true,
    })
    report(what, "document changed, new default version " .. created.PolicyVersion.VersionId)
end

--- Creates the role (or corrects its trust policy) and attaches both policies; true when the
--- role is new, so that Glue may not accept it for a few seconds.
local function ensure_role()
    local what = "IAM role " .. c.role
    local existing = find(iam, "get_role", { RoleName = c.role }, { "NoSuchEntity" })
    local is_new = existing == nil
    if is_new then
        iam:create_role({
            RoleName = c.role,
            AssumeRolePolicyDocument = trust_policy,
            Description = "gluescript demo: the role its Glue crawler and jobs run as",
        })
        report(what, "created, trusted by glue.amazonaws.com")
    elseif not same(existing.Role.AssumeRolePolicyDocument, trust_policy) then
        iam:update_assume_role_policy({ RoleName = c.role, PolicyDocument = trust_policy })
        report(what, "exists, trust policy corrected to glue.amazonaws.com")
    else
        report(what, "exists, reused")
    end
    local attached = {}
    for _, policy in ipairs(iam:collect("list_attached_role_policies", { RoleName = c.role }).AttachedPolicies or {}) do
        attached[policy.PolicyArn] = true
    end
    for _, arn in ipairs({ c.policy_arn, config.glue_service_policy }) do
        if attached[arn] then
            report("  policy " .. arn, "attached already")
        else
            iam:attach_role_policy({ RoleName = c.role, PolicyArn = arn })
            report("  policy " .. arn, "attached")
        end
    end
    iam:wait("role_exists", { RoleName = c.role }, { delay = 1, progress = false })
    report(what, "ready (role_exists)")
    return is_new
end

ensure_policy()
local role_is_new = ensure_role()

-- Glue: database, crawler, catalogued tables -------------------------------------------------

local function ensure_database()
    local what = "Glue database " .. c.database
    if find(glue, "get_database", { Name = c.database }, { "EntityNotFoundException" }) then
        report(what, "exists, reused")
        return
    end
    glue:create_database({
        DatabaseInput = { Name = c.database, Description = "gluescript demo: tables its crawler catalogued" },
    })
    report(what, "created")
end

local function ensure_crawler()
    local what = "Glue crawler " .. c.crawler
    local wanted = {
        Name = c.crawler,
        Role = c.role_arn,
        DatabaseName = c.database,
        Description = "gluescript demo: catalogues " .. c.s3_root .. "raw/",
        Targets = { S3Targets = { { Path = c.s3_root .. "raw/" } } },
        TablePrefix = c.table_prefix,
    }
    local existing = find(glue, "get_crawler", { Name = c.crawler }, { "EntityNotFoundException" })
    if existing == nil then
        while_role_propagates(what, role_is_new, function() return glue:create_crawler(wanted) end)
        report(what, "created over " .. c.s3_root .. "raw/")
        return
    end
    local crawler = existing.Crawler
    local targets = (crawler.Targets or {}).S3Targets or {}
    local role = crawler.Role or ""
    local up_to_date = (role == c.role_arn or role == c.role or role:sub(-#c.role - 1) == "/" .. c.role)
        and crawler.DatabaseName == wanted.DatabaseName
        and (crawler.TablePrefix or "") == c.table_prefix
        and #targets == 1 and targets[1].Path == wanted.Targets.S3Targets[1].Path
    if up_to_date then
        report(what, "exists, reused")
        return
    end
    glue:update_crawler(wanted)
    report(what, "exists, updated to this role, database and target")
end

local function crawl()
    local what = "crawl of " .. c.s3_root .. "raw/"
    local state = glue:get_crawler({ Name = c.crawler }).Crawler.State
    if state == "READY" then
        glue:start_crawler({ Name = c.crawler })
        report(what, "started")
    else
        report(what, "already " .. state .. ", waiting for it")
    end
    glue:wait("crawler_ready", { Name = c.crawler }, { delay = c.poll_seconds, timeout = c.wait_minutes * 60 })
    local last = glue:get_crawler({ Name = c.crawler }).Crawler.LastCrawl or {}
    report(what, "finished, " .. tostring(last.Status or "no status"))
end

local function show_tables()
    local tables = glue:collect("get_tables", { DatabaseName = c.database }).TableList or {}
    if #tables == 0 then
        if emulator then
            report("catalogued tables", "none: the emulator does not crawl data, no tables catalogued")
        else
            report("catalogued tables", "none: the crawler found nothing it could classify")
        end
        return
    end
    report("catalogued tables", tostring(#tables) .. " in " .. c.database)
    for _, t in ipairs(tables) do
        local storage = t.StorageDescriptor or {}
        detail(string.format("%s (%s, %s)", t.Name, (t.Parameters or {}).classification or "?",
            storage.Location or "?"))
        for _, column in ipairs(storage.Columns or {}) do
            detail(string.format("    %-22s %s", column.Name, column.Type))
        end
    end
end

ensure_database()
ensure_crawler()
crawl()
show_tables()

-- Glue: ETL scripts, jobs, runs, output -------------------------------------------------------

local function script_key(job)
    return config.key(c, "scripts/" .. job.script:match("[^/]+$"))
end

local function job_definition(job)
    return {
        Name = c[job.setting],
        Description = "gluescript demo: " .. job.script:match("[^/]+$"),
        Role = c.role_arn,
        GlueVersion = c.glue_version,
        Command = {
            Name = "glueetl",
            ScriptLocation = "s3://" .. c.bucket .. "/" .. script_key(job),
            PythonVersion = "3",
        },
        DefaultArguments = {
            ["--job-language"] = "python",
            ["--TempDir"] = c.s3_root .. "temp/",
            ["--job-bookmark-option"] = "job-bookmark-enable",
            ["--enable-metrics"] = "true",
            ["--database"] = c.database,
            ["--table"] = c.table_prefix .. job.table,
            ["--output_path"] = c.s3_root .. "output/" .. job.output .. "/",
        },
        WorkerType = c.worker_type,
        NumberOfWorkers = c.workers,
        Timeout = c.job_timeout_minutes,
        MaxRetries = 0,
    }
end

local function ensure_job(job)
    local wanted = job_definition(job)
    local what = "Glue job " .. wanted.Name
    local existing = find(glue, "get_job", { JobName = wanted.Name }, { "EntityNotFoundException" })
    if existing == nil then
        while_role_propagates(what, role_is_new, function() return glue:create_job(wanted) end)
        report(what, "created (Glue " .. c.glue_version .. ", " .. job.script .. ")")
        return
    end
    local update = {}
    for key, value in pairs(wanted) do
        if key ~= "Name" then update[key] = value end
    end
    if includes(existing.Job, update) then
        report(what, "exists, reused")
        return
    end
    glue:update_job({ JobName = wanted.Name, JobUpdate = update })
    report(what, "exists, updated to this definition")
end

local function run_jobs()
    local runs = {}
    for _, job in ipairs(config.jobs) do
        local name = c[job.setting]
        local run = glue:start_job_run({ JobName = name })
        runs[#runs + 1] = { job = job, name = name, id = run.JobRunId }
        report("job run " .. name, "started (" .. run.JobRunId .. ")")
    end
    for _, run in ipairs(runs) do
        local ok, err = pcall(glue.wait, glue, "job_run_succeeded", { JobName = run.name, RunId = run.id },
            { delay = c.poll_seconds, timeout = c.wait_minutes * 60 })
        -- The emulator's runs write no logs; on AWS the last lines tell what the job did.
        if not emulator and (ok or err.code == "WaiterFailed") then
            local kind = ok and "output" or "error"
            report(kind .. " log of " .. run.name, "last lines")
            if steps.log_tail(glue, run.name, run.id, kind, c.log_lines, detail) == 0 then
                detail("(no lines in /aws-glue/jobs/" .. kind .. " yet)")
            end
        end
        if not ok then error(err, 0) end
        local result = glue:get_job_run({ JobName = run.name, RunId = run.id }).JobRun
        report("job run " .. run.name, string.format("%s (execution time %ss)", result.JobRunState,
            tostring(result.ExecutionTime or 0)))
    end
    return runs
end

local function show_output(run)
    local prefix = config.key(c, "output/" .. run.job.output .. "/")
    local keys = {}
    for page in s3:paginate("list_objects_v2", { Bucket = c.bucket, Prefix = prefix }) do
        for _, object in ipairs(page.Contents or {}) do
            keys[#keys + 1] = object
        end
    end
    local what = "output of " .. run.name
    if #keys == 0 then
        if emulator then
            report(what, "none: the emulator does not run ETL code, no output written")
        else
            report(what, string.format("none under s3://%s/%s (a bookmarked re-run skips data it has processed)",
                c.bucket, prefix))
        end
        return
    end
    report(what, string.format("%d objects under s3://%s/%s", #keys, c.bucket, prefix))
    for _, object in ipairs(keys) do
        detail(string.format("%-60s %8d bytes", object.Key:sub(#prefix + 1), object.Size))
    end
end

for _, job in ipairs(config.jobs) do
    local key = script_key(job)
    report("s3://" .. c.bucket .. "/" .. key, upload(objects, key, read_file(root .. "/" .. job.script)))
end
for _, job in ipairs(config.jobs) do
    ensure_job(job)
end
for _, run in ipairs(run_jobs()) do
    show_output(run)
end

report("demo", "done; scripts/cleanup.lua removes what it made")
