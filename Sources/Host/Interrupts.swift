import CShims

/// Ctrl-C while Lua code runs: the signal handler arms a hook that raises "interrupted!"
/// at the next Lua instruction, as the stock interpreter does. Swift code that blocks for
/// long (waiting, sleeping) should poll `requested(in:)` and stop. A second Ctrl-C while
/// the first is still pending ends the process with status 130.
///
/// The flag belongs to each state: one host's Ctrl-C is not another's.
public enum Interrupts {
    /// Runs `body` with Ctrl-C turned into a Lua error in `state`.
    public static func watching<T>(_ state: LuaState, _ body: () throws -> T) rethrows -> T {
        gs_interrupt_reset(state.L)
        gs_interrupt_watch(state.L)
        gs_interrupt_install_handler()
        defer {
            gs_interrupt_restore_handler()
            gs_interrupt_unwatch(state.L)
        }
        return try body()
    }

    /// True once Ctrl-C was pressed during the current (or last) `watching` call of `state`.
    public static func requested(in state: LuaState) -> Bool { gs_interrupted(state.L) != 0 }

    /// The error a Swift function should throw when it stops for an interrupt.
    public static var error: LuaError { LuaError("interrupted!") }
}
