import Host
import XCTest

/// The demo's IAM calls against the emulator: policy, role, attach, get, detach, delete.
final class IAMClientTests: XCTestCase {
    func testPolicyAndRoleLifecycle() throws {
        let lua = try makeEmulatorState()
        let role = Emulator.uniqueName("role")
        let result = try lua.run(
            """
            local iam = aws.client("iam")
            local policy = iam:create_policy{PolicyName = "\(role)-policy",
              PolicyDocument = {Version = "2012-10-17", Statement = {{Effect = "Allow", Action = "s3:GetObject",
                Resource = "arn:aws:s3:::bucket/raw/*"}}}}.Policy
            iam:create_role{RoleName = "\(role)", AssumeRolePolicyDocument = {Version = "2012-10-17",
              Statement = {{Effect = "Allow", Principal = {Service = "glue.amazonaws.com"}, Action = "sts:AssumeRole"}}}}
            iam:attach_role_policy{RoleName = "\(role)", PolicyArn = policy.Arn}
            local got = iam:get_role{RoleName = "\(role)"}.Role
            local attached = iam:list_attached_role_policies{RoleName = "\(role)"}.AttachedPolicies
            iam:detach_role_policy{RoleName = "\(role)", PolicyArn = policy.Arn}
            iam:delete_policy{PolicyArn = policy.Arn}
            iam:delete_role{RoleName = "\(role)"}
            return got.AssumeRolePolicyDocument.Statement[1].Principal.Service, #attached, attached[1].PolicyName,
              got.CreateDate, policy.Arn
            """)
        XCTAssertEqual(result[0], .string("glue.amazonaws.com"), "the trust policy comes back as a table")
        XCTAssertEqual(result[1], .integer(1))
        XCTAssertEqual(result[2], .string(role + "-policy"))
        XCTAssertTrue(result[3].stringValue?.hasSuffix("Z") ?? false, "timestamps are ISO 8601 UTC: \(result[3])")
        XCTAssertEqual(result[4], .string("arn:aws:iam::123456789012:policy/\(role)-policy"))
    }

    func testErrorsAreTablesWithTheServiceCode() throws {
        let lua = try makeEmulatorState()
        let role = Emulator.uniqueName("dup")
        let result = try lua.run(
            """
            local iam = aws.client("iam")
            local doc = {Version = "2012-10-17", Statement = {{Effect = "Allow",
              Principal = {Service = "glue.amazonaws.com"}, Action = "sts:AssumeRole"}}}
            iam:create_role{RoleName = "\(role)", AssumeRolePolicyDocument = doc}
            local ok, dup = pcall(iam.create_role, iam, {RoleName = "\(role)", AssumeRolePolicyDocument = doc})
            local ok2, missing = pcall(iam.get_role, iam, {RoleName = "\(role)-missing"})
            iam:delete_role{RoleName = "\(role)"}
            return dup.code, dup.status, dup.service, dup.operation, missing.code, missing.status, missing.request_id
            """)
        XCTAssertEqual(
            Array(result[0..<6]),
            [
                .string("EntityAlreadyExists"), .integer(409), .string("iam"), .string("CreateRole"),
                .string("NoSuchEntity"), .integer(404),
            ])
        XCTAssertNotEqual(result[6], .nil)
    }

    func testTheManagedGlueServiceRolePolicyExists() throws {
        let lua = try makeEmulatorState()
        let name = try lua.run(
            """
            return aws.client("iam"):get_policy{
              PolicyArn = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"}.Policy.PolicyName
            """)
        XCTAssertEqual(name, [.string("AWSGlueServiceRole")])
    }
}
