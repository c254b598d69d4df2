import Glibc

/// Gives a large answer's memory back to the system as a one-pass reader moves through it,
/// so reading a body into results never needs the whole body and the whole result at once.
///
/// Whole pages behind the reader are dropped with `madvise(MADV_DONTNEED)`: they read as zeros
/// afterwards, so it may only be used on a body that nothing reads again (see
/// `ResponseExtras.releasesBody`). Bodies shorter than `smallestBody` are left alone.
struct ConsumedBodyPages {
    /// Bodies shorter than this keep their pages: the saving would not pay for the calls.
    static let smallestBody = 8 << 20
    /// Bytes read between two releases.
    static let step = 4 << 20

    private let start: UnsafeRawPointer
    private let count: Int
    private let pageSize: Int
    /// Offset below which the pages were given back (or the body's first whole page).
    private(set) var releasedUpTo: Int

    /// Nil when `bytes` is too short to be worth it.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count >= Self.smallestBody else { return nil }
        start = UnsafeRawPointer(base)
        count = bytes.count
        pageSize = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))
        releasedUpTo = Self.distanceToPage(from: start, pageSize: pageSize)
    }

    /// The offset at which a release is next worth making.
    var nextRelease: Int { releasedUpTo + Self.step }

    /// Gives back the whole pages from the last release up to `offset` (exclusive), which the
    /// reader has passed; returns the offset now released up to.
    mutating func release(before offset: Int) -> Int {
        let end = offset - (Int(bitPattern: start + offset) & (pageSize - 1))
        guard end > releasedUpTo, end <= count else { return releasedUpTo }
        _ = madvise(UnsafeMutableRawPointer(mutating: start + releasedUpTo), end - releasedUpTo, MADV_DONTNEED)
        releasedUpTo = end
        return end
    }

    /// Bytes from `start` to the next page boundary (0 when it is on one).
    private static func distanceToPage(from start: UnsafeRawPointer, pageSize: Int) -> Int {
        let misalignment = Int(bitPattern: start) & (pageSize - 1)
        return misalignment == 0 ? 0 : pageSize - misalignment
    }
}
