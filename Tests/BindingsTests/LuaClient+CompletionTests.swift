import Host
import XCTest

/// What the REPL offers inside a client's calls (the host asks `__complete`).
final class ClientCompletionTests: XCTestCase {
    func testArgumentNamesComeFromTheModel() throws {
        let state = makeState(variables: ["AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true"])
        let result = try state.run(
            """
            local glue, s3 = aws.client("glue"), aws.client("s3")
            local complete = getmetatable(glue).__complete
            local function has(list, name)
              for _, v in ipairs(list) do if v == name then return true end end
              return false
            end
            return has(complete(glue, "wait", "string"), "crawler_ready"),
              has(complete(glue, "collect", "string"), "get_tables"),
              has(complete(glue, "get_table", "table"), "DatabaseName")
                and has(complete(glue, "create_crawler", "table", "Targets", "S3Targets", "[]"), "Path")
                and #complete(glue, "create_crawler", "table", "Targets", "Nosuch") == 0,
              #complete(glue, "wait", "table"), #complete(glue, "nosuch", "table"),
              has(complete(glue), "job_logs"), has(complete(s3), "job_logs"), has(complete(s3), "upload_file")
            """)
        XCTAssertEqual(
            result,
            [
                .boolean(true), .boolean(true), .boolean(true), .integer(0), .integer(0), .boolean(true),
                .boolean(false), .boolean(true),
            ])
    }
}
