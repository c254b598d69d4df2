import AWSCore
import Foundation
import Host

/// `aws.clock()`: seconds on a monotonic clock, with fractions (for timing steps; `os.clock`
/// counts CPU time and `os.time` whole seconds). `aws.sleep(seconds)`: waits, and stops at
/// once with an `interrupted!` error on Ctrl-C.
enum TimeFunctions {
    static let clock = LuaValue.function(
        LuaFunction("clock") { _ in
            [.number(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)]
        })

    static let sleep = LuaValue.function(
        LuaFunction("sleep") { call in
            guard let seconds = call[1].numberValue, seconds >= 0, seconds.isFinite else {
                throw call.argumentError(1, expected: "a number of seconds, 0 or more")
            }
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(min(seconds, 3e9) * 1e9)
            while DispatchTime.now().uptimeNanoseconds < deadline {
                if Interrupts.requested(in: call.state) { throw Interrupts.error }
                let left = Double(deadline - DispatchTime.now().uptimeNanoseconds) / 1e9
                usleep(useconds_t(min(left, 0.05) * 1e6))
            }
            return []
        })
}
