/// A managed transfer whose requests go through a `CallScheduler`, so that whoever drives the
/// scheduler decides what to do while they are in flight: `aws.parallel` runs its other
/// functions. `advance` is called again whenever the scheduler has moved on.
public protocol ScheduledTransfer: AnyObject {
    /// Takes in the answers that came and sends the requests that may go next; false once the
    /// transfer is over and `result` is set. A failure throws (then call `stop`).
    func advance(_ scheduler: CallScheduler) throws -> Bool

    /// What the transfer did, as Lua and JSON see it, once it is over.
    var result: JSONValue? { get }

    /// Stops the requests in flight and undoes what is unfinished: a download's temporary file
    /// is removed, a multipart upload aborted. Nothing is undone once the transfer is over.
    func stop(_ scheduler: CallScheduler)
}
