import Foundation
import XCTest

/// Running out of memory in Lua code is the script's catchable "not enough memory", as in the
/// stock interpreter; the bridge's own allocator only refuses to raise while Swift runs.
final class MemoryErrorTests: XCTestCase {
    func testAScriptCatchesAnAllocationThatFails() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let script = "print(pcall(string.rep, 'x', 2^30 + 2^29)) print(aws.inspect({1, 2.0}))"
        process.arguments = ["-c", "ulimit -v 1500000 && exec \"$0\" -e \"$1\"", GluescriptProcess.binary.path, script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(text, "false\tnot enough memory\n{ 1, 2.0 }\n")
    }
}
