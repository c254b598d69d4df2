/// The check of a response body against the flexible checksum its headers carry, as botocore
/// makes it: the first algorithm of the preferred list whose `x-amz-checksum-*` header is
/// there. A composite checksum of a multipart object (`...-3`) checks nothing, and neither
/// does a ranged (206) answer, whose body is only part of what a checksum would cover: S3 sends
/// none with one, and s3transfer checks ranged parts no further.
struct ResponseChecksum {
    let algorithm: ChecksumAlgorithm
    let expected: String
    private var hasher: ChecksumHasher

    /// nil when the headers carry none of `algorithms` (or only composite ones).
    init?(headers: [(name: String, value: String)], algorithms: [ChecksumAlgorithm]) {
        for algorithm in algorithms {
            guard let value = headers.last(where: { $0.name.lowercased() == algorithm.headerName })?.value else {
                continue
            }
            if value.contains("-") { continue }
            self.algorithm = algorithm
            self.expected = value
            self.hasher = algorithm.makeHasher()
            return
        }
        return nil
    }

    mutating func update(_ piece: UnsafeRawBufferPointer) { hasher.update(piece) }

    /// The error to report when the body does not match, else nil; `consequence` tells what
    /// became of the file the body was for, if any ("x was not written").
    func mismatch(consequence: String?) -> AWSError? {
        let computed = hasher.base64()
        guard computed != expected else { return nil }
        let target = consequence.map { "; \($0)" } ?? ""
        return AWSError(
            code: "ChecksumMismatch",
            message: "the response body's \(algorithm.rawValue) is \(computed), but the response says "
                + "\(QuotedValue.shortened(expected))\(target)")
    }
}
