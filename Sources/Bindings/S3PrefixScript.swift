/// S3 methods written in Lua over `aws.parallel`: `s3:delete_prefix(bucket, prefix, opts)`
/// and `s3:copy(source, bucket, key, opts)` (boto3's managed copy). Their requests go side
/// by side on the session's curl multi handle, and they yield like any call inside
/// `aws.parallel`.
enum S3PrefixScript {
    static let source = #"""
        local module, new_error, abort_upload, interrupted = ...
        local parallel, clock = module.parallel, module.clock
        local methods = {}

        local function check_options(opts, name, allowed)
          if opts == nil then return {} end
          if type(opts) ~= "table" then error(name .. ": options must be a table", 3) end
          for key in pairs(opts) do
            if not allowed[key] then error(string.format("%s: unknown option '%s'", name, tostring(key)), 3) end
          end
          if opts.concurrency ~= nil and (math.type(opts.concurrency) ~= "integer" or opts.concurrency < 1) then
            error(name .. ": concurrency must be an integer of 1 or more", 3)
          end
          return opts
        end

        local function check_string(value, what, name)
          if type(value) ~= "string" then
            error(string.format("%s: %s must be a string, got %s", name, what, type(value)), 3)
          end
        end

        function methods.delete_prefix(self, bucket, prefix, opts)
          local name = "s3:delete_prefix"
          check_string(bucket, "bucket", name)
          check_string(prefix, "prefix", name)
          opts = check_options(opts, name, {concurrency = true})
          local started = clock()
          local batches, token = {}, nil
          repeat
            local page = self:list_objects_v2{Bucket = bucket, Prefix = prefix, ContinuationToken = token}
            local batch = {}
            for _, object in ipairs(page.Contents or {}) do batch[#batch + 1] = {Key = object.Key} end
            if #batch > 0 then batches[#batches + 1] = batch end
            token = page.IsTruncated and page.NextContinuationToken or nil
          until not token
          local requests = {}
          for i, batch in ipairs(batches) do
            requests[i] = function()
              return self:delete_objects{Bucket = bucket, Delete = {Objects = batch, Quiet = true}}
            end
          end
          local answers = parallel(requests, {limit = opts.concurrency or 10})
          local result = {deleted = 0, failed = {}, requests = #batches}
          for i, answer in ipairs(answers) do
            local errors = answer.Errors or {}
            result.deleted = result.deleted + #batches[i] - #errors
            for _, failure in ipairs(errors) do
              result.failed[#result.failed + 1] = {Key = failure.Key, Code = failure.Code, Message = failure.Message}
            end
          end
          result.seconds = clock() - started
          if #result.failed > 0 then
            local first = result.failed[1]
            local err = new_error("DeleteFailed", string.format("%s: %d of %d keys under s3://%s/%s were not deleted (%s: %s: %s)",
              name, #result.failed, result.deleted + #result.failed, bucket, prefix, first.Key, first.Code,
              first.Message or ""))
            err.result = result
            err.failed = result.failed
            error(err, 2)
          end
          return result
        end

        -- Raises the error of copy's on_progress callback, naming it; Ctrl-C's stays as it is.
        local function callback_failed(problem)
          if interrupted() then error(problem, 0) end
          local err = new_error("ProgressCallbackFailed",
            string.format("s3:copy: on_progress raised an error: %s", tostring(problem)))
          err.cause = problem
          error(err, 3)
        end

        local function report(on_progress, done, total)
          local ok, problem = pcall(on_progress, done, total)
          if not ok then callback_failed(problem) end
        end

        -- What CreateMultipartUpload takes from the source so the copy keeps it, as boto3 does.
        local kept = {"ContentType", "Metadata", "CacheControl", "ContentDisposition", "ContentEncoding",
          "ContentLanguage", "WebsiteRedirectLocation"}

        function methods.copy(self, source, bucket, key, opts)
          local name = "s3:copy"
          if type(source) == "string" then
            local source_bucket, source_key = source:match("^/?([^/]+)/(.+)$")
            if not source_bucket then error(name .. ": give the source as \"bucket/key\" or {Bucket =, Key =}", 2) end
            source = {Bucket = source_bucket, Key = source_key}
          elseif type(source) ~= "table" then
            error(name .. ": give the source as \"bucket/key\" or {Bucket =, Key =}", 2)
          end
          check_string(bucket, "bucket", name)
          check_string(key, "key", name)
          opts = check_options(opts, name, {multipart_threshold = true, part_size = true, concurrency = true,
            extra = true, on_progress = true})
          local on_progress = opts.on_progress
          if on_progress ~= nil and type(on_progress) ~= "function" then
            error(string.format("%s: option 'on_progress' must be a function(done, total), got %s", name,
              type(on_progress)), 2)
          end
          local started = clock()
          local head = self:head_object{Bucket = source.Bucket, Key = source.Key, VersionId = source.VersionId}
          local size = head.ContentLength or 0
          local threshold = opts.multipart_threshold or 5 * 1024 * 1024 * 1024
          if size == 0 or size < threshold then
            local params = {CopySource = source, Bucket = bucket, Key = key}
            for k, v in pairs(opts.extra or {}) do params[k] = v end
            self:copy_object(params)
            if on_progress then report(on_progress, size, size) end
            return {size = size, parts = 1, seconds = clock() - started}
          end
          local part_size = opts.part_size or 8 * 1024 * 1024
          while (size + part_size - 1) // part_size > 10000 do part_size = part_size * 2 end
          local count = (size + part_size - 1) // part_size
          local create = {Bucket = bucket, Key = key}
          for _, member in ipairs(kept) do create[member] = head[member] end
          for k, v in pairs(opts.extra or {}) do create[k] = v end
          local upload_id = self:create_multipart_upload(create).UploadId
          -- However the copy ends short of completing (an error, fail_fast or Ctrl-C closing the
          -- function it runs in), its upload is aborted.
          local completed = false
          local guard <close> = setmetatable({}, {__close = function()
            if not completed then abort_upload(self, bucket, key, upload_id) end
          end})
          -- on_progress hears of the bytes of the parts copied, at most ten times a second, in
          -- the coroutine of the part that just finished; it hears of the whole once completed.
          local done, told_at, callback_error = 0, nil, nil
          local parts = {}
          for i = 1, count do
            local first = (i - 1) * part_size
            local last = math.min(first + part_size, size) - 1
            parts[i] = function()
              local answer = self:upload_part_copy{Bucket = bucket, Key = key, UploadId = upload_id, PartNumber = i,
                CopySource = source, CopySourceRange = string.format("bytes=%d-%d", first, last)}
              done = done + last - first + 1
              if on_progress and done < size and (told_at == nil or clock() - told_at >= 0.1) then
                told_at = clock()
                local ok, problem = pcall(on_progress, done, size)
                if not ok then
                  callback_error = callback_error or problem
                  error(problem, 0)
                end
              end
              return {PartNumber = i, ETag = answer.CopyPartResult.ETag}
            end
          end
          local ok, copied = pcall(parallel, parts, {limit = opts.concurrency or 10, fail_fast = true})
          if not ok then
            if callback_error ~= nil then callback_failed(callback_error) end
            error(copied, 0)
          end
          self:complete_multipart_upload{Bucket = bucket, Key = key, UploadId = upload_id,
            MultipartUpload = {Parts = copied}}
          completed = true
          if on_progress then report(on_progress, size, size) end
          return {size = size, parts = count, seconds = clock() - started}
        end

        return methods
        """#
}
