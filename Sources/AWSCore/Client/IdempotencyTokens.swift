import FoundationEssentials

/// Fills the members a model marks `idempotencyToken` (`ClientRequestToken`, `ClientToken`)
/// with a fresh lower-case UUID when the script leaves them out, as botocore does: top-level
/// members only, once per call, so every retry of the call carries the same token.
enum IdempotencyTokens {
    static func filled(
        _ input: JSONValue, shape: Shape, makeToken: () -> String = { UUID().uuidString.lowercased() }
    ) -> JSONValue {
        guard case .object(var members) = input else { return input }
        for (name, member) in shape.members where member.idempotencyToken {
            if members[name] == nil || members[name] == .null { members[name] = .string(makeToken()) }
        }
        return .object(members)
    }
}
