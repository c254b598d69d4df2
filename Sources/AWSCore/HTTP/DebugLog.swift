import CShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The wire log behind `--debug`: request line, headers and body, then the response's status,
/// headers and body, each body cut to `bodyLimit` bytes. Credentials never appear in it:
/// `Authorization` and security-token headers and secret fields in bodies read `<redacted>`.
public final class DebugLog {
    /// Receives each finished block of log text (one or more lines, newline-terminated).
    public typealias Sink = (String) -> Void

    private let sink: Sink
    /// How many bytes of a body are shown before it is cut.
    public var bodyLimit: Int

    /// A log writing to `sink`, by default standard error.
    public init(bodyLimit: Int = 2048, sink: @escaping Sink = DebugLog.standardError) {
        self.bodyLimit = bodyLimit
        self.sink = sink
    }

    /// Writes `text` to standard error as it is.
    public static let standardError: @Sendable (String) -> Void = { text in
        fputs(text, gs_stderr())
    }

    /// Writes one free-form line (a retry notice, for instance).
    public func note(_ message: String) {
        sink("* \(message)\n")
    }

    /// Logs a request about to be sent.
    public func logRequest(_ request: HTTPRequest) {
        var text = "> \(request.method) \(Redaction.url(request.url))\n"
        for (name, value) in request.headers {
            text += "> \(name): \(Redaction.headerValue(name: name, value: value))\n"
        }
        switch request.body {
        case .none:
            break
        case .bytes(let bytes):
            text += bodyText(bytes, prefix: "> ")
        case .file(let path, let offset, let length):
            text += ">\n> <\(length) bytes from \(path) at offset \(offset)>\n"
        }
        sink(text)
    }

    /// Logs a response; `bodyPath` names the file the body went to, if it went to one.
    public func logResponse(_ response: HTTPResponse, seconds: Double, bodyPath: String? = nil) {
        var text = "< HTTP \(response.status) (\(Self.format(seconds)) s)\n"
        for (name, value) in response.headers {
            text += "< \(name): \(Redaction.headerValue(name: name, value: value))\n"
        }
        if let bodyPath, (200..<300).contains(response.status) {
            text += "<\n< <body written to \(bodyPath)>\n"
        } else {
            text += bodyText(response.body, prefix: "< ")
        }
        sink(text)
    }

    /// Logs a transfer that failed without a response.
    public func logFailure(_ error: AWSError, seconds: Double) {
        sink("! \(error.code) after \(Self.format(seconds)) s: \(error.message)\n")
    }

    private func bodyText(_ bytes: [UInt8], prefix: String) -> String {
        guard !bytes.isEmpty else { return "" }
        let window = Array(bytes.prefix(bodyLimit + 4096))
        guard
            let decoded = String(validating: window, as: UTF8.self) ?? String(validatingPrefix: window)
        else { return "\(prefix)\n\(prefix)<\(bytes.count) bytes of binary data>\n" }
        var shown = Redaction.body(decoded)
        var note = ""
        if shown.utf8.count > bodyLimit || bytes.count > window.count {
            shown = String(decoding: shown.utf8.prefix(bodyLimit), as: UTF8.self)
            note = "\(prefix)<\(bytes.count) bytes in all, first \(bodyLimit) shown>\n"
        }
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).map {
            "\(prefix)\($0)\n"
        }
        return "\(prefix)\n" + lines.joined() + note
    }

    private static func format(_ seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

extension String {
    /// Decodes UTF-8 whose only flaw is a character cut in two at the end (a truncated window).
    fileprivate init?(validatingPrefix bytes: [UInt8]) {
        for cut in 1...3 where bytes.count > cut {
            if let text = String(validating: bytes.dropLast(cut), as: UTF8.self) {
                self = text
                return
            }
        }
        return nil
    }
}
