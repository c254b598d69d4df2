extension TransferProgressLine {
    /// The one line for several transfers going on at once: one transfer reads as it does
    /// alone; several as their count, the bytes of all of them and their speeds added up
    /// (`3 transfers (2 upload, 1 download): 40.0 MiB of 96.0 MiB (41%) 52.3 MiB/s`).
    public init(summing transfers: [(verb: String, name: String, progress: S3TransferProgress)]) {
        if transfers.count == 1, let only = transfers.first {
            self.init(only.progress, verb: only.verb, name: only.name)
            return
        }
        var verbs: [(verb: String, count: Int)] = []
        for transfer in transfers {
            if let index = verbs.firstIndex(where: { $0.verb == transfer.verb }) {
                verbs[index].count += 1
            } else {
                verbs.append((transfer.verb, 1))
            }
        }
        let done = transfers.reduce(Int64(0)) { $0 + $1.progress.bytesDone }
        let total = transfers.reduce(Int64(0)) { $0 + $1.progress.totalBytes }
        let speed = transfers.reduce(0.0) { $0 + $1.progress.bytesPerSecond }
        let percent = total > 0 ? Int(done * 100 / total) : 100
        let counts = verbs.map { "\($0.count) \($0.verb)" }.joined(separator: ", ")
        self.init(
            text: "\(transfers.count) transfers (\(counts)): \(Self.size(done)) of \(Self.size(total)) "
                + "(\(percent)%) \(Self.size(Int64(min(speed, 1e15))))/s")
    }

    init(text: String) {
        self.text = text
    }
}
