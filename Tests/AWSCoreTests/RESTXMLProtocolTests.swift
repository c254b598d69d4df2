import AWSCore
import XCTest

/// S3 (rest-xml, botocore's own model) requests and responses, compared with botocore's
/// serializer and parser.
final class RESTXMLProtocolTests: XCTestCase {
    let endpoint = AWSURL(scheme: "https", host: "s3.us-east-1.amazonaws.com")
    static let s3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/"

    static let requests: [(operation: String, input: JSONValue)] = [
        (
            "PutObject",
            [
                "Bucket": "data-lake", "Key": "raw/dir one/naïve ☃//part 1.csv",
                "Body": .binary([0, 1, 2, 200, 255, 10]), "Metadata": ["Owner": "data team", "run": "42"],
                "ContentType": "text/csv", "CacheControl": "no-cache",
            ]
        ),
        ("PutObject", ["Bucket": "data-lake", "Key": "notes.txt", "Body": "héllo\n"]),
        ("PutObject", ["Bucket": "data-lake", "Key": "empty"]),
        (
            "GetObject",
            [
                "Bucket": "data-lake", "Key": "raw/a+b c.csv", "Range": "bytes=0-99", "VersionId": "v1/+=",
                "IfModifiedSince": "2026-11-26T00:30:34Z", "ResponseContentType": "text/plain",
            ]
        ),
        (
            "ListObjectsV2",
            [
                "Bucket": "data-lake", "Prefix": "raw/é ", "Delimiter": "/", "MaxKeys": 100,
                "ContinuationToken": "tok/+=", "FetchOwner": true,
            ]
        ),
        ("ListObjectsV2", ["Bucket": "data-lake"]),
        (
            "CreateBucket",
            ["Bucket": "data-lake", "ACL": "private", "CreateBucketConfiguration": ["LocationConstraint": "eu-west-1"]]
        ),
        ("CreateBucket", ["Bucket": "data-lake"]),
        (
            "DeleteObjects",
            [
                "Bucket": "data-lake",
                "Delete": ["Objects": [["Key": "a"], ["Key": "b & <c>", "VersionId": "v2"]], "Quiet": true],
            ]
        ),
        (
            "PutBucketPolicy",
            ["Bucket": "data-lake", "Policy": #"{"Version":"2012-10-17","Statement":[]}"#]
        ),
        (
            "PutBucketTagging",
            [
                "Bucket": "data-lake",
                "Tagging": ["TagSet": [["Key": "team", "Value": "data"], ["Key": "env", "Value": ""]]],
            ]
        ),
        (
            "CopyObject",
            [
                "Bucket": "data-lake", "Key": "copy.csv", "CopySource": "src-bucket/dir/a%20b.csv",
                "MetadataDirective": "REPLACE", "Metadata": ["stage": "clean"],
                "CopySourceIfUnmodifiedSince": "2026-01-02T03:04:05Z",
            ]
        ),
        (
            "PutBucketAcl",
            [
                "Bucket": "data-lake",
                "AccessControlPolicy": [
                    "Grants": [
                        ["Grantee": ["Type": "CanonicalUser", "ID": "abc123"], "Permission": "FULL_CONTROL"],
                        [
                            "Grantee": ["Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"],
                            "Permission": "READ",
                        ],
                    ],
                    "Owner": ["ID": "abc123"],
                ],
            ]
        ),
        ("HeadObject", ["Bucket": "data-lake", "Key": "a.csv", "IfNoneMatch": "\"etag\"", "PartNumber": 1]),
        (
            "CompleteMultipartUpload",
            [
                "Bucket": "data-lake", "Key": "big.bin", "UploadId": "up/1",
                "MultipartUpload": [
                    "Parts": [["ETag": "\"e1\"", "PartNumber": 1], ["ETag": "\"e2\"", "PartNumber": 2]]
                ],
            ]
        ),
        (
            "PutBucketLifecycleConfiguration",
            [
                "Bucket": "data-lake",
                "LifecycleConfiguration": [
                    "Rules": [
                        [
                            "Expiration": ["Date": "2026-11-26T00:00:00Z"], "ID": "tmp", "Filter": ["Prefix": "tmp/"],
                            "Status": "Enabled",
                        ]
                    ]
                ],
            ]
        ),
        (
            "PutPublicAccessBlock",
            [
                "Bucket": "data-lake",
                "PublicAccessBlockConfiguration": ["BlockPublicAcls": true, "IgnorePublicAcls": false],
            ]
        ),
    ]

    func testRequestsMatchBotocore() throws {
        let model = try BotocoreProtocolOracle.model("s3")
        let s3 = RESTXMLProtocol(metadata: model.metadata)
        let answers = try BotocoreProtocolOracle.ask(
            Self.requests.map { request in
                [
                    "kind": "serialize", "service": "s3", "operation": .string(request.operation),
                    "params": request.input, "endpoint": .string(endpoint.description),
                ]
            })
        XCTAssertEqual(answers.count, Self.requests.count)
        for (request, answer) in zip(Self.requests, answers) {
            let name = request.operation
            let operation = try XCTUnwrap(model.operations[name])
            let mine = try s3.buildRequest(operation, input: request.input, endpoint: endpoint)
            XCTAssertEqual(mine.method, answer["method"]?.stringValue, name)
            XCTAssertEqual(mine.url, answer["url"]?.stringValue, name)
            let theirHeaders = (answer["headers"]?.arrayValue ?? []).compactMap { pair -> String? in
                guard let items = pair.arrayValue, let k = items.first?.stringValue, let v = items.last?.stringValue
                else { return nil }
                return "\(k.lowercased()):\(v)"
            }
            XCTAssertEqual(
                mine.headers.map { "\($0.name.lowercased()):\($0.value)" }.sorted(), theirHeaders.sorted(), name)
            let theirBody = BotocoreProtocolOracle.bytes(ofLatin1: answer["body"]?.stringValue ?? "")
            var myBody: [UInt8] = []
            if case .bytes(let bytes) = mine.body { myBody = bytes }
            if theirBody.first == UInt8(ascii: "<") {
                XCTAssertEqual(try XMLElement(parsing: myBody), try XMLElement(parsing: theirBody), name)
            } else {
                XCTAssertEqual(myBody, theirBody, name)
            }
        }
    }

    func testStructurePayloadIsNamespacedXMLWithoutContentType() throws {
        let model = try BotocoreProtocolOracle.model("s3")
        let operation = try XCTUnwrap(model.operations["CreateBucket"])
        let request = try RESTXMLProtocol(metadata: model.metadata).buildRequest(
            operation, input: ["Bucket": "b", "CreateBucketConfiguration": ["LocationConstraint": "eu-west-1"]],
            endpoint: endpoint)
        guard case .bytes(let body) = request.body else { return XCTFail("CreateBucket sent no body") }
        XCTAssertEqual(
            String(decoding: body, as: UTF8.self),
            #"<CreateBucketConfiguration xmlns="\#(Self.s3Namespace)">"#
                + "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>")
        XCTAssertNil(request.header("Content-Type"))
    }

    func testGranteeTypeIsAnXSIAttribute() throws {
        let model = try BotocoreProtocolOracle.model("s3")
        let operation = try XCTUnwrap(model.operations["PutObjectAcl"])
        let request = try RESTXMLProtocol(metadata: model.metadata).buildRequest(
            operation,
            input: [
                "Bucket": "b", "Key": "k",
                "AccessControlPolicy": [
                    "Grants": [
                        ["Grantee": ["Type": "AmazonCustomerByEmail", "EmailAddress": "a@b.c"], "Permission": "READ"]
                    ]
                ],
            ], endpoint: endpoint)
        guard case .bytes(let body) = request.body else { return XCTFail("PutObjectAcl sent no body") }
        let grantee = try XCTUnwrap(
            try XMLElement(parsing: body).child("AccessControlList")?.child("Grant")?.child("Grantee"))
        XCTAssertEqual(
            grantee.attribute("type", namespaceURI: "http://www.w3.org/2001/XMLSchema-instance"),
            "AmazonCustomerByEmail")
        XCTAssertEqual(grantee.childText("EmailAddress"), "a@b.c")
        XCTAssertNil(grantee.child("Type"))
    }

    func testBadPayloadValueNamesItsPath() throws {
        let model = try BotocoreProtocolOracle.model("s3")
        let s3 = RESTXMLProtocol(metadata: model.metadata)
        let delete = try XCTUnwrap(model.operations["DeleteObjects"])
        XCTAssertThrowsError(
            try s3.buildRequest(delete, input: ["Bucket": "b", "Delete": ["Objects": "a"]], endpoint: endpoint)
        ) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ValidationError")
            XCTAssertEqual((error as? AWSError)?.message.hasPrefix("Delete.Objects:"), true)
        }
        let put = try XCTUnwrap(model.operations["PutObject"])
        XCTAssertThrowsError(
            try s3.buildRequest(put, input: ["Bucket": "b", "Key": "k", "Body": ["not": "bytes"]], endpoint: endpoint)
        ) { error in
            XCTAssertEqual((error as? AWSError)?.message.hasPrefix("Body:"), true)
        }
    }

    static let responses: [(operation: String, status: Int, headers: [(name: String, value: String)], body: String)] =
        [
            (
                "ListObjectsV2", 200, [("x-amz-request-id", "req-1"), ("x-amz-id-2", "host-1")],
                #"""
                <?xml version="1.0" encoding="UTF-8"?>
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>data-lake</Name>
                <Prefix>raw/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><Delimiter>/</Delimiter>
                <IsTruncated>true</IsTruncated><ContinuationToken>tok-0</ContinuationToken>
                <NextContinuationToken>tok-1</NextContinuationToken>
                <Contents><Key>raw/a.csv</Key><LastModified>2026-11-26T00:30:34.000Z</LastModified>
                <ETag>&quot;abc&quot;</ETag><ChecksumAlgorithm>CRC32</ChecksumAlgorithm><Size>1024</Size>
                <StorageClass>STANDARD</StorageClass></Contents>
                <Contents><Key>raw/b &amp; c.csv</Key><LastModified>2026-11-27T10:00:00.500Z</LastModified>
                <ETag>&quot;def&quot;</ETag><Size>0</Size><StorageClass>STANDARD</StorageClass>
                <Owner><ID>abc123</ID></Owner></Contents>
                <CommonPrefixes><Prefix>raw/2025/</Prefix></CommonPrefixes>
                <CommonPrefixes><Prefix>raw/2026/</Prefix></CommonPrefixes></ListBucketResult>
                """#
            ),
            (
                "GetObject", 200,
                [
                    ("x-amz-request-id", "req-2"), ("content-length", "15"), ("content-type", "text/csv"),
                    ("last-modified", "Wed, 26 Nov 2026 00:30:34 GMT"), ("etag", "\"abc\""),
                    ("x-amz-meta-owner", "data team"), ("x-amz-meta-run", "42"), ("accept-ranges", "bytes"),
                    ("x-amz-version-id", "v1"), ("content-range", "bytes 0-14/100"),
                ],
                "col1,col2\nä,2\n"
            ),
            (
                "HeadObject", 200,
                [
                    ("x-amz-request-id", "req-3"), ("content-length", "100"), ("etag", "\"abc\""),
                    ("last-modified", "Wed, 26 Nov 2026 00:30:34 GMT"), ("x-amz-meta-owner", "me"),
                    ("x-amz-server-side-encryption", "AES256"), ("x-amz-delete-marker", "false"),
                    ("x-amz-mp-parts-count", "3"),
                ],
                ""
            ),
            (
                "GetBucketLocation", 200, [("x-amz-request-id", "req-4")],
                #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
                    + #"<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>"#
            ),
            (
                "GetBucketLocation", 200, [("x-amz-request-id", "req-5")],
                #"<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>"#
            ),
            (
                "ListBuckets", 200, [("x-amz-request-id", "req-6")],
                #"""
                <ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                <Owner><ID>abc123</ID><DisplayName>me</DisplayName></Owner>
                <Buckets><Bucket><Name>a</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate>
                <BucketRegion>eu-west-1</BucketRegion></Bucket>
                <Bucket><Name>b</Name><CreationDate>2026-02-01T12:30:00.000Z</CreationDate></Bucket></Buckets>
                </ListAllMyBucketsResult>
                """#
            ),
            (
                "CreateMultipartUpload", 200,
                [("x-amz-request-id", "req-7"), ("x-amz-server-side-encryption", "aws:kms")],
                #"""
                <InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                <Bucket>data-lake</Bucket><Key>big.bin</Key><UploadId>up-1</UploadId></InitiateMultipartUploadResult>
                """#
            ),
            (
                "DeleteObjects", 200, [("x-amz-request-id", "req-8")],
                #"""
                <DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                <Deleted><Key>a</Key></Deleted><Deleted><Key>b</Key><VersionId>v2</VersionId>
                <DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>dm</DeleteMarkerVersionId></Deleted>
                <Error><Key>c</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>
                </DeleteResult>
                """#
            ),
            (
                "GetBucketPolicy", 200, [("x-amz-request-id", "req-9")],
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}"#
            ),
            (
                "CopyObject", 200,
                [("x-amz-request-id", "req-10"), ("x-amz-version-id", "v3"), ("x-amz-copy-source-version-id", "v1")],
                #"""
                <CopyObjectResult><LastModified>2026-11-26T00:30:34.000Z</LastModified>
                <ETag>"abc"</ETag></CopyObjectResult>
                """#
            ),
            ("PutObject", 200, [("x-amz-request-id", "req-11"), ("etag", "\"abc\""), ("x-amz-version-id", "v4")], ""),
            (
                "GetBucketAcl", 200, [("x-amz-request-id", "req-12")],
                #"""
                <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>abc</ID></Owner>
                <AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:type="CanonicalUser"><ID>abc</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>
                <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">
                <URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission>
                </Grant></AccessControlList></AccessControlPolicy>
                """#
            ),
            (
                "GetBucketTagging", 200, [("x-amz-request-id", "req-13")],
                #"""
                <Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>team</Key>
                <Value>data</Value></Tag></TagSet></Tagging>
                """#
            ),
            (
                "GetPublicAccessBlock", 200, [("x-amz-request-id", "req-14")],
                #"""
                <PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls>
                <IgnorePublicAcls>false</IgnorePublicAcls></PublicAccessBlockConfiguration>
                """#
            ),
        ]

    func testResponsesMatchBotocore() throws {
        let model = try BotocoreProtocolOracle.model("s3")
        let s3 = RESTXMLProtocol(metadata: model.metadata)
        let answers = try BotocoreProtocolOracle.ask(
            Self.responses.map { response in
                [
                    "kind": "parse", "service": "s3", "operation": .string(response.operation),
                    "status": .integer(Int64(response.status)),
                    "headers": .object(
                        .init(uniqueKeysWithValues: response.headers.map { ($0.name, .string($0.value)) })),
                    "body": .string(response.body),
                ]
            })
        XCTAssertEqual(answers.count, Self.responses.count)
        for (response, answer) in zip(Self.responses, answers) {
            let operation = try XCTUnwrap(model.operations[response.operation])
            let http = HTTPResponse(status: response.status, headers: response.headers, body: Array(response.body.utf8))
            XCTAssertNil(s3.error(in: http, for: operation), response.operation)
            let mine = try s3.parseResponse(http, for: operation)
            XCTAssertEqual(
                BotocoreProtocolOracle.sortedKeys(BotocoreProtocolOracle.portable(mine)),
                BotocoreProtocolOracle.sortedKeys(answer), response.operation)
        }
    }

    func testListObjectsV2ReadsEveryContentsAndCommonPrefix() throws {
        let model = try BotocoreProtocolOracle.model("s3")
        let operation = try XCTUnwrap(model.operations["ListObjectsV2"])
        let sample = try XCTUnwrap(Self.responses.first { $0.operation == "ListObjectsV2" })
        let output = try RESTXMLProtocol(metadata: model.metadata).parseResponse(
            HTTPResponse(status: 200, headers: sample.headers, body: Array(sample.body.utf8)), for: operation)
        XCTAssertEqual(
            output["Contents"]?.arrayValue?.compactMap { $0["Key"]?.stringValue }, ["raw/a.csv", "raw/b & c.csv"])
        let first = output["Contents"]?.arrayValue?.first
        XCTAssertEqual(first?["LastModified"], "2026-11-26T00:30:34Z")
        XCTAssertEqual(first?["Size"], .integer(1024))
        XCTAssertEqual(first?["ETag"], "\"abc\"")
        XCTAssertEqual(
            output["CommonPrefixes"]?.arrayValue?.compactMap { $0["Prefix"]?.stringValue }, ["raw/2025/", "raw/2026/"])
        XCTAssertEqual(output["IsTruncated"], .bool(true))
        XCTAssertEqual(output["NextContinuationToken"], "tok-1")
        XCTAssertEqual(output["ResponseMetadata"], ["RequestId": "req-1", "HostId": "host-1"])
    }

    func testGetObjectBodyIsEveryByteAndHeadersAreTyped() throws {
        let model = try BotocoreProtocolOracle.model("s3")
        let operation = try XCTUnwrap(model.operations["GetObject"])
        let bytes: [UInt8] = [0x3C, 0x45, 0x72, 0x72, 0x6F, 0x72, 0x3E, 0, 255, 128]  // "<Error>" and non-UTF-8 bytes
        let response = HTTPResponse(
            status: 200,
            headers: [
                ("content-length", "10"), ("last-modified", "Wed, 26 Nov 2026 00:30:34 GMT"),
                ("x-amz-meta-owner", "me"), ("etag", "\"abc\""),
            ], body: bytes)
        let s3 = RESTXMLProtocol(metadata: model.metadata)
        XCTAssertNil(s3.error(in: response, for: operation))
        let output = try s3.parseResponse(response, for: operation)
        XCTAssertEqual(output["Body"], .binary(bytes))
        XCTAssertEqual(output["ContentLength"], .integer(10))
        XCTAssertEqual(output["LastModified"], "2026-11-26T00:30:34Z")
        XCTAssertEqual(output["Metadata"], ["owner": "me"])
        XCTAssertEqual(output["ETag"], "\"abc\"")
    }

    func testAnEmptyLocationMeansUSEast1() throws {
        let model = try BotocoreProtocolOracle.model("s3")
        let operation = try XCTUnwrap(model.operations["GetBucketLocation"])
        let s3 = RESTXMLProtocol(metadata: model.metadata)
        let empty = try s3.parseResponse(
            HTTPResponse(status: 200, body: Array(#"<LocationConstraint xmlns="\#(Self.s3Namespace)"/>"#.utf8)),
            for: operation)
        XCTAssertNil(empty["LocationConstraint"])
        let europe = try s3.parseResponse(
            HTTPResponse(
                status: 200,
                body: Array(#"<LocationConstraint xmlns="\#(Self.s3Namespace)">EU</LocationConstraint>"#.utf8)),
            for: operation)
        XCTAssertEqual(europe["LocationConstraint"], "EU")
    }
}

/// Traits S3 does not use (maps, flattened maps, blobs and numbers in bodies, body members
/// without a payload, an attribute on the root), on a small model of its own, against botocore.
final class RESTXMLProtocolModelTraitsTests: XCTestCase {
    static let definition: JSONValue = [
        "version": "2.0",
        "metadata": [
            "apiVersion": "2024-01-01", "endpointPrefix": "notes", "protocol": "rest-xml", "serviceId": "Notes",
            "signatureVersion": "v4", "uid": "notes-2024-01-01",
        ],
        "operations": [
            "PutNote": [
                "name": "PutNote", "http": ["method": "POST", "requestUri": "/notes/{Id}"],
                "input": ["shape": "PutNoteRequest"], "output": ["shape": "Note"],
            ]
        ],
        "shapes": [
            "PutNoteRequest": [
                "type": "structure", "required": ["Id"], "locationName": "PutNoteRequest",
                "xmlNamespace": ["uri": "https://example.com/notes/"],
                "members": [
                    "Id": ["shape": "Text", "location": "uri", "locationName": "Id"],
                    "Kind": ["shape": "Text", "locationName": "kind", "xmlAttribute": true],
                    "Tags": ["shape": "TagMap"],
                    "Labels": ["shape": "LabelMap", "locationName": "Label"],
                    "Data": ["shape": "Bytes"], "Created": ["shape": "Time"],
                    "Ratio": ["shape": "Ratio"], "Count": ["shape": "Count"], "Public": ["shape": "Flag"],
                    "Items": ["shape": "ItemList"], "Flat": ["shape": "FlatList", "locationName": "Flat"],
                    "Author": ["shape": "Author"],
                ],
            ],
            "Note": [
                "type": "structure",
                "members": [
                    "RequestHeader": ["shape": "Text", "location": "header", "locationName": "x-note-header"],
                    "Tags": ["shape": "TagMap"], "Labels": ["shape": "LabelMap", "locationName": "Label"],
                    "Data": ["shape": "Bytes"], "Created": ["shape": "Time"], "Ratio": ["shape": "Ratio"],
                    "Count": ["shape": "Count"], "Public": ["shape": "Flag"], "Items": ["shape": "ItemList"],
                    "Flat": ["shape": "FlatList", "locationName": "Flat"], "Author": ["shape": "Author"],
                ],
            ],
            "Author": [
                "type": "structure", "xmlNamespace": ["prefix": "a", "uri": "https://example.com/author/"],
                "members": ["Name": ["shape": "Text"]],
            ],
            "TagMap": ["type": "map", "key": ["shape": "Text"], "value": ["shape": "Text"]],
            "LabelMap": [
                "type": "map", "flattened": true, "key": ["shape": "Text", "locationName": "name"],
                "value": ["shape": "Text", "locationName": "text"],
            ],
            "ItemList": ["type": "list", "member": ["shape": "Text", "locationName": "Item"]],
            "FlatList": ["type": "list", "member": ["shape": "Count"], "flattened": true],
            "Text": ["type": "string"], "Bytes": ["type": "blob"], "Time": ["type": "timestamp"],
            "Ratio": ["type": "double"], "Count": ["type": "integer"], "Flag": ["type": "boolean"],
        ],
    ]

    func model() throws -> ServiceModel {
        try ServiceModel(bytes: JSONEncoding.encode(Self.definition))
    }

    func testBodyWithoutPayloadMatchesBotocore() throws {
        let model = try model()
        let input: JSONValue = [
            "Id": "n 1", "Kind": "memo", "Tags": ["a": "1", "b": "x & y"], "Labels": ["color": "red", "size": "L"],
            "Data": .binary([0, 1, 2, 255]), "Created": "2026-11-26T00:30:34Z", "Ratio": 0.5, "Count": 3,
            "Public": false, "Items": ["one", "two"], "Flat": [1, 2], "Author": ["Name": "Ada"],
        ]
        let endpoint = AWSURL(scheme: "https", host: "notes.example.com")
        let answers = try BotocoreProtocolOracle.ask([
            [
                "kind": "serialize", "service": "notes", "model": Self.definition, "operation": "PutNote",
                "params": input, "endpoint": .string(endpoint.description),
            ]
        ])
        let answer = try XCTUnwrap(answers.first)
        let request = try RESTXMLProtocol(metadata: model.metadata).buildRequest(
            try XCTUnwrap(model.operations["PutNote"]), input: input, endpoint: endpoint)
        XCTAssertEqual(request.url, answer["url"]?.stringValue)
        guard case .bytes(let body) = request.body else { return XCTFail("PutNote sent no body") }
        let theirs = try XMLElement(
            parsing: BotocoreProtocolOracle.bytes(ofLatin1: answer["body"]?.stringValue ?? ""))
        let mine = try XMLElement(parsing: body)
        XCTAssertEqual(mine, theirs)
        XCTAssertEqual(mine.attribute("kind"), "memo")
        XCTAssertEqual(mine.namespaceURI, "https://example.com/notes/")
        XCTAssertEqual(mine.children(named: "Label").count, 2)
        XCTAssertEqual(mine.child("Data")?.text, "AAEC/w==")
    }

    func testOutputMatchesBotocore() throws {
        let model = try model()
        let body = """
            <Note><Tags><entry><key>a</key><value>1</value></entry><entry><key>b</key><value>2</value></entry></Tags>\
            <Label><name>color</name><text>red</text></Label><Label><name>size</name><text>L</text></Label>\
            <Data>AAEC/w==</Data><Created>2026-11-26T00:30:34.250Z</Created><Ratio>0.5</Ratio><Count>3</Count>\
            <Public>true</Public><Items><Item>one</Item><Item>two</Item></Items><Flat>1</Flat><Flat>2</Flat>\
            <a:Author xmlns:a="https://example.com/author/"><a:Name>Ada</a:Name></a:Author></Note>
            """
        let headers: [(name: String, value: String)] = [("x-note-header", "h"), ("x-amz-request-id", "r")]
        let answers = try BotocoreProtocolOracle.ask([
            [
                "kind": "parse", "service": "notes", "model": Self.definition, "operation": "PutNote",
                "status": 200,
                "headers": .object(.init(uniqueKeysWithValues: headers.map { ($0.name, .string($0.value)) })),
                "body": .string(body),
            ]
        ])
        let answer = try XCTUnwrap(answers.first)
        let mine = try RESTXMLProtocol(metadata: model.metadata).parseResponse(
            HTTPResponse(status: 200, headers: headers, body: Array(body.utf8)),
            for: try XCTUnwrap(model.operations["PutNote"]))
        XCTAssertEqual(
            BotocoreProtocolOracle.sortedKeys(BotocoreProtocolOracle.portable(mine)),
            BotocoreProtocolOracle.sortedKeys(answer))
        XCTAssertEqual(mine["Labels"], ["color": "red", "size": "L"])
    }
}
