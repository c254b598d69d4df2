/// The command line, parsed as the stock `lua` parses its own, plus gluescript's long flags.
struct Invocation {
    /// One `-e CHUNK` or `-l MODULE`, run in order before the script.
    enum Step: Equatable {
        case execute(String)
        case require(module: String, global: String)
    }

    var steps: [Step] = []
    var interactive = false
    var showVersion = false
    var showHelp = false
    /// The script's path; "-" reads it from stdin. Nil when there is none.
    var script: String?
    var scriptArguments: [String] = []
    /// The full command line with the script at index `scriptIndex`, for the `arg` table.
    var commandLine: [String] = []
    var scriptIndex = 0
    var region: String?
    var profile: String?
    var endpointURL: String?
    var debug = false
    /// `-E`: `LUA_INIT` and `LUA_INIT_5_4` are not run, `LUA_PATH` and `LUA_CPATH` not used.
    var ignoresEnvironment = false
    /// `--sso-login`: sign in to IAM Identity Center for the profile before anything else.
    var ssoLogin = false
    /// `--local`: start an emulator (nil URL) or reuse the one at the URL.
    var local: LocalMode?

    enum LocalMode: Equatable {
        case start
        case reuse(url: String)
    }

    /// A command line that cannot be run: the message says why.
    struct UsageError: Error {
        var message: String
    }

    /// Parses `arguments` (argv including the program name).
    static func parse(_ arguments: [String]) throws -> Invocation {
        var invocation = Invocation()
        invocation.commandLine = arguments
        var i = 1
        func value(of flag: String, inline: String?) throws -> String {
            if let inline {
                guard !inline.isEmpty else { throw UsageError(message: "'\(flag)=' needs a value after '='") }
                return inline
            }
            i += 1
            guard i < arguments.count else { throw UsageError(message: "'\(flag)' needs an argument") }
            return arguments[i]
        }
        parsing: while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" {
                i += 1
                break parsing
            }
            if argument == "-" || !argument.hasPrefix("-") { break parsing }
            if argument.hasPrefix("--") {
                let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    .map(String.init)
                let flag = parts[0]
                let inline = parts.count > 1 ? parts[1] : nil
                switch flag {
                case "--region": invocation.region = try value(of: flag, inline: inline)
                case "--profile": invocation.profile = try value(of: flag, inline: inline)
                case "--endpoint-url": invocation.endpointURL = try value(of: flag, inline: inline)
                case "--debug" where inline == nil: invocation.debug = true
                case "--sso-login" where inline == nil: invocation.ssoLogin = true
                case "--local":
                    invocation.local = try inline.map { .reuse(url: try value(of: flag, inline: $0)) } ?? .start
                case "--help" where inline == nil: invocation.showHelp = true
                case "--version" where inline == nil: invocation.showVersion = true
                default: throw UsageError(message: "unrecognized option '\(argument)'")
                }
                i += 1
                continue
            }
            let flag = String(argument.prefix(2))
            let rest = argument.count > 2 ? String(argument.dropFirst(2)) : nil
            switch flag {
            case "-e":
                invocation.steps.append(.execute(try value(of: flag, inline: rest)))
            case "-l":
                let spec = try value(of: flag, inline: rest)
                let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
                invocation.steps.append(
                    parts.count == 2
                        ? .require(module: parts[1], global: parts[0]) : .require(module: spec, global: spec))
            case "-i" where rest == nil:
                invocation.interactive = true
                invocation.showVersion = true
            case "-v" where rest == nil: invocation.showVersion = true
            case "-h" where rest == nil: invocation.showHelp = true
            case "-E" where rest == nil: invocation.ignoresEnvironment = true
            case "-W" where rest == nil: break
            default: throw UsageError(message: "unrecognized option '\(argument)'")
            }
            i += 1
        }
        if i < arguments.count {
            invocation.script = arguments[i]
            invocation.scriptIndex = i
            invocation.scriptArguments = Array(arguments[(i + 1)...])
        }
        return invocation
    }
}
