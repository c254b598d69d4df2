import AWSCore
import XCTest

/// Where rest protocols put input members: URI labels, query string, headers, body.
final class RESTRequestBindingsTests: XCTestCase {
    static let model: JSONValue = [
        "metadata": ["endpointPrefix": "things", "protocol": "rest-json"],
        "operations": [
            "PutThing": [
                "http": ["method": "PUT", "requestUri": "/{Bucket}/{Key+}"], "input": ["shape": "PutThingRequest"],
            ],
            "ListThings": [
                "http": ["method": "GET", "requestUri": "/things/{Id}?list-type=2"],
                "input": ["shape": "ListThingsRequest"],
            ],
        ],
        "shapes": [
            "PutThingRequest": [
                "type": "structure", "required": ["Bucket", "Key"],
                "members": [
                    "Bucket": ["shape": "String", "location": "uri", "locationName": "Bucket"],
                    "Key": ["shape": "String", "location": "uri", "locationName": "Key"],
                    "Metadata": ["shape": "StringMap", "location": "headers", "locationName": "x-amz-meta-"],
                    "Expires": ["shape": "Time", "location": "header", "locationName": "Expires"],
                    "Since": [
                        "shape": "Time", "location": "header", "locationName": "x-amz-since",
                        "timestampFormat": "iso8601",
                    ],
                    "Tags": ["shape": "StringList", "location": "header", "locationName": "x-amz-tags"],
                    "Flag": ["shape": "Boolean", "location": "header", "locationName": "x-amz-flag"],
                    "Count": ["shape": "Integer", "location": "header", "locationName": "x-amz-count"],
                    "Context": [
                        "shape": "String", "location": "header", "locationName": "x-amz-context", "jsonvalue": true,
                    ],
                    "Body": ["shape": "String"],
                ],
            ],
            "ListThingsRequest": [
                "type": "structure",
                "members": [
                    "ThingId": ["shape": "String", "location": "uri", "locationName": "Id"],
                    "Names": ["shape": "StringList", "location": "querystring", "locationName": "name"],
                    "Limit": ["shape": "Integer", "location": "querystring", "locationName": "max-items"],
                    "After": ["shape": "Time", "location": "querystring", "locationName": "after"],
                    "Exact": ["shape": "Boolean", "location": "querystring", "locationName": "exact"],
                    "Filters": ["shape": "StringMap", "location": "querystring"],
                    "Multi": ["shape": "ListMap", "location": "querystring"],
                ],
            ],
            "String": ["type": "string"], "Integer": ["type": "integer"], "Boolean": ["type": "boolean"],
            "Time": ["type": "timestamp"],
            "StringList": ["type": "list", "member": ["shape": "String"]],
            "StringMap": ["type": "map", "key": ["shape": "String"], "value": ["shape": "String"]],
            "ListMap": ["type": "map", "key": ["shape": "String"], "value": ["shape": "StringList"]],
        ],
    ]

    /// Kept for the whole run: operations refer to their model's shapes without owning them.
    nonisolated(unsafe) static let service = try? ServiceModel(json: model)

    func operation(_ name: String) throws -> OperationModel {
        try XCTUnwrap(Self.service?.operations[name])
    }

    let endpoint = AWSURL(scheme: "https", host: "things.example.com")

    func testGreedyLabelKeepsSlashesAndEncodesTheRest() throws {
        let bindings = try RESTRequestBindings(
            operation: operation("PutThing"),
            input: ["Bucket": "my bucket/x", "Key": "raw/2024/weather data é+☃~.csv", "Body": "hello"])
        XCTAssertEqual(bindings.path, "/my%20bucket%2Fx/raw/2024/weather%20data%20%C3%A9%2B%E2%98%83~.csv")
        XCTAssertNil(bindings.query)
        XCTAssertEqual(bindings.bodyMembers, ["Body": "hello"])
    }

    func testMissingOrEmptyLabelIsAValidationErrorNamingIt() throws {
        let put = try operation("PutThing")
        XCTAssertThrowsError(try RESTRequestBindings(operation: put, input: ["Bucket": "b"])) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ValidationError")
            XCTAssertTrue((error as? AWSError)?.message.hasPrefix("Key: is required") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try RESTRequestBindings(operation: put, input: ["Bucket": "", "Key": "k"])) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ValidationError")
            XCTAssertTrue((error as? AWSError)?.message.hasPrefix("Bucket: must not be empty") ?? false, "\(error)")
        }
    }

    func testQueryKeepsTheTemplateQueryAndRepeatsListsAndMaps() throws {
        let bindings = try RESTRequestBindings(
            operation: operation("ListThings"),
            input: [
                "ThingId": "a/b", "Names": ["x", "y z"], "Limit": 5, "After": 1_795_653_034, "Exact": true,
                "Filters": ["color": "red&blue"], "Multi": ["m": ["1", "2"]],
            ])
        XCTAssertEqual(bindings.path, "/things/a%2Fb")
        XCTAssertEqual(
            bindings.query,
            "list-type=2&name=x&name=y%20z&max-items=5&after=2026-11-26T00%3A30%3A34Z&exact=true"
                + "&color=red%26blue&m=1&m=2")
        XCTAssertEqual(
            bindings.url(on: endpoint),
            "https://things.example.com/things/a%2Fb?" + (bindings.query ?? ""))
    }

    func testEmptyListSendsNoQueryKey() throws {
        let bindings = try RESTRequestBindings(
            operation: operation("ListThings"), input: ["ThingId": "t", "Names": []])
        XCTAssertEqual(bindings.query, "list-type=2")
    }

    func testHeadersOfEveryKind() throws {
        let bindings = try RESTRequestBindings(
            operation: operation("PutThing"),
            input: [
                "Bucket": "b", "Key": "k", "Metadata": ["Owner": "data team", "stage": "raw"],
                "Expires": "2026-11-26T00:30:34Z", "Since": 1_795_653_034.5, "Tags": ["a", "b,c", #"say "hi""#],
                "Flag": false, "Count": 3, "Context": ["user": "ana", "n": 1],
            ])
        let headers = Dictionary(uniqueKeysWithValues: bindings.headers.map { ($0.name, $0.value) })
        XCTAssertEqual(headers["x-amz-meta-Owner"], "data team")
        XCTAssertEqual(headers["x-amz-meta-stage"], "raw")
        XCTAssertEqual(headers["Expires"], "Thu, 26 Nov 2026 00:30:34 GMT")
        XCTAssertEqual(headers["x-amz-since"], "2026-11-26T00:30:34.500Z")
        XCTAssertEqual(headers["x-amz-tags"], #"a,"b,c","say \"hi\"""#)
        XCTAssertEqual(headers["x-amz-flag"], "false")
        XCTAssertEqual(headers["x-amz-count"], "3")
        XCTAssertEqual(headers["x-amz-context"], Base64.encode(Array(#"{"user":"ana","n":1}"#.utf8)))
        XCTAssertTrue(bindings.bodyMembers.isEmpty)
    }

    func testEmptyHeaderListSendsNoHeader() throws {
        let bindings = try RESTRequestBindings(
            operation: operation("PutThing"), input: ["Bucket": "b", "Key": "k", "Tags": []])
        XCTAssertTrue(bindings.headers.isEmpty)
    }

    func testURLJoinsTheEndpointBasePath() throws {
        let bindings = try RESTRequestBindings(operation: operation("PutThing"), input: ["Bucket": "b", "Key": "k/1"])
        let base = try AWSURL(parsing: "http://127.0.0.1:5000/prefix/")
        XCTAssertEqual(bindings.url(on: base), "http://127.0.0.1:5000/prefix/b/k/1")
    }

    func testWrongTypeForALabelNamesTheMember() throws {
        XCTAssertThrowsError(
            try RESTRequestBindings(operation: operation("PutThing"), input: ["Bucket": ["x"], "Key": "k"])
        ) { error in
            XCTAssertEqual((error as? AWSError)?.message, "Bucket: expected a string, got a list")
        }
    }

    func testHeadersThatWouldInjectAnotherHeaderAreRefusedNamingTheParameter() throws {
        let put = try operation("PutThing")
        let cases: [(JSONValue, String)] = [
            (
                ["Bucket": "b", "Key": "k", "Tags": ["a\r\nX-Evil: 1"]],
                #"Tags: header value "a\r\nX-Evil: 1" must not contain "\r""#
            ),
            (
                ["Bucket": "b", "Key": "k", "Metadata": ["k": "v\nX-Evil: 1"]],
                #"Metadata: header value "v\nX-Evil: 1" must not contain "\n""#
            ),
            (
                ["Bucket": "b", "Key": "k", "Metadata": ["bad key": "v"]],
                #"Metadata: header name "x-amz-meta-bad key" must not contain " ""#
            ),
            (
                ["Bucket": "b", "Key": "k", "Tags": ["nul\u{0}byte"]],
                #"Tags: header value "nul\0byte" must not contain "\0""#
            ),
        ]
        for (input, message) in cases {
            XCTAssertThrowsError(try RESTRequestBindings(operation: put, input: input)) { error in
                XCTAssertEqual((error as? AWSError)?.code, "ValidationError")
                XCTAssertEqual((error as? AWSError)?.message, message)
            }
        }
    }
}
