import Foundation
import TestPrerequisites
import XCTest

@testable import AWSCore

/// IAM's and S3's real waiters, read from the installed botocore's `waiters-2.json`.
final class WaiterBotocoreTests: XCTestCase {
    private func model(_ service: String) throws -> WaiterModel {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import json; from botocore.loaders import create_loader; "
                + "print(json.dumps(create_loader().load_service_model('\(service)', 'waiters-2')))",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw Prerequisite.missing("python3 is not available") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Prerequisite.missing("botocore is not installed") }
        return try WaiterModel(try JSONDecoding.decode(Array(data)))
    }

    private func waiter(_ service: String, _ name: String, _ polls: ScriptedPolls) throws -> Waiter {
        let model = try model(service)
        let found = try XCTUnwrap(model.definition(named: name))
        return Waiter(name: found.name, definition: found.definition, options: polls.options())
    }

    func testIAMRoleExistsRetriesOnNoSuchEntity() throws {
        let polls = ScriptedPolls([
            serviceError("NoSuchEntity", status: 404), serviceError("NoSuchEntity", status: 404),
            .response(waiterJSON(#"{"Role": {"RoleName": "r"}}"#)),
        ])
        let waiter = try waiter("iam", "role_exists", polls)
        XCTAssertEqual(waiter.name, "RoleExists")
        XCTAssertEqual(try waiter.wait(call: polls.call, input: .null)["Role"]?["RoleName"], .string("r"))
        XCTAssertEqual(polls.slept.reduce(0, +), 2, accuracy: 0.001, "IAM waiters poll every second")
    }

    func testIAMRoleExistsGivesUpAfterTwentyAttempts() throws {
        let polls = ScriptedPolls([serviceError("NoSuchEntity", status: 404)])
        let waiter = try waiter("iam", "RoleExists", polls)
        XCTAssertThrowsError(try waiter.wait(call: polls.call, input: .null)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "WaiterTimeout")
            XCTAssertEqual((error as? AWSError)?.fields["error_code"], .string("NoSuchEntity"))
        }
        XCTAssertEqual(polls.inputs.count, 20)
    }

    func testIAMRoleExistsStopsOnAnotherError() throws {
        let polls = ScriptedPolls([serviceError("AccessDenied", status: 403)])
        let waiter = try waiter("iam", "RoleExists", polls)
        XCTAssertThrowsError(try waiter.wait(call: polls.call, input: .null)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "AccessDenied")
        }
    }

    func testS3BucketExistsAcceptsForbiddenAndRetriesNotFound() throws {
        let polls = ScriptedPolls([serviceError("NotFound", status: 404), serviceError("Forbidden", status: 403)])
        let result = try waiter("s3", "bucket_exists", polls).wait(call: polls.call, input: .null)
        XCTAssertEqual(result["Error"]?["Code"], .string("Forbidden"))
        XCTAssertEqual(polls.slept.reduce(0, +), 5, accuracy: 0.001)
    }

    func testS3ObjectNotExistsSucceedsOn404() throws {
        let polls = ScriptedPolls([
            .response(.object(["ContentLength": .integer(3)])), serviceError("NotFound", status: 404),
        ])
        let result = try waiter("s3", "ObjectNotExists", polls).wait(call: polls.call, input: .null)
        XCTAssertEqual(result["ResponseMetadata"]?["HTTPStatusCode"], .integer(404))
        XCTAssertEqual(polls.inputs.count, 2)
    }
}
