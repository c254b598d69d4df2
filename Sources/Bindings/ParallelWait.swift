import AWSCore
import Host

/// A `client:wait(...)` running inside `aws.parallel`: its polls go through the scheduler and
/// its pauses are timers, so other functions run meanwhile (see `ParallelScript`).
final class ParallelWait {
    let client: LuaClient
    var run: WaiterRun
    let params: JSONValue
    /// An error met before the poll could be sent (a bad parameter), judged as its answer.
    var unsentFailure: AWSError?

    init(client: LuaClient, run: WaiterRun, params: JSONValue) {
        self.client = client
        self.run = run
        self.params = params
    }
}

extension ParallelRuntime {
    /// `begin(client, name, params, options)` → id; `poll(id)` → ticket; `judge(id, ticket)` →
    /// nil and the last response when the wait is over, else the seconds to pause;
    /// `after_pause(id)`; `finish(id)`.
    func waitFunctions() -> LuaTable {
        var functions = LuaTable(array: [])
        functions["begin"] = .function(
            LuaFunction("wait") { [unowned self] call in
                guard let client = call[1].object(as: LuaClient.self) else {
                    throw LuaError("wait must be called with ':' (client:wait(name, params))")
                }
                var request = try client.waitRequest(call)
                lastWait += 1
                let id = lastWait
                request.options.isCancelled = session.isInterrupted
                if request.showProgress {
                    let board = waitBoard()
                    let name = request.waiterName
                    request.options.progress = { progress in board.update(id, name: name, progress) }
                }
                client.client.debugLog = session.debugLog
                let waiter = Waiter(name: request.waiterName, definition: request.definition, options: request.options)
                waits[id] = ParallelWait(client: client, run: WaiterRun(waiter), params: request.params)
                return [.integer(Int64(id))]
            })
        functions["poll"] = .function(
            LuaFunction("wait") { [unowned self] call in
                let wait = try self.wait(call[1])
                try finishing(wait) { try wait.run.beginPoll() }
                do {
                    let operation = wait.run.waiter.definition.operation
                    return [.integer(Int64(try scheduler().submit(wait.client.client, operation, wait.params)))]
                } catch let error as AWSError {
                    wait.unsentFailure = error
                    return [.integer(Int64(try scheduler().timer(0)))]
                }
            })
        functions["judge"] = .function(
            LuaFunction(pushing: "wait") { [unowned self] call in
                let wait = try self.wait(call[1])
                var response: JSONValue?
                var failure = wait.unsentFailure
                wait.unsentFailure = nil
                if failure == nil, let ticket = call[2].integerValue {
                    switch try scheduler().takeOutput(Int(ticket)) {
                    case .success(let output): response = output
                    case .failure(let error): failure = error
                    }
                }
                if failure?.code == "Cancelled" && session.isInterrupted() { throw Interrupts.error }
                let next = try finishing(wait) { try wait.run.judge(response: response, failure: failure) }
                let stack = LuaStackBuilder(state: call.state, on: call.thread)
                switch next {
                case .finished(let last):
                    stack.pushNil()
                    try stack.pushJSON(last)
                    return 2
                case .pause(let seconds):
                    stack.pushNumber(seconds)
                    return 1
                }
            })
        functions["after_pause"] = .function(
            LuaFunction("wait") { [unowned self] call in
                let wait = try self.wait(call[1])
                try finishing(wait) { try wait.run.endPause() }
                return []
            })
        functions["finish"] = .function(
            LuaFunction("wait") { [unowned self] call in
                guard let id = call[1].integerValue.map(Int.init) else { return [] }
                waits[id] = nil
                madeWaitBoard?.remove(id)
                return []
            })
        return functions
    }

    private func wait(_ value: LuaValue) throws -> ParallelWait {
        guard let id = value.integerValue, let wait = waits[Int(id)] else {
            throw LuaError("aws.parallel: this wait has already ended")
        }
        return wait
    }

    /// Runs a step of `wait`, giving its errors the client's name and Ctrl-C's own error.
    private func finishing<T>(_ wait: ParallelWait, _ step: () throws -> T) throws -> T {
        do {
            return try step()
        } catch var error as AWSError {
            if error.code == "Cancelled" { throw Interrupts.error }
            error.service = wait.client.name
            throw error
        }
    }

    private func waitBoard() -> WaitBoard {
        if let madeWaitBoard { return madeWaitBoard }
        let made = WaitBoard(line: statusLine)
        madeWaitBoard = made
        return made
    }
}
