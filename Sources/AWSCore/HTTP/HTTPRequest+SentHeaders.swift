extension HTTPRequest {
    /// Whether the transport sends a body, and with it `Content-Length`: any body except on a
    /// `HEAD`, and an empty one on `POST`, `PUT` and `PATCH`.
    public var sendsBody: Bool {
        if case .none = body { return ["POST", "PUT", "PATCH"].contains(method.uppercased()) }
        return method.uppercased() != "HEAD"
    }

    /// The number of bytes the body holds.
    public var bodyLength: UInt64 {
        switch body {
        case .none: return 0
        case .bytes(let bytes): return UInt64(bytes.count)
        case .file(_, _, let length): return length
        }
    }

    /// The request with the headers the transport adds on the wire: `Host` (with the port when
    /// it is not the scheme's default), `Content-Length` when a body is sent, `User-Agent`
    /// unless the request has its own, so a printed request shows every header that goes out.
    public func withTransportHeaders(userAgent: String) -> HTTPRequest {
        var request = self
        if header("Host") == nil, let url = try? AWSURL(parsing: url) {
            let defaultPort = url.scheme == "https" ? 443 : 80
            let host = url.port.map { $0 == defaultPort ? url.host : "\(url.host):\($0)" } ?? url.host
            request.headers.insert(("Host", host), at: 0)
        }
        if sendsBody { request.setHeader("Content-Length", String(bodyLength)) }
        if header("User-Agent") == nil { request.headers.append(("User-Agent", userAgent)) }
        return request
    }
}
