import Foundation
import TestPrerequisites

/// The local AWS emulator `scripts/test` starts for the run (`GLUESCRIPT_TEST_ENDPOINT`), and
/// the variables that point gluescript at it with throw-away credentials.
enum EmulatorEndpoint {
    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["GLUESCRIPT_TEST_ENDPOINT"], !url.isEmpty else {
            throw Prerequisite.missing("GLUESCRIPT_TEST_ENDPOINT is not set; scripts/test starts the emulator")
        }
        return url
    }

    static func environment() throws -> [String: String] {
        [
            "AWS_ENDPOINT_URL": try url(), "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_REGION": "us-east-1", "AWS_PROFILE": "", "AWS_CONFIG_FILE": "/nonexistent/config",
            "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials",
        ]
    }

    /// Probes that `python3 -m moto.server` can start, for tests that run `--local`.
    static func requireMoto() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import moto.server"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            throw Prerequisite.missing("moto is not installed; scripts/test installs it")
        }
    }
}
