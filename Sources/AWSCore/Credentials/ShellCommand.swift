import Foundation

/// Runs a command line through `/bin/sh -c`, collecting its output; stdin is inherited so a
/// command may prompt (for an MFA code, say).
enum ShellCommand {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    static func run(_ command: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw AWSError(
                code: "CredentialRetrievalError",
                message:
                    "credential_process could not be started through /bin/sh: \(error.localizedDescription)")
        }
        let stderrBox = ErrorOutput()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrBox.bytes = [UInt8](err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let stdout = [UInt8](out.fileHandleForReading.readDataToEndOfFile())
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderrBox.bytes)
    }

    /// Holds stderr read on another thread; written once before `group.wait()` returns.
    private final class ErrorOutput: @unchecked Sendable {
        var bytes: [UInt8] = []
    }
}
