import CShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of status on stderr, redrawn in place (`\r`) as a wait or a transfer goes on,
/// and blanked out at the end; draws nothing when disabled.
final class StatusLine {
    private let enabled: Bool
    private var shownLength = 0
    /// The width of the `^C` a terminal echoes.
    static let echoedControlWidth = 2

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Whether status lines go to stderr by default: when it is a terminal.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Replaces the line with `text`, blanking what a longer previous line left behind.
    func show(_ text: String) {
        guard enabled else { return }
        let padding = max(0, shownLength - text.count)
        fputs("\r" + text + String(repeating: " ", count: padding), gs_stderr())
        fflush(gs_stderr())
        shownLength = text.count
    }

    /// Blanks the line and puts the cursor back at its start, so what is written next (an
    /// `interrupted!` error, say) starts on a clean line. The blanking reaches two columns
    /// past the text: the `^C` a terminal echoes after it when Ctrl-C is pressed.
    func clear() {
        guard enabled, shownLength > 0 else { return }
        fputs("\r" + String(repeating: " ", count: shownLength + Self.echoedControlWidth) + "\r", gs_stderr())
        fflush(gs_stderr())
        shownLength = 0
    }
}
