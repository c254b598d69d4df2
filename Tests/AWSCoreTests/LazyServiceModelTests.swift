import XCTest

@testable import AWSCore

/// Operations and shapes decoded on first use: a client costs only its metadata, what is
/// decoded matches a whole decode, and a fault found late still names the model and the shape.
final class LazyServiceModelTests: XCTestCase {
    func testMakingTheGlueModelLinksNoShapeAndAnOperationLinksOnlyWhatItReaches() throws {
        let glue = try ModelRegistry().model(for: "glue")
        XCTAssertEqual(glue.shapes.linkedCount, 0)
        XCTAssertGreaterThan(glue.methodNames.count, 250)
        let getTable = try glue.operation(method: "get_table")
        XCTAssertEqual(getTable.input?.members["DatabaseName"]?.shape.kind, .string)
        XCTAssertGreaterThan(glue.shapes.linkedCount, 10)
        XCTAssertLessThan(glue.shapes.linkedCount, glue.shapes.names.count / 4)
    }

    func testEveryEmbeddedModelDecodesLazilyAsItDoesWhole() throws {
        for service in EmbeddedModels.serviceNames {
            let bytes = try XCTUnwrap(EmbeddedModels.bytes(service: service, kind: .service))
            let lazy = try ServiceModel(bytes: bytes)
            let whole = try ServiceModel(json: try JSONDecoding.decode(bytes))
            XCTAssertEqual(lazy.operations.keys, whole.operations.keys, service)
            XCTAssertEqual(lazy.shapes.names, whole.shapes.names, service)
            for name in whole.shapes.names {
                let a = try XCTUnwrap(try lazy.shapes.shape(named: name))
                let b = try XCTUnwrap(try whole.shapes.shape(named: name))
                XCTAssertEqual(describe(a), describe(b), "\(service) shape \(name)")
            }
            for operation in try whole.operations.all() {
                let other = try XCTUnwrap(try lazy.operations.named(operation.name))
                XCTAssertEqual(other.input?.name, operation.input?.name, "\(service) \(operation.name)")
                XCTAssertEqual(other.output?.name, operation.output?.name, "\(service) \(operation.name)")
                XCTAssertEqual(other.errors.map(\.name), operation.errors.map(\.name), "\(service) \(operation.name)")
                XCTAssertEqual(other.requestURI, operation.requestURI, "\(service) \(operation.name)")
                XCTAssertEqual(other.documentation, operation.documentation, "\(service) \(operation.name)")
            }
        }
    }

    func testAnUnknownShapeFoundOnFirstUseNamesTheModelTheShapeAndTheMember() throws {
        let model = try ServiceModel(
            bytes: Self.model(nameShape: #"{"type":"string"}"#, nameReference: "Nope"),
            source: "the embedded tiny model")
        let expected =
            "the embedded tiny model is not usable: shape GetThingRequest member Name refers to an unknown shape Nope"
        for _ in 0..<2 {
            assertInvalidModel(try model.operation(method: "get_thing"), contains: expected)
        }
        XCTAssertEqual(model.shapes.linkedCount, 0, "a failed link keeps nothing")
        XCTAssertNotNil(try model.operation(method: "ping"), "other operations stay usable")
    }

    func testAChainOfTwentyThousandShapesLinksWithoutDeepeningTheStack() throws {
        let count = 20_000
        var shapes = (0..<count).map { #""S\#($0)":{"type":"structure","members":{"Next":{"shape":"S\#($0 + 1)"}}}"# }
        shapes.append(#""S\#(count)":{"type":"string"}"#)
        let text = """
            {"metadata":{"endpointPrefix":"deep","protocol":"json","targetPrefix":"Deep"},
             "operations":{"Go":{"name":"Go","input":{"shape":"S0"}}},"shapes":{\(shapes.joined(separator: ","))}}
            """
        let model = try ServiceModel(bytes: Array(text.utf8), source: "the deep model")
        var shape = try XCTUnwrap(try model.operation(method: "go").input)
        for _ in 0..<count { shape = try XCTUnwrap(shape.members["Next"]?.shape) }
        XCTAssertEqual(shape.name, "S\(count)")
        XCTAssertEqual(shape.kind, .string)
    }

    func testAnUnknownTypeFoundOnFirstUseNamesTheShape() throws {
        let model = try ServiceModel(
            bytes: Self.model(nameShape: #"{"type":"strang"}"#), source: "the embedded tiny model")
        assertInvalidModel(
            try model.operation(method: "get_thing"),
            contains: "the embedded tiny model is not usable: shape Name has an unknown type strang")
    }

    func testAShapeThatIsNotJSONFoundOnFirstUseNamesTheShapeAndThePosition() throws {
        let model = try ServiceModel(
            bytes: Self.model(nameShape: #"{"type":"string",}"#), source: "the embedded tiny model")
        assertInvalidModel(
            try model.operation(method: "get_thing"), contains: "the embedded tiny model: shape Name is not valid JSON")
        assertInvalidModel(try model.operation(method: "get_thing"), contains: "column 18")
    }

    func testAModelWhoseTextCannotBeIndexedIsReadWholeAndItsFaultPlaced() {
        let broken = Array(
            #"{"metadata": {"protocol": "json"}, "shapes": {"A": {"type": "string"}} "operations": {}}"#.utf8)
        XCTAssertThrowsError(try ServiceModel(bytes: broken)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "JSONDecodeError")
            XCTAssertTrue((error as? AWSError)?.message.contains("line 1, column 72") ?? false, "\(error)")
        }
        let badMetadata = Array(#"{"metadata": {"protocol": json}, "shapes": {}, "operations": {}}"#.utf8)
        XCTAssertThrowsError(try ServiceModel(bytes: badMetadata)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "JSONDecodeError")
            XCTAssertTrue((error as? AWSError)?.message.contains("line 1, column 27") ?? false, "\(error)")
        }
    }

    func testTheIndexFollowsEscapedKeysAndStringsWithBrackets() throws {
        let text = Array(
            #"{"a\"b": "}{][", "c": [1, {"d": "]"}], "e": -1.5e3, "f": null, "g": "\\", "h": "\\\"}", "i": {}}"#.utf8)
        let members = try XCTUnwrap(text.withUnsafeBufferPointer { JSONMemberIndex.members(of: $0, in: 0..<$0.count) })
        XCTAssertEqual(Array(members.keys), ["a\"b", "c", "e", "f", "g", "h", "i"])
        XCTAssertEqual(String(decoding: text[members["h"]!], as: UTF8.self), #""\\\"}""#)
        XCTAssertEqual(String(decoding: text[members["a\"b"]!], as: UTF8.self), #""}{][""#)
        XCTAssertEqual(String(decoding: text[members["c"]!], as: UTF8.self), #"[1, {"d": "]"}]"#)
        XCTAssertEqual(String(decoding: text[members["e"]!], as: UTF8.self), "-1.5e3")
        for unfinished in [#"{"a": [1, 2}"#, #"{"a" 1}"#, #"{"a": "b"} x"#, #"{"a": 1,}"#] {
            XCTAssertNil(
                Array(unfinished.utf8).withUnsafeBufferPointer { JSONMemberIndex.members(of: $0, in: 0..<$0.count) },
                unfinished)
        }
    }

    /// A tiny json-protocol model whose `GetThingRequest.Name` refers to `nameReference`.
    private static func model(nameShape: String, nameReference: String = "Name") -> [UInt8] {
        Array(
            """
            {"version":"2.0","metadata":{"apiVersion":"2020-01-01","endpointPrefix":"tiny","protocol":"json",
             "jsonVersion":"1.1","serviceId":"Tiny","targetPrefix":"Tiny"},
             "operations":{"GetThing":{"name":"GetThing","http":{"method":"POST","requestUri":"/"},
               "input":{"shape":"GetThingRequest"}},
               "Ping":{"name":"Ping","http":{"method":"POST","requestUri":"/"}}},
             "shapes":{"GetThingRequest":{"type":"structure","members":{"Name":{"shape":"\(nameReference)"}}},
               "Name":\(nameShape)}}
            """.utf8)
    }

    private func describe(_ shape: Shape) -> String {
        let members = shape.members.map { "\($0.key)→\($0.value.shape.name)@\($0.value.wireName)" }
        return "\(shape.kind) \(members) \(shape.required.sorted()) \(shape.member?.shape.name ?? "-") "
            + "\(shape.key?.shape.name ?? "-") \(shape.value?.shape.name ?? "-") \(shape.enumValues) "
            + "\(shape.min ?? -1) \(shape.max ?? -1) \(shape.pattern ?? "-") \(shape.isException) \(shape.errorCode ?? "-")"
    }

    private func assertInvalidModel<T>(
        _ body: @autoclosure () throws -> T, contains text: String, line: UInt = #line
    ) {
        XCTAssertThrowsError(try body(), line: line) { error in
            XCTAssertEqual((error as? AWSError)?.code, "InvalidModel", line: line)
            XCTAssertTrue((error as? AWSError)?.message.contains(text) ?? false, "\(error)", line: line)
        }
    }
}
