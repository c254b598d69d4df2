import Foundation
import XCTest

@testable import AWSCore

/// Loading a service the program does not embed, from botocore-format files.
final class ModelFileLoaderTests: XCTestCase {
    /// A service botocore ships and gluescript does not embed, copied as a user would.
    func testABotocoreModelLoadsWithItsPaginatorsAndWaiters() throws {
        let folder = try TemporaryDirectory()
        let script = """
            import gzip, json, os, sys, botocore, botocore.session
            s = botocore.session.get_session()
            root = os.path.join(os.path.dirname(botocore.__file__), 'data', 'logs')
            version = sorted(os.listdir(root))[-1]
            for name in ('service-2.json', 'paginators-1.json', 'waiters-2.json'):
                source = os.path.join(root, version, name)
                opener = gzip.open if os.path.exists(source + '.gz') else open
                if os.path.exists(source + '.gz'): source += '.gz'
                if os.path.exists(source):
                    with opener(source, 'rb') as f, open(os.path.join(sys.argv[1], name), 'wb') as out:
                        out.write(f.read())
            print(json.dumps([len(s.get_service_model('logs').operation_names),
                              len(s.get_paginator_model('logs')._paginator_config)]))
            """
        let counts = try JSONDecoder().decode(
            [Int].self, from: try BotocoreModelOracle.python(["-c", script, folder.path]))
        let model = try ServiceModel.load(path: folder.path + "/service-2.json")
        XCTAssertEqual(model.operations.count, counts[0])
        XCTAssertEqual(model.paginators.count, counts[1])
        XCTAssertNotNil(try model.operation(method: "describe_log_groups").input)
    }

    func testAModelWithoutCompanionsHasNoPaginatorsOrWaiters() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("tiny.json", Array(Self.tinyModel.utf8))
        let model = try ServiceModel.load(path: path)
        XCTAssertEqual(Array(model.operations.keys), ["GetThing"])
        XCTAssertTrue(model.paginators.isEmpty)
        XCTAssertTrue(model.waiters.isEmpty)
    }

    func testWaitersBesideTheModelAreAttached() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("service-2.json", Array(Self.tinyModel.utf8))
        _ = try folder.write(
            "waiters-2.json",
            Array(
                #"{"version":2,"waiters":{"ThingReady":{"operation":"GetThing","delay":1,"maxAttempts":2,"acceptors":[]}}}"#
                    .utf8))
        XCTAssertEqual(try ServiceModel.load(path: path).waiters.keys.elements, ["ThingReady"])
    }

    func testAMissingFileIsNamed() {
        assertError(
            try ServiceModel.load(path: "/nonexistent/service-2.json"), code: "ModelFileNotFound",
            contains: "/nonexistent/service-2.json does not exist")
    }

    func testBadJSONIsNamedWithItsPosition() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("service-2.json", Array("{\n  \"metadata\": {,}\n}".utf8))
        assertError(try ServiceModel.load(path: path), code: "InvalidModel", contains: "\(path) is not valid JSON")
        assertError(try ServiceModel.load(path: path), code: "InvalidModel", contains: "line 2")
    }

    func testJSONThatIsNotAModelIsNamed() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("paginators.json", Array(#"{"pagination":{}}"#.utf8))
        assertError(
            try ServiceModel.load(path: path), code: "InvalidModel",
            contains: "\(path) is not a botocore service model (service-2.json format): it has no metadata object")
    }

    func testABrokenShapeReferenceFoundOnFirstUseNamesTheFileAndTheShape() throws {
        let folder = try TemporaryDirectory()
        let broken = Self.tinyModel.replacingOccurrences(of: #""shape":"Name""#, with: #""shape":"Nope""#)
        let path = try folder.write("service-2.json", Array(broken.utf8))
        let model = try ServiceModel.load(path: path)
        let expected = "\(path) is not usable: shape GetThingRequest member Name refers to an unknown shape Nope"
        assertError(try model.operation(method: "get_thing"), code: "InvalidModel", contains: expected)
        assertError(try model.operation(method: "get_thing"), code: "InvalidModel", contains: expected)
    }

    func testABrokenPaginatorsFileBesideTheModelIsNamed() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("service-2.json", Array(Self.tinyModel.utf8))
        let paginators = try folder.write("paginators-1.json", Array(#"{"pagination": ["#.utf8))
        assertError(
            try ServiceModel.load(path: path), code: "InvalidModel", contains: "\(paginators) is not valid JSON")
    }

    func testACutShortCompressedModelIsNamed() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("service-2.json.gz", [0x1f, 0x8b, 0x08, 0x00])
        assertError(try ServiceModel.load(path: path), code: "InvalidModel", contains: "\(path): cannot decompress")
    }

    private func assertError<T>(
        _ body: @autoclosure () throws -> T, code: String, contains text: String, line: UInt = #line
    ) {
        XCTAssertThrowsError(try body(), line: line) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, code, line: line)
            XCTAssertTrue(error?.message.contains(text) == true, "\(error?.message ?? "")", line: line)
        }
    }

    static let tinyModel = """
        {"version":"2.0","metadata":{"apiVersion":"2020-01-01","endpointPrefix":"tiny","protocol":"json",
         "jsonVersion":"1.1","serviceId":"Tiny","targetPrefix":"Tiny"},
         "operations":{"GetThing":{"name":"GetThing","http":{"method":"POST","requestUri":"/"},
           "input":{"shape":"GetThingRequest"}}},
         "shapes":{"GetThingRequest":{"type":"structure","required":["Name"],"members":{"Name":{"shape":"Name"}}},
           "Name":{"type":"string","min":1,"max":10}}}
        """
}

/// Model files as botocore ships them: gzipped, with sdk-extras beside them.
final class ModelFileLoaderGzipTests: XCTestCase {
    func testGzippedModelAndCompanionsLoadDirectly() throws {
        let folder = try TemporaryDirectory()
        let model = """
            {"version":"2.0","metadata":{"apiVersion":"2020-01-01","endpointPrefix":"thing","protocol":"json",
             "jsonVersion":"1.1","serviceId":"Thing","signatureVersion":"v4","targetPrefix":"Thing"},
             "operations":{"ListThings":{"name":"ListThings","http":{"method":"POST","requestUri":"/"}}},
             "shapes":{}}
            """
        _ = try folder.write("service-2.json", Array(model.utf8))
        _ = try folder.write(
            "paginators-1.json",
            Array(#"{"pagination":{"ListThings":{"input_token":"T","output_token":"T","result_key":"Things"}}}"#.utf8))
        _ = try folder.write(
            "paginators-1.sdk-extras.json",
            Array(#"{"version":1.0,"merge":{"pagination":{"ListThings":{"non_aggregate_keys":["Owner"]}}}}"#.utf8))
        for name in ["service-2.json", "paginators-1.json", "paginators-1.sdk-extras.json"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["gzip", folder.path + "/" + name]
            try process.run()
            process.waitUntilExit()
        }
        let loaded = try ServiceModel.load(path: folder.path + "/service-2.json.gz")
        XCTAssertEqual(Array(loaded.operations.keys), ["ListThings"])
        XCTAssertEqual(loaded.paginators["ListThings"]?["result_key"], .string("Things"))
        XCTAssertEqual(loaded.paginators["ListThings"]?["non_aggregate_keys"], .array([.string("Owner")]))
    }
}
