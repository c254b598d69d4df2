/// One lexical token of a JMESPath expression, with the column (1-based, in characters) where
/// it starts.
struct JMESPathToken: Sendable {
    enum Kind: Equatable, Sendable {
        case unquotedIdentifier(String)
        case quotedIdentifier(String)
        case number(Int)
        case literal(JSONValue)
        case dot, star, flatten, filter, leftBracket, rightBracket, leftBrace, rightBrace
        case leftParen, rightParen, comma, colon, pipe, or, and, not, current, expressionReference
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        case end
    }

    var kind: Kind
    var column: Int

    /// How strongly the token binds to the expression on its left.
    var bindingPower: Int { Self.bindingPower(of: kind) }

    /// How strongly a token of `kind` binds to the expression on its left (0: it does not).
    static func bindingPower(of kind: Kind) -> Int {
        switch kind {
        case .pipe: return 1
        case .or: return 2
        case .and: return 3
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return 5
        case .flatten: return 9
        case .star: return 20
        case .filter: return 21
        case .dot: return 40
        case .not: return 45
        case .leftBrace: return 50
        case .leftBracket: return 55
        case .leftParen: return 60
        default: return 0
        }
    }

    /// The token as a user would recognise it in an error message.
    var description: String {
        switch kind {
        case .unquotedIdentifier(let name): return "identifier '\(name)'"
        case .quotedIdentifier(let name): return "quoted identifier \"\(name)\""
        case .number(let n): return "number \(n)"
        case .literal: return "literal"
        case .dot: return "'.'"
        case .star: return "'*'"
        case .flatten: return "'[]'"
        case .filter: return "'[?'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .leftBrace: return "'{'"
        case .rightBrace: return "'}'"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .comma: return "','"
        case .colon: return "':'"
        case .pipe: return "'|'"
        case .or: return "'||'"
        case .and: return "'&&'"
        case .not: return "'!'"
        case .current: return "'@'"
        case .expressionReference: return "'&'"
        case .equal: return "'=='"
        case .notEqual: return "'!='"
        case .less: return "'<'"
        case .lessOrEqual: return "'<='"
        case .greater: return "'>'"
        case .greaterOrEqual: return "'>='"
        case .end: return "end of expression"
        }
    }
}
