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
