/// Calls of any number of clients in flight at once on one thread, over one curl multi
/// handle (connections are kept between calls), with timers beside them: what lets a script
/// run many calls side by side without threads.
///
/// `submit` checks and starts a call and returns its ticket; `drive` moves everything along
/// until something finishes; `isFinished` and `take` collect the outcome. Each call is
/// retried on its own as its client's retry policy allows, its backoff waited here while the
/// others go on. Not safe to use from two threads at once.
public final class CallScheduler {
    private let transport: ParallelTransport
    private var calls: [Int: ScheduledCall] = [:]
    /// Calls waiting out a retry backoff, with the time they go again.
    private var retryAt: [Int: ContinuousClock.Instant] = [:]
    private var timers: [Int: ContinuousClock.Instant] = [:]
    /// Finished tickets: a call's answer, nil for a timer, or the error.
    private var outcomes: [Int: Result<CallAnswer?, AWSError>] = [:]
    private var lastTicket = 0
    /// Asked while driving: true stops with `Cancelled` and drops every call in flight.
    public var isCancelled: () -> Bool = { false }

    public init(transport: ParallelTransport) {
        self.transport = transport
    }

    /// Calls in flight or waiting to retry, and timers not yet run out.
    public var pendingCount: Int { calls.count + timers.count }

    /// Starts `operationName` of `client` with `input`; a bad parameter throws before sending.
    public func submit(_ client: AWSClient, _ operationName: String, _ input: JSONValue) throws -> Int {
        let call = try client.scheduledCall(operationName, input)
        lastTicket += 1
        calls[lastTicket] = call
        start(lastTicket)
        return lastTicket
    }

    /// Starts `call` of a managed transfer: its body in place of the payload, a successful
    /// answer's body into its region, and `progress` told of the bytes each attempt moves.
    func submit(_ client: AWSClient, _ call: ParallelCall, progress: ((TransferProgress) -> Void)?) throws -> Int {
        var scheduled = try client.scheduledCall(call.operation, call.input, body: call.body)
        scheduled.region = call.region
        scheduled.progress = progress
        lastTicket += 1
        calls[lastTicket] = scheduled
        start(lastTicket)
        return lastTicket
    }

    /// A ticket that finishes, with no value, once `seconds` have passed.
    public func timer(_ seconds: Double) -> Int {
        lastTicket += 1
        timers[lastTicket] = ContinuousClock.now.advanced(by: .nanoseconds(Int64(max(0, seconds) * 1e9)))
        return lastTicket
    }

    public func isFinished(_ ticket: Int) -> Bool {
        outcomes[ticket] != nil || (calls[ticket] == nil && timers[ticket] == nil)
    }

    /// The outcome of a finished ticket, handed out once: the call's answer, to be read by the
    /// caller (nil for a timer or a ticket already taken or forgotten), or its error.
    public func take(_ ticket: Int) -> Result<CallAnswer?, AWSError> {
        outcomes.removeValue(forKey: ticket) ?? .success(nil)
    }

    /// `take` with the answer read into a `JSONValue` (`.null` for a timer); an answer that
    /// does not read gives its error.
    public func takeOutput(_ ticket: Int) -> Result<JSONValue, AWSError> {
        take(ticket).flatMap { answer in
            guard let answer else { return .success(.null) }
            do {
                return .success(try answer.output())
            } catch {
                return .failure(error as? AWSError ?? AWSError(code: "ParseError", message: "\(error)"))
            }
        }
    }

    /// Forgets `ticket`: a request still in flight is stopped (its connection closed), and an
    /// answer already in is dropped.
    public func forget(_ ticket: Int) {
        if calls[ticket] != nil, retryAt[ticket] == nil { transport.cancel(tag: ticket) }
        calls[ticket] = nil
        retryAt[ticket] = nil
        timers[ticket] = nil
        outcomes[ticket] = nil
    }

    /// Stops every call in flight and forgets every ticket.
    public func cancelAll() {
        transport.cancelAll()
        calls.removeAll()
        retryAt.removeAll()
        timers.removeAll()
        outcomes.removeAll()
    }

    /// Moves calls and timers along until at least one ticket finishes or `timeout` seconds
    /// pass; returns at once when nothing is pending. Throws `Cancelled` (having stopped
    /// everything) once `isCancelled` says so.
    public func drive(timeout: Double) throws {
        let deadline = ContinuousClock.now.advanced(by: .nanoseconds(Int64(max(0, timeout) * 1e9)))
        let finishedBefore = outcomes.count
        while pendingCount > 0 {
            if isCancelled() {
                cancelAll()
                throw AWSError(code: "Cancelled", message: "the calls were interrupted")
            }
            let now = ContinuousClock.now
            for (ticket, time) in retryAt where time <= now {
                retryAt[ticket] = nil
                start(ticket)
            }
            var expired = false
            for (ticket, time) in timers where time <= now {
                timers[ticket] = nil
                outcomes[ticket] = .success(nil)
                expired = true
            }
            if expired || outcomes.count > finishedBefore || now >= deadline { return }
            let nextTime = (Array(retryAt.values) + Array(timers.values) + [deadline]).min() ?? deadline
            let wait = min(0.1, max(0, seconds(now.duration(to: nextTime))))
            if calls.count > retryAt.count {
                for (ticket, result) in transport.waitForFinished(timeout: wait) { finish(ticket, result) }
            } else {
                RetryPolicy.systemSleep(wait)
            }
        }
    }

    private func start(_ ticket: Int) {
        guard let call = calls[ticket] else { return }
        do {
            let attempt = try call.client.signedAttempt(call)
            transport.start(attempt.request, options: attempt.options, tag: ticket)
        } catch let error as AWSError {
            calls[ticket] = nil
            outcomes[ticket] = .failure(error)
        } catch {
            calls[ticket] = nil
            outcomes[ticket] = .failure(AWSError(code: "SigningError", message: "\(error)"))
        }
    }

    private func finish(_ ticket: Int, _ result: Result<HTTPResponse, AWSError>) {
        guard var call = calls[ticket] else { return }
        switch call.client.outcome(of: result, for: &call) {
        case .answer(let answer):
            calls[ticket] = nil
            outcomes[ticket] = .success(answer)
        case .failure(let error):
            calls[ticket] = nil
            outcomes[ticket] = .failure(error)
        case .retry(let delay):
            calls[ticket] = call
            retryAt[ticket] = ContinuousClock.now.advanced(by: .nanoseconds(Int64(delay * 1e9)))
        }
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
