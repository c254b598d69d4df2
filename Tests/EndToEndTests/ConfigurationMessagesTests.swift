import Foundation
import XCTest

/// Configuration problems point at what is wrong, and `--local` says what it sets aside.
final class ConfigurationMessagesTests: XCTestCase {
    func testAMissingSourceProfileIsNamedAsTheSourceProfileOfItsProfileAndFile() throws {
        let scratch = try ScratchFolder()
        let config = try scratch.write(
            "config",
            """
            [profile broken]
            role_arn = arn:aws:iam::123456789012:role/r
            source_profile = nosuch
            region = us-east-1
            """)
        let outcome = try GluescriptProcess.run(
            ["--profile", "broken", "-e", "aws.client('s3'):list_buckets()"],
            environment: [
                "AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": scratch.url.path + "/credentials",
                "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_PROFILE": "",
            ])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("ProfileNotFound"), outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains(
                "\"nosuch\" could not be found: it is the source_profile of profile \"broken\" in \(config)"),
            outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("from --profile"), outcome.stderr)
    }

    func testLocalModeNeedsNoProfileAndSaysWhichEndpointsItIgnores() throws {
        try EmulatorEndpoint.requireMoto()
        let outcome = try GluescriptProcess(
            [
                "--local", "--endpoint-url", "http://127.0.0.1:9", "-e",
                "print(aws.client('s3'):list_buckets().ResponseMetadata.HTTPStatusCode)",
            ],
            environment: [
                "AWS_PROFILE": "nosuch", "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:9",
                "AWS_CONFIG_FILE": "/nonexistent/config",
            ]
        ).finish(timeout: 60)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "200\n")
        let notices = outcome.stderr.split(separator: "\n").filter { $0.contains("ignoring") }
        XCTAssertEqual(
            notices,
            ["gluescript: --local sends every request to the emulator; ignoring --endpoint-url, AWS_ENDPOINT_URL_S3"],
            outcome.stderr)
    }

    func testReusingAnEmulatorSaysItChangesItsGlueTimings() throws {
        try EmulatorEndpoint.requireMoto()
        let owner = try GluescriptProcess(["--local", "-e", "io.stderr:write('ready\\n') aws.sleep(60)"])
        defer {
            owner.signal(SIGINT)
            _ = owner.finish(timeout: 20)
        }
        XCTAssertTrue(owner.waitForStderr("ready", timeout: 40), owner.stderrSoFar)
        guard let range = owner.stderrSoFar.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) else {
            return XCTFail("no emulator address: \(owner.stderrSoFar)")
        }
        let url = String(owner.stderrSoFar[range])
        let outcome = try GluescriptProcess.run(["--local=" + url, "-e", "print(1)"], timeout: 30)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(
            outcome.stderr,
            "gluescript: Glue crawls and job runs of the emulator at \(url) now take 3 s per step, also after this run\n"
        )
    }
}
