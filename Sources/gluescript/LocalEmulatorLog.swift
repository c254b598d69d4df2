#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `--local` writes the emulator's own output: a file in the temporary folder, named
/// for this process, so a failure to start can be shown and nothing clutters the terminal.
enum LocalEmulatorLog {
    static var path: String {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        return folder + "/gluescript-emulator-\(getpid()).log"
    }
}
