import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for transport tests: it answers each request as the
/// test scripts it (status, headers, body, delays, stalls, resets, truncated bodies) and records
/// what it received, on which connection and when.
final class TestHTTPServer: @unchecked Sendable {
    /// How to answer one request.
    struct Reply {
        enum Action {
            /// Send the whole response.
            case respond
            /// Close the connection with a TCP reset instead of answering.
            case reset
            /// Send the headers and `sentBodyBytes` of the body, then close.
            case truncate(sentBodyBytes: Int)
            /// Send the headers and `sentBodyBytes` of the body, then go silent for `seconds`.
            case stall(sentBodyBytes: Int, seconds: Double)
            /// Send the headers and then the body over and over, chunked, until the client hangs
            /// up or `limit` body bytes were sent.
            case endless(limit: Int)
        }

        var status = 200
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        /// Seconds to wait before answering at all.
        var delay: Double = 0
        var action: Action = .respond
        /// Raw text sent before the response (an interim `100 Continue` block, say).
        var prelude = ""

        init(
            status: Int = 200, headers: [(String, String)] = [], body: String = "", delay: Double = 0,
            action: Action = .respond, prelude: String = ""
        ) {
            self.prelude = prelude
            self.status = status
            self.headers = headers
            self.body = Array(body.utf8)
            self.delay = delay
            self.action = action
        }
    }

    /// One request as it arrived.
    struct Received {
        var method: String
        var target: String
        /// Names lower-cased, in the order sent.
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        /// Which accepted connection carried it, counting from 1.
        var connection: Int
        var time: ContinuousClock.Instant

        func header(_ name: String) -> String? {
            headers.first { $0.name == name.lowercased() }?.value
        }
        func headerNames() -> [String] { headers.map(\.name) }
    }

    private let listener: Int32
    let port: Int
    private let lock = NSLock()
    private var handler: (Received) -> Reply
    private var received: [Received] = []
    private var accepted = 0
    private var bodyBytes = 0
    private var hungUp = 0
    private var stopped = false
    private let group = DispatchGroup()

    /// Starts a server answering with `handler`.
    init(handler: @escaping (Received) -> Reply) throws {
        self.handler = handler
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw ServerError("socket failed") }
        var one: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 128) == 0 else {
            close(listener)
            throw ServerError("bind/listen failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        spawn { self.acceptLoop() }
    }

    /// Starts a server giving `replies` in turn, then `fallback` to every later request.
    convenience init(replies: [Reply], fallback: Reply = Reply()) throws {
        var queue = replies
        let lock = NSLock()
        try self.init { _ in
            lock.lock()
            defer { lock.unlock() }
            return queue.isEmpty ? fallback : queue.removeFirst()
        }
    }

    deinit { stop() }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The requests received so far, in order.
    var requests: [Received] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// How many connections have been accepted.
    var connectionsAccepted: Int {
        lock.lock()
        defer { lock.unlock() }
        return accepted
    }

    /// How many body bytes the server has sent in all its answers (those the client took or
    /// the kernel buffered for it).
    var bodyBytesSent: Int {
        lock.lock()
        defer { lock.unlock() }
        return bodyBytes
    }

    /// How many stalled answers the client gave up on by closing the connection.
    var hangUps: Int {
        lock.lock()
        defer { lock.unlock() }
        return hungUp
    }

    /// Stops accepting, drops open connections and waits for the server's threads to end.
    func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        guard !wasStopped else { return }
        group.wait()
        close(listener)
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func spawn(_ body: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread {
            body()
            self.group.leave()
        }
        thread.start()
    }

    private func acceptLoop() {
        while !isStopped {
            guard waitReadable(listener, milliseconds: 50) else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            lock.lock()
            accepted += 1
            let number = accepted
            lock.unlock()
            spawn { self.serve(client, connection: number) }
        }
    }

    private func serve(_ client: Int32, connection: Int) {
        var buffer: [UInt8] = []
        var open = true
        while open, !isStopped, let request = readRequest(client, &buffer, connection: connection) {
            lock.lock()
            received.append(request)
            lock.unlock()
            open = answer(handler(request), to: request, on: client)
        }
        if open { close(client) }
    }

    /// Sends the reply; false if the connection was closed.
    private func answer(_ reply: Reply, to request: Received, on client: Int32) -> Bool {
        pause(reply.delay)
        if case .reset = reply.action {
            var linger = linger(l_onoff: 1, l_linger: 0)
            setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            close(client)
            return false
        }
        var head = reply.prelude + "HTTP/1.1 \(reply.status) Status\r\n"
        var hasLength = false
        for (name, value) in reply.headers {
            head += "\(name): \(value)\r\n"
            hasLength = hasLength || name.lowercased() == "content-length"
        }
        if case .endless = reply.action {
            head += "Transfer-Encoding: chunked\r\n"
        } else if !hasLength {
            head += "Content-Length: \(reply.body.count)\r\n"
        }
        head += "\r\n"
        let body = request.method == "HEAD" ? [] : reply.body
        switch reply.action {
        case .respond, .reset:
            guard sendAll(client, Array(head.utf8)) else { return false }
            return sendBody(client, body)
        case .endless(let limit):
            guard sendAll(client, Array(head.utf8)) else { return false }
            let chunk = Array((String(body.count, radix: 16) + "\r\n").utf8) + body + [13, 10]
            var sent = 0
            while sent < limit, !body.isEmpty {
                guard sendAll(client, chunk) else { return false }
                sent += body.count
                count(body.count)
            }
            return sendAll(client, Array("0\r\n\r\n".utf8))
        case .truncate(let count):
            _ = sendAll(client, Array(head.utf8) + body.prefix(count))
            close(client)
            return false
        case .stall(let count, let seconds):
            guard sendAll(client, Array(head.utf8) + body.prefix(count)) else { return false }
            if hangsUp(client, within: seconds) {
                lock.lock()
                hungUp += 1
                lock.unlock()
                close(client)
                return false
            }
            return sendAll(client, Array(body.dropFirst(count)))
        }
    }

    /// Sends body bytes, counting those the kernel took.
    private func sendBody(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let piece = min(65536, bytes.count - sent)
            guard sendAll(client, Array(bytes[sent..<sent + piece])) else { return false }
            sent += piece
            count(piece)
        }
        return true
    }

    private func count(_ bodyBytesSent: Int) {
        lock.lock()
        bodyBytes += bodyBytesSent
        lock.unlock()
    }

    private func readRequest(_ client: Int32, _ buffer: inout [UInt8], connection: Int) -> Received? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: separator)?.upperBound
            if headEnd == nil, !receive(client, into: &buffer) { return nil }
        }
        guard let headEnd else { return nil }
        let time = ContinuousClock.now
        let lines = String(decoding: buffer[..<headEnd], as: UTF8.self)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        buffer.removeFirst(headEnd)
        let requestLine = lines.first?.split(separator: " ") ?? []
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(
                (
                    line[..<colon].lowercased(),
                    line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                ))
        }
        var request = Received(
            method: requestLine.first.map(String.init) ?? "",
            target: requestLine.count > 1 ? String(requestLine[1]) : "",
            headers: headers, body: [], connection: connection, time: time)
        if let length = request.header("content-length").flatMap({ Int($0) }) {
            while buffer.count < length {
                if !receive(client, into: &buffer) { return nil }
            }
            request.body = Array(buffer.prefix(length))
            buffer.removeFirst(length)
        } else if request.header("transfer-encoding")?.lowercased() == "chunked" {
            guard let body = readChunked(client, &buffer) else { return nil }
            request.body = body
        }
        return request
    }

    private func readChunked(_ client: Int32, _ buffer: inout [UInt8]) -> [UInt8]? {
        var body: [UInt8] = []
        let crlf: [UInt8] = [13, 10]
        while true {
            while buffer.firstRange(of: crlf) == nil {
                if !receive(client, into: &buffer) { return nil }
            }
            guard let lineEnd = buffer.firstRange(of: crlf) else { return nil }
            let size = Int(String(decoding: buffer[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            buffer.removeFirst(lineEnd.upperBound)
            while buffer.count < size + 2 {
                if !receive(client, into: &buffer) { return nil }
            }
            body += buffer.prefix(size)
            buffer.removeFirst(size + 2)
            if size == 0 { return body }
        }
    }

    private func receive(_ client: Int32, into buffer: inout [UInt8]) -> Bool {
        while !isStopped {
            guard waitReadable(client, milliseconds: 50) else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = recv(client, &chunk, chunk.count, 0)
            guard count > 0 else { return false }
            buffer += chunk.prefix(count)
            return true
        }
        return false
    }

    private func sendAll(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    private func waitReadable(_ descriptor: Int32, milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    /// Waits `seconds` unless the client closes the connection first; true if it did.
    private func hangsUp(_ client: Int32, within seconds: Double) -> Bool {
        let end = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !isStopped, ContinuousClock.now < end {
            guard waitReadable(client, milliseconds: 10) else { continue }
            var byte: UInt8 = 0
            if recv(client, &byte, 1, Int32(MSG_PEEK)) <= 0 { return true }
            usleep(10_000)
        }
        return false
    }

    /// Sleeps `seconds`, cut short when the server stops.
    private func pause(_ seconds: Double) {
        let end = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !isStopped, ContinuousClock.now < end {
            usleep(10_000)
        }
    }

    struct ServerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
