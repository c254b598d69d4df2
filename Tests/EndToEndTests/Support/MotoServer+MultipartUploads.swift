import XCTest

extension MotoServer {
    /// How many multipart uploads `bucket` still has open, as a second gluescript run lists them.
    func openMultipartUploads(in bucket: String) throws -> String {
        let listed = try GluescriptProcess([
            "--local=\(url)", "-e",
            "print(#(aws.client('s3'):list_multipart_uploads{Bucket = '\(bucket)'}.Uploads or {}))",
        ]).finish(timeout: 30)
        XCTAssertEqual(listed.status, 0, listed.stderr)
        return listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
