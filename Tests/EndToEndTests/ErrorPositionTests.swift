import XCTest

/// An AWS error raised by a call names the script's line that made the call, also now that
/// operation methods are thin Lua wrappers (they are the host's own chunks).
final class ErrorPositionTests: XCTestCase {
    func testAnOperationErrorNamesTheCallersLine() throws {
        let folder = try ScratchFolder()
        let script = folder.url.appendingPathComponent("job.lua")
        try "local s3 = aws.client('s3', {region = 'us-east-1'})\n\ns3:get_object{Bucket = 's3://x/y', Key = 'k'}\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let outcome = try GluescriptProcess.run([script.path])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("job.lua:3: ValidationError"), outcome.stderr)
    }

    func testAParallelFunctionsErrorNamesItsOwnLine() throws {
        let outcome = try GluescriptProcess.run([
            "-e",
            "local s3 = aws.client('s3', {region = 'us-east-1'})\naws.parallel(function()\n"
                + "  s3:get_object{Bucket = 's3://x/y', Key = 'k'} end)",
        ])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("(command line):3: ValidationError"), outcome.stderr)
    }
}
