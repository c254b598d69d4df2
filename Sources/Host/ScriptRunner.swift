import CLua
import CShims

/// Runs a script file as the stock `lua` does: its arguments as `...`, its folder first on
/// `package.path`, a `#!` first line skipped.
public struct ScriptRunner {
    public let state: LuaState

    public init(state: LuaState) {
        self.state = state
    }

    /// Why a script could not be started: no such file, or it does not compile.
    public enum LoadFailure: Error, CustomStringConvertible {
        case cannotOpen(path: String, reason: String)
        case syntax(LuaError)

        public var description: String {
            switch self {
            case .cannotOpen(let path, let reason): return "cannot open \(path) (\(reason))"
            case .syntax(let error): return error.message
            }
        }
    }

    /// Compiles and runs the script at `path` (stdin when nil) with `arguments` as `...`.
    /// Load failures throw `LoadFailure`; errors while running throw `LuaError`.
    @discardableResult
    public func run(path: String?, arguments: [String]) throws -> [LuaValue] {
        if let path {
            if let reason = ScriptRunner.unreadableReason(path) {
                throw LoadFailure.cannotOpen(path: path, reason: reason)
            }
            let folder = ScriptRunner.folder(of: path)
            state.prependPackagePath(folder + "/?.lua;" + folder + "/?/init.lua")
        }
        let chunk: LuaValue
        do {
            chunk = try state.loadFile(path)
        } catch let error as LuaError {
            throw LoadFailure.syntax(error)
        }
        return try Interrupts.watching(state) {
            try state.call(chunk, arguments.map { .string($0) })
        }
    }

    /// The folder part of `path` ("." for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Nil when the file can be read, else the system's reason. Nothing is opened or read, so
    /// a pipe (`gluescript <(...)`, a FIFO) keeps its whole script for the load that follows.
    static func unreadableReason(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return String(cString: strerror(errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return String(cString: strerror(EISDIR)) }
        guard access(path, R_OK) == 0 else { return String(cString: strerror(errno)) }
        return nil
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
