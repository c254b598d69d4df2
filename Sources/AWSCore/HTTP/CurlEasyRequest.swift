import CCurl
import CCurlShims
import CShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One HTTP exchange configured on a curl easy handle: it sets the options, feeds the request
/// body, collects the status, headers and body, and turns the outcome into a response or an error.
///
/// It does not run the transfer itself, so the same object serves `curl_easy_perform`
/// (`CurlTransport`) and a multi handle driving several transfers at once (`CurlMultiTransport`).
/// The handle must not be used for anything else until `finish` has been called.
final class CurlEasyRequest {
    let request: HTTPRequest
    let handle: CurlEasyHandle
    private let options: TransferOptions
    private let body: RequestBodySource
    private let sink: ResponseBodySink
    private var headerList: CurlHeaderList?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var status = 0
    private var headers: [(name: String, value: String)] = []
    private var bodyStarted = false
    private var failure: AWSError?
    private var bytesMoved: Int64 = 0
    private var lastActivity: ContinuousClock.Instant?
    /// Whether the connection was seen up: it stays so for the rest of the transfer.
    private var wasConnected = false
    /// `options.readTimeout` as a duration; nil when there is none.
    private let readTimeout: Duration?

    /// Prepares `handle` for `request`; throws if the body file cannot be opened or curl rejects
    /// an option (an unusable CA bundle path, for one).
    init(request: HTTPRequest, options: TransferOptions, handle: CurlEasyHandle, userAgent: String)
        throws
    {
        self.request = request
        self.options = options
        self.handle = handle
        self.readTimeout =
            options.readTimeout > 0 ? .milliseconds(Self.milliseconds(options.readTimeout)) : nil
        self.body = try RequestBodySource(request.body)
        self.sink = ResponseBodySink(
            targetPath: options.responseBodyPath, region: options.responseBodyRegion,
            checksumAlgorithms: options.responseChecksumAlgorithms)
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure(userAgent: userAgent)
    }

    deinit { errorBuffer.deallocate() }

    /// Reads the outcome of the transfer that ended with `code` and releases the handle's
    /// references to this object.
    func finish(_ code: CURLcode) -> Result<HTTPResponse, AWSError> {
        defer { detachFromHandle() }
        guard code == CURLE_OK else {
            sink.discard()
            var error =
                failure ?? .curl(code, detail: String(cString: errorBuffer), request: request, connected: isConnected)
            if sink.wroteInPlace, error.code != "Cancelled", let path = options.responseBodyPath {
                error = AWSError(
                    code: "IncompleteDownload",
                    message: "\(error.message); part of the body was already written to \(path), so it is not retried")
            }
            return .failure(error)
        }
        var code: Int = 0
        if gs_curl_getinfo_long(handle.pointer, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK, code > 0 {
            status = code
        }
        if !bodyStarted, request.method.uppercased() != "HEAD",
            !sink.begin(status: status, headers: headers, declaredLength: 0)
        {
            return .failure(
                sink.failure ?? AWSError(code: "ResponseFileError", message: "cannot write the body"))
        }
        if let error = sink.commit() { return .failure(error) }
        return .success(HTTPResponse(status: status, headers: headers, body: sink.bytes))
    }

    private func detachFromHandle() {
        _ = gs_curl_setopt_pointer(handle.pointer, CURLOPT_ERRORBUFFER, nil)
        _ = gs_curl_setopt_pointer(handle.pointer, CURLOPT_HTTPHEADER, nil)
        for option in [
            CURLOPT_WRITEDATA, CURLOPT_HEADERDATA, CURLOPT_READDATA, CURLOPT_SEEKDATA,
            CURLOPT_XFERINFODATA,
        ] {
            _ = gs_curl_setopt_pointer(handle.pointer, option, nil)
        }
    }

    // MARK: - Options

    /// Bytes curl reads from the socket at a time (curl accepts up to 512 KiB in every release).
    static let receiveBufferSize = 512 * 1024

    /// Bytes curl asks the body for at a time, and so reads from a body file in one `pread`
    /// (curl's default is 64 KiB; it accepts up to 2 MiB). One such buffer is held per
    /// transfer in flight.
    static let uploadBufferSize = 512 * 1024

    private func configure(userAgent: String) throws {
        let curl = handle.pointer
        gs_curl_easy_reset(curl)
        let me = Unmanaged.passUnretained(self).toOpaque()
        var rejected: (name: String, result: CURLcode)?
        func check(_ name: @autoclosure () -> String, _ result: CURLcode) {
            if rejected == nil && result != CURLE_OK { rejected = (name(), result) }
        }

        check("error buffer", gs_curl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errorBuffer))
        check("URL", gs_curl_setopt_string(curl, CURLOPT_URL, request.url))
        // The path goes out as signed: curl would otherwise resolve `.` and `..` segments
        // (S3 keys may hold them), sending a request the signature does not cover.
        check("path as given", gs_curl_setopt_long(curl, CURLOPT_PATH_AS_IS, 1))
        check("signals", gs_curl_setopt_long(curl, CURLOPT_NOSIGNAL, 1))
        // Large answers and downloads arrive in fewer reads and body callbacks than through
        // curl's default 16 KiB buffer.
        check("receive buffer", gs_curl_setopt_long(curl, CURLOPT_BUFFERSIZE, Self.receiveBufferSize))
        // HTTP/1.1 as the AWS SDKs speak it; parallel transfers use parallel connections.
        check(
            "HTTP version",
            gs_curl_setopt_long(curl, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1))
        check("redirects", gs_curl_setopt_long(curl, CURLOPT_FOLLOWLOCATION, 0))
        check("proxy headers", gs_curl_setopt_long(curl, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1))
        check("TLS peer check", gs_curl_setopt_long(curl, CURLOPT_SSL_VERIFYPEER, 1))
        check("TLS host check", gs_curl_setopt_long(curl, CURLOPT_SSL_VERIFYHOST, 2))
        if options.connectTimeout > 0 {
            check(
                "connect timeout",
                gs_curl_setopt_long(
                    curl, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout)))
        }
        if options.readTimeout > 0 {
            check("read timeout", gs_curl_setopt_long(curl, CURLOPT_LOW_SPEED_LIMIT, 1))
            check(
                "read timeout",
                gs_curl_setopt_long(
                    curl, CURLOPT_LOW_SPEED_TIME,
                    Int(min(max(1, options.readTimeout.rounded(.up)), Self.longestTimeout))))
        }
        if let caBundle = options.caBundle {
            check("CA bundle \(caBundle)", gs_curl_setopt_string(curl, CURLOPT_CAINFO, caBundle))
        }

        check(
            "header callback",
            gs_curl_setopt_data_callback(curl, CURLOPT_HEADERFUNCTION, curlHeaderCallback))
        check("header callback", gs_curl_setopt_pointer(curl, CURLOPT_HEADERDATA, me))
        check(
            "body callback", gs_curl_setopt_data_callback(curl, CURLOPT_WRITEFUNCTION, curlWriteCallback))
        check("body callback", gs_curl_setopt_pointer(curl, CURLOPT_WRITEDATA, me))
        check("progress", gs_curl_setopt_xferinfo_callback(curl, curlProgressCallback))
        check("progress", gs_curl_setopt_pointer(curl, CURLOPT_XFERINFODATA, me))
        check("progress", gs_curl_setopt_long(curl, CURLOPT_NOPROGRESS, 0))

        let method = request.method.uppercased()
        let sendsBody = request.sendsBody
        let inline = sendsBody && method != "GET" ? Self.inlineBody(request.body) : nil
        if method == "HEAD" {
            check("HEAD", gs_curl_setopt_long(curl, CURLOPT_NOBODY, 1))
        } else if let inline {
            check("body length", gs_curl_setopt_offset(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(inline.count)))
            check(
                "body",
                inline.withUnsafeBytes {
                    gs_curl_setopt_pointer(
                        curl, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress ?? Self.noBytes))
                })
        } else if sendsBody {
            check("upload", gs_curl_setopt_long(curl, CURLOPT_UPLOAD, 1))
            check("upload buffer", gs_curl_setopt_long(curl, CURLOPT_UPLOAD_BUFFERSIZE, Self.uploadBufferSize))
            check(
                "body length",
                gs_curl_setopt_offset(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(body.length)))
            check(
                "body reader", gs_curl_setopt_data_callback(curl, CURLOPT_READFUNCTION, curlReadCallback))
            check("body reader", gs_curl_setopt_pointer(curl, CURLOPT_READDATA, me))
            check("body rewind", gs_curl_setopt_seek_callback(curl, curlSeekCallback))
            check("body rewind", gs_curl_setopt_pointer(curl, CURLOPT_SEEKDATA, me))
        }
        let curlMethod = inline != nil ? "POST" : sendsBody ? "PUT" : method == "HEAD" ? "HEAD" : "GET"
        if method != curlMethod {
            check("method \(method)", gs_curl_setopt_string(curl, CURLOPT_CUSTOMREQUEST, method))
        }

        let lines = headerLines(userAgent: userAgent, postFields: inline != nil)
        let headerList = CurlHeaderList(text: lines.text, lineCount: lines.count)
        self.headerList = headerList
        check("headers", gs_curl_setopt_pointer(curl, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList.head)))

        if let (name, result) = rejected {
            detachFromHandle()
            throw AWSError(
                code: "InvalidRequest",
                message: "\(request.summary): curl rejected the \(name): "
                    + String(cString: gs_curl_easy_strerror(result)))
        }
    }

    /// Bodies shorter than this go to curl as post fields, which it sends in the same write as
    /// the headers (curl's `MAX_INITIAL_POST_SIZE`); longer ones, and files, are streamed.
    static let inlineBodyLimit = 64 * 1024

    /// A valid address for an empty body.
    private static var noBytes: UnsafeRawPointer { UnsafeRawPointer(("" as StaticString).utf8Start) }

    /// The bytes of a body small enough to give curl whole, or nil to stream it.
    private static func inlineBody(_ body: HTTPRequest.Body) -> [UInt8]? {
        switch body {
        case .none: return []
        case .bytes(let bytes) where bytes.count < inlineBodyLimit: return bytes
        default: return nil
        }
    }

    /// The header lines for curl, each ending in a NUL byte (as `CurlHeaderList` takes them):
    /// the request's own, minus those curl must compute itself, plus blanks that stop curl from
    /// adding `Expect:` and `Accept:` on its own (and, for a body given as post fields,
    /// `Content-Type: application/x-www-form-urlencoded`). A value is trimmed of ASCII
    /// whitespace, and an empty one is written `Name;` (curl's way to send it empty). A line
    /// ends at a NUL byte in it, as a C string would.
    private func headerLines(userAgent: String, postFields: Bool) -> (text: [UInt8], count: Int) {
        var text: [UInt8] = []
        text.reserveCapacity(
            request.headers.reduce(userAgent.utf8.count + 48) { $0 + $1.name.utf8.count + $1.value.utf8.count + 3 })
        var count = 0
        var hasAccept = false
        var hasUserAgent = false
        var hasContentType = false
        for (name, value) in request.headers {
            if Self.isNamed(name, "content-length") || Self.isNamed(name, "transfer-encoding")
                || Self.isNamed(name, "expect")
            {
                continue
            }
            if Self.isNamed(name, "accept") { hasAccept = true }
            if Self.isNamed(name, "user-agent") { hasUserAgent = true }
            if Self.isNamed(name, "content-type") { hasContentType = true }
            Self.appendLine(&text, name: name, value: value)
            count += 1
        }
        Self.appendLine(&text, "Expect:")
        count += 1
        if !hasAccept {
            Self.appendLine(&text, "Accept:")
            count += 1
        }
        if !hasUserAgent {
            Self.appendLine(&text, "User-Agent: ", userAgent)
            count += 1
        }
        if postFields && !hasContentType {
            Self.appendLine(&text, "Content-Type:")
            count += 1
        }
        return (text, count)
    }

    /// Whether header `name` is `lowercased` ignoring case; the lengths are compared first,
    /// which tells most names apart at once.
    private static func isNamed(_ name: String, _ lowercased: String) -> Bool {
        name.utf8.count == lowercased.utf8.count && name.equalsIgnoringCase(lowercased)
    }

    /// Appends `name: value` (`name;` when the trimmed value is empty) and its NUL.
    private static func appendLine(_ text: inout [UInt8], name: String, value: String) {
        let lineStart = text.count
        var value = value
        text.append(utf8Of: name)
        value.withUTF8 { bytes in
            var start = 0
            var end = bytes.count
            while start < end, String.isASCIIWhitespace(bytes[start]) { start += 1 }
            while end > start, String.isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
            if start == end {
                text.append(UInt8(ascii: ";"))
            } else {
                text.append(UInt8(ascii: ":"))
                text.append(UInt8(ascii: " "))
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
        }
        endLine(&text, from: lineStart)
    }

    /// Appends a fixed line, or its start followed by `rest` as it is, and its NUL.
    private static func appendLine(_ text: inout [UInt8], _ line: StaticString, _ rest: String = "") {
        let lineStart = text.count
        text.append(contentsOf: UnsafeBufferPointer(start: line.utf8Start, count: line.utf8CodeUnitCount))
        text.append(utf8Of: rest)
        endLine(&text, from: lineStart)
    }

    /// Ends the line begun at `lineStart` with a NUL, cutting it at the first NUL in it.
    private static func endLine(_ text: inout [UInt8], from lineStart: Int) {
        let nul = text.withUnsafeBytes { bytes -> Int? in
            guard let base = bytes.baseAddress, bytes.count > lineStart,
                let found = memchr(base + lineStart, 0, bytes.count - lineStart)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
        if let nul { text.removeSubrange(nul...) }
        text.append(0)
    }

    /// Whether the connection (and TLS, and any proxy tunnel) is up.
    private var isConnected: Bool {
        var pretransfer: curl_off_t = 0
        _ = gs_curl_getinfo_offset(handle.pointer, CURLINFO_PRETRANSFER_TIME_T, &pretransfer)
        return pretransfer > 0
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        Int(min(max(1, (seconds * 1000).rounded(.up)), longestTimeout * 1000))
    }

    /// Longer time-outs, infinite ones included, are taken as a year: far from overflowing an Int.
    private static let longestTimeout = 31_536_000.0

    // MARK: - Callbacks

    /// One header line as curl hands it over (its CRLF included). Read on the bytes: every
    /// answer brings about ten of them.
    fileprivate func receiveHeaderLine(_ line: UnsafeRawBufferPointer) -> Bool {
        let bytes = line.bindMemory(to: UInt8.self)
        let trimmed = Self.trimmed(bytes, 0..<bytes.count)
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        if Self.isStatusLine(bytes) {
            headers.removeAll(keepingCapacity: true)
            headers.reserveCapacity(16)
            status = Self.statusCode(bytes, trimmed)
        } else if let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t"),
            let last = headers.popLast()
        {
            headers.append((last.name, last.value + " " + text(trimmed)))
        } else if let colon = trimmed.first(where: { bytes[$0] == UInt8(ascii: ":") }) {
            headers.append(
                (
                    text(Self.trimmed(bytes, trimmed.lowerBound..<colon)),
                    text(Self.trimmed(bytes, (colon + 1)..<trimmed.upperBound))
                ))
        }
        return true
    }

    /// Whether the line starts with `HTTP/` (a status line: a new response begins).
    private static func isStatusLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 5 && bytes[0] == UInt8(ascii: "H") && bytes[1] == UInt8(ascii: "T")
            && bytes[2] == UInt8(ascii: "T") && bytes[3] == UInt8(ascii: "P") && bytes[4] == UInt8(ascii: "/")
    }

    /// The second of the space-separated words of a status line as a number; 0 when there is
    /// none or it is not a number.
    private static func statusCode(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int {
        let space = UInt8(ascii: " ")
        var start = line.lowerBound
        while start < line.upperBound, bytes[start] != space { start += 1 }
        while start < line.upperBound, bytes[start] == space { start += 1 }
        var end = start
        while end < line.upperBound, bytes[end] != space { end += 1 }
        guard start < end else { return 0 }
        return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) ?? 0
    }

    /// `range` of `bytes` without its leading and trailing ASCII whitespace.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, String.isASCIIWhitespace(bytes[start]) { start += 1 }
        while end > start, String.isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    fileprivate func receiveBody(_ piece: UnsafeRawBufferPointer) -> Bool {
        if !bodyStarted {
            bodyStarted = true
            let declaredLength = headers.last { $0.name.equalsIgnoringCase("content-length") }.flatMap {
                Int64($0.value)
            }
            guard sink.begin(status: status, headers: headers, declaredLength: declaredLength) else {
                failure = sink.failure
                return false
            }
        }
        guard sink.append(piece) else {
            failure = sink.failure
            return false
        }
        return true
    }

    fileprivate func supplyBody(_ buffer: UnsafeMutableRawPointer, capacity: Int) -> Int? {
        do {
            return try body.read(into: buffer, capacity: capacity)
        } catch let error as AWSError {
            failure = AWSError(code: error.code, message: "\(request.summary): \(error.message)")
            return nil
        } catch {
            failure = AWSError(code: "BodyFileError", message: "\(request.summary): \(error)")
            return nil
        }
    }

    fileprivate func rewindBody(to offset: UInt64) -> Bool {
        body.seek(to: offset)
    }

    /// Called by curl as bytes move and about once a second when none do (in a multi handle,
    /// only when `readTimeout` is set: curl's low-speed timer wakes the transfer then): reports
    /// progress, and stops the transfer when it is cancelled or when no byte has moved for
    /// `readTimeout` seconds (curl's own low-speed limit averages over several seconds, so it
    /// fires late).
    fileprivate func reportProgress(_ progress: TransferProgress) -> Bool {
        if let readTimeout, !isActive(progress, within: readTimeout) {
            failure = AWSError(
                code: "ReadTimeout",
                message: "\(request.summary): no data for \(options.readTimeout) seconds",
                retryable: true)
            return false
        }
        if let isCancelled = options.isCancelled, isCancelled() {
            failure = AWSError(code: "Cancelled", message: "\(request.summary): cancelled")
            return false
        }
        options.progress?(progress)
        return true
    }

    /// Notes whether bytes moved since the last report; false once none has for longer than
    /// `timeout` on an open connection (the connection's set-up has its own time-out).
    private func isActive(_ progress: TransferProgress, within timeout: Duration) -> Bool {
        let now = ContinuousClock.now
        let moved = progress.bytesSent + progress.bytesReceived
        if !wasConnected { wasConnected = isConnected }
        guard moved == bytesMoved, let lastActivity, wasConnected else {
            bytesMoved = moved
            lastActivity = now
            return true
        }
        return lastActivity.duration(to: now) <= timeout
    }
}

private func owner(_ userdata: UnsafeMutableRawPointer?) -> CurlEasyRequest? {
    userdata.map { Unmanaged<CurlEasyRequest>.fromOpaque($0).takeUnretainedValue() }
}

private let curlHeaderCallback: gs_curl_data_callback = { buffer, size, count, userdata in
    let total = size * count
    guard let request = owner(userdata) else { return 0 }
    return request.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: total)) ? total : 0
}

private let curlWriteCallback: gs_curl_data_callback = { buffer, size, count, userdata in
    let total = size * count
    guard let request = owner(userdata) else { return 0 }
    return request.receiveBody(UnsafeRawBufferPointer(start: buffer, count: total)) ? total : 0
}

private let curlReadCallback: gs_curl_data_callback = { buffer, size, count, userdata in
    guard let request = owner(userdata), let buffer else { return Int(CURL_READFUNC_ABORT) }
    return request.supplyBody(UnsafeMutableRawPointer(buffer), capacity: size * count)
        ?? Int(CURL_READFUNC_ABORT)
}

private let curlSeekCallback: gs_curl_seek_callback = { userdata, offset, origin in
    guard let request = owner(userdata), origin == SEEK_SET, offset >= 0,
        request.rewindBody(to: UInt64(offset))
    else { return Int32(CURL_SEEKFUNC_CANTSEEK) }
    return Int32(CURL_SEEKFUNC_OK)
}

private let curlProgressCallback: gs_curl_xferinfo_callback = {
    userdata, downloadTotal, downloaded, uploadTotal, uploaded in
    guard let request = owner(userdata) else { return 0 }
    let progress = TransferProgress(
        bytesSent: Int64(uploaded), totalBytesToSend: Int64(uploadTotal),
        bytesReceived: Int64(downloaded), totalBytesToReceive: Int64(downloadTotal))
    return request.reportProgress(progress) ? 0 : 1
}
