import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Tab completion and help in the REPL of the real binary, on a pseudo-terminal.
final class REPLCompletionSessionTests: XCTestCase {
    private func sessionWithAGlueClient() throws -> TerminalSession {
        let session = try TerminalSession(["--region", "us-east-1"])
        XCTAssertTrue(session.waitForPrompt(), "no prompt: \(session.transcript)")
        let start = session.mark
        session.type("glue = aws.client('glue')\n")
        XCTAssertTrue(session.waitForPrompt(after: start), session.transcript)
        return session
    }

    /// Types `text` and a Tab; true when `completed` shows up; then erases the line with
    /// Ctrl-U, which keeps the same line editor reading (a Ctrl-C would make the keys typed next
    /// race the editor's return to the keyboard).
    private func complete(_ text: String, shows completed: String, in session: TerminalSession) -> Bool {
        let start = session.mark
        session.type(text + "\t")
        let shown = session.read(until: completed, after: start)
        session.type("\u{15}")
        return shown
    }

    func testWaiterPaginatorAndParameterNamesComplete() throws {
        let session = try sessionWithAGlueClient()
        XCTAssertTrue(complete(#"glue:wait("crawler_rea"#, shows: "crawler_ready", in: session), session.transcript)
        XCTAssertTrue(
            complete(#"glue:collect("get_partition_i"#, shows: "get_partition_indexes", in: session), session.transcript
        )
        XCTAssertTrue(
            complete(#"for p in glue:paginate('get_crawler_m"#, shows: "get_crawler_metrics", in: session),
            session.transcript)
        XCTAssertTrue(complete("glue:get_table{Da", shows: "DatabaseName = ", in: session), session.transcript)
        XCTAssertTrue(
            complete(#"glue:get_table{DatabaseName = "d", Na"#, shows: "Name = ", in: session), session.transcript)
        XCTAssertTrue(
            complete("glue:create_crawler{Targets = {S3Targets = {{Pa", shows: "Path = ", in: session),
            session.transcript)
        XCTAssertTrue(session.enter("6*7", expect: "\n42\n"), session.transcript)
    }

    func testHelpOfBuiltInsTheModuleAndOperations() throws {
        let session = try sessionWithAGlueClient()
        XCTAssertTrue(session.enter("help(glue.wait)", expect: "crawler_ready"), session.transcript)
        XCTAssertTrue(session.enter("help(glue.job_logs)", expect: "glue:job_logs{JobName="), session.transcript)
        XCTAssertTrue(session.enter("help(aws)", expect: "aws.json.decode"), session.transcript)
        XCTAssertTrue(session.enter("help(aws.sleep)", expect: "aws.sleep(seconds)"), session.transcript)
        XCTAssertTrue(
            session.enter("help(glue.get_table)", expect: "Retrieves the Table definition in a Data Catalog"),
            session.transcript)
    }
}
