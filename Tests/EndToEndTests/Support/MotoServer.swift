import Foundation
import TestPrerequisites
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A private moto server (the local AWS emulator) on a free loopback port, for tests that run
/// `gluescript --local=URL` several times against the same state. Skips the test when python3
/// or moto is missing (`scripts/test` installs them).
final class MotoServer {
    let url: String
    private let process = Process()

    init() throws {
        let port = try MotoServer.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["MOTO_IAM_LOAD_MANAGED_POLICIES": "true"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        url = "http://127.0.0.1:\(port)"
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && process.isRunning {
            if MotoServer.accepts(port: port) { return }
            usleep(100_000)
        }
        stop()
        throw Prerequisite.missing("the AWS emulator (python3 -m moto.server) did not start; scripts/test installs it")
    }

    deinit { stop() }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    private static func accepts(port: UInt16) -> Bool {
        var address = loopback(port: port)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return address
    }

    private static func freePort() throws -> UInt16 {
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw Prerequisite.missing("no free loopback port") }
        return UInt16(bigEndian: address.sin_port)
    }
}
