/// The one-line status a terminal shows while a waiter polls:
/// `waiting for crawler_ready: RUNNING (12s, attempt 4)`.
public struct WaiterProgressLine: Sendable, Equatable {
    public var text: String

    /// The line for `progress`; `name` replaces the waiter's name (a script's `crawler_ready`).
    public init(_ progress: WaiterProgress, name: String? = nil) {
        text =
            "waiting for \(name ?? progress.waiter): \(progress.state) "
            + "(\(Self.duration(progress.elapsed)), attempt \(progress.attempt))"
    }

    /// `12s`, `2m05s`, `1h02m`.
    public static func duration(_ seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded(.down))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" + two(total % 60) + "s" }
        return "\(total / 3600)h" + two(total % 3600 / 60) + "m"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
