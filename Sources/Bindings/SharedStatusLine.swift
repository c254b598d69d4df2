/// The one status line of `aws.parallel`, shared by its boards (waits, transfers): each board
/// sets its own part and the line shows the parts side by side, in the order they first
/// appeared (`waiting for job_run_succeeded: RUNNING (12s, attempt 4) · upload a.csv: ...`),
/// so waits and transfers running at once never redraw over each other.
final class SharedStatusLine {
    private let status: StatusLine
    private var parts: [(owner: String, text: String)] = []

    init(_ status: StatusLine) {
        self.status = status
    }

    /// Sets `owner`'s part to `text` and redraws the line.
    func show(_ text: String, for owner: String) {
        if let index = parts.firstIndex(where: { $0.owner == owner }) {
            parts[index].text = text
        } else {
            parts.append((owner, text))
        }
        status.show(self.text)
    }

    /// Drops `owner`'s part; the line is blanked when no part is left.
    func clear(for owner: String) {
        guard let index = parts.firstIndex(where: { $0.owner == owner }) else { return }
        parts.remove(at: index)
        if parts.isEmpty { status.clear() } else { status.show(text) }
    }

    /// The line as it stands.
    var text: String { parts.map(\.text).joined(separator: " · ") }
}
