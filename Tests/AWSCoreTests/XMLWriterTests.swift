import AWSCore
import XCTest

/// Request bodies written with `XMLWriter`, and their round trip through the reader.
final class XMLWriterTests: XCTestCase {
    private typealias Element = AWSCore.XMLElement

    func testWritesElementsWithNamespaceAttributesAndText() {
        var xml = XMLWriter(declaration: true)
        xml.startElement("CreateBucketConfiguration", namespace: XMLNamespace(uri: "http://s3/"))
        xml.element("LocationConstraint", text: "eu-west-1")
        xml.startElement(
            "Grantee",
            namespace: XMLNamespace(uri: "http://www.w3.org/2001/XMLSchema-instance", prefix: "xsi"),
            attributes: [("xsi:type", "CanonicalUser")])
        xml.endElement()
        xml.endElement()
        XCTAssertEqual(
            xml.string,
            #"<?xml version="1.0" encoding="UTF-8"?><CreateBucketConfiguration xmlns="http://s3/">"#
                + "<LocationConstraint>eu-west-1</LocationConstraint>"
                + #"<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser" />"#
                + "</CreateBucketConfiguration>")
    }

    func testEscapesMarkupQuotesInAttributesAndControlCharacters() {
        var xml = XMLWriter()
        xml.element("Key", text: "a&b <c> \"d\" 'e'\r\n\tf\u{1}", attributes: [("note", "x\"y\n\tz")])
        XCTAssertEqual(
            xml.string,
            "<Key note=\"x&quot;y&#xA;&#x9;z\">a&amp;b &lt;c&gt; \"d\" 'e'&#xD;\n\tf&#x1;</Key>")
    }

    func testWhatIsWrittenReadsBackUnchanged() throws {
        let tricky = "line1\r\nline2\r & <tag> \"quoted\" 'single' ünïcødé 😀"
        var xml = XMLWriter()
        xml.startElement("Delete", namespace: XMLNamespace(uri: "http://s3/"))
        xml.startElement("Object")
        xml.element("Key", text: tricky, attributes: [("a", tricky)])
        xml.endElement()
        xml.endElement()
        let root = try Element(parsing: xml.bytes)
        let key = try XCTUnwrap(root.child("Object")?.child("Key"))
        XCTAssertEqual(key.text, tricky)
        XCTAssertEqual(key.attribute("a"), tricky)
        XCTAssertEqual(key.namespaceURI, "http://s3/")
    }

    func testWritesAWholeTreeAndEmptyElementsSelfClose() throws {
        let source = """
            <Tagging xmlns="http://s3/"><TagSet><Tag><Key>k &amp; v</Key><Value></Value></Tag></TagSet></Tagging>
            """
        let tree = try Element(parsing: source)
        var xml = XMLWriter()
        xml.write(tree)
        XCTAssertEqual(
            xml.string,
            #"<Tagging xmlns="http://s3/"><TagSet><Tag><Key>k &amp; v</Key><Value /></Tag></TagSet></Tagging>"#)
        XCTAssertEqual(try Element(parsing: xml.bytes), tree)
    }

    func testEndingWithNothingOpenChangesNothing() {
        var xml = XMLWriter()
        xml.endElement()
        xml.element("A", text: "")
        xml.endElement()
        XCTAssertEqual(xml.string, "<A />")
    }
}
