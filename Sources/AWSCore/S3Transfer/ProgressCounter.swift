/// Adds up the bytes moved by the requests of one transfer (finished ones and those in
/// flight) and reports the total, at most about ten times a second.
final class ProgressCounter {
    let totalBytes: Int64
    private let report: ((S3TransferProgress) -> Void)?
    private let started = ContinuousClock.now
    private var finishedBytes: Int64 = 0
    private var inFlight: [Int: Int64] = [:]
    private var lastReport: ContinuousClock.Instant?

    init(totalBytes: Int64, report: ((S3TransferProgress) -> Void)?) {
        self.totalBytes = totalBytes
        self.report = report
    }

    /// Seconds since the transfer began.
    var seconds: Double {
        let elapsed = started.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Request `index` has moved `bytes` so far.
    func update(_ index: Int, bytes: Int64) {
        inFlight[index] = bytes
        emit(force: false)
    }

    /// Request `index` is done and moved `bytes` in all.
    func finish(_ index: Int, bytes: Int64) {
        inFlight[index] = nil
        finishedBytes += bytes
        emit(force: false)
    }

    /// Request `index` failed and will be sent again: its bytes no longer count.
    func reset(_ index: Int) {
        inFlight[index] = nil
    }

    /// Reports the final figure.
    func end() { emit(force: true) }

    private func emit(force: Bool) {
        guard let report else { return }
        let now = ContinuousClock.now
        if !force, let lastReport, lastReport.duration(to: now) < .milliseconds(100) { return }
        lastReport = now
        let done = min(totalBytes, finishedBytes + inFlight.values.reduce(0, +))
        report(S3TransferProgress(bytesDone: done, totalBytes: totalBytes, seconds: seconds))
    }
}
