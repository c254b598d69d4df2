-- What demo.lua and cleanup.lua share: timed step lines and calls that may find nothing.
local steps = {}

--- A function printing `[ 12.3s] what: outcome`, the time counted from this call.
function steps.reporter()
    local started = aws.clock()
    return function(what, outcome)
        print(string.format("[%5.1fs] %s: %s", aws.clock() - started, what, outcome))
    end
end

--- Calls `client:method(params)`: `true, result` on success, `false` when the error's code is
--- one of `absent` (the resource is not there); any other error is raised as it came.
function steps.call_unless(client, method, params, absent)
    local ok, result = pcall(client[method], client, params)
    if ok then return true, result end
    if type(result) == "table" then
        for _, code in ipairs(absent) do
            if result.code == code then return false end
        end
    end
    error(result, 0)
end

--- Hands `print_line` the last `count` lines of the `kind` log (`output` or `error`) of a
--- Glue job run that has ended, each as `time message`; returns how many there were. It
--- follows the run, so lines CloudWatch Logs takes in late are read too.
function steps.log_tail(glue, job, run_id, kind, count, print_line)
    local tail = {}
    glue:job_logs({ JobName = job, RunId = run_id, follow = true, poll = 2, on_line = function(line)
        if line.group:sub(-#kind - 1) == "/" .. kind then
            tail[#tail + 1] = line
            if #tail > count then table.remove(tail, 1) end
        end
    end })
    for _, line in ipairs(tail) do
        print_line(line.time .. " " .. line.message)
    end
    return #tail
end

return steps
