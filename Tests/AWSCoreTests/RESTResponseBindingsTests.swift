import AWSCore
import XCTest

/// Output members read from a rest response's status and headers.
final class RESTResponseBindingsTests: XCTestCase {
    static let model: JSONValue = [
        "metadata": ["endpointPrefix": "things", "protocol": "rest-json"],
        "operations": [
            "HeadThing": ["http": ["method": "HEAD", "requestUri": "/{Id}"], "output": ["shape": "HeadThingOutput"]]
        ],
        "shapes": [
            "HeadThingOutput": [
                "type": "structure",
                "members": [
                    "Status": ["shape": "Integer", "location": "statusCode"],
                    "Length": ["shape": "Long", "location": "header", "locationName": "Content-Length"],
                    "Modified": ["shape": "Time", "location": "header", "locationName": "Last-Modified"],
                    "Expires": ["shape": "Time", "location": "header", "locationName": "x-amz-expires"],
                    "Ratio": ["shape": "Double", "location": "header", "locationName": "x-amz-ratio"],
                    "Locked": ["shape": "Boolean", "location": "header", "locationName": "x-amz-locked"],
                    "Tags": ["shape": "StringList", "location": "header", "locationName": "x-amz-tags"],
                    "Context": [
                        "shape": "String", "location": "header", "locationName": "x-amz-context", "jsonvalue": true,
                    ],
                    "Checksum": ["shape": "Blob", "location": "header", "locationName": "x-amz-checksum"],
                    "Missing": ["shape": "String", "location": "header", "locationName": "x-amz-missing"],
                    "Metadata": ["shape": "StringMap", "location": "headers", "locationName": "X-Amz-Meta-"],
                    "Name": ["shape": "String"],
                ],
            ],
            "String": ["type": "string"], "Integer": ["type": "integer"], "Long": ["type": "long"],
            "Double": ["type": "double"], "Boolean": ["type": "boolean"], "Time": ["type": "timestamp"],
            "Blob": ["type": "blob"],
            "StringList": ["type": "list", "member": ["shape": "String"]],
            "StringMap": ["type": "map", "key": ["shape": "String"], "value": ["shape": "String"]],
        ],
    ]

    /// Kept for the whole run: shapes refer to each other without owning each other.
    nonisolated(unsafe) static let service = try? ServiceModel(json: model)

    func testHeadersAndStatusAreTyped() throws {
        let shape = try XCTUnwrap(Self.service?.operations["HeadThing"]?.output)
        let response = HTTPResponse(
            status: 206,
            headers: [
                ("content-length", "1024"), ("last-modified", "Thu, 26 Nov 2026 00:30:34 GMT"),
                ("x-amz-expires", "2026-11-26T00:30:34.250Z"), ("x-amz-ratio", "0.5"), ("x-amz-locked", "TRUE"),
                ("x-amz-tags", "a, b ,c"), ("x-amz-context", Base64.encode(Array(#"{"user":"ana"}"#.utf8))),
                ("x-amz-checksum", Base64.encode([1, 2, 255])), ("x-amz-meta-owner", "data team"),
                ("X-AMZ-META-Stage", "raw"), ("x-amz-request-id", "r"),
            ])
        let members = RESTResponseBindings.members(of: shape, in: response)
        XCTAssertEqual(members["Status"], .integer(206))
        XCTAssertEqual(members["Length"], .integer(1024))
        XCTAssertEqual(members["Modified"], "2026-11-26T00:30:34Z")
        XCTAssertEqual(members["Expires"], "2026-11-26T00:30:34Z")
        XCTAssertEqual(members["Ratio"], .double(0.5))
        XCTAssertEqual(members["Locked"], .bool(true))
        XCTAssertEqual(members["Tags"], ["a", "b", "c"])
        XCTAssertEqual(members["Context"], ["user": "ana"])
        XCTAssertEqual(members["Checksum"], .binary([1, 2, 255]))
        XCTAssertNil(members["Missing"])
        XCTAssertNil(members["Name"])
        XCTAssertEqual(
            members["Metadata"], ["owner": "data team", "Stage": "raw"], "the case sent, as botocore keeps it")
    }

    func testUnreadableNumberIsKeptAsText() throws {
        let shape = try XCTUnwrap(Self.service?.operations["HeadThing"]?.output)
        let members = RESTResponseBindings.members(
            of: shape, in: HTTPResponse(status: 200, headers: [("content-length", "lots")]))
        XCTAssertEqual(members["Length"], "lots")
        XCTAssertEqual(members["Metadata"], .object([:]))
    }
}
