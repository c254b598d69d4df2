import FoundationEssentials

/// Measures how fast a client is sending (botocore's `RateClocker`): responses are counted in
/// half-second buckets, and each finished bucket's rate is smoothed into the measure.
struct SendRateMeter {
    static let smoothing = 0.8
    static let bucketSeconds = 0.5

    private(set) var measuredRate = 0.0
    private var lastBucket: Double
    private var count = 0.0

    init(startTime: Double) {
        lastBucket = startTime.rounded(.down)
    }

    /// Counts one response at `time` and returns the measured rate.
    mutating func record(at time: Double) -> Double {
        let scale = 1 / Self.bucketSeconds
        let bucket = (time * scale).rounded(.down) / scale
        count += 1
        if bucket > lastBucket {
            let currentRate = count / (bucket - lastBucket)
            measuredRate = currentRate * Self.smoothing + measuredRate * (1 - Self.smoothing)
            count = 0
            lastBucket = bucket
        }
        return measuredRate
    }
}
