import XCTest

@testable import AWSCore

/// Operation names as boto3 spells its methods, and finding operations by them.
final class OperationNameTests: XCTestCase {
    func testEveryOperationOfTheBuiltInServicesIsNamedAsBotocoreNamesIt() throws {
        let oracle = try BotocoreModelOracle.summary(of: ["iam", "s3", "glue", "sts", "logs"])
        let registry = ModelRegistry()
        var compared = 0
        for (service, expected) in oracle {
            let model = try registry.model(for: service)
            for operation in expected.operations {
                XCTAssertEqual(OperationName.pythonic(operation.api), operation.method, "\(service).\(operation.api)")
                XCTAssertEqual(try model.operation(method: operation.method).name, operation.api)
                compared += 1
            }
        }
        XCTAssertEqual(compared, oracle.values.map(\.operations.count).reduce(0, +))
        XCTAssertGreaterThan(compared, 500)
    }

    func testAcronymsAndVersionSuffixes() {
        XCTAssertEqual(OperationName.pythonic("ListObjectsV2"), "list_objects_v2")
        XCTAssertEqual(OperationName.pythonic("GetBucketAcl"), "get_bucket_acl")
        XCTAssertEqual(OperationName.pythonic("ListWebACLs"), "list_web_acls")
        XCTAssertEqual(OperationName.pythonic("CreateSAMLProvider"), "create_saml_provider")
        XCTAssertEqual(OperationName.pythonic("ListMFADevices"), "list_mfa_devices")
        XCTAssertEqual(OperationName.pythonic("GetRole"), "get_role")
        XCTAssertEqual(OperationName.pythonic("already_snake"), "already_snake")
        XCTAssertEqual(OperationName.pythonic("ExecutePartiQLStatement"), "execute_partiql_statement")
    }

    func testNamesOfACustomModelFollowTheSameRules() throws {
        let names = [
            "DescribeDBInstances", "ModifyDBClusterParameterGroup", "GetHLSStreamingSessionURL", "AssumeRoleWithSAML",
        ]
        let script = "import sys, botocore; print('\\n'.join(botocore.xform_name(n) for n in sys.argv[1:]))"
        let output = String(decoding: try BotocoreModelOracle.python(["-c", script] + names), as: UTF8.self)
        XCTAssertEqual(names.map(OperationName.pythonic), output.split(separator: "\n").map(String.init))
    }

    func testAMisspelledMethodSuggestsTheClosest() throws {
        let glue = try ModelRegistry().model(for: "glue")
        XCTAssertThrowsError(try glue.operation(method: "get_databse")) { error in
            XCTAssertEqual((error as? AWSError)?.code, "UnknownOperation")
            XCTAssertEqual(
                (error as? AWSError)?.message, "glue has no operation get_databse; did you mean get_database?")
        }
        XCTAssertThrowsError(try glue.operation(method: "getdatabases")) { error in
            XCTAssertTrue((error as? AWSError)?.message.hasSuffix("did you mean get_databases?") == true)
        }
    }

    func testTheAPINameIsAnsweredWithTheMethodName() throws {
        let s3 = try ModelRegistry().model(for: "s3")
        XCTAssertThrowsError(try s3.operation(method: "ListObjectsV2")) { error in
            XCTAssertEqual(
                (error as? AWSError)?.message, "s3 has no operation ListObjectsV2; did you mean list_objects_v2?")
        }
    }

    func testAFarOffNameSuggestsNothing() throws {
        let iam = try ModelRegistry().model(for: "iam")
        XCTAssertThrowsError(try iam.operation(method: "launch_rocket")) { error in
            XCTAssertEqual((error as? AWSError)?.message, "iam has no operation launch_rocket")
        }
    }

    func testMethodNamesAreListedInModelOrder() throws {
        let sts = try ModelRegistry().model(for: "sts")
        XCTAssertEqual(sts.methodNames.count, sts.operations.count)
        XCTAssertEqual(sts.methodNames.first, OperationName.pythonic(sts.operations.keys[0]))
        XCTAssertTrue(sts.methodNames.contains("get_caller_identity"))
    }

    func testEditDistanceCountsInsertionsDeletionsSubstitutionsAndTranspositions() {
        func distance(_ a: String, _ b: String) -> Int { Suggestion.editDistance(Array(a), Array(b)) }
        XCTAssertEqual(distance("name", "name"), 0)
        XCTAssertEqual(distance("nme", "name"), 1)
        XCTAssertEqual(distance("nmae", "name"), 1)
        XCTAssertEqual(distance("kitten", "sitting"), 3)
        XCTAssertEqual(distance("", "abc"), 3)
        XCTAssertNil(Suggestion.closest(to: "Zzz", among: ["Name", "Role"]))
        XCTAssertNil(Suggestion.closest(to: "Xy", among: ["Id"]), "two edits of two letters is no typo")
        XCTAssertEqual(Suggestion.closest(to: "s4", among: ["iam", "s3", "glue", "sts"]), "s3")
        XCTAssertEqual(Suggestion.closest(to: "rolearn", among: ["Name", "RoleArn", "Role"]), "RoleArn")
    }
}
