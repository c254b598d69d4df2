import AWSCore
import Foundation
import Host
import XCTest

/// The local AWS emulator (moto's server) the client tests talk to: the one `scripts/test`
/// started (`GLUESCRIPT_TEST_ENDPOINT`), or one started here on a free loopback port.
final class Emulator {
    let url: String
    private let process: Process?

    /// The emulator shared by the tests of this run.
    static let shared: Result<Emulator, Error> = Result(catching: {
        if let url = ProcessInfo.processInfo.environment["GLUESCRIPT_TEST_ENDPOINT"] { return Emulator(url: url) }
        return try Emulator(environment: ["MOTO_IAM_LOAD_MANAGED_POLICIES": "true"])
    })

    private init(url: String) {
        self.url = url
        self.process = nil
    }

    /// Starts a private emulator with extra environment (signature checking, say).
    init(environment: [String: String]) throws {
        let port = try Emulator.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.url = "http://127.0.0.1:\(port)"
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if process.isRunning == false { break }
            if let transport = try? CurlTransport(),
                (try? transport.send(HTTPRequest(method: "GET", url: url + "/moto-api/")))?.status == 200
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        if ProcessInfo.processInfo.environment["GLUESCRIPT_TEST_ENDPOINT"] == nil {
            throw XCTSkip("the AWS emulator (python3 -m moto.server) did not start; scripts/test installs it")
        }
        throw AWSError(code: "EmulatorDidNotStart", message: "python3 -m moto.server did not answer on \(url)")
    }

    deinit {
        process?.terminate()
        process?.waitUntilExit()
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

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw XCTSkip("no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
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
