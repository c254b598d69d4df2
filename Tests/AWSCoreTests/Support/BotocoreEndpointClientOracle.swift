import AWSCore
import Foundation

/// Real botocore clients, through `Oracles/endpoint_client_oracle.py`: which endpoint each
/// would use for generated configurations and calls. Fails (never skips) without python3
/// and botocore.
enum BotocoreEndpointClientOracle {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Oracles/endpoint_client_oracle.py")

    static func cases() throws -> [JSONValue] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
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
                message: "the botocore client endpoint oracle did not run (python3 with botocore is needed): "
                    + String(decoding: message, as: UTF8.self))
        }
        return try JSONDecoding.decode([UInt8](data)).arrayValue ?? []
    }
}
