/// The Lua half of `aws.parallel`: coroutines driven by the session's `CallScheduler`.
///
/// A function started by `aws.parallel` runs in a coroutine marked as driven. When it calls an
/// operation, the method submits the request and yields the ticket; the loop resumes it once
/// the ticket has finished. The yield happens in Lua, never across a Swift frame. A nested
/// `aws.parallel` inside a driven coroutine yields to its parent while its own functions wait,
/// so only the outermost loop drives the network. Anywhere else a call blocks as before.
enum ParallelScript {
    static let source = #"""
        local native, module = ...
        local driven = setmetatable({}, {__mode = "k"})
        local AGAIN = {}
        local drives = 0

        -- The running coroutine when aws.parallel drives it and it can yield, else nil.
        local function current()
          local co, main = coroutine.running()
          if main or not driven[co] or not coroutine.isyieldable() then return nil end
          return co
        end

        local function await(ticket)
          while not native.done(ticket) do coroutine.yield(ticket) end
          return native.take(ticket)
        end

        local function make_method(operation, invoke)
          return function(self, params, options)
            local blocking = invoke -- the first upvalue, where help() finds the operation
            if options ~= nil or not current() then return blocking(self, params, options) end
            return await(native.submit(self, operation, params))
          end
        end

        local waits = native.wait
        local wait_closer = {__close = function(self) waits.finish(self.id) end}

        local function make_wait(invoke)
          return function(self, name, params, options)
            local blocking = invoke
            if not current() then return blocking(self, name, params, options) end
            local run <close> = setmetatable({id = waits.begin(self, name, params, options)}, wait_closer)
            while true do
              local ticket = waits.poll(run.id)
              while not native.done(ticket) do coroutine.yield(ticket) end
              local pause, last = waits.judge(run.id, ticket)
              if not pause then return last end
              await(native.timer(pause))
              waits.after_pause(run.id)
            end
          end
        end

        local pages = native.pages
        local pages_closer = {__close = function(self) pages.finish(self.id) end}

        -- Waits for a ticket: yields inside aws.parallel, else drives the calls itself.
        local function settle_ticket(ticket)
          while not native.done(ticket) do
            if current() then coroutine.yield(ticket) else native.drive() end
          end
        end

        local page_methods = {}
        function page_methods.paginate(invoke)
          return function(self, operation, params, options)
            local blocking = invoke
            if not current() then return blocking(self, operation, params, options) end
            local walk = setmetatable({id = pages.begin(self, operation, params, options, "paginate")}, pages_closer)
            local function next_page()
              local ticket = pages.request(walk.id)
              if not ticket then return nil end
              settle_ticket(ticket)
              return pages.accept(walk.id, ticket)
            end
            return next_page, nil, nil, walk
          end
        end
        function page_methods.collect(invoke)
          return function(self, operation, params, options)
            local blocking = invoke
            if not current() then return blocking(self, operation, params, options) end
            local id, paths = pages.begin(self, operation, params, options, "collect")
            local walk <close> = setmetatable({id = id}, pages_closer)
            -- Pages read whole are joined here, as outside aws.parallel; others in Swift.
            local joined = paths and {}
            while true do
              local ticket = pages.request(walk.id)
              if not ticket then break end
              settle_ticket(ticket)
              if joined then pages.join(joined, paths, pages.accept(walk.id, ticket)) else pages.add(walk.id, ticket) end
            end
            if not joined then return pages.result(walk.id) end
            pages.merge(joined, pages.result(walk.id))
            return joined
          end
        end

        -- s3:upload_file and s3:download_file: each step sends what may go next, then the
        -- coroutine waits for the next drive (or, outside aws.parallel, drives the calls
        -- itself); closing it stops the transfer and undoes it. An on_progress callback is
        -- called here, between steps, in the caller's coroutine: never from inside curl, so it
        -- may raise (which stops the transfer) or call AWS itself.
        local transfers = native.transfers
        -- Transfers with on_progress running: while there are any, the calls are driven in
        -- tenths of a second, so the callbacks hear of the bytes about ten times a second.
        local watching = 0
        local transfer_closer = {__close = function(self)
          if self.watched then watching = watching - 1 end
          transfers.finish(self.id)
        end}
        local function make_transfer(start, name)
          return function(invoke)
            return function(self, ...)
              local blocking = invoke
              local opts = select(4, ...)
              local on_progress = type(opts) == "table" and rawget(opts, "on_progress") or nil
              local inside = current()
              if not inside and on_progress == nil then return blocking(self, ...) end
              local job <close> = setmetatable({id = start(self, ...)}, transfer_closer)
              if on_progress then job.watched, watching = true, watching + 1 end
              local told
              while true do
                local going, result, done, total = transfers.step(job.id)
                if on_progress and done and done ~= told then
                  told = done
                  local ok, problem = pcall(on_progress, done, total)
                  if not ok then
                    if native.interrupted() then error(problem, 0) end
                    local err = native.new_error("ProgressCallbackFailed",
                      string.format("s3:%s: on_progress raised an error: %s", name, tostring(problem)))
                    err.cause = problem
                    error(err, 2)
                  end
                end
                if not going then return result end
                if inside then coroutine.yield(AGAIN) else native.drive(0.1) end
              end
            end
          end
        end
        local transfer_methods = {upload_file = make_transfer(transfers.upload, "upload_file"),
          download_file = make_transfer(transfers.download, "download_file")}

        local blocking_sleep = module.sleep
        module.sleep = function(seconds)
          if not current() then return blocking_sleep(seconds) end
          await(native.timer(seconds))
        end

        local function ready(task)
          local waiting = task.waiting
          if waiting == nil then return true end
          if math.type(waiting) == "integer" then return native.done(waiting) end
          return drives > task.since
        end

        local function run(functions, limit, fail_fast, name)
          local count = #functions
          local results, failures, tasks = {}, {}, {}
          local started, active, stopping = 0, 0, false
          local nested = current() ~= nil

          local function settle(task, ok, value)
            if not ok then
              coroutine.close(task.co) -- runs its to-be-closed variables: a transfer's clean-up
              failures[#failures + 1] = {index = task.index, error = value}
              if fail_fast then stopping = true end
            elseif coroutine.status(task.co) == "dead" then
              results[task.index] = value
            else
              task.waiting, task.since = value, drives
              return
            end
            tasks[task] = nil
            active = active - 1
          end

          local function step()
            while not stopping and started < count and active < limit do
              started = started + 1
              local co = coroutine.create(functions[started])
              driven[co] = true
              tasks[{co = co, index = started}] = true
              active = active + 1
            end
            local moved = false
            for task in pairs(tasks) do
              if stopping then break end
              if ready(task) then
                moved = true
                settle(task, coroutine.resume(task.co))
              end
            end
            return moved
          end

          local function loop()
            while next(tasks) ~= nil or (not stopping and started < count) do
              if stopping then break end
              if not step() and next(tasks) ~= nil then
                if nested and current() then
                  coroutine.yield(AGAIN)
                else
                  native.drive(watching > 0 and 0.1 or 1)
                  drives = drives + 1
                end
              end
            end
          end

          -- Whatever ends this run (its end, an error, or the coroutine it runs in being closed
          -- by an outer aws.parallel), the functions still running are stopped: their requests
          -- aborted, their to-be-closed variables (a transfer's clean-up) closed.
          local stopper <close> = setmetatable({}, {__close = function()
            for task in pairs(tasks) do
              if math.type(task.waiting) == "integer" then native.forget(task.waiting) end
              coroutine.close(task.co)
              tasks[task] = nil
            end
          end})
          local ok, problem = pcall(loop)
          if not ok then error(problem, 0) end
          if #failures > 0 then
            table.sort(failures, function(a, b) return a.index < b.index end)
            local first = failures[1]
            local err = native.failure(string.format("%s: function %d failed: %s%s", name, first.index,
              tostring(first.error), #failures > 1 and string.format(" (and %d more)", #failures - 1) or ""))
            err.index = first.index
            err.errors = failures
            error(err, 2)
          end
          return results, count
        end

        local function options_of(opts, name, allowed)
          if opts == nil then return 10, false end
          if type(opts) ~= "table" then error(name .. ": options must be a table", 3) end
          for key in pairs(opts) do
            if not allowed[key] then error(string.format("%s: unknown option '%s'", name, tostring(key)), 3) end
          end
          local limit = opts.limit == nil and 10 or opts.limit
          if math.type(limit) ~= "integer" or limit < 1 then
            error(string.format("%s: limit must be an integer of 1 or more, got %s", name, tostring(limit)), 3)
          end
          return limit, opts.fail_fast == true
        end

        local function check_functions(functions, name)
          for i = 1, #functions do
            if type(functions[i]) ~= "function" then
              error(string.format("%s: item %d is a %s, not a function", name, i, type(functions[i])), 3)
            end
          end
        end

        module.parallel = function(first, ...)
          if type(first) == "table" then
            local limit, fail_fast = options_of((...), "aws.parallel", {limit = true, fail_fast = true})
            check_functions(first, "aws.parallel")
            return (run(first, limit, fail_fast, "aws.parallel"))
          end
          local functions = table.pack(first, ...)
          if functions.n == 0 then return end
          for i = 1, functions.n do
            if type(functions[i]) ~= "function" then
              error(string.format("aws.parallel: argument %d is a %s, not a function", i, type(functions[i])), 2)
            end
          end
          local results = run(functions, 10, false, "aws.parallel")
          return table.unpack(results, 1, functions.n)
        end

        module.map = function(items, fn, opts)
          if type(items) ~= "table" then error("aws.map: items must be a table", 2) end
          if type(fn) ~= "function" then error("aws.map: the second argument must be a function", 2) end
          local limit, fail_fast = options_of(opts, "aws.map", {limit = true, fail_fast = true})
          local functions = {}
          for i = 1, #items do
            local item = items[i]
            functions[i] = function() return fn(item, i) end
          end
          return (run(functions, limit, fail_fast, "aws.map"))
        end

        return make_method, make_wait, page_methods, transfer_methods
        """#
}
