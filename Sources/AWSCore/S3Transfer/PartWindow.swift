/// The parts of one transfer sent through a `CallScheduler`, at most `limit` in flight (one at
/// a time, in order, when `limit` is 1): `advance` takes in the parts that finished and starts
/// the next ones. Each part is retried by the scheduler as the client's retry policy allows.
final class PartWindow {
    let calls: [ParallelCall]
    private let limit: Int
    private let uploading: Bool
    private let progress: ProgressCounter
    private var next = 0
    /// The ticket of each part in flight, by index.
    private var inFlight: [Int: Int] = [:]
    private var finishedCount = 0

    init(_ calls: [ParallelCall], limit: Int, uploading: Bool, progress: ProgressCounter) {
        self.calls = calls
        self.limit = max(1, limit)
        self.uploading = uploading
        self.progress = progress
    }

    /// Whether every part has finished.
    var isDone: Bool { finishedCount == calls.count }

    /// Hands each part that finished, with its output, to `received` (a failed part throws its
    /// error), then starts parts up to the limit.
    func advance(
        _ scheduler: CallScheduler, client: AWSClient, received: (Int, JSONValue) throws -> Void
    ) throws {
        for (index, ticket) in inFlight where scheduler.isFinished(ticket) {
            inFlight[index] = nil
            try received(index, try scheduler.takeOutput(ticket).get())
            progress.finish(index, bytes: calls[index].bytes)
            finishedCount += 1
        }
        while inFlight.count < limit, next < calls.count {
            let index = next
            next += 1
            let (uploading, progress) = (self.uploading, self.progress)
            inFlight[index] = try scheduler.submit(client, calls[index]) { moved in
                progress.update(index, bytes: uploading ? moved.bytesSent : moved.bytesReceived)
            }
        }
    }

    /// Stops the parts in flight.
    func stop(_ scheduler: CallScheduler) {
        for ticket in inFlight.values { scheduler.forget(ticket) }
        inFlight.removeAll()
    }
}
