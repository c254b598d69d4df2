import CEditShims
import CLua
import CShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The interactive loop, as the stock `lua` interpreter has it: line editing and history,
/// `return <line>` tried first so expressions print their values, an unfinished statement
/// (a syntax error at `<eof>`) continues on the next line, errors are shown and the loop
/// goes on, Ctrl-C drops the line being typed and interrupts a running statement, Ctrl-D
/// leaves, and so does SIGTERM or SIGHUP once the statement it interrupted has stopped.
public final class REPL {
    public let state: LuaState
    public var prompt = "> "
    public var continuationPrompt = ">> "
    /// Where history is read from and saved to; nil keeps none.
    public var historyPath: String?
    public var printer = PrettyPrinter()
    /// Lines of one result shown before the rest is cut with a note, so a large table does
    /// not flood the screen.
    public var maxResultLines = REPL.screenLines
    /// Says, in the note of a cut result, how to see all of it.
    public var fullResultHint = ""
    /// Where results go (stdout) and errors go (stderr); replaceable for embedding.
    public var output: (String) -> Void = { text in
        fputs(text, gs_stdout())
        fflush(gs_stdout())
    }
    public var errorOutput: (String) -> Void = { text in
        fputs(text, gs_stderr())
        fflush(gs_stderr())
    }

    public init(state: LuaState, historyPath: String? = REPL.defaultHistoryPath) {
        self.state = state
        self.historyPath = historyPath
    }

    /// `~/.gluescript_history`, or nil without a home folder.
    public static var defaultHistoryPath: String? {
        guard let home = getenv("HOME") else { return nil }
        return String(cString: home) + "/.gluescript_history"
    }

    /// Reads, evaluates and prints until end of input. Line editing and history come from
    /// libedit, loaded now (`GLUESCRIPT_LIBEDIT` names another file than `libedit.so.2`);
    /// without it the loop says so once and reads plain lines.
    public func run() {
        if gs_edit_load(getenv("GLUESCRIPT_LIBEDIT")) != 0 {
            errorOutput(
                "line editing and history are off: cannot load libedit: "
                    + String(cString: gs_edit_load_error()) + "\n")
        }
        if let historyPath { _ = gs_read_history(historyPath) }
        REPLCompletion.install(for: state)
        defer {
            REPLCompletion.uninstall()
            if let historyPath { _ = gs_write_history(historyPath) }
        }
        while let chunk = readStatement() {
            evaluate(chunk)
            if Interrupts.terminationSignal != nil { return }
        }
        output("\n")
    }

    /// Reads lines until they make a complete chunk; nil at end of input.
    private func readStatement() -> String? {
        var buffer: String?
        while true {
            var interrupted: Int32 = 0
            guard let raw = gs_readline(buffer == nil ? prompt : continuationPrompt, &interrupted) else {
                return nil
            }
            let line = String(cString: raw)
            free(raw)
            if interrupted != 0 {
                buffer = nil
                continue
            }
            if buffer == nil {
                if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
                let expression = line.hasPrefix("=") ? String(line.dropFirst()) : line
                if compiles("return " + expression) {
                    gs_add_history(line)
                    return "return " + expression
                }
                buffer = line
            } else {
                buffer! += "\n" + line
            }
            switch REPL.classify(buffer!, in: state) {
            case .complete, .error:
                gs_add_history(buffer!)
                return buffer
            case .incomplete:
                continue
            }
        }
    }

    enum Completeness { case complete, incomplete, error }

    /// Whether `chunk` compiles, needs more lines, or has a real syntax error.
    static func classify(_ chunk: String, in state: LuaState) -> Completeness {
        do {
            _ = try state.load(chunk, name: "=stdin")
            return .complete
        } catch let error as LuaError {
            return error.message.hasSuffix("<eof>") ? .incomplete : .error
        } catch {
            return .error
        }
    }

    private func compiles(_ chunk: String) -> Bool {
        (try? state.load(chunk, name: "=stdin")) != nil
    }

    /// Runs one chunk and prints its values or its error.
    public func evaluate(_ chunk: String) {
        Interrupts.watching(state) { evaluateWatched(chunk) }
    }

    private func evaluateWatched(_ chunk: String) {
        do {
            let function = try state.load(chunk, name: "=stdin")
            let base = lua_gettop(state.L)
            state.push(function, on: state.L)
            let status = gs_pcall_traceback(state.L, 0, LUA_MULTRET)
            defer { lua_settop(state.L, base) }
            guard status == LUA_OK else {
                errorOutput(state.describeError(at: -1, on: state.L) + "\n")
                return
            }
            let top = lua_gettop(state.L)
            guard top > base else { return }
            let texts = (base + 1...top).map { printer.render(at: $0, on: state.L) }
            output(REPL.cut(texts.joined(separator: "\t") + "\n", limit: maxResultLines, hint: fullResultHint))
        } catch {
            errorOutput("\(error)\n")
        }
    }
}
