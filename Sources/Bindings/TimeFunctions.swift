import AWSCore
import Dispatch
import Host

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `aws.clock()`: seconds on a monotonic clock, with fractions (for timing steps; `os.clock`
/// counts CPU time and `os.time` whole seconds). `aws.sleep(seconds)`: waits, and stops at once
/// with an `interrupted!` error on Ctrl-C; NaN, a negative time or one longer than about 292
/// years (`math.huge`, `1e300`) is an error.
enum TimeFunctions {
    /// Made once and never changed; its body keeps no state, so every Lua state may share it.
    nonisolated(unsafe) static let clock = LuaValue.function(
        LuaFunction("clock") { _ in
            [.number(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)]
        })

    /// The longest sleep: nanoseconds must fit a signed 64-bit count, the bound Python's
    /// `time.sleep` has too (about 292 years). Longer, like `math.huge`, is an error.
    static let longestSleep = Double(Int64.max) / 1e9

    /// Made once and never changed; its body keeps no state, so every Lua state may share it.
    nonisolated(unsafe) static let sleep = LuaValue.function(
        LuaFunction("sleep") { call in
            guard let seconds = call[1].numberValue else {
                throw call.argumentError(1, expected: "a number of seconds, 0 or more")
            }
            if let problem = sleepProblem(seconds) {
                throw LuaError("bad argument #1 to 'sleep': \(problem)")
            }
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
            while DispatchTime.now().uptimeNanoseconds < deadline {
                if Interrupts.requested(in: call.state) { throw Interrupts.error }
                let left = Double(deadline - DispatchTime.now().uptimeNanoseconds) / 1e9
                usleep(useconds_t(min(left, 0.05) * 1e6))
            }
            return []
        })

    /// Why `seconds` cannot be slept, or nil when it can.
    static func sleepProblem(_ seconds: Double) -> String? {
        if seconds.isNaN { return "NaN is not a number of seconds" }
        if seconds < 0 { return "a number of seconds, 0 or more, expected, got \(seconds)" }
        if seconds > longestSleep {
            return "\(seconds) seconds is longer than the longest sleep (\(longestSleep), about 292 years)"
        }
        return nil
    }
}
