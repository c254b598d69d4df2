extension AWSClient {
    /// The algorithm of the request's flexible checksum, as botocore resolves it: the one the
    /// script names in the algorithm member (`ChecksumAlgorithm`), else CRC32 when the operation
    /// requires a checksum or supports one and `request_checksum_calculation` is `when_supported`
    /// (never by default for a presigned URL). `defaulted` says the script named none.
    func requestChecksum(_ operation: OperationModel, _ input: JSONValue, presigning: Bool) throws
        -> (algorithm: ChecksumAlgorithm, defaulted: Bool)?
    {
        if let member = operation.checksumAlgorithmMember, let name = input[member]?.stringValue {
            guard let algorithm = ChecksumAlgorithm(named: name) else {
                throw AWSError(
                    code: "UnsupportedChecksumAlgorithm",
                    message: "\(member) \(QuotedValue.shortened(name)) is not a checksum gluescript computes "
                        + "(\(ChecksumAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return (algorithm, false)
        }
        let supported = operation.checksumAlgorithmMember != nil && checksums.requestCalculation == .whenSupported
        guard operation.checksumRequired || supported, !presigning else { return nil }
        return (.defaultAlgorithm, true)
    }

    /// Adds the flexible checksum of the body (`x-amz-checksum-<algorithm>`), unless the
    /// request already carries one (the script gave `ChecksumCRC32`, say). A defaulted algorithm
    /// is also named in the algorithm member's header (`x-amz-sdk-checksum-algorithm`).
    ///
    /// The checksum always travels as a header, computed before sending (a file body is read
    /// once more for it): botocore sends streaming bodies over https as aws-chunked with the
    /// checksum in a trailer instead; S3 accepts both, and the header keeps the signed request
    /// and its Content-Length simple.
    ///
    /// With `hashesPayload` (the signature will cover the body's SHA-256: S3 over plain http),
    /// a file body's hash is computed in the same pass and set as `X-Amz-Content-SHA256`, the
    /// header the signer sends it in, so the file is read once for both rather than twice.
    func applyRequestChecksum(
        _ request: inout HTTPRequest, _ operation: OperationModel, _ input: JSONValue, presigning: Bool,
        hashesPayload: Bool = false
    ) throws {
        guard !request.headers.contains(where: { Self.isChecksumHeader($0.name) }),
            let (algorithm, defaulted) = try requestChecksum(operation, input, presigning: presigning)
        else { return }
        if hashesPayload, case .file = request.body {
            let (checksum, sha256) = try algorithm.base64AndSHA256Hex(of: request.body)
            request.setHeader(algorithm.headerName, checksum)
            request.setHeader(Self.payloadHashHeader, sha256)
        } else {
            request.setHeader(algorithm.headerName, try algorithm.base64(of: request.body))
        }
        if defaulted, let member = operation.checksumAlgorithmMember,
            let header = operation.input?.members[member]?.locationName, request.header(header) == nil
        {
            request.setHeader(header, algorithm.rawValue)
        }
    }

    /// `input` with the validation member (`ChecksumMode`) set to `ENABLED` when the operation
    /// has one and `response_checksum_validation` is `when_supported`, as botocore does.
    func withChecksumMode(_ operation: OperationModel, _ input: JSONValue) -> JSONValue {
        guard checksums.responseValidation == .whenSupported, let member = operation.checksumValidationMember,
            case .object(var members) = input, members[member] == nil
        else { return input }
        members[member] = .string("ENABLED")
        return .object(members)
    }

    /// The algorithms a response to this request may be checked with, in botocore's order of
    /// preference: none unless the input asks for validation (`ChecksumMode`).
    func responseChecksumAlgorithms(_ operation: OperationModel, _ input: JSONValue) -> [ChecksumAlgorithm] {
        guard let member = operation.checksumValidationMember, input[member] != nil else { return [] }
        let offered = Set(operation.responseChecksumAlgorithms.map { $0.uppercased() })
        return ChecksumAlgorithm.responsePriority.filter { offered.contains($0.rawValue) }
    }

    /// `x-amz-checksum-*` other than `x-amz-checksum-algorithm`/`-type`/`-mode`.
    static func isChecksumHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.hasPrefix("x-amz-checksum-") else { return false }
        return !["algorithm", "type", "mode"].contains(lower.dropFirst("x-amz-checksum-".count))
    }
}
