import Foundation
import TestPrerequisites
import XCTest

@testable import AWSCore

/// The models compiled into the program, checked against the installed botocore.
final class ModelRegistryTests: XCTestCase {
    func testEveryEmbeddedServiceHasBotocoresOperationsPaginatorsAndWaiters() throws {
        let expected = try BotocoreModelOracle.summary(of: ["iam", "s3", "glue", "sts", "logs"])
        let registry = ModelRegistry()
        XCTAssertEqual(registry.knownServices, ["iam", "s3", "glue", "sts", "logs"])
        for service in registry.knownServices {
            let model = try registry.model(for: service)
            let oracle = try XCTUnwrap(expected[service], service)
            XCTAssertEqual(model.operations.count, oracle.operations.count, service)
            XCTAssertEqual(Array(model.operations.keys).sorted(), oracle.operations.map(\.api).sorted(), service)
            XCTAssertEqual(Array(model.paginators.keys).sorted(), oracle.paginators.sorted(), service)
            XCTAssertEqual(
                Array(model.waiters.keys).sorted(), (oracle.waiters + (try projectWaiters(service))).sorted(), service)
        }
    }

    /// The waiters this project adds to a service (`models/<service>/waiters-2.json`).
    private func projectWaiters(_ service: String) throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("models/\(service)/waiters-2.json").path
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let document = try JSONDecoding.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        return Array(document["waiters"]?.objectValue?.keys ?? [])
    }

    func testTheFourServicesHaveTheirProtocolsAndEveryOperationOfBoto3() throws {
        let registry = ModelRegistry()
        XCTAssertEqual(try registry.model(for: "iam").metadata.protocolName, "query")
        XCTAssertEqual(try registry.model(for: "sts").metadata.protocolName, "query")
        XCTAssertEqual(try registry.model(for: "s3").metadata.protocolName, "rest-xml")
        XCTAssertEqual(try registry.model(for: "glue").metadata.protocolName, "json")
        XCTAssertGreaterThan(try registry.model(for: "glue").operations.count, 250)
    }

    func testEmbeddedModelsCarryOnlyTheFirstSentenceOfOperationAndMemberDocumentation() throws {
        let bytes = try XCTUnwrap(EmbeddedModels.bytes(service: "glue", kind: .service))
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertFalse(text.contains("\"documentationUrl\":"))
        XCTAssertFalse(text.contains("<p>") || text.contains("<code>"), "documentation is plain text")
        let json = try JSONDecoding.decode(bytes)
        for (name, shape) in json["shapes"]?.objectValue ?? [:] {
            XCTAssertNil(shape["documentation"], "shape \(name) keeps no documentation of its own")
        }
        let model = try ModelRegistry().model(for: "glue")
        let operation = try XCTUnwrap(model.operations["GetTable"])
        XCTAssertEqual(
            operation.documentation, "Retrieves the Table definition in a Data Catalog for a specified table.")
        XCTAssertEqual(
            operation.input?.members["DatabaseName"]?.documentation,
            "The name of the database in the catalog in which the table resides.")
        let summaries = try model.operations.all().compactMap(\.documentation)
        XCTAssertGreaterThan(summaries.count, 250)
        XCTAssertTrue(summaries.allSatisfy { $0.count <= 300 && !$0.contains("\n") })
    }

    func testPaginatorsAndWaitersAreAttached() throws {
        let s3 = try ModelRegistry().model(for: "s3")
        XCTAssertEqual(s3.paginators["ListObjectsV2"]?["input_token"], .string("ContinuationToken"))
        XCTAssertEqual(
            s3.paginators["ListObjectsV2"]?["non_aggregate_keys"],
            .array([.string("RequestCharged"), .string("Prefix")]),
            "botocore's sdk-extras are merged in")
        XCTAssertEqual(s3.waiters["BucketExists"]?["operation"], .string("HeadBucket"))
        XCTAssertEqual(try ModelRegistry().model(for: "iam").waiters["RoleExists"]?["operation"], .string("GetRole"))
    }

    func testOnlyTheRequestedServiceIsDecodedAndThenKept() throws {
        let registry = ModelRegistry()
        XCTAssertEqual(registry.loadedServices, [])
        let glue = try registry.model(for: "glue")
        XCTAssertEqual(registry.loadedServices, ["glue"])
        XCTAssertTrue(try registry.model(for: "glue") === glue)
        XCTAssertEqual(registry.loadedServices, ["glue"])
        XCTAssertEqual(ModelRegistry().loadedServices, [], "each registry has its own cache")
    }

    func testUnknownServiceListsTheKnownOnesAndSuggestsTheClosest() {
        XCTAssertThrowsError(try ModelRegistry().model(for: "gleu")) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "UnknownService")
            XCTAssertTrue(error?.message.contains("did you mean glue?") == true, error?.message ?? "")
            XCTAssertTrue(error?.message.contains("iam, s3, glue, sts, logs") == true, error?.message ?? "")
        }
        XCTAssertThrowsError(try ModelRegistry().model(for: "dynamodb")) { error in
            XCTAssertEqual((error as? AWSError)?.code, "UnknownService")
            XCTAssertFalse((error as? AWSError)?.message.contains("did you mean") == true)
        }
    }
}

/// What the installed botocore says about service models (run through python3); tests
/// using it are skipped when python3 or botocore is missing.
enum BotocoreModelOracle {
    struct Service: Decodable {
        struct Operation: Decodable {
            let api: String
            let method: String
        }
        let operations: [Operation]
        let paginators: [String]
        let waiters: [String]
    }

    static func summary(of services: [String]) throws -> [String: Service] {
        let script = """
            import json, sys, botocore, botocore.session
            s = botocore.session.get_session()
            out = {}
            for name in sys.argv[1:]:
                m = s.get_service_model(name)
                def names(kind):
                    try: return list(s.get_paginator_model(name)._paginator_config) if kind == 'p' \
                        else list(s.get_waiter_model(name).waiter_names)
                    except Exception: return []
                out[name] = {'operations': [{'api': o, 'method': botocore.xform_name(o)} for o in m.operation_names],
                             'paginators': names('p'), 'waiters': names('w')}
            print(json.dumps(out))
            """
        let output = try python(["-c", script] + services)
        return try JSONDecoder().decode([String: Service].self, from: output)
    }

    /// Runs python3 with `arguments`; skips the test when python3 with botocore is missing.
    static func python(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw Prerequisite.missing("cannot run python3: \(error)")
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            throw Prerequisite.missing("python3 is not available: \(errors)")
        }
        if process.terminationStatus != 0, errors.contains("No module named 'botocore'") {
            throw Prerequisite.missing("botocore is not installed")
        }
        guard process.terminationStatus == 0 else {
            throw AWSError(code: "OracleFailed", message: "python3 failed: \(errors)")
        }
        return output
    }
}
