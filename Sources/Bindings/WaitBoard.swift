import AWSCore

/// The one status line of the waits running side by side in `aws.parallel`: each wait reports
/// its latest poll here, and the line sums them all up (`waiting for 10 (job_run_succeeded):
/// 7 RUNNING, 3 SUCCEEDED (1m05s)`), so ten waits share one line instead of fighting over it
/// (the line `aws.parallel`'s transfers share too).
final class WaitBoard {
    /// The latest poll of each wait still running, in the order they began.
    private var latest: [(id: Int, name: String, progress: WaiterProgress)] = []
    private let line: SharedStatusLine

    init(line: SharedStatusLine) {
        self.line = line
    }

    /// Records wait `id`'s latest poll and redraws the line.
    func update(_ id: Int, name: String, _ progress: WaiterProgress) {
        if let index = latest.firstIndex(where: { $0.id == id }) {
            latest[index].progress = progress
        } else {
            latest.append((id, name, progress))
        }
        line.show(text, for: "waits")
    }

    /// Forgets wait `id`; the line is blanked when no wait is left.
    func remove(_ id: Int) {
        latest.removeAll { $0.id == id }
        if latest.isEmpty { line.clear(for: "waits") } else { line.show(text, for: "waits") }
    }

    private var text: String { WaiterProgressLine(summing: latest.map { ($0.name, $0.progress) }).text }
}
