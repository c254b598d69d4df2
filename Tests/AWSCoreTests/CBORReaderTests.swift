import XCTest

@testable import AWSCore

/// CBOR documents from RFC 8949's Appendix A read back, and the errors a CBOR service sends.
final class CBORReaderTests: XCTestCase {
    func testRFC8949Examples() throws {
        let examples: [([UInt8], JSONValue)] = [
            ([0x00], .integer(0)), ([0x18, 0x64], .integer(100)), ([0x39, 0x03, 0xE7], .integer(-1000)),
            ([0x1B, 0x00, 0x00, 0x00, 0xE8, 0xD4, 0xA5, 0x10, 0x00], .integer(1_000_000_000_000)),
            ([0xF9, 0x3C, 0x00], .double(1)), ([0xF9, 0x00, 0x01], .double(5.960464477539063e-08)),
            ([0xF9, 0x7C, 0x00], .double(.infinity)), ([0xF9, 0xFC, 0x00], .double(-.infinity)),
            ([0xFA, 0x47, 0xC3, 0x50, 0x00], .double(100_000)),
            ([0xFB, 0x3F, 0xF1, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9A], .double(1.1)),
            ([0xF4], .bool(false)), ([0xF5], .bool(true)), ([0xF6], .null), ([0xF7], .null),
            ([0xC1, 0x1A, 0x51, 0x4B, 0x67, 0xB0], .integer(1_363_896_240)),
            ([0x44, 0x01, 0x02, 0x03, 0x04], .binary([1, 2, 3, 4])),
            ([0x62, 0xC3, 0xBC], .string("ü")),
            ([0x9F, 0x01, 0x82, 0x02, 0x03, 0x9F, 0x04, 0x05, 0xFF, 0xFF], [1, [2, 3], [4, 5]]),
            ([0x7F, 0x65] + Array("strea".utf8) + [0x64] + Array("ming".utf8) + [0xFF], .string("streaming")),
            ([0xBF, 0x61, 0x61, 0x01, 0x61, 0x62, 0x9F, 0x02, 0x03, 0xFF, 0xFF], ["a": 1, "b": [2, 3]]),
        ]
        for (bytes, expected) in examples {
            XCTAssertEqual(try CBORReader.read(bytes), expected, "\(bytes)")
        }
        XCTAssertTrue(try CBORReader.read([0xF9, 0x7E, 0x00]).numberValue?.isNaN == true)
    }

    func testMalformedDocumentsAreErrors() {
        for bytes: [UInt8] in [[], [0x18], [0x62, 0x61], [0x9F, 0x01], [0xA1, 0x01, 0x02], [0x00, 0x00], [0x1C]] {
            XCTAssertThrowsError(try CBORReader.read(bytes), "\(bytes)") { error in
                XCTAssertEqual((error as? AWSError)?.code, "ResponseParseError")
            }
        }
        let deep = [UInt8](repeating: 0x81, count: 10_000) + [0x00]
        XCTAssertThrowsError(try CBORReader.read(deep))
    }

    func testCBORErrorsAreReadByType() throws {
        let model = try ServiceModel(
            bytes: Array(
                """
                {"version":"2.0","metadata":{"apiVersion":"1","endpointPrefix":"c","protocol":"smithy-rpc-v2-cbor",
                 "serviceId":"C","signatureVersion":"v4","targetPrefix":"CService"},
                 "operations":{"Get":{"name":"Get","http":{"method":"POST","requestUri":"/"}}},"shapes":{}}
                """.utf8))
        let wire = try ProtocolRegistry.make(for: model)
        var body: [UInt8] = [0xA2, 0x66] + Array("__type".utf8) + [0x78, 0x1D]
        body += Array("com.example#ResourceNotFound:".utf8)
        body += [0x67] + Array("message".utf8) + [0x64] + Array("nope".utf8)
        let error = try XCTUnwrap(
            wire.error(
                in: HTTPResponse(status: 404, headers: [("x-amzn-RequestId", "r-2")], body: body),
                for: try XCTUnwrap(model.operations["Get"])))
        XCTAssertEqual(error.code, "ResourceNotFound")
        XCTAssertEqual(error.message, "nope")
        XCTAssertEqual(error.requestID, "r-2")
        let request = try wire.request(
            try XCTUnwrap(model.operations["Get"]), input: [:],
            endpoint: AWSURL(scheme: "https", host: "c.us-east-1.amazonaws.com"))
        XCTAssertEqual(request.url, "https://c.us-east-1.amazonaws.com/service/CService/operation/Get")
        XCTAssertEqual(request.header("smithy-protocol"), "rpc-v2-cbor")
        XCTAssertNil(request.header("Content-Type"), "no input, no body")
    }
}
