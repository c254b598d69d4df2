import Host

/// The Lua functions that join pages read straight into Lua tables, as `Paginator.add` and
/// `Paginator.collected` join `JSONValue` pages (boto3's `build_full_result`).
///
/// The chunk takes an empty array table (for the `aws.json.array` metatable) and returns
/// `add(result, paths, page)`, which appends each result key's list of `page` to the one in
/// `result` (numbers added, strings joined, the first value kept otherwise), and
/// `merge(result, part)`, which deep-merges the non-aggregate part into `result`.
enum CollectMerge {
    /// `[add, merge]`, made in `state` (on `thread` when given).
    static func functions(in state: LuaState, on thread: OpaquePointer? = nil) throws -> [LuaValue] {
        let functions = try state.call(
            try state.load(source, name: "=collect"),
            [.table(LuaTable(array: [], metatableName: jsonArrayMetatable))], on: thread)
        guard functions.count == 2 else { throw LuaError("collect: its merge functions did not load") }
        return functions
    }

    static let source = #"""
        local array_metatable = getmetatable((...))

        local function is_array(t)
          return rawlen(t) > 0 or getmetatable(t) == array_metatable
        end

        local function add(result, paths, page)
          for _, path in ipairs(paths) do
            local value = page
            for _, name in ipairs(path) do
              if type(value) ~= "table" then value = nil break end
              value = rawget(value, name)
            end
            if value ~= nil then
              local parent = result
              for i = 1, #path - 1 do
                local child = rawget(parent, path[i])
                if type(child) ~= "table" then
                  child = {}
                  rawset(parent, path[i], child)
                end
                parent = child
              end
              local name = path[#path]
              local existing = rawget(parent, name)
              if existing == nil then
                rawset(parent, name, value)
              elseif type(existing) == "table" and type(value) == "table" then
                if is_array(existing) and is_array(value) then
                  local n = rawlen(existing)
                  if n == 0 then
                    rawset(parent, name, value)
                  else
                    for i = 1, rawlen(value) do rawset(existing, n + i, rawget(value, i)) end
                  end
                end
              elseif math.type(existing) == "integer" and math.type(value) == "integer" then
                rawset(parent, name, existing + value)
              elseif type(existing) == "number" and type(value) == "number" then
                rawset(parent, name, (existing + 0.0) + value)
              elseif type(existing) == "string" and type(value) == "string" then
                rawset(parent, name, existing .. value)
              end
            end
          end
        end

        local function merge(base, part)
          for key, value in pairs(part) do
            local existing = rawget(base, key)
            if type(existing) == "table" and type(value) == "table"
              and not is_array(existing) and not is_array(value) then
              merge(existing, value)
            else
              rawset(base, key, value)
            end
          end
        end

        return add, merge
        """#
}
