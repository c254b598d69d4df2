import OrderedCollections

/// The resume token a paginator hands out when `maxItems` stops it, in botocore's format:
/// base64 of a JSON object mapping each input token name to its value, plus
/// `boto_truncate_amount` (how many items of the page it names were already returned) when
/// it stopped part-way through a page. Tokens made by boto3 resume here and the other way round.
///
/// A starting token that is not such an object is read as botocore's older form:
/// the raw token values joined with `___`, optionally followed by the truncate amount.
struct PaginationToken: Equatable {
    static let truncateKey = "boto_truncate_amount"

    /// The value for each input token; `.null` for none.
    var tokens: OrderedDictionary<String, JSONValue>
    /// Items of the first page to skip when resuming.
    var truncateAmount: Int

    init(tokens: OrderedDictionary<String, JSONValue>, truncateAmount: Int = 0) {
        self.tokens = tokens
        self.truncateAmount = truncateAmount
    }

    /// The token text: base64 of the JSON object.
    func encoded() throws -> String {
        var object = tokens
        if truncateAmount > 0 { object[Self.truncateKey] = .integer(Int64(truncateAmount)) }
        return Base64.encode(try JSONEncoding.encode(.object(object), options: .base64Binary))
    }

    /// Reads a starting token for a paginator whose input tokens are `inputTokens`.
    init(decoding text: String, inputTokens: [String]) throws {
        if let bytes = Base64.decode(text), let json = try? JSONDecoding.decode(bytes), var object = json.objectValue {
            var amount = 0
            if let value = object.removeValue(forKey: Self.truncateKey) {
                guard case .integer(let n) = value, n >= 0 else {
                    throw Self.bad(text, "\(Self.truncateKey) must be a whole number")
                }
                amount = Int(n)
            }
            object.removeValue(forKey: "boto_encoded_keys")
            for name in object.keys where !inputTokens.contains(name) {
                throw Self.bad(text, "it names \(name), which is not an input token of this operation")
            }
            var tokens: OrderedDictionary<String, JSONValue> = [:]
            for name in inputTokens { tokens[name] = object[name] ?? .null }
            self.init(tokens: tokens, truncateAmount: amount)
            return
        }
        var parts = text.split(separator: "___", omittingEmptySubsequences: false).map(String.init)
        var amount = 0
        if parts.count == inputTokens.count + 1, let last = parts.last, let n = Int(last), n >= 0 {
            amount = n
            parts.removeLast()
        }
        guard parts.count <= inputTokens.count else {
            throw Self.bad(text, "it holds \(parts.count) tokens, the operation takes \(inputTokens.count)")
        }
        var tokens: OrderedDictionary<String, JSONValue> = [:]
        for (index, name) in inputTokens.enumerated() {
            let part = index < parts.count ? parts[index] : "None"
            tokens[name] = part == "None" ? .null : .string(part)
        }
        self.init(tokens: tokens, truncateAmount: amount)
    }

    private static func bad(_ text: String, _ reason: String) -> AWSError {
        AWSError(code: "PaginationError", message: "bad starting token \"\(QuotedValue.shortened(text))\": \(reason)")
    }
}
