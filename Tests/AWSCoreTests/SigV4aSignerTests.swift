import Crypto
import Foundation
import XCTest

@testable import AWSCore

/// SigV4a (ECDSA P-256): the key derived from the access key pair and the signature, checked
/// against the AWS signing test suite's published public key and canonical request (aws-c-auth,
/// v4a/get-vanilla). ECDSA signatures are randomised, so ours are verified, not compared.
final class SigV4aSignerTests: XCTestCase {
    private let credentials = Credentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    private let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    func testTheDerivedKeyIsTheSuitesPublicKey() throws {
        let key = try SigV4aKey.privateKey(
            accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey)
        let point = Array(key.publicKey.x963Representation)
        XCTAssertEqual(SigV4Signer.hex(point[1..<33]), Self.suiteX)
        XCTAssertEqual(SigV4Signer.hex(point[33...]), Self.suiteY)
    }

    func testSignaturesVerifyWithTheSuitesPublicKey() throws {
        var signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
        signer.regionSet = "us-east-1"
        let request = HTTPRequest(method: "GET", url: "https://example.amazonaws.com/", headers: [])
        let result = try signer.signed(request, date: date)
        XCTAssertEqual(
            result.canonicalRequest,
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-region-set:us-east-1\n\n"
                + "host;x-amz-date;x-amz-region-set\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertTrue(
            result.stringToSign.hasPrefix("AWS4-ECDSA-P256-SHA256\n20150830T123600Z\n20150830/service/aws4_request\n"))
        let publicKey = try P256.Signing.PublicKey(
            x963Representation: Self.bytes(hex: "04" + Self.suiteX + Self.suiteY))
        XCTAssertTrue(
            publicKey.isValidSignature(
                try P256.Signing.ECDSASignature(derRepresentation: Self.bytes(hex: result.signature)),
                for: Array(result.stringToSign.utf8)),
            "the signature verifies with the suite's public key")
        let authorization = result.request.header("Authorization") ?? ""
        XCTAssertTrue(
            authorization.hasPrefix(
                "AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20150830/service/aws4_request, "
                    + "SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=3"), authorization)
        XCTAssertEqual(result.request.header("X-Amz-Region-Set"), "us-east-1")
    }

    /// The public key the suite gives for these credentials (v4a/*/public-key.json).
    private static let suiteX = "b6618f6a65740a99e650b33b6b4b5bd0d43b176d721a3edfea7e7d2d56d936b1"
    private static let suiteY = "865ed22a7eadc9c5cb9d2cbaca1b3699139fedc5043dc6661864218330c8e518"

    private static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }
}
