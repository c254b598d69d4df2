import CShims

/// Ctrl-C while Lua code runs: the signal handler arms a hook that raises "interrupted!"
/// at the next Lua instruction, as the stock interpreter does. Swift code that blocks for
/// long (waiting, sleeping) should poll `requested(in:)` and stop. A second Ctrl-C while
/// the first is still pending ends the process with status 130. SIGTERM and SIGHUP interrupt
/// the same way, so the same clean-up runs, and are remembered in `terminationSignal`.
///
/// The flag belongs to each state: one host's Ctrl-C is not another's.
public enum Interrupts {
    /// Runs `body` with Ctrl-C, SIGTERM and SIGHUP turned into a Lua error in `state`.
    public static func watching<T>(_ state: LuaState, _ body: () throws -> T) rethrows -> T {
        gs_interrupt_reset(state.L)
        gs_interrupt_watch(state.L)
        gs_interrupt_install_handler()
        gs_termination_install_handler()
        defer {
            gs_termination_restore_handler()
            gs_interrupt_restore_handler()
            gs_interrupt_unwatch(state.L)
        }
        return try body()
    }

    /// SIGTERM or SIGHUP, once one has arrived while Lua code ran: the process should end
    /// (with status 128 + the signal) once the interrupted code has cleaned up.
    public static var terminationSignal: Int32? {
        let signal = gs_termination_signal()
        return signal == 0 ? nil : signal
    }

    /// True once Ctrl-C was pressed during the current (or last) `watching` call of `state`.
    public static func requested(in state: LuaState) -> Bool { gs_interrupted(state.L) != 0 }

    /// The error a Swift function should throw when it stops for an interrupt.
    public static var error: LuaError { LuaError("interrupted!") }
}
