import AWSCore
import Foundation
import TestPrerequisites
import XCTest

/// botocore's own endpoint rule resolver, run through `Oracles/endpoint_oracle.py`, which
/// generates parameter sets for a service and answers each. A missing python3 or botocore is a
/// `Prerequisite`: a failure under scripts/test.
enum BotocoreEndpointOracle {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Oracles/endpoint_oracle.py")

    /// botocore's cases for `service`: `{"params", "url", "properties", "headers"}` or `{"params", "error"}`.
    static func cases(service: String, count: Int) throws -> [JSONValue] {
        try Prerequisite.python(importing: "botocore")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, service, String(count)]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw AWSError(
                code: "OracleFailed",
                message: "the botocore endpoint oracle did not run (python3 with botocore is needed): "
                    + String(decoding: message, as: UTF8.self))
        }
        return try JSONDecoding.decode([UInt8](data)).arrayValue ?? []
    }
}
