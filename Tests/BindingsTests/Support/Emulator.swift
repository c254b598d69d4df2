import AWSCore
import Foundation
import Host
import TestPrerequisites
import XCTest

/// The local AWS emulator (moto's server) the client tests talk to: the one `scripts/test`
/// started (`GLUESCRIPT_TEST_ENDPOINT`), or one started here on a free loopback port.
final class Emulator {
    let url: String
    private let local: LocalEmulator?

    /// The emulator shared by the tests of this run.
    nonisolated(unsafe) static let shared: Result<Emulator, Error> = Result(catching: {
        if let url = ProcessInfo.processInfo.environment["GLUESCRIPT_TEST_ENDPOINT"] { return Emulator(url: url) }
        return try Emulator(environment: ["MOTO_IAM_LOAD_MANAGED_POLICIES": "true"])
    })

    private init(url: String) {
        self.url = url
        self.local = nil
    }

    /// Starts a private emulator with extra environment (signature checking, say). It is
    /// stopped when released, and in any case when the test process exits.
    init(environment: [String: String]) throws {
        do {
            let started = try LocalEmulator.start(environment: environment)
            self.local = started
            self.url = started.url
        } catch let error as AWSError {
            if ProcessInfo.processInfo.environment["GLUESCRIPT_TEST_ENDPOINT"] == nil {
                throw Prerequisite.missing(
                    "the AWS emulator (python3 -m moto.server) did not start; scripts/test installs it")
            }
            throw error
        }
    }

    /// Variables that point a state's clients at this emulator with throw-away credentials.
    var variables: [String: String] {
        [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": url, "AWS_EC2_METADATA_DISABLED": "true",
        ]
    }

    /// A name no other test uses, for buckets, roles, crawlers.
    static func uniqueName(_ prefix: String) -> String {
        prefix + "-" + UUID().uuidString.prefix(8).lowercased()
    }
}

/// A Lua state whose clients talk to the shared emulator.
func makeEmulatorState(file: StaticString = #filePath, line: UInt = #line) throws -> LuaStateWithEmulator {
    let emulator = try Emulator.shared.get()
    return LuaStateWithEmulator(state: makeState(variables: emulator.variables), emulator: emulator)
}

/// A state and the emulator it talks to.
struct LuaStateWithEmulator {
    let state: LuaState
    let emulator: Emulator

    /// Runs `chunk` and returns its results.
    func run(_ chunk: String) throws -> [LuaValue] {
        try state.run(chunk, name: "=test")
    }
}
