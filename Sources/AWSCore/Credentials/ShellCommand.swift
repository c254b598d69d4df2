#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a command line through `/bin/sh -c`, collecting its output; stdin is inherited so a
/// command may prompt (for an MFA code, say).
enum ShellCommand {
    struct Result {
        /// The exit status, or the number of the signal that ended the command.
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    static func run(_ command: String) throws -> Result {
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        guard makePipe(&output) else { throw startFailure(errno) }
        guard makePipe(&errors) else {
            let code = errno
            close(output[0])
            close(output[1])
            throw startFailure(code)
        }
        let pid: pid_t
        do {
            pid = try spawn(command, stdout: output[1], stderr: errors[1])
        } catch {
            for fd in output + errors { close(fd) }
            throw error
        }
        close(output[1])
        close(errors[1])
        let (stdout, stderr) = drain(output[0], errors[0])
        close(output[0])
        close(errors[0])
        return Result(status: waitForExit(pid), stdout: stdout, stderr: stderr)
    }

    /// Starts `/bin/sh -c command` with its stdout and stderr on the given pipe ends.
    private static func spawn(_ command: String, stdout: Int32, stderr: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        let words: [String] = ["/bin/sh", "-c", command]
        let arguments = words.map { strdup($0) }
        defer { arguments.forEach { free($0) } }
        var argv = arguments + [nil]
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, nil, &argv, environ)
        guard status == 0 else { throw startFailure(status) }
        return pid
    }

    /// A pipe whose ends are closed in the command (its own ends are copies made by dup2).
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Reads both pipes to their end, whichever has data first, so a command that fills one
    /// while the other is unread cannot block.
    private static func drain(_ outFD: Int32, _ errFD: Int32) -> ([UInt8], [UInt8]) {
        var collected: [[UInt8]] = [[], []]
        var open = [true, true]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open[0] || open[1] {
            var fds = [
                pollfd(fd: open[0] ? outFD : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: open[1] ? errFD : -1, events: Int16(POLLIN), revents: 0),
            ]
            guard poll(&fds, 2, -1) >= 0 || errno == EINTR else { break }
            for index in 0..<2 where open[index] && fds[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    collected[index].append(contentsOf: buffer[..<count])
                } else if count == 0 || errno != EINTR {
                    open[index] = false
                }
            }
        }
        return (collected[0], collected[1])
    }

    /// The exit status, or the signal number when a signal ended the command.
    private static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : signal
    }

    private static func startFailure(_ code: Int32) -> AWSError {
        AWSError(
            code: "CredentialRetrievalError",
            message: "credential_process could not be started through /bin/sh: \(String(cString: strerror(code)))")
    }
}
