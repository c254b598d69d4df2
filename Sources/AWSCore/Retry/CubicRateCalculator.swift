import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The send rate an adaptive client aims for, by the CUBIC curve (botocore's
/// `CubicCalculator`): after a throttling answer the rate drops to `beta` (0.7) of what was
/// being sent, then climbs back along a cubic through the rate at which throttling began.
struct CubicRateCalculator {
    static let scaleConstant = 0.4
    static let beta = 0.7

    /// The rate at the last throttling answer.
    private(set) var maxRate: Double
    private var zeroPoint: Double
    private var lastFailure: Double

    init(startingMaxRate: Double, startTime: Double) {
        maxRate = startingMaxRate
        zeroPoint = 0
        lastFailure = startTime
        zeroPoint = computeZeroPoint()
    }

    private func computeZeroPoint() -> Double {
        pow(maxRate * (1 - Self.beta) / Self.scaleConstant, 1.0 / 3.0)
    }

    /// The rate allowed at `time` after a success.
    func successReceived(at time: Double) -> Double {
        Self.scaleConstant * pow(time - lastFailure - zeroPoint, 3) + maxRate
    }

    /// The rate allowed after a throttling answer received at `time` while sending at `currentRate`.
    mutating func errorReceived(currentRate: Double, at time: Double) -> Double {
        maxRate = currentRate
        zeroPoint = computeZeroPoint()
        lastFailure = time
        return currentRate * Self.beta
    }
}
