/// What stands for `aws.parallel`, `aws.map` and `aws.sleep` until one of them, or an
/// operation method, is first used: `ParallelScript` is compiled then, so a script that never
/// calls AWS does not pay for it at start-up.
///
/// Each stand-in runs the real set-up and then calls the real function with a Lua tail call,
/// so a stand-in a script kept in a local still yields inside `aws.parallel` and errors still
/// point at the script's line. A function the script put in the module in the meantime is
/// kept. Returns the function that runs the set-up (once).
enum LazyParallelScript {
    static let source = #"""
        local install, module = ...
        local names = {"parallel", "map", "sleep"}
        local stand_ins, originals = {}, {}

        local function ensure()
          if install == nil then return end
          local run = install
          install = nil
          local replaced = {}
          for _, name in ipairs(names) do
            if module[name] ~= stand_ins[name] then replaced[name] = module[name] end
            module[name] = originals[name]
          end
          run()
          for name, value in pairs(replaced) do module[name] = value end
        end

        for _, name in ipairs(names) do
          originals[name] = module[name]
          stand_ins[name] = function(...)
            ensure()
            return module[name](...)
          end
          module[name] = stand_ins[name]
        end
        return ensure
        """#
}
