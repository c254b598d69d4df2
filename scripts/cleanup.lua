-- Removes what scripts/demo.lua made: its Glue jobs, crawler, tables and database, the IAM
-- role and policy, the objects under the demo prefix, and the bucket once nothing else is in
-- it. Takes the same settings (GLUE_DEMO_<NAME>, name=value arguments); anything already
-- gone is reported as such.
--
--   gluescript --local scripts/cleanup.lua
--   gluescript scripts/cleanup.lua bucket=my-unique-bucket

local config = require("demo_config")
local steps = require("demo_steps")

local c = config.load(arg)
local s3 = aws.client("s3")
local iam = aws.client("iam")
local glue = aws.client("glue")
local sts = aws.client("sts")

local report = steps.reporter()

--- Calls `client:method(params)`; false when the error's code is one of `gone` (nothing to
--- remove), true on success; any other error is raised.
local function remove(client, method, params, gone)
    return (steps.call_unless(client, method, params, gone))
end

local function outcome(removed)
    return removed and "deleted" or "already gone"
end

local identity = sts:get_caller_identity()
config.resolve(c, identity.Account, aws.config().region)

-- Glue ----------------------------------------------------------------------------------

local glue_gone = { "EntityNotFoundException" }

for _, job in ipairs(config.jobs) do
    local name = c[job.setting]
    local exists = remove(glue, "get_job", { JobName = name }, glue_gone)
    if exists then glue:delete_job({ JobName = name }) end
    report("Glue job " .. name, outcome(exists))
end

local crawler = nil
if remove(glue, "get_crawler", { Name = c.crawler }, glue_gone) then
    crawler = glue:get_crawler({ Name = c.crawler }).Crawler
end
if crawler and crawler.State ~= "READY" then
    remove(glue, "stop_crawler", { Name = c.crawler }, { "CrawlerNotRunningException", "CrawlerStoppingException" })
    report("Glue crawler " .. c.crawler, crawler.State .. ", stopping it")
    glue:wait("crawler_stopped", { Name = c.crawler }, { delay = config.on_emulator() and 1 or 10 })
end
local crawler_deleted = crawler ~= nil and remove(glue, "delete_crawler", { Name = c.crawler }, glue_gone)
report("Glue crawler " .. c.crawler, outcome(crawler_deleted))

if remove(glue, "get_database", { Name = c.database }, glue_gone) then
    local names = {}
    for _, t in ipairs(glue:collect("get_tables", { DatabaseName = c.database }).TableList or {}) do
        names[#names + 1] = t.Name
    end
    for first = 1, #names, 100 do
        local batch = table.move(names, first, first + 99, 1, {})
        glue:batch_delete_table({ DatabaseName = c.database, TablesToDelete = batch })
    end
    report("Glue tables in " .. c.database, #names == 0 and "none" or "deleted " .. table.concat(names, ", "))
    report("Glue database " .. c.database, outcome(remove(glue, "delete_database", { Name = c.database }, glue_gone)))
else
    report("Glue database " .. c.database, "already gone")
end

-- IAM -------------------------------------------------------------------------------------

local iam_gone = { "NoSuchEntity" }

local role_exists = remove(iam, "get_role", { RoleName = c.role }, iam_gone)
if role_exists then
    local attached = iam:collect("list_attached_role_policies", { RoleName = c.role }).AttachedPolicies or {}
    for _, policy in ipairs(attached) do
        iam:detach_role_policy({ RoleName = c.role, PolicyArn = policy.PolicyArn })
        report("  policy " .. policy.PolicyArn, "detached")
    end
    for _, name in ipairs(iam:collect("list_role_policies", { RoleName = c.role }).PolicyNames or {}) do
        iam:delete_role_policy({ RoleName = c.role, PolicyName = name })
        report("  inline policy " .. name, "deleted")
    end
    role_exists = remove(iam, "delete_role", { RoleName = c.role }, iam_gone)
end
report("IAM role " .. c.role, outcome(role_exists))

local policy_exists = remove(iam, "get_policy", { PolicyArn = c.policy_arn }, iam_gone)
if policy_exists then
    local users = iam:collect("list_entities_for_policy", { PolicyArn = c.policy_arn })
    for _, role in ipairs(users.PolicyRoles or {}) do
        iam:detach_role_policy({ RoleName = role.RoleName, PolicyArn = c.policy_arn })
        report("  policy detached from role " .. role.RoleName, "done")
    end
    for _, user in ipairs(users.PolicyUsers or {}) do
        iam:detach_user_policy({ UserName = user.UserName, PolicyArn = c.policy_arn })
        report("  policy detached from user " .. user.UserName, "done")
    end
    for _, group in ipairs(users.PolicyGroups or {}) do
        iam:detach_group_policy({ GroupName = group.GroupName, PolicyArn = c.policy_arn })
        report("  policy detached from group " .. group.GroupName, "done")
    end
    for _, version in ipairs(iam:collect("list_policy_versions", { PolicyArn = c.policy_arn }).Versions or {}) do
        if not version.IsDefaultVersion then
            iam:delete_policy_version({ PolicyArn = c.policy_arn, VersionId = version.VersionId })
            report("  policy version " .. version.VersionId, "deleted")
        end
    end
    policy_exists = remove(iam, "delete_policy", { PolicyArn = c.policy_arn }, iam_gone)
end
report("IAM policy " .. c.policy, outcome(policy_exists))

-- S3 --------------------------------------------------------------------------------------

local bucket_gone = { "NotFound", "404", "NoSuchBucket" }

--- Deletes every object under `prefix` ("" for the whole bucket), 1000 keys per request;
--- returns how many were deleted.
local function delete_objects(prefix)
    local count = 0
    for page in s3:paginate("list_objects_v2", { Bucket = c.bucket, Prefix = prefix }) do
        local keys = {}
        for _, object in ipairs(page.Contents or {}) do
            keys[#keys + 1] = { Key = object.Key }
        end
        for first = 1, #keys, 1000 do
            local batch = table.move(keys, first, first + 999, 1, {})
            local result = s3:delete_objects({ Bucket = c.bucket, Delete = { Objects = batch, Quiet = true } })
            local failed = result.Errors or {}
            if #failed > 0 then
                error(string.format("s3:delete_objects could not delete %s: %s: %s", failed[1].Key,
                    tostring(failed[1].Code), tostring(failed[1].Message)), 0)
            end
            count = count + #batch
        end
    end
    return count
end

local what = "S3 bucket " .. c.bucket
if remove(s3, "head_bucket", { Bucket = c.bucket }, bucket_gone) then
    report("objects under s3://" .. c.bucket .. "/" .. c.prefix .. "/",
        string.format("%d deleted", delete_objects(c.prefix .. "/")))
    local rest = s3:list_objects_v2({ Bucket = c.bucket, MaxKeys = 1 })
    if (rest.KeyCount or 0) > 0 then
        report(what, "kept: it holds objects outside the demo prefix")
    else
        report(what, outcome(remove(s3, "delete_bucket", { Bucket = c.bucket }, bucket_gone)))
    end
else
    report(what, "already gone")
end
