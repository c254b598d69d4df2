/// Builds a `JMESPathNode` tree from tokens: a Pratt parser with the binding powers of the
/// JMESPath reference implementation.
struct JMESPathParser {
    /// Tokens binding less than this end the right-hand side of a projection.
    private static let projectionStop = 10
    /// The deepest nesting of sub-expressions accepted, so that a hostile expression cannot
    /// exhaust the stack.
    static let maximumDepth = 100
    /// The deepest evaluation accepted (see `JMESPathNode.evaluationDepth`), so that searching
    /// cannot exhaust even a small thread stack.
    static let maximumEvaluationDepth = 100
    /// The most tokens accepted; bounds the size of the tree (and the work of freeing it).
    static let maximumTokens = 4096

    private let tokens: [JMESPathToken]
    private var position = 0
    private var depth = 0

    init(_ tokens: [JMESPathToken]) {
        self.tokens = tokens
    }

    /// The whole expression; anything left over is an error.
    mutating func parse() throws -> JMESPathNode {
        guard tokens.count <= Self.maximumTokens else {
            throw syntaxError("expression longer than \(Self.maximumTokens) tokens", at: tokens[0])
        }
        let node = try expression(0)
        guard case .end = current.kind else {
            throw unexpected(current, expected: "end of expression")
        }
        guard node.evaluationDepth <= Self.maximumEvaluationDepth else {
            throw syntaxError(
                "expression nested deeper than \(Self.maximumEvaluationDepth) levels", at: tokens[0])
        }
        return node
    }

    private var current: JMESPathToken { tokens[min(position, tokens.count - 1)] }

    private func lookahead(_ offset: Int) -> JMESPathToken {
        tokens[min(position + offset, tokens.count - 1)]
    }

    private mutating func advance() { position += 1 }

    private mutating func match(_ kind: JMESPathToken.Kind, _ description: String) throws {
        guard current.kind == kind else { throw unexpected(current, expected: description) }
        advance()
    }

    private mutating func expression(_ bindingPower: Int) throws -> JMESPathNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw syntaxError("expression nested deeper than \(Self.maximumDepth) levels", at: current)
        }
        let token = current
        advance()
        var left = try nud(token)
        while bindingPower < current.bindingPower {
            let token = current
            advance()
            left = try led(token, left)
        }
        return left
    }

    // MARK: Tokens at the start of an expression

    private mutating func nud(_ token: JMESPathToken) throws -> JMESPathNode {
        switch token.kind {
        case .literal(let value): return .literal(value)
        case .unquotedIdentifier(let name): return .field(name)
        case .quotedIdentifier(let name):
            if case .leftParen = current.kind {
                throw syntaxError("a function name cannot be quoted", at: token)
            }
            return .field(name)
        case .star:
            if case .rightBracket = current.kind { return .valueProjection(.current, .current) }
            return .valueProjection(.current, try projectionRight(token.bindingPower))
        case .filter: return try filter(.current)
        case .leftBrace: return try multiSelectHash()
        case .leftParen:
            let inner = try expression(0)
            try match(.rightParen, "')'")
            return inner
        case .flatten:
            return .listProjection(.flatten(.current), try projectionRight(token.bindingPower))
        case .not: return .not(try expression(token.bindingPower))
        case .leftBracket:
            switch current.kind {
            case .number, .colon:
                return try projectIfSlice(.current, try indexOrSlice())
            case .star where lookahead(1).kind == .rightBracket:
                advance()
                advance()
                return .listProjection(.current, try projectionRight(JMESPathToken.bindingPower(of: .star)))
            default:
                return try multiSelectList()
            }
        case .current: return .current
        case .expressionReference: return .expressionReference(try expression(token.bindingPower))
        default:
            throw unexpected(token, expected: "an expression")
        }
    }

    // MARK: Tokens following an expression

    private mutating func led(_ token: JMESPathToken, _ left: JMESPathNode) throws -> JMESPathNode {
        switch token.kind {
        case .dot:
            if case .star = current.kind {
                advance()
                return .valueProjection(left, try projectionRight(token.bindingPower))
            }
            return .subexpression(left, try dotRight(token.bindingPower))
        case .pipe: return .pipe(left, try expression(token.bindingPower))
        case .or: return .or(left, try expression(token.bindingPower))
        case .and: return .and(left, try expression(token.bindingPower))
        case .leftParen: return try functionCall(left, nameToken: lookahead(-2))
        case .filter: return try filter(left)
        case .flatten: return .listProjection(.flatten(left), try projectionRight(token.bindingPower))
        case .leftBracket:
            switch current.kind {
            case .number, .colon:
                return try projectIfSlice(left, try indexOrSlice())
            default:
                try match(.star, "'*', a number or ':'")
                try match(.rightBracket, "']'")
                return .listProjection(left, try projectionRight(JMESPathToken.bindingPower(of: .star)))
            }
        case .equal: return .comparison(.equal, left, try expression(token.bindingPower))
        case .notEqual: return .comparison(.notEqual, left, try expression(token.bindingPower))
        case .less: return .comparison(.less, left, try expression(token.bindingPower))
        case .lessOrEqual: return .comparison(.lessOrEqual, left, try expression(token.bindingPower))
        case .greater: return .comparison(.greater, left, try expression(token.bindingPower))
        case .greaterOrEqual:
            return .comparison(.greaterOrEqual, left, try expression(token.bindingPower))
        default:
            throw unexpected(token, expected: "an operator, '.', '[' or end of expression")
        }
    }

    private mutating func filter(_ left: JMESPathNode) throws -> JMESPathNode {
        let condition = try expression(0)
        try match(.rightBracket, "']'")
        let right: JMESPathNode
        if case .flatten = current.kind {
            right = .current
        } else {
            right = try projectionRight(JMESPathToken.bindingPower(of: .filter))
        }
        return .filterProjection(left, right, condition: condition)
    }

    private mutating func projectIfSlice(_ left: JMESPathNode, _ right: JMESPathNode) throws
        -> JMESPathNode
    {
        if case .slice = right {
            return .listProjection(
                .subexpression(left, right), try projectionRight(JMESPathToken.bindingPower(of: .star)))
        }
        return .subexpression(left, right)
    }

    /// After `[`: `n]` or a slice `start:stop:step]`.
    private mutating func indexOrSlice() throws -> JMESPathNode {
        if case .number(let n) = current.kind, case .rightBracket = lookahead(1).kind {
            advance()
            advance()
            return .index(n)
        }
        var parts: [Int?] = [nil, nil, nil]
        var part = 0
        let start = current
        while true {
            switch current.kind {
            case .rightBracket:
                advance()
                let step = parts[2] ?? 1
                guard step != 0 else {
                    throw AWSError(
                        code: "JMESPathInvalidValue",
                        message: "slice step cannot be 0 at column \(start.column)")
                }
                return .slice(start: parts[0], stop: parts[1], step: step)
            case .colon:
                part += 1
                guard part < 3 else { throw unexpected(current, expected: "a number or ']'") }
                advance()
            case .number(let n):
                guard parts[part] == nil else { throw unexpected(current, expected: "':' or ']'") }
                parts[part] = n
                advance()
            default:
                throw unexpected(current, expected: "a number, ':' or ']'")
            }
        }
    }

    private mutating func projectionRight(_ bindingPower: Int) throws -> JMESPathNode {
        let token = current
        if token.bindingPower < Self.projectionStop { return .current }
        switch token.kind {
        case .leftBracket, .filter:
            return try expression(bindingPower)
        case .dot:
            advance()
            return try dotRight(bindingPower)
        default:
            throw unexpected(token, expected: "'.', '[' or '[?' after a projection")
        }
    }

    /// What may follow a `.`: an identifier, `*`, a multi-select list or hash.
    private mutating func dotRight(_ bindingPower: Int) throws -> JMESPathNode {
        switch current.kind {
        case .unquotedIdentifier, .quotedIdentifier, .star:
            return try expression(bindingPower)
        case .leftBracket:
            advance()
            return try multiSelectList()
        case .leftBrace:
            advance()
            return try multiSelectHash()
        default:
            throw unexpected(current, expected: "an identifier, '*', '[' or '{' after '.'")
        }
    }

    private mutating func multiSelectList() throws -> JMESPathNode {
        var elements: [JMESPathNode] = []
        while true {
            elements.append(try expression(0))
            if case .rightBracket = current.kind { break }
            try match(.comma, "',' or ']'")
        }
        advance()
        return .multiSelectList(elements)
    }

    private mutating func multiSelectHash() throws -> JMESPathNode {
        var entries: [JMESPathNode.MultiSelectEntry] = []
        while true {
            let key: String
            switch current.kind {
            case .unquotedIdentifier(let name), .quotedIdentifier(let name): key = name
            default: throw unexpected(current, expected: "a key name")
            }
            advance()
            try match(.colon, "':'")
            entries.append(.init(key: key, value: try expression(0)))
            if case .rightBrace = current.kind {
                advance()
                return .multiSelectHash(entries)
            }
            try match(.comma, "',' or '}'")
        }
    }

    private mutating func functionCall(_ left: JMESPathNode, nameToken: JMESPathToken) throws
        -> JMESPathNode
    {
        guard case .field(let name) = left, case .unquotedIdentifier = nameToken.kind else {
            throw syntaxError("found '(' after something that is not a function name", at: lookahead(-1))
        }
        var arguments: [JMESPathNode] = []
        while true {
            if case .rightParen = current.kind { break }
            arguments.append(try expression(0))
            if case .rightParen = current.kind { break }
            try match(.comma, "',' or ')'")
            if case .rightParen = current.kind {
                throw unexpected(current, expected: "a function argument")
            }
        }
        advance()
        guard let function = JMESPathFunction(rawValue: name) else {
            throw AWSError(
                code: "JMESPathUnknownFunction",
                message: "unknown function \(name)() at column \(nameToken.column)")
        }
        try function.checkArity(arguments.count)
        return .function(function, arguments)
    }

    // MARK: Errors

    private func unexpected(_ token: JMESPathToken, expected: String) -> AWSError {
        syntaxError("expected \(expected), found \(token.description)", at: token)
    }

    private func syntaxError(_ what: String, at token: JMESPathToken) -> AWSError {
        AWSError(code: "JMESPathSyntaxError", message: "\(what) at column \(token.column)")
    }
}
