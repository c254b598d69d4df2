import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `gluescript` with a pseudo-terminal as stdin, stdout and stderr, driven like a person at
/// a keyboard: type text, read the screen until something shows up or a deadline passes.
final class TerminalSession {
    let process = Process()
    let home: ScratchFolder
    private var master: Int32 = -1
    /// Everything the terminal showed so far, carriage returns removed.
    private(set) var transcript = ""

    /// Starts `gluescript arguments...` with `home` (a fresh folder by default) as `$HOME` and
    /// `variables` added to the environment.
    init(_ arguments: [String] = [], home: ScratchFolder? = nil, variables: [String: String] = [:]) throws {
        self.home = try home ?? ScratchFolder()
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw POSIXError(.ENOTTY) }
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = GluescriptProcess.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = self.home.url.path
        environment["TERM"] = "dumb"
        environment.merge(variables) { $1 }
        process.environment = environment
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
        try terminal.close()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        close(master)
    }

    /// Sends keystrokes.
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until the output after `offset` contains `text`; the text read so far on timeout.
    @discardableResult
    func read(until text: String, after offset: String.Index? = nil, timeout: TimeInterval = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let start = offset ?? transcript.startIndex
            if transcript[start...].contains(text) { return true }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return false }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(remaining * 1000)) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = Glibc.read(master, &buffer, buffer.count)
            if count <= 0 { return transcript[start...].contains(text) }
            transcript += String(decoding: buffer[..<count], as: UTF8.self).replacingOccurrences(of: "\r", with: "")
        }
    }

    /// Waits for a prompt after `offset` and for the line editor to take the keyboard (it
    /// prints the prompt first and leaves canonical mode just after; keys typed in between
    /// go through the terminal's own line discipline, which turns Ctrl-D into a NUL byte).
    func waitForPrompt(_ prompt: String = "> ", after offset: String.Index? = nil, timeout: TimeInterval = 5) -> Bool {
        guard read(until: prompt, after: offset, timeout: timeout) else { return false }
        let deadline = Date().addingTimeInterval(timeout)
        var settings = termios()
        while Date() < deadline {
            if tcgetattr(master, &settings) == 0 && settings.c_lflag & tcflag_t(ICANON) == 0 { return true }
            usleep(1_000)
        }
        return false
    }

    /// The end of the transcript, to look only at what comes next.
    var mark: String.Index { transcript.endIndex }

    /// Types `line` and Enter, then waits for `expected` in what follows.
    func enter(_ line: String, expect expected: String, timeout: TimeInterval = 5) -> Bool {
        let start = mark
        type(line + "\n")
        return read(until: expected, after: start, timeout: timeout)
    }

    /// Waits for the exit (killing the process at the deadline) and returns its status.
    func waitForExit(timeout: TimeInterval = 5) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            read(until: "\u{0}", timeout: 0.05)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }
}
