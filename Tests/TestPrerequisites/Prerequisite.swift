import Foundation
import XCTest

/// Something a test needs from outside the package: python3 with botocore or moto (the
/// oracles and the local AWS emulator), a conformance suite, a free port.
///
/// When a developer runs `swift test` bare, a missing prerequisite skips the test. Under
/// `scripts/test`, which sets `GLUESCRIPT_REQUIRE_ORACLES=1`, it fails the test instead, so a
/// run that silently tested less never looks green.
public enum Prerequisite {
    /// The variable `scripts/test` sets to make a missing prerequisite a failure.
    public static let requiredVariable = "GLUESCRIPT_REQUIRE_ORACLES"

    /// True when missing prerequisites fail tests rather than skip them.
    public static var isRequired: Bool {
        let value = ProcessInfo.processInfo.environment[requiredVariable] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// The error to throw when `what` is missing: an `XCTSkip` with `reason` for a bare run,
    /// a failure naming the prerequisite under `scripts/test`.
    public static func missing(_ reason: String) -> Error {
        isRequired ? Missing(reason: reason) : XCTSkip(reason)
    }

    /// Throws `missing` unless `python3 -c "import <module>"` succeeds. Oracles that write
    /// to python3's standard input call this first: writing to a python3 that is not there
    /// would end the test process with SIGPIPE instead of skipping or failing the test.
    public static func python(importing module: String) throws {
        let usable = PythonProbe.shared.usable(importing: module)
        if !usable { throw missing("python3 with \(module) is not available") }
    }

    /// A prerequisite that `scripts/test` promised and that is not there.
    public struct Missing: Error, CustomStringConvertible {
        public let reason: String

        public var description: String {
            "required test prerequisite missing (\(Prerequisite.requiredVariable) is set): \(reason)"
        }
    }
}

/// Remembers, per module, whether python3 imports it, so each is asked once a run.
private final class PythonProbe: @unchecked Sendable {
    static let shared = PythonProbe()
    private let lock = NSLock()
    private var answers: [String: Bool] = [:]

    func usable(importing module: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let known = answers[module] { return known }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var usable = false
        if (try? process.run()) != nil {
            process.waitUntilExit()
            usable = process.terminationStatus == 0
        }
        answers[module] = usable
        return usable
    }
}
