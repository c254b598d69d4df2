#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension REPL {
    /// Lines of a result shown before the rest is cut: the terminal's height less room for
    /// the note and the prompt, or 50 lines when stdout is not a terminal.
    public static var screenLines: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
            return max(10, Int(size.ws_row) - 3)
        }
        return 50
    }

    /// `text` cut after `limit` lines with a note of how many more there are and `hint`
    /// (how to see them all); unchanged when it is short enough.
    static func cut(_ text: String, limit: Int, hint: String) -> String {
        var lines = 0
        var index = text.startIndex
        while let newline = text[index...].firstIndex(of: "\n") {
            lines += 1
            index = text.index(after: newline)
            if lines == limit { break }
        }
        guard lines == limit, index < text.endIndex else { return text }
        let rest = text[index...].reduce(0) { $1 == "\n" ? $0 + 1 : $0 } + (text.hasSuffix("\n") ? 0 : 1)
        return String(text[..<index]) + "... (\(rest) more line\(rest == 1 ? "" : "s")"
            + (hint.isEmpty ? "" : "; " + hint) + ")\n"
    }
}
