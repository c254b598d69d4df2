import Foundation
import Host
import TestPrerequisites
import XCTest

/// A service gluescript has never seen, loaded from a botocore-format model file at run time.
final class CustomModelTests: XCTestCase {
    func testAServiceFromAModelFileWorksAgainstTheEmulator() throws {
        let lua = try makeEmulatorState()
        let path = try Self.botocoreModel("logs")
        let group = Emulator.uniqueName("/gluescript/test")
        let result = try lua.run(
            """
            local logs = aws.client{service = "logs", model = "\(path)"}
            logs:create_log_group{logGroupName = "\(group)"}
            local groups = logs:describe_log_groups{logGroupNamePrefix = "\(group)"}.logGroups
            return #groups, groups[1].logGroupName
            """)
        XCTAssertEqual(result, [.integer(1), .string(group)])
    }

    func testAMissingModelFileIsNamed() throws {
        let state = makeState(variables: ["AWS_REGION": "us-east-1"])
        let result = try state.run(
            "local ok, e = pcall(aws.client, {service = 'x', model = '/nonexistent/service-2.json'}) return e.code, e.message"
        )
        XCTAssertEqual(result[0], .string("ModelFileNotFound"))
        XCTAssertTrue(result[1].stringValue?.contains("/nonexistent/service-2.json") ?? false)
    }

    /// Botocore's model of `service`, decompressed into a temporary folder.
    static func botocoreModel(_ service: String) throws -> String {
        let folder = NSTemporaryDirectory() + "gluescript-model-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = folder + "/service-2.json"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import botocore.session, json, sys
            loader = botocore.session.get_session().get_component('data_loader')
            json.dump(loader.load_service_model(sys.argv[1], 'service-2'), open(sys.argv[2], 'w'))
            """, service, target,
        ]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Prerequisite.missing("botocore is not installed") }
        return target
    }
}

/// `aws.client("name")` for a service that is not built in finds botocore's own model files.
final class BotocoreDataModelTests: XCTestCase {
    func testDynamoDBFromBotocoresFolderWorksAgainstTheEmulator() throws {
        let lua = try makeEmulatorState()
        let table = Emulator.uniqueName("gluescript-table")
        let result = try lua.run(
            """
            local ddb = aws.client("dynamodb")
            ddb:create_table{TableName = "\(table)", BillingMode = "PAY_PER_REQUEST",
              AttributeDefinitions = {{AttributeName = "id", AttributeType = "S"}},
              KeySchema = {{AttributeName = "id", KeyType = "HASH"}}}
            ddb:wait("table_exists", {TableName = "\(table)"}, {delay = 0.2, max_attempts = 20})
            local found = false
            for page in ddb:paginate("list_tables", {}) do
              for _, name in ipairs(page.TableNames) do found = found or name == "\(table)" end
            end
            local waiters = table.concat(ddb:waiters(), ",")
            local queues = aws.client("sqs")
            local url = queues:create_queue{QueueName = "\(table)"}.QueueUrl
            return found, waiters, url:sub(-#"\(table)")
            """)
        XCTAssertEqual(result[0], .boolean(true))
        XCTAssertTrue(result[1].stringValue?.contains("table_exists") == true, "\(result[1])")
        XCTAssertEqual(result[2], .string(table))
    }
}
