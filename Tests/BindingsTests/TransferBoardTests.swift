import AWSCore
import XCTest

@testable import Bindings

/// Transfers side by side in `aws.parallel` with `progress = true` share one status line.
final class TransferBoardTests: XCTestCase {
    private func progress(_ done: Int64, of total: Int64) -> S3TransferProgress {
        S3TransferProgress(bytesDone: done, totalBytes: total, seconds: 1)
    }

    func testTheLineSumsEveryTransferRunningAndForgetsThoseThatEnded() {
        let board = TransferBoard(line: SharedStatusLine(StatusLine(enabled: false)))
        board.update(1, verb: "upload", name: "a.bin", progress(100, of: 1000))
        XCTAssertEqual(board.text, "upload a.bin: 100 B of 1000 B (10%) 100 B/s")
        board.update(2, verb: "download", name: "b.bin", progress(400, of: 1000))
        board.update(1, verb: "upload", name: "a.bin", progress(600, of: 1000))
        XCTAssertEqual(board.text, "2 transfers (1 upload, 1 download): 1000 B of 2.0 KiB (50%) 1000 B/s")
        board.remove(1)
        XCTAssertEqual(board.text, "download b.bin: 400 B of 1000 B (40%) 400 B/s")
    }

    func testWaitsAndTransfersShowSideBySideOnTheOneLine() {
        let line = SharedStatusLine(StatusLine(enabled: false))
        let transfers = TransferBoard(line: line)
        let waits = WaitBoard(line: line)
        transfers.update(1, verb: "upload", name: "a.bin", progress(100, of: 1000))
        waits.update(
            1, name: "job_run_succeeded",
            WaiterProgress(waiter: "JobRunSucceeded", attempt: 2, elapsed: 12, state: "RUNNING", outcome: nil))
        XCTAssertEqual(
            line.text,
            "upload a.bin: 100 B of 1000 B (10%) 100 B/s · waiting for job_run_succeeded: RUNNING (12s, attempt 2)")
        transfers.remove(1)
        XCTAssertEqual(line.text, "waiting for job_run_succeeded: RUNNING (12s, attempt 2)")
        waits.remove(1)
        XCTAssertEqual(line.text, "")
    }
}
