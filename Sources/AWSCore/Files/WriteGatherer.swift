/// Consecutive bytes bound for a `DownloadFile`, gathered in memory and written `capacity`
/// bytes at a time: curl hands a body over in pieces of at most 16 KiB, and writing each one
/// at once costs a system call per piece.
///
/// At most `capacity` bytes wait in memory, taken on the first piece and given back by `end`.
/// Bytes held are not in the file: whoever owns the gatherer counts only what `add`, `flush`
/// and `end` say reached it. A write that fails drops what was held.
final class WriteGatherer {
    /// Bytes gathered before a write when nothing else is asked for: curl's receive buffer
    /// (`CurlEasyRequest.receiveBufferSize`), so one read from the socket is about one write.
    static let defaultCapacity = 512 * 1024

    let file: DownloadFile
    let capacity: Int
    private var storage: UnsafeMutableRawPointer?
    /// Bytes held.
    private(set) var held = 0
    /// Where in the file the first byte held goes (not used when the file is written in place).
    private var offset: Int64 = 0

    init(file: DownloadFile, capacity: Int = WriteGatherer.defaultCapacity) {
        self.file = file
        self.capacity = max(1, capacity)
    }

    deinit { storage?.deallocate() }

    /// Starts a new run of bytes at `offset` of the file; anything held is dropped.
    func start(at offset: Int64) {
        held = 0
        self.offset = offset
    }

    /// Takes `piece`, which follows the bytes taken before it, and writes once `capacity`
    /// bytes are held. Returns the bytes that reached the file. Code: `FileNotWritable`.
    func add(_ piece: UnsafeRawBufferPointer) throws -> Int {
        var rest = piece
        var reached = 0
        while !rest.isEmpty {
            if held == 0, rest.count >= capacity {
                try write(rest)
                return reached + rest.count
            }
            let storage = self.storage ?? allocate()
            let count = min(capacity - held, rest.count)
            (storage + held).copyMemory(from: rest.baseAddress!, byteCount: count)
            held += count
            rest = UnsafeRawBufferPointer(rebasing: rest[count...])
            if held == capacity { reached += try flush() }
        }
        return reached
    }

    /// Writes the bytes held; returns how many. Code: `FileNotWritable`.
    func flush() throws -> Int {
        guard held > 0, let storage else { return 0 }
        let count = held
        held = 0
        try write(UnsafeRawBufferPointer(start: storage, count: count))
        return count
    }

    /// Writes the bytes held and gives the memory back; returns how many were written.
    /// Code: `FileNotWritable`.
    func end() throws -> Int {
        defer {
            storage?.deallocate()
            storage = nil
        }
        return try flush()
    }

    private func allocate() -> UnsafeMutableRawPointer {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        self.storage = storage
        return storage
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        let at = offset
        offset += Int64(bytes.count)
        try file.write(bytes, at: at)
    }
}
