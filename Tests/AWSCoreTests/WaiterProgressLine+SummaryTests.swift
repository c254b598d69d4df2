import AWSCore
import XCTest

final class WaiterProgressLineSummaryTests: XCTestCase {
    private func progress(_ state: String, _ elapsed: Double) -> WaiterProgress {
        WaiterProgress(waiter: "JobRunSucceeded", attempt: 2, elapsed: elapsed, state: state, outcome: nil)
    }

    func testOneWaitReadsAsItDoesAlone() {
        XCTAssertEqual(
            WaiterProgressLine(summing: [("job_run_succeeded", progress("RUNNING", 12))]).text,
            "waiting for job_run_succeeded: RUNNING (12s, attempt 2)")
    }

    func testSeveralWaitsShareOneLineCountingEachState() {
        let line = WaiterProgressLine(summing: [
            ("job_run_succeeded", progress("RUNNING", 65)), ("job_run_succeeded", progress("SUCCEEDED", 30)),
            ("crawler_ready", progress("RUNNING", 3)),
        ])
        XCTAssertEqual(line.text, "waiting for 3 (job_run_succeeded, crawler_ready): 2 RUNNING, 1 SUCCEEDED (1m05s)")
    }
}
