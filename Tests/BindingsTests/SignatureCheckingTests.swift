import Host
import XCTest

/// With the emulator checking signatures, calls signed with a real key pass and calls signed
/// with a wrong secret are refused: SigV4 proven end to end, for each protocol.
final class SignatureCheckingTests: XCTestCase {
    private static let services = [
        ("iam", "list_users"), ("sts", "get_caller_identity"), ("glue", "get_databases"), ("s3", "list_buckets"),
    ]

    func testCorrectSignaturesPassAndWrongOnesAreRefused() throws {
        let emulator = try Emulator(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "3"])
        let state = makeState(variables: emulator.variables)
        let keys = try state.run(
            """
            local iam = aws.client("iam")
            iam:create_user{UserName = "tester"}
            iam:put_user_policy{UserName = "tester", PolicyName = "all",
              PolicyDocument = {Version = "2012-10-17", Statement = {{Effect = "Allow", Action = "*", Resource = "*"}}}}
            local key = iam:create_access_key{UserName = "tester"}.AccessKey
            return key.AccessKeyId, key.SecretAccessKey
            """, name: "=setup")
        guard let id = keys[0].stringValue, let secret = keys[1].stringValue else {
            return XCTFail("no access key: \(keys)")
        }
        for (service, operation) in Self.services {
            let result = try state.run(
                """
                local good = aws.client("\(service)", {credentials = {access_key_id = "\(id)", secret_access_key = "\(secret)"}})
                local ok = pcall(good.\(operation), good)
                local bad = aws.client("\(service)", {max_attempts = 1,
                  credentials = {access_key_id = "\(id)", secret_access_key = "wrong-secret"}})
                local refused, e = pcall(bad.\(operation), bad)
                return ok, refused, e.code, e.status
                """, name: "=\(service)")
            XCTAssertEqual(result[0], .boolean(true), "\(service): a correct signature must pass")
            XCTAssertEqual(result[1], .boolean(false), "\(service): a wrong secret must be refused")
            XCTAssertEqual(result[2], .string("SignatureDoesNotMatch"), "\(service)")
            XCTAssertEqual(result[3], .integer(403), "\(service)")
        }
    }
}
