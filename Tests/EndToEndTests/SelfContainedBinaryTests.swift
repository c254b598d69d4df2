import Foundation
import XCTest

/// The binary carries its service models: copied alone to another folder it still has every
/// IAM, S3, Glue, STS and CloudWatch Logs operation.
final class SelfContainedBinaryTests: XCTestCase {
    func testACopiedBinaryFindsItsModels() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gluescript-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("gluescript")
        try FileManager.default.copyItem(at: GluescriptProcess.binary, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = [
            "--region", "us-east-1", "-e",
            "for _, s in ipairs{'iam', 's3', 'glue', 'sts', 'logs'} do io.write(#aws.client(s):operations(), ' ') end",
        ]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(text, "176 111 265 11 113 ")
    }
}
