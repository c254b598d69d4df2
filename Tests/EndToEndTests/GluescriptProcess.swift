import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The built `gluescript` binary, run as a user runs it, with its output collected while it
/// runs and a deadline after which it is killed (so a hang fails a test, not the suite).
/// Its reader threads change the collected output only under `lock`.
final class GluescriptProcess: @unchecked Sendable {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// `.build/<configuration>/gluescript`, next to the test bundle; or the binary
    /// `GLUESCRIPT_TEST_BINARY` names, to run these tests on the one `scripts/build-release`
    /// ships (`GLUESCRIPT_TEST_BINARY=.build/release/gluescript scripts/test --filter EndToEndTests`).
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["GLUESCRIPT_TEST_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path).absoluteURL
        }
        var candidates = [Bundle.main.bundleURL.appendingPathComponent("gluescript")]
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("gluescript"))
        }
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        candidates.append(root.appendingPathComponent(".build/debug/gluescript"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    let process = Process()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()
    private let readers = DispatchGroup()

    /// Starts `gluescript arguments...` in `folder` with `input` on stdin (then closed) and
    /// `environment` over the test's own variables (an empty value unsets one). With
    /// `withoutTerminal` it runs in a session of its own (`setsid`), with no `/dev/tty` to ask on.
    init(
        _ arguments: [String], input: String? = nil, in folder: URL? = nil, environment: [String: String] = [:],
        withoutTerminal: Bool = false
    ) throws {
        if withoutTerminal {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
            process.arguments = ["--wait", GluescriptProcess.binary.path] + arguments
        } else {
            process.executableURL = GluescriptProcess.binary
            process.arguments = arguments
        }
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty {
            var variables = ProcessInfo.processInfo.environment
            for (name, value) in environment { variables[name] = value.isEmpty ? nil : value }
            process.environment = variables
        }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        collect(stdout.fileHandleForReading) { self.out.append($0) }
        collect(stderr.fileHandleForReading) { self.err.append($0) }
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
    }

    private func collect(_ handle: FileHandle, into append: @escaping @Sendable (Data) -> Void) {
        readers.enter()
        Thread.detachNewThread {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                self.lock.lock()
                append(chunk)
                self.lock.unlock()
            }
            self.readers.leave()
        }
    }

    var stderrSoFar: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: err, as: UTF8.self)
    }

    /// Waits until stderr contains `text`; false at the deadline.
    func waitForStderr(_ text: String, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderrSoFar.contains(text) { return true }
            usleep(10_000)
        }
        return false
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the exit; kills the process at the deadline.
    func finish(timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) -> Outcome {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        let timedOut = process.isRunning
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
            XCTFail("gluescript did not finish within \(timeout) s", file: file, line: line)
        }
        process.waitUntilExit()
        _ = readers.wait(timeout: .now() + 5)
        lock.lock()
        defer { lock.unlock() }
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self), timedOut: timedOut)
    }

    /// Runs `gluescript arguments...` to the end.
    static func run(
        _ arguments: [String], input: String? = nil, in folder: URL? = nil, environment: [String: String] = [:],
        timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line
    ) throws -> Outcome {
        try GluescriptProcess(arguments, input: input, in: folder, environment: environment)
            .finish(timeout: timeout, file: file, line: line)
    }
}

/// A fresh folder for one test's scripts, removed afterwards.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gluescript-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `name` (subfolders created) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
