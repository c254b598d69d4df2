/// When checksums are computed for requests and checked on responses, as botocore's
/// `request_checksum_calculation` and `response_checksum_validation` say.
public struct ChecksumSettings: Sendable, Equatable {
    /// `when_supported`: whenever the operation can carry one (the default);
    /// `when_required`: only when the operation requires one or the script names an algorithm.
    public enum Mode: String, Sendable {
        case whenSupported = "when_supported"
        case whenRequired = "when_required"
    }

    public var requestCalculation: Mode
    public var responseValidation: Mode

    public init(requestCalculation: Mode = .whenSupported, responseValidation: Mode = .whenSupported) {
        self.requestCalculation = requestCalculation
        self.responseValidation = responseValidation
    }
}

extension ConfigResolver {
    /// `AWS_REQUEST_CHECKSUM_CALCULATION` / `AWS_RESPONSE_CHECKSUM_VALIDATION`, else the
    /// profile's `request_checksum_calculation` / `response_checksum_validation`, else
    /// `when_supported`. Any other value is an error `InvalidConfiguration`.
    public func checksumSettings() throws -> ChecksumSettings {
        func mode(_ variable: String, _ key: String) throws -> ChecksumSettings.Mode {
            guard let configured = lookup(override: nil, variables: [variable], profileKey: key) else {
                return .whenSupported
            }
            guard let mode = ChecksumSettings.Mode(rawValue: configured.value.lowercased()) else {
                throw AWSError(
                    code: "InvalidConfiguration",
                    message: "\(key) from \(configured.source) must be when_supported or when_required, "
                        + "got \"\(configured.value)\"")
            }
            return mode
        }
        return ChecksumSettings(
            requestCalculation: try mode("AWS_REQUEST_CHECKSUM_CALCULATION", "request_checksum_calculation"),
            responseValidation: try mode("AWS_RESPONSE_CHECKSUM_VALIDATION", "response_checksum_validation"))
    }
}
