import XCTest

@testable import AWSCore

/// A large answer read for the last time gives its memory back as the reader passes it
/// (`ConsumedBodyPages`, through `ResponseExtras.releasesBody`): the output and the errors
/// must be exactly those of a read that keeps the body.
final class ConsumedBodyPagesTests: XCTestCase {
    nonisolated(unsafe) private static let glue = Result { try ModelRegistry().model(for: "glue") }

    private func getTables() throws -> (JSONProtocol, OperationModel) {
        let model = try Self.glue.get()
        return (JSONProtocol(metadata: model.metadata), try XCTUnwrap(model.operations["GetTables"]))
    }

    /// A GetTables answer of about `size` bytes, one table per line, with characters of
    /// several bytes in it.
    private func body(size: Int, tail: String = "") -> [UInt8] {
        let table = Array(
            ("{\"Name\": \"sales\", \"Description\": \"données é ☃\", "
                + "\"Parameters\": {\"owner\": \"équipe\"}, \"CreateTime\": 1796104527.5}").utf8)
        let tables = Array(repeating: table, count: size / (table.count + 2) + 1)
        return Array("{\"TableList\": [\n".utf8) + Array(tables.joined(separator: Array(",\n".utf8)))
            + Array("\n]\(tail)}".utf8)
    }

    private func read(_ response: HTTPResponse, releasing: Bool) throws -> JSONValue {
        let (glue, operation) = try getTables()
        var builder = JSONValueBuilder()
        builder.beginObject()
        try glue.readResponse(
            response, for: operation, extras: ResponseExtras(releasesBody: releasing), into: &builder)
        builder.endObject()
        return try XCTUnwrap(builder.result)
    }

    func testALargeAnswerReadsTheSameAndItsPassedPagesAreGivenBack() throws {
        let bytes = body(size: 9 << 20)
        let kept = try read(HTTPResponse(status: 200, body: bytes), releasing: false)
        let response = HTTPResponse(status: 200, body: bytes + [])
        let released = try read(response, releasing: true)
        XCTAssertEqual(released, kept)
        XCTAssertGreaterThan(kept["TableList"]?.arrayValue?.count ?? 0, 80_000)
        response.body.withUnsafeBufferPointer { read in
            XCTAssertTrue(read[(1 << 20)..<(4 << 20)].allSatisfy { $0 == 0 }, "the pages read are given back")
            XCTAssertEqual(Array(read[(read.count - 8)...]), Array(bytes[(bytes.count - 8)...]))
        }
        XCTAssertNotEqual(bytes[2 << 20], 0)
    }

    func testAnErrorPastGivenBackPagesNamesTheSameLineAndColumn() throws {
        let bytes = body(size: 9 << 20, tail: ", \"bad\": é")
        var messages: [String] = []
        for releasing in [false, true] {
            XCTAssertThrowsError(try read(HTTPResponse(status: 200, body: bytes + []), releasing: releasing)) {
                messages.append(($0 as? AWSError)?.message ?? "\($0)")
            }
        }
        XCTAssertEqual(messages.count, 2)
        XCTAssertEqual(messages.first, messages.last)
        XCTAssertTrue(messages.first?.contains("at line") == true, messages.first ?? "")
    }

    func testASmallAnswerKeepsItsPages() throws {
        let bytes = body(size: 64 << 10)
        let response = HTTPResponse(status: 200, body: bytes + [])
        _ = try read(response, releasing: true)
        XCTAssertEqual(response.body, bytes)
    }
}
