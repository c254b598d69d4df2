import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks for the MFA code of an assume-role profile with `mfa_serial`, once per run, on the
/// terminal (`/dev/tty`, else standard input and error when they are a terminal), without
/// echo, as botocore's `getpass` prompt does. With no terminal, or when asked a second time
/// (the role session ran out: botocore does not ask again either), it is an error naming
/// `mfa_serial` and the profile.
public final class MFACodePrompt: @unchecked Sendable {
    let profileDescription: String
    private var asked = false
    /// Reads one line after showing the prompt, nil when there is no terminal; replaceable in tests.
    var readLine: (String) -> String? = MFACodePrompt.readFromTerminal

    public init(profileDescription: String) {
        self.profileDescription = profileDescription
    }

    /// The code the user typed for `serial`.
    public func code(for serial: String) throws -> String {
        guard !asked else {
            throw AWSError(
                code: "MFASessionExpired",
                message:
                    "the role session of \(profileDescription) (mfa_serial \(serial)) has run out; "
                    + "run again to enter a new MFA code, or raise its duration_seconds")
        }
        asked = true
        guard let line = readLine("Enter MFA code for \(serial): ") else {
            throw AWSError(
                code: "MFACodeRequired",
                message:
                    "\(profileDescription) has mfa_serial \(serial), so the role needs an MFA code, "
                    + "but there is no terminal to ask for it on")
        }
        let code = line.trimmingCharacters(where: \.isWhitespace)
        guard !code.isEmpty else {
            throw AWSError(code: "MFACodeRequired", message: "no MFA code was entered for mfa_serial \(serial)")
        }
        return code
    }

    /// Shows `prompt` and reads a line with echo off from the controlling terminal, or from
    /// standard input when that is a terminal; nil without a terminal.
    static func readFromTerminal(_ prompt: String) -> String? {
        var input = open("/dev/tty", O_RDWR | O_NOCTTY)
        var output = input
        let ownsTerminal = input >= 0
        if !ownsTerminal {
            guard isatty(STDIN_FILENO) != 0, isatty(STDERR_FILENO) != 0 else { return nil }
            input = STDIN_FILENO
            output = STDERR_FILENO
        }
        defer { if ownsTerminal { close(input) } }
        var saved = termios()
        let canHideEcho = tcgetattr(input, &saved) == 0
        if canHideEcho {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(input, TCSANOW, &quiet)
        }
        show(prompt, on: output)
        defer {
            if canHideEcho { tcsetattr(input, TCSANOW, &saved) }
            show("\n", on: output)
        }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return line.isEmpty ? nil : String(decoding: line, as: UTF8.self) }
            if byte == 10 || byte == 13 { break }
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self)
    }

    private static func show(_ text: String, on descriptor: Int32) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
