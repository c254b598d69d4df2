/// An operation's `endpoint.hostPrefix` (`{AccountId}.`, `data.`, `sync-`), put in front of the
/// endpoint's host as botocore's serializers do: each `{Label}` is replaced by the input member
/// marked `hostLabel`, whose value must be letters, digits, `-` and `.` only (a value that would
/// change the host otherwise, `evil.com/`, is refused before anything is sent).
///
/// Endpoints whose host is an IP address or `localhost` (a local emulator) are left as they
/// are: no name under them could resolve.
enum HostPrefix {
    /// `endpoint` with the operation's host prefix applied to `input`.
    static func apply(_ operation: OperationModel, input: JSONValue, to endpoint: AWSURL) throws -> AWSURL {
        guard let template = operation.hostPrefix, !template.isEmpty, !isLocal(endpoint.host) else { return endpoint }
        var prefix = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            prefix += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw AWSError(
                    code: "InvalidModel", message: "\(operation.name): host prefix \(template) has an unclosed label")
            }
            let label = String(rest[rest.index(after: open)..<close])
            prefix += try labelValue(label, operation: operation, input: input)
            rest = rest[rest.index(after: close)...]
        }
        prefix += rest
        var prefixed = endpoint
        prefixed.host = prefix + endpoint.host
        return prefixed
    }

    private static func labelValue(_ label: String, operation: OperationModel, input: JSONValue) throws -> String {
        guard let member = operation.input?.members[label], member.hostLabel else {
            throw AWSError(
                code: "InvalidModel", message: "\(operation.name): host label {\(label)} names no hostLabel member")
        }
        guard let value = input[label]?.stringValue, !value.isEmpty else {
            throw AWSError.invalidInputValue(label, "is required: it is part of the host name")
        }
        let allowed = value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ".")
        }
        guard allowed else {
            throw AWSError.invalidInputValue(
                label,
                "\(String(reflecting: QuotedValue.shortened(value))) must contain only letters, digits, hyphens and periods (it is part of the host name)"
            )
        }
        return value
    }

    private static func isLocal(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("[") || host.allSatisfy { $0.isNumber || $0 == "." }
    }
}

extension AWSProtocol {
    /// The unsigned request for `operation` as the protocol builds it, sent to `endpoint` with
    /// the operation's host prefix applied (see `HostPrefix`).
    public func request(_ operation: OperationModel, input: JSONValue, endpoint: AWSURL) throws -> HTTPRequest {
        try buildRequest(operation, input: input, endpoint: HostPrefix.apply(operation, input: input, to: endpoint))
    }
}
