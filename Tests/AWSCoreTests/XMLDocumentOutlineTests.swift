import XCTest

@testable import AWSCore

/// The root element's name found without reading the document, and nil wherever the
/// document does not have the plain shape (the caller then reads it in full).
final class XMLDocumentOutlineTests: XCTestCase {
    private func rootName(_ text: String) -> String? {
        XMLDocumentOutline(Array(text.utf8))?.rootName
    }

    func testTheRootIsNamedAfterTheDeclarationCommentsAndWhitespace() {
        XCTAssertEqual(
            rootName(
                "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- a note -->\n<ListBucketResult a=\"1\"><Name>b</Name></ListBucketResult>\n"
            ),
            "ListBucketResult")
        XCTAssertEqual(rootName("<Error><Code>InternalError</Code></Error>"), "Error")
        XCTAssertEqual(rootName("<s3:Error xmlns:s3=\"u\"></s3:Error >"), "s3:Error")
        XCTAssertEqual(XMLDocumentOutline(Array("<s3:Error xmlns:s3=\"u\"></s3:Error>".utf8))?.rootLocalName, "Error")
        XCTAssertEqual(rootName("<CopyObjectResult/>"), "CopyObjectResult")
        XCTAssertEqual(rootName("<CopyObjectResult a=\"x\" />  "), "CopyObjectResult")
    }

    func testADocumentCutOffBeforeItsRootClosesHasNoOutline() {
        XCTAssertNil(rootName("<CompleteMultipartUploadResult><Bucket>b</Bu"))
        XCTAssertNil(rootName("<ListBucketResult><Name>b</Name></ListBucketResul"))
        XCTAssertNil(rootName("<ListBucketResult><Contents></Contents>"))
        XCTAssertNil(rootName("<ListBucketResult"))
    }

    func testAnythingButThePlainShapeHasNoOutline() {
        XCTAssertNil(rootName(""))
        XCTAssertNil(rootName("   \n"))
        XCTAssertNil(rootName("not xml <"))
        XCTAssertNil(rootName("<!DOCTYPE Error><Error></Error>"))
        XCTAssertNil(rootName("<!-- never closed <Error></Error>"))
        XCTAssertNil(rootName("<A><B></B></A><C></C>"), "the last end tag is not the root's")
    }
}
