import AWSCore
import XCTest

final class Base64Tests: XCTestCase {
    func testKnownVectors() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            XCTAssertEqual(Base64.encode(Array(plain.utf8)), encoded)
            XCTAssertEqual(Base64.decode(encoded), Array(plain.utf8))
        }
    }

    func testAllByteValuesRoundTrip() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        XCTAssertEqual(Base64.decode(Base64.encode(bytes)), bytes)
    }

    func testRejectsWhatIsNotBase64() {
        XCTAssertNil(Base64.decode("Zm9v!"))
        XCTAssertNil(Base64.decode("Zg==Zg"))
        XCTAssertEqual(Base64.decode("Zm9v\nYmFy"), Array("foobar".utf8))
    }
}
