import Foundation
import XCTest

@testable import AWSCore

/// `request_checksum_calculation` and `response_checksum_validation`, from the environment or
/// the profile, as botocore reads them.
final class ChecksumSettingsTests: XCTestCase {
    func testTheEnvironmentBeatsTheProfileAndBothDefaultToWhenSupported() throws {
        let home = try TempHome()
        defer { home.remove() }
        XCTAssertEqual(try home.resolver([:]).checksumSettings(), ChecksumSettings())
        try home.write(
            config:
                "[default]\nrequest_checksum_calculation = WHEN_REQUIRED\nresponse_checksum_validation = when_required\n"
        )
        XCTAssertEqual(
            try home.resolver([:]).checksumSettings(),
            ChecksumSettings(requestCalculation: .whenRequired, responseValidation: .whenRequired))
        XCTAssertEqual(
            try home.resolver(["AWS_REQUEST_CHECKSUM_CALCULATION": "when_supported"]).checksumSettings(),
            ChecksumSettings(requestCalculation: .whenSupported, responseValidation: .whenRequired))
    }

    func testAnUnknownValueIsAClearError() throws {
        let home = try TempHome()
        defer { home.remove() }
        XCTAssertThrowsError(try home.resolver(["AWS_RESPONSE_CHECKSUM_VALIDATION": "always"]).checksumSettings()) {
            error in
            XCTAssertEqual((error as? AWSError)?.code, "InvalidConfiguration")
            XCTAssertTrue((error as? AWSError)?.message.contains("AWS_RESPONSE_CHECKSUM_VALIDATION") ?? false)
        }
    }
}
