/// Splits a JMESPath expression into tokens.
struct JMESPathLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ expression: String) {
        scalars = Array(expression.unicodeScalars)
    }

    /// Every token of the expression, ending with `.end`.
    mutating func tokenize() throws -> [JMESPathToken] {
        var tokens: [JMESPathToken] = []
        while true {
            skipWhitespace()
            let column = index + 1
            guard index < scalars.count else {
                tokens.append(JMESPathToken(kind: .end, column: column))
                return tokens
            }
            tokens.append(JMESPathToken(kind: try nextKind(), column: column))
        }
    }

    private mutating func skipWhitespace() {
        while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
    }

    private func peek(_ offset: Int = 1) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// Consumes `count` scalars and returns `kind`.
    private mutating func take(_ count: Int, _ kind: JMESPathToken.Kind) -> JMESPathToken.Kind {
        index += count
        return kind
    }

    private mutating func nextKind() throws -> JMESPathToken.Kind {
        let scalar = scalars[index]
        switch scalar {
        case ".": return take(1, .dot)
        case "*": return take(1, .star)
        case "]": return take(1, .rightBracket)
        case "{": return take(1, .leftBrace)
        case "}": return take(1, .rightBrace)
        case "(": return take(1, .leftParen)
        case ")": return take(1, .rightParen)
        case ",": return take(1, .comma)
        case ":": return take(1, .colon)
        case "@": return take(1, .current)
        case "[":
            if peek() == "]" { return take(2, .flatten) }
            if peek() == "?" { return take(2, .filter) }
            return take(1, .leftBracket)
        case "|": return peek() == "|" ? take(2, .or) : take(1, .pipe)
        case "&": return peek() == "&" ? take(2, .and) : take(1, .expressionReference)
        case "!": return peek() == "=" ? take(2, .notEqual) : take(1, .not)
        case "<": return peek() == "=" ? take(2, .lessOrEqual) : take(1, .less)
        case ">": return peek() == "=" ? take(2, .greaterOrEqual) : take(1, .greater)
        case "=":
            guard peek() == "=" else { throw syntaxError("found '=' (did you mean '=='?)") }
            return take(2, .equal)
        case "'": return .literal(.string(try readRawString()))
        case "`": return .literal(try readLiteral())
        case "\"": return .quotedIdentifier(try readQuotedIdentifier())
        case "-", "0"..."9": return .number(try readNumber())
        default:
            if isIdentifierStart(scalar) { return .unquotedIdentifier(readIdentifier()) }
            throw syntaxError("found unexpected character '\(scalar.escaped(asASCII: false))'")
        }
    }

    private func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_"
    }

    private mutating func readIdentifier() -> String {
        let start = index
        while index < scalars.count,
            isIdentifierStart(scalars[index]) || ("0"..."9").contains(scalars[index])
        {
            index += 1
        }
        return text(start..<index)
    }

    private func text(_ range: Range<Int>) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[range])
        return String(out)
    }

    private mutating func readNumber() throws -> Int {
        let start = index
        index += 1
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        let digits = text(start..<index)
        guard let number = Int(digits) else {
            index = start
            throw syntaxError("found '\(digits)', which is not a number that fits an index")
        }
        return number
    }

    /// The body of a delimited token, from after the opening `delimiter` to before the closing
    /// one; a backslash keeps the next character in the body.
    private mutating func readDelimited(_ delimiter: Unicode.Scalar, _ what: String) throws
        -> [Unicode.Scalar]
    {
        let start = index
        index += 1
        var body: [Unicode.Scalar] = []
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == delimiter {
                index += 1
                return body
            }
            if scalar == "\\", index + 1 < scalars.count {
                body.append(scalar)
                index += 1
            }
            body.append(scalars[index])
            index += 1
        }
        index = start
        throw syntaxError("found an unterminated \(what)")
    }

    /// `'...'`: only `\'` is an escape; every other character stands for itself.
    private mutating func readRawString() throws -> String {
        let body = try readDelimited("'", "raw string")
        var out = String.UnicodeScalarView()
        var i = 0
        while i < body.count {
            if body[i] == "\\", i + 1 < body.count, body[i + 1] == "'" {
                out.append("'")
                i += 2
            } else {
                out.append(body[i])
                i += 1
            }
        }
        return String(out)
    }

    /// `` `json` ``: a JSON value, in which `` \` `` stands for a backtick.
    private mutating func readLiteral() throws -> JSONValue {
        let start = index
        let body = try readDelimited("`", "literal")
        var json = String.UnicodeScalarView()
        var i = 0
        while i < body.count {
            if body[i] == "\\", i + 1 < body.count, body[i + 1] == "`" {
                json.append("`")
                i += 2
            } else {
                json.append(body[i])
                i += 1
            }
        }
        do {
            return try JSONDecoding.decode(String(json))
        } catch let error as AWSError {
            index = start
            throw syntaxError("found a literal that is not valid JSON (\(error.message))")
        }
    }

    /// `"..."`: a JSON string.
    private mutating func readQuotedIdentifier() throws -> String {
        let start = index
        let body = try readDelimited("\"", "quoted identifier")
        var json = String.UnicodeScalarView()
        json.append("\"")
        json.append(contentsOf: body)
        json.append("\"")
        do {
            guard case .string(let name) = try JSONDecoding.decode(String(json)) else {
                throw AWSError(code: "JMESPathSyntaxError", message: "not a string")
            }
            return name
        } catch let error as AWSError {
            index = start
            throw syntaxError(
                "found a quoted identifier that is not a valid JSON string (\(error.message))")
        }
    }

    private func syntaxError(_ what: String) -> AWSError {
        AWSError(code: "JMESPathSyntaxError", message: "\(what) at column \(index + 1)")
    }
}
