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
        let (status, data, message) = try BotocoreProtocolOracle.run(
            ["python3", script.path, service, String(count)], input: Data())
        guard status == 0 else {
            throw AWSError(
                code: "OracleFailed",
                message: "the botocore endpoint oracle did not run: " + String(decoding: message, as: UTF8.self))
        }
        return try JSONDecoding.decode([UInt8](data)).arrayValue ?? []
    }
}
