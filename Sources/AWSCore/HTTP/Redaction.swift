/// Hides credentials in logged headers and bodies.
enum Redaction {
    static let placeholder = "<redacted>"

    private static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "x-amz-security-token", "cookie", "set-cookie",
        "x-amz-sso_bearer_token",
    ]

    /// Names of body fields whose values are secrets: secret keys, session tokens, passwords,
    /// sign-in tokens and client secrets, as JSON (`SecretAccessKey`), XML and query
    /// (`SessionToken`, `WebIdentityToken`) and ini (`aws_secret_access_key`) spell them.
    private static let secretName =
        #"[A-Za-z_]*(?:[Ss]ecret_?[Aa]ccess_?[Kk]ey|[Ss]ession_?[Tt]oken|[Pp]assword|[Ss]ecretString|[Ww]eb_?[Ii]dentity_?[Tt]oken|[Aa]ccess_?[Tt]oken|[Rr]efresh_?[Tt]oken|[Cc]lient_?[Ss]ecret)"#

    /// Compiled once and only read afterwards (`Regex` is not marked `Sendable`).
    nonisolated(unsafe) private static let patterns: [(Regex<AnyRegexOutput>, String)] = {
        let rules: [(String, String)] = [
            // "SecretAccessKey": "value"   (a value cut off by truncation included)
            (#"("\#(secretName)"\s*:\s*")(?:[^"\\]|\\.)*("|$)"#, "$1\(placeholder)$2"),
            // <SecretAccessKey>value</SecretAccessKey>
            (#"(<(\#(secretName))>)[^<]*(</\2>|$)"#, "$1\(placeholder)$3"),
            // SecretAccessKey=value (query strings, ini files), aws_session_token = value
            (#"((?:^|[&\s?;])\#(secretName)(?:\.\d+)?\s*=\s*)[^&\s"<]+"#, "$1\(placeholder)"),
        ]
        return rules.compactMap { pattern, template in
            (try? Regex(pattern)).map { ($0, template) }
        }
    }()

    /// The value to show for header `name`.
    static func headerValue(name: String, value: String) -> String {
        secretHeaders.contains(name.lowercased()) ? placeholder : value
    }

    /// `text` with the values of secret fields replaced by `<redacted>`.
    static func body(_ text: String) -> String {
        var result = text
        for (regex, template) in patterns {
            result = result.replacing(regex) { match in
                expand(template, match)
            }
        }
        return result
    }

    /// Fills `$N` in `template` with the match's capture groups.
    private static func expand(_ template: String, _ match: Regex<AnyRegexOutput>.Match) -> String {
        var output = ""
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "$", let digit = characters.next() else {
                output.append(character)
                continue
            }
            if let index = digit.wholeNumberValue, index < match.output.count,
                let captured = match.output[index].substring
            {
                output += captured
            } else if digit.wholeNumberValue == nil {
                output.append(character)
                output.append(digit)
            }
        }
        return output
    }
}
