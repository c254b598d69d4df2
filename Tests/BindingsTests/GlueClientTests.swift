import Host
import XCTest

/// The demo's Glue calls against the emulator: database, crawler, job, job run.
final class GlueClientTests: XCTestCase {
    func testDatabaseCrawlerJobAndRun() throws {
        let lua = try makeEmulatorState()
        let name = Emulator.uniqueName("demo").replacingOccurrences(of: "-", with: "_")
        let result = try lua.run(
            """
            local glue = aws.client("glue")
            local role = "arn:aws:iam::123456789012:role/glue-demo"
            glue:create_database{DatabaseInput = {Name = "\(name)"}}
            glue:create_crawler{Name = "\(name)", Role = role, DatabaseName = "\(name)",
              Targets = {S3Targets = {{Path = "s3://bucket/raw/"}}}}
            local crawler = glue:get_crawler{Name = "\(name)"}.Crawler
            glue:create_job{Name = "\(name)", Role = role,
              Command = {Name = "glueetl", ScriptLocation = "s3://bucket/etl/job.py", PythonVersion = "3"},
              GlueVersion = "4.0", DefaultArguments = {["--TempDir"] = "s3://bucket/tmp/"}}
            local run = glue:start_job_run{JobName = "\(name)", Arguments = {["--day"] = "2026-11-26"}}
            local state = glue:get_job_run{JobName = "\(name)", RunId = run.JobRunId}.JobRun.JobRunState
            local databases = glue:get_databases{}.DatabaseList
            local found = false
            for _, db in ipairs(databases) do found = found or db.Name == "\(name)" end
            glue:delete_job{JobName = "\(name)"}
            glue:delete_crawler{Name = "\(name)"}
            glue:delete_database{Name = "\(name)"}
            return crawler.Targets.S3Targets[1].Path, crawler.State, type(run.JobRunId), state, found
            """)
        XCTAssertEqual(result[0], .string("s3://bucket/raw/"))
        XCTAssertEqual(result[1], .string("READY"))
        XCTAssertEqual(result[2], .string("string"))
        XCTAssertNotEqual(result[3], .nil)
        XCTAssertEqual(result[4], .boolean(true))
    }

    func testErrorsCarryTheGlueCode() throws {
        let lua = try makeEmulatorState()
        let name = Emulator.uniqueName("db").replacingOccurrences(of: "-", with: "_")
        let result = try lua.run(
            """
            local glue = aws.client("glue")
            glue:create_database{DatabaseInput = {Name = "\(name)"}}
            local ok, dup = pcall(glue.create_database, glue, {DatabaseInput = {Name = "\(name)"}})
            local ok2, missing = pcall(glue.get_crawler, glue, {Name = "\(name)-none"})
            glue:delete_database{Name = "\(name)"}
            return dup.code, missing.code, tostring(missing)
            """)
        XCTAssertEqual(Array(result[0..<2]), [.string("AlreadyExistsException"), .string("EntityNotFoundException")])
        XCTAssertTrue(result[2].stringValue?.contains("glue.GetCrawler") ?? false, "\(result[2])")
    }

    func testBadParametersAreRejectedBeforeAnythingIsSent() throws {
        let lua = try makeEmulatorState()
        let name = Emulator.uniqueName("c")
        let result = try lua.run(
            """
            local glue = aws.client("glue")
            local ok, e = pcall(glue.create_crawler, glue, {Name = "\(name)", Role = "r",
              Targets = {S3Targets = {{Path = 42}}}, Schedul = "x"})
            local ok2, missing = pcall(glue.get_crawler, glue, {Name = "\(name)"})
            return e.code, e.message, missing.code
            """)
        XCTAssertEqual(result[0], .string("ValidationError"))
        let message = result[1].stringValue ?? ""
        XCTAssertTrue(message.contains("Targets.S3Targets[1].Path: expected string, got number"), message)
        XCTAssertTrue(message.contains("did you mean Schedule?"), message)
        XCTAssertEqual(result[2], .string("EntityNotFoundException"), "the crawler was never created")
    }
}
