import AWSCore

/// The one status line of the transfers running side by side in `aws.parallel` with
/// `progress`: each transfer reports its bytes here, and the line sums them all up
/// (`3 transfers (2 upload, 1 download): 40.0 MiB of 96.0 MiB (41%) 52.3 MiB/s`), so they
/// share one line instead of fighting over it, as waits do on `WaitBoard` (and beside them).
final class TransferBoard {
    /// The latest progress of each transfer still running, in the order they began.
    private var latest: [(id: Int, verb: String, name: String, progress: S3TransferProgress)] = []
    private let line: SharedStatusLine

    init(line: SharedStatusLine) {
        self.line = line
    }

    /// Records transfer `id`'s progress and redraws the line.
    func update(_ id: Int, verb: String, name: String, _ progress: S3TransferProgress) {
        if let index = latest.firstIndex(where: { $0.id == id }) {
            latest[index].progress = progress
        } else {
            latest.append((id, verb, name, progress))
        }
        line.show(text, for: "transfers")
    }

    /// Forgets transfer `id`; the line is blanked when no transfer is left.
    func remove(_ id: Int) {
        guard let index = latest.firstIndex(where: { $0.id == id }) else { return }
        latest.remove(at: index)
        if latest.isEmpty { line.clear(for: "transfers") } else { line.show(text, for: "transfers") }
    }

    /// The line as it stands.
    var text: String { TransferProgressLine(summing: latest.map { ($0.verb, $0.name, $0.progress) }).text }
}
