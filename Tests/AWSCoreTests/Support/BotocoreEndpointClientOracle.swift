import AWSCore
import Foundation
import TestPrerequisites

/// Real botocore clients, through `Oracles/endpoint_client_oracle.py`: which endpoint each
/// would use for generated configurations and calls. A missing python3 or botocore is a
/// `Prerequisite`: a failure under scripts/test.
enum BotocoreEndpointClientOracle {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Oracles/endpoint_client_oracle.py")

    static func cases() throws -> [JSONValue] {
        try Prerequisite.python(importing: "botocore")
        let (status, data, message) = try BotocoreProtocolOracle.run(["python3", script.path], input: Data())
        guard status == 0 else {
            throw AWSError(
                code: "OracleFailed",
                message: "the botocore client endpoint oracle did not run: " + String(decoding: message, as: UTF8.self))
        }
        return try JSONDecoding.decode([UInt8](data)).arrayValue ?? []
    }
}
