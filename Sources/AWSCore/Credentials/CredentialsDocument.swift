import OrderedCollections

/// Reads the JSON credential documents that `credential_process`, the container endpoint and
/// the instance metadata service return:
/// `{"AccessKeyId": .., "SecretAccessKey": .., "Token" or "SessionToken": .., "Expiration": ..}`.
/// Its errors name the field that is wrong and never quote the document, which holds secrets.
enum CredentialsDocument {
    /// Parses `bytes`; `origin` names the source in error messages (code `CredentialRetrievalError`).
    static func parse(
        _ bytes: [UInt8], origin: String, tokenKey: String, requireExpiration: Bool = false
    ) throws -> (credentials: Credentials, object: OrderedDictionary<String, JSONValue>) {
        guard let object = (try? JSONDecoding.decode(bytes))?.objectValue else {
            throw failure(origin, "returned something that is not a JSON object (\(bytes.count) bytes)")
        }
        guard let accessKey = object["AccessKeyId"]?.stringValue, !accessKey.isEmpty else {
            throw failure(origin, "returned no AccessKeyId string")
        }
        guard let secret = object["SecretAccessKey"]?.stringValue, !secret.isEmpty else {
            throw failure(origin, "returned no SecretAccessKey string")
        }
        var expiration: Double?
        if let value = object["Expiration"], value != .null {
            guard let text = value.stringValue else {
                throw failure(origin, "returned an Expiration that is not a string")
            }
            guard let seconds = parseTimestamp(text) else {
                throw failure(origin, "returned an Expiration that is not an ISO 8601 time")
            }
            expiration = seconds
        } else if requireExpiration {
            throw failure(origin, "returned no Expiration")
        }
        let token = object[tokenKey]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        return (
            Credentials(
                accessKeyID: accessKey, secretAccessKey: secret, sessionToken: token, expiration: expiration
            ), object
        )
    }

    /// Seconds since 1970 for an ISO 8601 time such as `2026-11-26T00:30:34Z`, with or without
    /// fractional seconds, in UTC or with an offset; a time that cannot exist (`2026-02-31`) is none.
    static func parseTimestamp(_ text: String) -> Double? {
        Timestamp.parseISO8601(Array(text.utf8)).map(\.epochSeconds)
    }

    static func failure(_ origin: String, _ reason: String) -> AWSError {
        AWSError(code: "CredentialRetrievalError", message: "\(origin) \(reason)")
    }
}
