import Foundation
import XCTest

/// What `gluescript` prints (its error, `--debug`, `aws.config()`) never holds a planted secret.
final class SecretsInOutputTests: XCTestCase {
    func testABrokenCredentialProcessAndAnEndpointPasswordStayOutOfTheOutput() throws {
        let scratch = try ScratchFolder()
        let printer = try scratch.write(
            "print-credentials",
            #"echo '{"Version": 1, "AccessKeyId": "ASIAPLANTED", "SecretAccessKey": "wJalrSECRETplanted", "#
                + #""SessionToken": "FwoTOKENplanted", "Expiration": "2026-02-31T00:00:00Z"}'"# + "\n")
        let config = try scratch.write(
            "config", "[default]\nregion = us-east-1\ncredential_process = sh \(printer)\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "-i", "HOME=\(scratch.url.path)", "PATH=/usr/bin:/bin", "AWS_CONFIG_FILE=\(config)",
            "AWS_SHARED_CREDENTIALS_FILE=\(scratch.url.path)/none", "AWS_EC2_METADATA_DISABLED=true",
            GluescriptProcess.binary.path, "--debug", "--endpoint-url", "http://admin:PASSWORDplanted@127.0.0.1:9",
            "-e", "print(aws.config().endpoint_url) aws.client('sts'):get_caller_identity()",
        ]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        XCTAssertEqual(process.terminationStatus, 1, errors)
        XCTAssertEqual(output, "http://admin:<redacted>@127.0.0.1:9\n")
        XCTAssertTrue(errors.contains("CredentialRetrievalError"), errors)
        XCTAssertTrue(errors.contains("Expiration"), "the error names the field at fault: \(errors)")
        for planted in ["wJalrSECRETplanted", "FwoTOKENplanted", "PASSWORDplanted"] {
            XCTAssertFalse(errors.contains(planted) || output.contains(planted), "\(planted) in \(errors)")
        }
    }
}
