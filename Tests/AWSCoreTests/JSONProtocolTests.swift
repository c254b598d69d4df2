import AWSCore
import XCTest

/// Glue requests and responses in the json 1.1 protocol, compared with what botocore's
/// serializer sends and its parser reads on the same real Glue model.
final class JSONProtocolTests: XCTestCase {
    let endpoint = AWSURL(scheme: "https", host: "glue.eu-west-1.amazonaws.com")

    static let requests: [(operation: String, input: JSONValue)] = [
        (
            "CreateCrawler",
            [
                "Name": "weather-crawler", "Role": "arn:aws:iam::123456789012:role/glue-demo",
                "DatabaseName": "weather", "Description": "crawls é and ☃",
                "Targets": [
                    "S3Targets": [
                        ["Path": "s3://bucket/raw/", "Exclusions": ["*.tmp", "_SUCCESS"]],
                        ["Path": "s3://bucket/more/", "SampleSize": 5],
                    ],
                    "JdbcTargets": [],
                ],
                "Schedule": "cron(0 12 * * ? *)", "Tags": ["team": "data", "env": "dev"],
                "SchemaChangePolicy": ["UpdateBehavior": "LOG", "DeleteBehavior": "DEPRECATE_IN_DATABASE"],
            ]
        ),
        ("GetDatabases", [:]),
        ("GetDatabases", ["MaxResults": 50, "NextToken": "token/+=="]),
        (
            "StartJobRun",
            [
                "JobName": "etl", "Arguments": ["--input": "s3://b/raw/", "--enable-metrics": ""],
                "Timeout": 60, "MaxCapacity": 2.5, "WorkerType": "G.1X", "NumberOfWorkers": 2,
            ]
        ),
        (
            "CreateJob",
            [
                "Name": "etl", "Role": "glue-demo",
                "Command": ["Name": "glueetl", "ScriptLocation": "s3://b/scripts/etl.py", "PythonVersion": "3"],
                "DefaultArguments": ["--job-language": "python"], "GlueVersion": "4.0",
                "ExecutionProperty": ["MaxConcurrentRuns": 1], "MaxRetries": 0,
                "Connections": ["Connections": ["conn-a"]],
            ]
        ),
        (
            "UpdateColumnStatisticsForTable",
            [
                "DatabaseName": "weather", "TableName": "readings",
                "ColumnStatisticsList": [
                    [
                        "ColumnName": "temp", "ColumnType": "decimal(5,2)",
                        "AnalyzedTime": "2026-11-26T00:30:34Z",
                        "StatisticsData": [
                            "Type": "DECIMAL",
                            "DecimalColumnStatisticsData": [
                                "MinimumValue": ["UnscaledValue": .binary([0, 1, 0xFE, 0xFF]), "Scale": 2],
                                "NumberOfNulls": 0, "NumberOfDistinctValues": 12,
                            ],
                        ],
                    ],
                    [
                        "ColumnName": "seen", "ColumnType": "double", "AnalyzedTime": 1_795_653_034,
                        "StatisticsData": [
                            "Type": "DOUBLE",
                            "DoubleColumnStatisticsData": [
                                "MinimumValue": -1.5, "MaximumValue": 1e100, "NumberOfNulls": 3,
                                "NumberOfDistinctValues": 7,
                            ],
                        ],
                    ],
                ],
            ]
        ),
        (
            "ListDataQualityStatistics",
            [
                "StatisticId": "s", "TimestampFilter": ["RecordedBefore": "2026-11-26T00:30:34+02:00"],
                "MaxResults": 10,
            ]
        ),
    ]

    func testRequestsMatchBotocore() throws {
        let model = try BotocoreProtocolOracle.model("glue")
        let glue = JSONProtocol(metadata: model.metadata)
        let answers = try BotocoreProtocolOracle.ask(
            Self.requests.map { request in
                [
                    "kind": "serialize", "service": "glue", "operation": .string(request.operation),
                    "params": request.input, "endpoint": .string(endpoint.description),
                ]
            })
        XCTAssertEqual(answers.count, Self.requests.count)
        for (request, answer) in zip(Self.requests, answers) {
            let operation = try XCTUnwrap(model.operations[request.operation])
            let mine = try glue.buildRequest(operation, input: request.input, endpoint: endpoint)
            XCTAssertEqual(mine.method, answer["method"]?.stringValue, request.operation)
            XCTAssertEqual(mine.url, answer["url"]?.stringValue, request.operation)
            for header in answer["headers"]?.arrayValue ?? [] {
                guard let name = header.arrayValue?.first?.stringValue else { continue }
                XCTAssertEqual(mine.header(name), header.arrayValue?.last?.stringValue, "\(request.operation) \(name)")
            }
            let theirBody = try JSONDecoding.decode(
                BotocoreProtocolOracle.bytes(ofLatin1: answer["body"]?.stringValue ?? ""))
            XCTAssertEqual(try BotocoreProtocolOracle.json(mine.body), theirBody, request.operation)
        }
    }

    func testGlueTargetAndVersionHeaders() throws {
        let model = try BotocoreProtocolOracle.model("glue")
        let operation = try XCTUnwrap(model.operations["GetDatabases"])
        let request = try JSONProtocol(metadata: model.metadata).buildRequest(
            operation, input: .null, endpoint: AWSURL(scheme: "http", host: "127.0.0.1", port: 5000))
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.url, "http://127.0.0.1:5000/")
        XCTAssertEqual(request.header("x-amz-target"), "AWSGlue.GetDatabases")
        XCTAssertEqual(request.header("content-type"), "application/x-amz-json-1.1")
        guard case .bytes(let body) = request.body else { return XCTFail("no body") }
        XCTAssertEqual(String(decoding: body, as: UTF8.self), "{}")
    }

    func testWrongInputTypeNamesThePath() throws {
        let model = try BotocoreProtocolOracle.model("glue")
        let operation = try XCTUnwrap(model.operations["CreateCrawler"])
        let input: JSONValue = ["Name": "c", "Role": "r", "Targets": ["S3Targets": [["Path": 5]]]]
        XCTAssertThrowsError(
            try JSONProtocol(metadata: model.metadata).buildRequest(operation, input: input, endpoint: endpoint)
        ) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ValidationError")
            XCTAssertEqual(
                (error as? AWSError)?.message, "Targets.S3Targets[1].Path: expected a string, got an integer")
        }
    }

    static let responses: [(operation: String, body: String)] = [
        (
            "GetCrawler",
            #"""
            {"Crawler":{"Name":"weather-crawler","Role":"glue-demo","State":"READY","CrawlElapsedTime":0,
             "CreationTime":1.795653034123E9,"LastUpdated":1795653034,"Version":3,
             "Targets":{"S3Targets":[{"Path":"s3://b/raw/","Exclusions":[]}],"JdbcTargets":[]},
             "LastCrawl":{"Status":"SUCCEEDED","StartTime":1795653000.5,"LogGroup":"/aws-glue/crawlers",
                          "ErrorMessage":null,"MessagePrefix":"x"},
             "Schedule":{"ScheduleExpression":"cron(0 12 * * ? *)","State":"SCHEDULED"},
             "SomethingNew":{"a":1}}}
            """#
        ),
        (
            "GetTables",
            #"""
            {"TableList":[{"Name":"readings","DatabaseName":"weather","CreateTime":1795653034,
              "Parameters":{"classification":"csv","skip.header.line.count":"1"},
              "StorageDescriptor":{"Columns":[{"Name":"city","Type":"string"},{"Name":"temp","Type":"double",
                "Parameters":{"k":"v"}}],"Location":"s3://b/raw/","Compressed":false,"NumberOfBuckets":-1,
                "SerdeInfo":{"SerializationLibrary":"org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                  "Parameters":{"field.delim":","}},"BucketColumns":[],"SortColumns":[],"StoredAsSubDirectories":false},
              "PartitionKeys":[],"TableType":"EXTERNAL_TABLE","IsRegisteredWithLakeFormation":false}],
             "NextToken":"abc"}
            """#
        ),
        (
            "GetJobRun",
            #"""
            {"JobRun":{"Id":"jr_1","Attempt":0,"JobName":"etl","StartedOn":1795653034.999,"LastModifiedOn":1795653100,
              "CompletedOn":1795653200,"JobRunState":"SUCCEEDED","Arguments":{"--input":"s3://b/"},
              "PredecessorRuns":[],"AllocatedCapacity":10,"ExecutionTime":42,"Timeout":2880,"MaxCapacity":10.0,
              "WorkerType":"G.1X","NumberOfWorkers":10,"GlueVersion":"4.0","DPUSeconds":12.5}}
            """#
        ),
        ("GetDatabases", #"{"DatabaseList":[{"Name":"weather","CreateTime":1.795653034E9,"Parameters":{}}]}"#),
        ("GetDatabases", ""),
    ]

    func testResponsesMatchBotocore() throws {
        let model = try BotocoreProtocolOracle.model("glue")
        let glue = JSONProtocol(metadata: model.metadata)
        let headers: [(name: String, value: String)] = [
            ("content-type", "application/x-amz-json-1.1"), ("x-amzn-requestid", "4b7e2c1a-request"),
        ]
        let answers = try BotocoreProtocolOracle.ask(
            Self.responses.map { response in
                [
                    "kind": "parse", "service": "glue", "operation": .string(response.operation), "status": 200,
                    "headers": .object(.init(uniqueKeysWithValues: headers.map { ($0.name, .string($0.value)) })),
                    "body": .string(response.body),
                ]
            })
        XCTAssertEqual(answers.count, Self.responses.count)
        for (response, answer) in zip(Self.responses, answers) {
            let operation = try XCTUnwrap(model.operations[response.operation])
            let http = HTTPResponse(status: 200, headers: headers, body: Array(response.body.utf8))
            XCTAssertNil(glue.error(in: http, for: operation))
            let mine = try glue.parseResponse(http, for: operation)
            XCTAssertEqual(
                BotocoreProtocolOracle.sortedKeys(BotocoreProtocolOracle.portable(mine)),
                BotocoreProtocolOracle.sortedKeys(answer), response.operation)
        }
    }

    func testTimestampsAndTypesAsScriptsSeeThem() throws {
        let model = try BotocoreProtocolOracle.model("glue")
        let operation = try XCTUnwrap(model.operations["GetCrawler"])
        let http = HTTPResponse(status: 200, body: Array(Self.responses[0].body.utf8))
        let crawler = try JSONProtocol(metadata: model.metadata).parseResponse(http, for: operation)["Crawler"]
        XCTAssertEqual(crawler?["CreationTime"], "2026-11-26T00:30:34.123Z", "milliseconds are kept")
        XCTAssertEqual(crawler?["LastCrawl"]?["StartTime"], "2026-11-26T00:30:00.500Z")
        XCTAssertEqual(crawler?["Version"], .integer(3))
        XCTAssertNil(crawler?["SomethingNew"])
        XCTAssertNil(crawler?["LastCrawl"]?["ErrorMessage"])
    }

    func testBodyThatIsNotJSONIsAnInvalidResponse() throws {
        let model = try BotocoreProtocolOracle.model("glue")
        let operation = try XCTUnwrap(model.operations["GetDatabases"])
        let http = HTTPResponse(status: 200, body: Array("<html>oops</html>".utf8))
        XCTAssertThrowsError(try JSONProtocol(metadata: model.metadata).parseResponse(http, for: operation)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "InvalidResponse")
        }
    }
}
