/// A `Content-Length` given as input (S3's `ContentLength`) must be the length of the body:
/// curl sends the body's own length, and the signature must cover the number that is sent.
/// Anything else (a negative length, one that is not the body's) is a `ValidationError`
/// naming the member, raised before anything is sent.
enum ContentLengthCheck {
    static func verify(_ request: HTTPRequest, operation: OperationModel) throws {
        guard let given = request.header("Content-Length") else { return }
        let member =
            operation.input?.members.first {
                $0.value.location == .header && $0.value.wireName.lowercased() == "content-length"
            }?
            .key ?? "Content-Length"
        guard let length = Int64(given), length >= 0 else {
            throw AWSError(
                code: "ValidationError",
                message: "\(member): must be a length in bytes, 0 or more, got \(QuotedValue.shortened(given))")
        }
        let bodyLength: Int64
        switch request.body {
        case .none: bodyLength = 0
        case .bytes(let bytes): bodyLength = Int64(bytes.count)
        case .file(_, _, let fileLength): bodyLength = Int64(clamping: fileLength)
        }
        guard length == bodyLength else {
            throw AWSError(
                code: "ValidationError",
                message:
                    "\(member): \(length) is not the length of the body, \(bodyLength) bytes; leave it out to send the body's length"
            )
        }
    }
}
