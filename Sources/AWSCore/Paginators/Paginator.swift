import OrderedCollections

/// Walks the pages of one operation call as botocore's `PageIterator` does: each page's
/// output token becomes the next request's input token until `more_results` is falsy or the
/// tokens are empty.
///
/// `maxItems` counts the items of the first result key; the page that passes it is cut
/// short and `nextToken` is set, as is the case when the limit falls exactly on a page end
/// with more pages to come. A service that sends back the token it was given raises
/// `PaginationError` when the next page is asked for (the page itself is still returned).
public final class Paginator {
    public let definition: PaginatorDefinition
    /// The token to pass as `startingToken` to carry on where `maxItems` stopped; nil when
    /// every page was read.
    public private(set) var nextToken: String?
    /// The non-aggregate keys of the first page (`Prefix`, `Owner`), once it was read.
    public private(set) var nonAggregatePart: JSONValue = .object([:])

    private let call: OperationCall
    private let options: PaginationOptions
    private var request: OrderedDictionary<String, JSONValue>
    private var sentTokens: OrderedDictionary<String, JSONValue>
    private var startingTruncation = 0
    private var totalItems = 0
    private var isFirstPage = true
    private var isFinished = false
    private var pendingError: AWSError?

    /// A paginator over `call` for `input`. Throws `PaginationError` for a bad starting token,
    /// a `pageSize` without a limit key, or an input that is not an object.
    public init(
        definition: PaginatorDefinition, input: JSONValue, options: PaginationOptions = PaginationOptions(),
        call: @escaping OperationCall
    ) throws {
        self.definition = definition
        self.options = options
        self.call = call
        switch input {
        case .null: request = [:]
        case .object(let members): request = members
        default: throw AWSError(code: "PaginationError", message: "the input must be an object")
        }
        sentTokens = [:]
        for name in definition.inputTokens { sentTokens[name] = .null }
        if let text = options.startingToken {
            let token = try PaginationToken(decoding: text, inputTokens: definition.inputTokens)
            sentTokens = token.tokens
            startingTruncation = token.truncateAmount
            inject(sentTokens)
        }
        if let size = options.pageSize {
            guard let limitKey = definition.limitKey else {
                throw AWSError(
                    code: "PaginationError", message: "this operation has no page size to set (no limit_key)")
            }
            request[limitKey] = options.pageSizeAsString ? .string(String(size)) : .integer(Int64(size))
        }
        if let max = options.maxItems, max < 0 {
            throw AWSError(code: "PaginationError", message: "maxItems must not be negative, got \(max)")
        }
    }

    /// A convenience taking the definition as its JSON from `paginators-1.json`.
    public convenience init(
        definition json: JSONValue, input: JSONValue, options: PaginationOptions = PaginationOptions(),
        call: @escaping OperationCall
    ) throws {
        try self.init(definition: PaginatorDefinition(json), input: input, options: options, call: call)
    }

    /// The next page, or nil when there are no more.
    public func nextPage() throws -> JSONValue? {
        guard let input = try nextInput() else { return nil }
        return try accept(try call(input))
    }

    /// The input of the call that gets the next page, or nil when there are no more; for a
    /// caller that makes the call itself and hands its answer to `accept`.
    public func nextInput() throws -> JSONValue? {
        if let error = pendingError {
            pendingError = nil
            isFinished = true
            throw error
        }
        return isFinished ? nil : .object(request)
    }

    /// Takes the answer to the call `nextInput` asked for and returns it as the next page
    /// (cut to `maxItems`), learning the tokens for the page after it.
    public func accept(_ answer: JSONValue) throws -> JSONValue {
        var page = answer
        if isFirstPage {
            isFirstPage = false
            if startingTruncation > 0 { try skipAlreadyReturned(&page) }
            recordNonAggregateKeys(page, of: JSONValueDocument())
        } else {
            startingTruncation = 0
        }
        let count = try itemCount(page)
        if let max = options.maxItems, totalItems + count > max {
            let keep = max - totalItems
            try truncate(&page, keeping: keep)
            nextToken = try PaginationToken(tokens: sentTokens, truncateAmount: keep + startingTruncation).encoded()
            isFinished = true
            return page
        }
        totalItems += count
        try advance(past: try nextTokens(in: page, of: JSONValueDocument()))
        return page
    }

    /// Whether each page can be taken whole by `accept(page:in:)`, read elsewhere than in a
    /// `JSONValue` (straight into Lua tables): true unless `maxItems` or a starting token's
    /// count of items already returned may have to cut a page short.
    public var takesPagesWhole: Bool { options.maxItems == nil && startingTruncation == 0 }

    /// Takes the answer to the call `nextInput` asked for, read by the caller into `document`,
    /// and learns the tokens for the page after it from there; only when `takesPagesWhole`.
    public func accept<Document: JMESPathDocument>(page: Document.Value, in document: Document) throws {
        guard takesPagesWhole else {
            throw AWSError(code: "PaginationError", message: "this walk must cut pages short; take them as JSON")
        }
        if isFirstPage {
            isFirstPage = false
            recordNonAggregateKeys(page, of: document)
        }
        try advance(past: try nextTokens(in: page, of: document))
    }

    /// Sets the request for the page after one whose tokens were `received`, or ends the walk.
    private func advance(past received: OrderedDictionary<String, JSONValue>) throws {
        if received.values.allSatisfy({ $0 == .null }) {
            isFinished = true
        } else if let max = options.maxItems, totalItems == max {
            nextToken = try PaginationToken(tokens: received).encoded()
            isFinished = true
        } else if received == sentTokens {
            pendingError = AWSError(
                code: "PaginationError",
                message: "the service sent back the same next token twice in a row: \(describe(received))")
        } else {
            inject(received)
            sentTokens = received
        }
    }

    private func inject(_ tokens: OrderedDictionary<String, JSONValue>) {
        for (name, value) in tokens {
            if value == .null || value == .string("None") {
                request.removeValue(forKey: name)
            } else {
                request[name] = value
            }
        }
    }

    private func nextTokens<Document: JMESPathDocument>(in page: Document.Value, of document: Document) throws
        -> OrderedDictionary<String, JSONValue>
    {
        var tokens: OrderedDictionary<String, JSONValue> = [:]
        if let more = definition.moreResults,
            !(try document.json(of: more.search(page, in: document)).jmesPathTruthy)
        {
            for name in definition.inputTokens { tokens[name] = .null }
            return tokens
        }
        for (name, expression) in zip(definition.inputTokens, definition.outputTokens) {
            let value = try document.json(of: expression.search(page, in: document))
            tokens[name] = value.jmesPathTruthy ? value : .null
        }
        return tokens
    }

    private func itemCount(_ page: JSONValue) throws -> Int {
        guard let primary = definition.resultKeys.first else { return 0 }
        return try primary.search(page).arrayValue?.count ?? 0
    }

    private func recordNonAggregateKeys<Document: JMESPathDocument>(_ page: Document.Value, of document: Document) {
        var part = JSONValue.object([:])
        for expression in definition.nonAggregateKeys {
            guard let value = try? document.json(of: expression.search(page, in: document)), value != .null,
                let members = JSONValue.dottedPathMembers(expression.source)
            else { continue }
            part.set(value, atMembers: members[...])
        }
        nonAggregatePart = part
    }

    /// On the first page of a resumed walk: drops the items already returned from the first
    /// result key and empties the other result keys, which that earlier page returned whole.
    private func skipAlreadyReturned(_ page: inout JSONValue) throws {
        guard let primary = definition.resultKeys.first else { return }
        let items = try primary.search(page).arrayValue ?? []
        try set(&page, primary, .array(Array(items.dropFirst(startingTruncation))))
        for other in definition.resultKeys.dropFirst() {
            let sample = try other.search(page)
            switch sample {
            case .array: try set(&page, other, .array([]))
            case .string: try set(&page, other, .string(""))
            case .integer, .double: continue
            default: try set(&page, other, .null)
            }
        }
    }

    private func truncate(_ page: inout JSONValue, keeping keep: Int) throws {
        guard let primary = definition.resultKeys.first else { return }
        let items = try primary.search(page).arrayValue ?? []
        try set(&page, primary, .array(Array(items.prefix(keep))))
    }

    private func set(_ page: inout JSONValue, _ key: JMESPathExpression, _ value: JSONValue) throws {
        guard let members = JSONValue.dottedPathMembers(key.source) else {
            throw AWSError(
                code: "PaginationError",
                message: "cannot cut the result key \"\(key.source)\" short: it is not a dotted member path")
        }
        page.set(value, atMembers: members[...])
    }

    private func describe(_ tokens: OrderedDictionary<String, JSONValue>) -> String {
        tokens.map { name, value in
            "\(name)=\((try? JSONEncoding.encodeString(value, options: .base64Binary)) ?? "?")"
        }.joined(separator: ", ")
    }
}
