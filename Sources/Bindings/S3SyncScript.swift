/// `s3:sync(from, to, opts)` in Lua over `aws.parallel`, as `aws s3 sync`: a folder to
/// `s3://bucket/prefix`, S3 to a folder, or S3 to S3 (copied on the server). A file is
/// skipped as `aws s3 sync` skips it (same size, and the source not newer); files go up and
/// down through `upload_file` and `download_file`, streamed, never whole in memory. A
/// downloaded file takes the object's LastModified as its modification time, as the CLI's do.
enum S3SyncScript {
    static let source = #"""
        local module, new_error, files, methods = ...
        local clock = module.clock

        local function s3_location(text)
          local bucket, prefix = text:match("^s3://([^/]+)/?(.*)$")
          if not bucket then return nil end
          if prefix ~= "" and prefix:sub(-1) ~= "/" then prefix = prefix .. "/" end
          return {bucket = bucket, prefix = prefix}
        end

        local function glob_pattern(glob)
          return "^" .. glob:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", ".*"):gsub("%?", ".") .. "$"
        end

        local function patterns(list, what)
          if list == nil then return {} end
          if type(list) == "string" then list = {list} end
          if type(list) ~= "table" then error("s3:sync: " .. what .. " must be a glob or a list of globs", 4) end
          local made = {}
          for i, glob in ipairs(list) do made[i] = glob_pattern(glob) end
          return made
        end

        -- Whether `path` is synced: excluded by a matching exclude unless an include matches too.
        local function wanted(path, excludes, includes)
          local keep = true
          for _, p in ipairs(excludes) do if path:match(p) then keep = false end end
          for _, p in ipairs(includes) do if path:match(p) then keep = true end end
          return keep
        end

        local function list_s3(self, location)
          local found = {}
          for page in self:paginate("list_objects_v2", {Bucket = location.bucket, Prefix = location.prefix}) do
            for _, object in ipairs(page.Contents or {}) do
              local path = object.Key:sub(#location.prefix + 1)
              if path ~= "" and path:sub(-1) ~= "/" then
                found[path] = {size = object.Size, mtime = files.epoch(object.LastModified) or 0}
              end
            end
          end
          return found
        end

        local function list_folder(folder)
          local found = {}
          for _, file in ipairs(files.list(folder)) do found[file.path] = {size = file.size, mtime = file.mtime} end
          return found
        end

        -- Whether the target needs nothing, as aws s3 sync decides (its syncstrategy/base.py):
        -- the same size, and for an upload or copy a target at least as new as the source, for
        -- a download a local file no newer than the object; times to the full precision known.
        local function up_to_date(kind, source, target)
          if source.size ~= target.size then return false end
          if kind == "download" then return target.mtime <= source.mtime end
          return target.mtime >= source.mtime
        end

        local function joined(folder, path)
          return (folder:sub(-1) == "/" and folder or folder .. "/") .. path
        end

        local allowed = {delete = true, exclude = true, include = true, dryrun = true, concurrency = true,
          on_progress = true}

        function methods.sync(self, from, to, opts)
          opts = opts or {}
          if type(from) ~= "string" or type(to) ~= "string" then
            error("s3:sync(from, to): give a folder or an s3://bucket/prefix for each", 2)
          end
          for key in pairs(opts) do
            if not allowed[key] then error(string.format("s3:sync: unknown option '%s'", tostring(key)), 2) end
          end
          local started = clock()
          local source, target = s3_location(from), s3_location(to)
          if not source and not target then error("s3:sync: one side must be an s3://bucket/prefix", 2) end
          local excludes, includes = patterns(opts.exclude, "exclude"), patterns(opts.include, "include")
          local have = source and list_s3(self, source) or list_folder(from)
          local there = target and list_s3(self, target) or (io.open(to) and list_folder(to) or {})
          local kind = source and target and "copy" or source and "download" or "upload"
          local plan = {[kind] = {}, delete = {}}
          local result = {uploaded = 0, downloaded = 0, copied = 0, deleted = 0, skipped = 0, bytes = 0}
          local paths = {}
          for path in pairs(have) do paths[#paths + 1] = path end
          table.sort(paths)
          for _, path in ipairs(paths) do
            if wanted(path, excludes, includes) then
              local file, existing = have[path], there[path]
              if existing and up_to_date(kind, file, existing) then
                result.skipped = result.skipped + 1
              else
                table.insert(plan[kind], path)
                result.bytes = result.bytes + file.size
              end
            end
          end
          if opts.delete then
            local gone = {}
            for path in pairs(there) do
              if not have[path] and wanted(path, excludes, includes) then gone[#gone + 1] = path end
            end
            table.sort(gone)
            plan.delete = gone
          end
          if opts.dryrun then
            result.plan = plan
            result.seconds = clock() - started
            return result
          end
          if opts.on_progress ~= nil and type(opts.on_progress) ~= "function" then
            error("s3:sync: on_progress must be a function(done_bytes, total_bytes)", 2)
          end
          local done_bytes = 0
          local function moved(path)
            done_bytes = done_bytes + have[path].size
            if opts.on_progress then opts.on_progress(done_bytes, result.bytes) end
          end
          local steps = {}
          for _, path in ipairs(plan[kind]) do
            steps[#steps + 1] = function()
              if kind == "upload" then
                self:upload_file(joined(from, path), target.bucket, target.prefix .. path, {progress = false})
                result.uploaded = result.uploaded + 1
              elseif kind == "download" then
                local local_path = joined(to, path)
                files.prepare(local_path)
                self:download_file(source.bucket, source.prefix .. path, local_path, {progress = false})
                files.touch(local_path, have[path].mtime)
                result.downloaded = result.downloaded + 1
              else
                self:copy({Bucket = source.bucket, Key = source.prefix .. path}, target.bucket, target.prefix .. path)
                result.copied = result.copied + 1
              end
              moved(path)
            end
          end
          for _, path in ipairs(plan.delete) do
            steps[#steps + 1] = function()
              if target then
                self:delete_object{Bucket = target.bucket, Key = target.prefix .. path}
              else
                assert(os.remove(joined(to, path)))
              end
              result.deleted = result.deleted + 1
            end
          end
          module.parallel(steps, {limit = opts.concurrency or 10})
          result.seconds = clock() - started
          return result
        end

        return methods
        """#
}
