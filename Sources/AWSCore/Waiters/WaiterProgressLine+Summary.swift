extension WaiterProgressLine {
    /// The one line for several waits going on at once: one wait reads as it does alone;
    /// several as a count of each state with the longest time waited
    /// (`waiting for 3 (job_run_succeeded): 2 RUNNING, 1 SUCCEEDED (1m05s)`).
    public init(summing waits: [(name: String, progress: WaiterProgress)]) {
        if waits.count == 1, let only = waits.first {
            self.init(only.progress, name: only.name)
            return
        }
        var names: [String] = []
        var states: [(state: String, count: Int)] = []
        for wait in waits {
            if !names.contains(wait.name) { names.append(wait.name) }
            if let index = states.firstIndex(where: { $0.state == wait.progress.state }) {
                states[index].count += 1
            } else {
                states.append((wait.progress.state, 1))
            }
        }
        let longest = waits.map(\.progress.elapsed).max() ?? 0
        self.init(
            text: "waiting for \(waits.count) (\(names.joined(separator: ", "))): "
                + states.map { "\($0.count) \($0.state)" }.joined(separator: ", ")
                + " (\(Self.duration(longest)))")
    }

    init(text: String) {
        self.text = text
    }
}
