import AWSCore
import Foundation
import XCTest

/// File errors in words: the path and the system's reason.
final class FileErrorTextTests: XCTestCase {
    func testNamesThePathAndTheReason() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("plain", [1])
        XCTAssertThrowsError(
            try FileManager.default.createDirectory(atPath: file + "/below", withIntermediateDirectories: true)
        ) { error in
            XCTAssertEqual(FileErrorText.describe(error), "\(file)/below: Not a directory")
        }
    }

    func testOtherErrorsAreDescribedAsThemselves() {
        XCTAssertEqual(
            FileErrorText.describe(AWSError(code: "Code", message: "message")),
            "\(AWSError(code: "Code", message: "message"))")
    }
}
