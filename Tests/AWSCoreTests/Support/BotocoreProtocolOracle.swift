import AWSCore
import Foundation
import TestPrerequisites
import XCTest

/// botocore as a test oracle for the wire protocols: real service models from the installed
/// botocore, and its serializers and parsers run through `Oracles/protocol_oracle.py`.
/// Tests that use it are skipped when python3 with botocore is missing.
enum BotocoreProtocolOracle {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Oracles/protocol_oracle.py")

    private static let lock = NSLock()
    nonisolated(unsafe) private static var models: [String: ServiceModel] = [:]

    /// The service model botocore ships for `service` (`glue`, `lambda`).
    static func model(_ service: String) throws -> ServiceModel {
        lock.lock()
        defer { lock.unlock() }
        if let model = models[service] { return model }
        let program =
            "import botocore.session, json, sys; "
            + "json.dump(botocore.session.get_session().get_service_data(sys.argv[1]), sys.stdout)"
        let result = try run(["python3", "-c", program, service], input: Data())
        guard result.status == 0 else { throw Prerequisite.missing("python3 with botocore is not available") }
        let model = try ServiceModel(bytes: [UInt8](result.output))
        models[service] = model
        return model
    }

    /// botocore's answers to `cases` (see the script for their form).
    static func ask(_ cases: [JSONValue]) throws -> [JSONValue] {
        try Prerequisite.python(importing: "botocore")
        let input = try JSONEncoding.encode(.array(cases.map(portable)))
        let result = try run(["python3", script.path], input: Data(input))
        guard result.status == 0 else {
            throw Prerequisite.missing(
                "the botocore oracle did not run: \(String(decoding: result.error, as: UTF8.self))")
        }
        return try JSONDecoding.decode([UInt8](result.output)).arrayValue ?? []
    }

    /// `.binary` values as `{"__binary__": base64}`, the form the script uses for bytes.
    static func portable(_ value: JSONValue) -> JSONValue {
        switch value {
        case .binary(let bytes): return .object(["__binary__": .string(Data(bytes).base64EncodedString())])
        case .array(let items): return .array(items.map(portable))
        case .object(let members): return .object(members.mapValues(portable))
        default: return value
        }
    }

    /// `value` with every object's keys sorted, for comparing values whatever their key order.
    static func sortedKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map(sortedKeys))
        case .object(let members):
            return .object(
                .init(uniqueKeysWithValues: members.sorted { $0.key < $1.key }.map { ($0.key, sortedKeys($0.value)) }))
        default: return value
        }
    }

    /// A JSON text body read back, for comparing bodies whatever their key order.
    static func json(_ body: HTTPRequest.Body) throws -> JSONValue {
        guard case .bytes(let bytes) = body else { return .null }
        return try JSONDecoding.decode(bytes)
    }

    /// The body bytes of a request the script answered (sent as latin-1 text).
    static func bytes(ofLatin1 text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    static func run(_ arguments: [String], input: Data) throws -> (status: Int32, output: Data, error: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw Prerequisite.missing("cannot run \(arguments[0]): \(error)")
        }
        let done = DispatchSemaphore(value: 0)
        final class Collected: @unchecked Sendable { var data = Data() }
        let errorOutput = Collected()
        DispatchQueue.global().async {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
            errorOutput.data = stderr.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return (process.terminationStatus, output, errorOutput.data)
    }
}
