import CShims
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The local AWS emulator of `gluescript --local`: moto's server on a free loopback port (or
/// one already running), with IAM's managed policies loaded and Glue crawls and job runs that
/// take a few seconds, so waiters really wait. A started server is stopped by `stop()`, on
/// deinit, and when the process exits (also through `os.exit`).
public final class LocalEmulator {
    public let url: String
    /// The server's process group when this emulator started it.
    private var group: pid_t?

    private init(url: String, group: pid_t?) {
        self.url = url
        self.group = group
    }

    deinit { stop() }

    /// Starts moto's server and waits until it answers (at most `timeout` seconds). `logPath`
    /// receives its output.
    /// `environment` adds to the server's variables (`INITIAL_NO_AUTH_ACTION_COUNT`, say).
    public static func start(logPath: String? = nil, timeout: Double = 30, environment extra: [String: String] = [:])
        throws -> LocalEmulator
    {
        let port = try freeLoopbackPort()
        let url = "http://127.0.0.1:\(port)"
        var environment = ProcessInfo.processInfo.environment
        environment["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"
        environment.merge(extra) { $1 }
        let arguments = ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)]
        let pid = try spawn(arguments, environment: environment, logPath: logPath)
        gs_kill_group_at_exit(pid)
        let emulator = LocalEmulator(url: url, group: pid)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if emulator.answers() { return emulator }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                emulator.group = nil
                gs_forget_group(pid)
                throw AWSError(
                    code: "EmulatorFailed",
                    message: "the local AWS emulator (python3 -m moto.server) exited at start; is moto installed? "
                        + "(pip install 'moto[server]'; scripts/demo installs it)" + logTail(logPath))
            }
            usleep(100_000)
        }
        emulator.stop()
        throw AWSError(
            code: "EmulatorFailed",
            message: "the local AWS emulator did not answer on \(Redaction.url(url)) within \(Int(timeout)) s"
                + logTail(logPath))
    }

    /// An emulator already running at `url`; it is left running at the end.
    public static func attach(url: String) throws -> LocalEmulator {
        let emulator = LocalEmulator(url: url.hasSuffix("/") ? String(url.dropLast()) : url, group: nil)
        guard emulator.answers() else {
            throw AWSError(
                code: "EmulatorFailed", message: "no AWS emulator answers at \(Redaction.url(url)) (GET /moto-api/)")
        }
        return emulator
    }

    /// Makes Glue crawls and job runs move on after `seconds` each step instead of at once
    /// (job runs) or never (crawls).
    public func setGlueTransitions(seconds: Int) throws {
        let transport = try CurlTransport(userAgent: AWSClient.userAgent)
        for model in ["glue::crawl", "glue::job_run"] {
            let body = #"{"model_name":"\#(model)","transition":{"progression":"time","seconds":\#(seconds)}}"#
            let response = try transport.send(
                HTTPRequest(
                    method: "POST", url: url + "/moto-api/state-manager/set-transition",
                    headers: [("Content-Type", "application/json")], body: .bytes(Array(body.utf8))),
                options: TransferOptions(connectTimeout: 5, readTimeout: 10))
            guard response.status == 201 || response.status == 200 else {
                throw AWSError(
                    code: "EmulatorFailed",
                    message: "the emulator refused the \(model) transition (HTTP \(response.status))")
            }
        }
    }

    /// Stops the server if this emulator started it.
    public func stop() {
        guard let group else { return }
        gs_stop_group(group, 2000)
        gs_forget_group(group)
        self.group = nil
    }

    /// The process group of a started server, for tests that check nothing is left behind.
    public var processGroup: Int32? { group }

    private func answers() -> Bool {
        guard let transport = try? CurlTransport(userAgent: AWSClient.userAgent) else { return false }
        let response = try? transport.send(
            HTTPRequest(method: "GET", url: url + "/moto-api/"),
            options: TransferOptions(connectTimeout: 1, readTimeout: 2))
        return response?.status == 200
    }

    private static func spawn(_ arguments: [String], environment: [String: String], logPath: String?) throws -> pid_t {
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let pid = gs_spawn_group(&argv, &envp, logPath)
        guard pid > 0 else {
            throw AWSError(
                code: "EmulatorFailed",
                message: "cannot start python3 for the local AWS emulator: \(String(cString: strerror(errno)))")
        }
        return pid
    }

    private static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let status = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard status == 0 else { throw AWSError(code: "EmulatorFailed", message: "no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func logTail(_ path: String?) -> String {
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8), !text.isEmpty else { return "" }
        return "\n" + text.split(separator: "\n").suffix(10).joined(separator: "\n")
    }
}
