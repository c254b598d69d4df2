import AWSCore
import Bindings
import CShims
import FoundationEssentials
import Host

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds the Lua state with the `aws` module and runs what the command line asks for,
/// in `lua`'s order: `arg`, each `-e`/`-l`, the script, then the REPL.
struct Launcher {
    let invocation: Invocation

    enum ExitCode {
        static let success: Int32 = 0
        static let scriptError: Int32 = 1
        static let usage: Int32 = 2
        static let interrupted: Int32 = 130
    }

    /// Runs the invocation; after SIGTERM or SIGHUP (the interrupted script having cleaned
    /// up) the status is 128 + the signal, as a shell reports a process the signal ended.
    func run() -> Int32 {
        let status = runSteps()
        if let signal = Interrupts.terminationSignal { return 128 + signal }
        return status
    }

    private func runSteps() -> Int32 {
        var defaults = AWSModule.Defaults(
            region: invocation.region, profile: invocation.profile,
            endpointURL: invocation.endpointURL, debug: invocation.debug)
        let emulator: LocalEmulator?
        do {
            emulator = try invocation.local.map(startEmulator)
        } catch {
            printError("gluescript: \(error)")
            return ExitCode.scriptError
        }
        defer { emulator?.stop() }
        var environment = AWSEnvironment.process
        if let emulator {
            defaults.endpointURL = emulator.url
            defaults.region = invocation.region ?? "us-east-1"
            defaults.credentials = Credentials(accessKeyID: "testing", secretAccessKey: "testing")
            let local = LocalModeSettings(invocation: invocation, environment: environment)
            environment = local.environment
            if let notice = local.notice { printError(notice) }
        }
        let state = LuaState()
        AWSModule.install(in: state, defaults: defaults, environment: environment)
        setArgTable(in: state)
        if invocation.ignoresEnvironment {
            ignoreLuaPathVariables(in: state)
        } else {
            let status = runLuaInit(in: state)
            if status != ExitCode.success { return status }
        }

        let stdinIsTerminal = isatty(STDIN_FILENO) != 0
        let hasExecute = invocation.steps.contains {
            if case .execute = $0 { return true } else { return false }
        }
        if invocation.showVersion { print(Usage.versionLine) }

        for step in invocation.steps {
            let status = runStep(step, in: state)
            if status != ExitCode.success { return status }
        }
        if let script = invocation.script {
            let status = runScript(script == "-" ? nil : script, in: state)
            if status != ExitCode.success { return status }
        }
        if invocation.interactive {
            makeREPL(state).run()
        } else if invocation.script == nil && !hasExecute && !invocation.showVersion {
            if stdinIsTerminal {
                print(Usage.versionLine + "  (Ctrl-D to leave, help: gluescript --help)")
                makeREPL(state).run()
            } else {
                return runScript(nil, in: state)
            }
        }
        return ExitCode.success
    }

    /// Starts (or finds) the local emulator and makes Glue crawls and job runs take seconds.
    private func startEmulator(_ mode: Invocation.LocalMode) throws -> LocalEmulator {
        let emulator: LocalEmulator
        switch mode {
        case .start:
            emulator = try LocalEmulator.start(logPath: LocalEmulatorLog.path)
            printError("gluescript: local AWS emulator (moto) at \(emulator.url); it stops when the script ends")
        case .reuse(let url):
            emulator = try LocalEmulator.attach(url: url)
        }
        try emulator.setGlueTransitions(seconds: Self.glueStepSeconds)
        if case .reuse = mode {
            printError(
                "gluescript: Glue crawls and job runs of the emulator at \(emulator.url) now take "
                    + "\(Self.glueStepSeconds) s per step, also after this run")
        }
        return emulator
    }

    /// The REPL, its cut results pointing at `aws.inspect` for the whole value.
    private func makeREPL(_ state: LuaState) -> REPL {
        let repl = REPL(state: state)
        repl.fullResultHint = "print(aws.inspect(value)) shows it all"
        return repl
    }

    /// Seconds each step of a Glue crawl or job run takes on the local emulator.
    static let glueStepSeconds = 3

    /// `LUA_INIT_5_4`, else `LUA_INIT`, as `lua` runs it before anything else: `@path` runs
    /// the file, anything else is a chunk.
    private func runLuaInit(in state: LuaState) -> Int32 {
        let name = getenv("LUA_INIT_5_4") != nil ? "LUA_INIT_5_4" : "LUA_INIT"
        guard let value = getenv(name) else { return ExitCode.success }
        let code = String(cString: value)
        do {
            _ = try Interrupts.watching(state) {
                if code.hasPrefix("@") {
                    try state.call(try state.loadFile(String(code.dropFirst())), [])
                } else {
                    try state.run(code, name: "=" + name)
                }
            }
            return ExitCode.success
        } catch {
            return report(error, in: state)
        }
    }

    /// `-E`: `package.path` and `package.cpath` as Lua's defaults, not `LUA_PATH`/`LUA_CPATH`.
    private func ignoreLuaPathVariables(in state: LuaState) {
        _ = try? state.run(
            "package.path, package.cpath = ...", name: "=(command line)",
            arguments: [
                .string(String(cString: gs_lua_path_default())), .string(String(cString: gs_lua_cpath_default())),
            ])
    }

    /// `arg`: the script at 0, its arguments at 1..n, the interpreter and options below 0.
    private func setArgTable(in state: LuaState) {
        var table = LuaTable(array: [])
        let origin = invocation.script == nil ? 0 : invocation.scriptIndex
        for (i, word) in invocation.commandLine.enumerated() {
            table[.integer(Int64(i - origin))] = .string(word)
        }
        state.setGlobal("arg", .table(table))
    }

    private func runStep(_ step: Invocation.Step, in state: LuaState) -> Int32 {
        do {
            _ = try Interrupts.watching(state) {
                switch step {
                case .execute(let chunk):
                    try state.run(chunk, name: "=(command line)")
                case .require(let module, let global):
                    try state.run(
                        "local global, module = ... _G[global] = require(module)", name: "=(command line)",
                        arguments: [.string(global), .string(module)])
                }
            }
            return ExitCode.success
        } catch {
            return report(error, in: state)
        }
    }

    private func runScript(_ path: String?, in state: LuaState) -> Int32 {
        do {
            try ScriptRunner(state: state).run(path: path, arguments: invocation.scriptArguments)
            return ExitCode.success
        } catch ScriptRunner.LoadFailure.cannotOpen(let path, let reason) {
            printError("gluescript: cannot open \(path) (\(reason))")
            return ExitCode.usage
        } catch {
            return report(error, in: state)
        }
    }

    /// Prints a script's error with its traceback and picks the exit code.
    private func report(_ error: Error, in state: LuaState) -> Int32 {
        if let error = error as? LuaError {
            printError("gluescript: " + error.description)
        } else {
            printError("gluescript: \(error)")
        }
        return Interrupts.requested(in: state) ? ExitCode.interrupted : ExitCode.scriptError
    }
}
