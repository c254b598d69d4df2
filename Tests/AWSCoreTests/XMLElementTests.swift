import AWSCore
import XCTest

/// The XML reader as the protocols use it: `XMLElement(parsing:)` on what services send.
final class XMLElementTests: XCTestCase {
    private typealias Element = AWSCore.XMLElement

    private func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> AWSError? {
        do {
            let element = try Element(parsing: text)
            XCTFail("expected an error, got \(element)", file: file, line: line)
            return nil
        } catch let error as AWSError {
            XCTAssertEqual(error.code, "XMLParseError", file: file, line: line)
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    func testReadsATypicalAWSResponse() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- generated -->
            <GetUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <GetUserResult>
                <User><UserName>bob</UserName><Path>/</Path></User>
              </GetUserResult>
              <ResponseMetadata><RequestId>7a62c49f</RequestId></ResponseMetadata>
            </GetUserResponse>
            """
        let root = try Element(parsing: xml)
        XCTAssertEqual(root.localName, "GetUserResponse")
        XCTAssertNil(root.prefix)
        XCTAssertEqual(root.namespaceURI, "https://iam.amazonaws.com/doc/2010-05-08/")
        XCTAssertEqual(root.children.map(\.localName), ["GetUserResult", "ResponseMetadata"])
        let user = root.child("GetUserResult")?.child("User")
        XCTAssertEqual(user?.childText("UserName"), "bob")
        XCTAssertEqual(user?.child("Path")?.namespaceURI, "https://iam.amazonaws.com/doc/2010-05-08/")
        XCTAssertEqual(root.child("ResponseMetadata")?.childText("RequestId"), "7a62c49f")
    }

    func testDecodesEntitiesAndCharacterReferences() throws {
        let root = try Element(parsing: "<a t='&quot;x&apos;'>&lt;b&gt; &amp; &#65;&#x42;&#x1F600;&#xD;</a>")
        XCTAssertEqual(root.text, "<b> & AB😀\r")
        XCTAssertEqual(root.attribute("t"), "\"x'")
    }

    func testCDATAIsKeptVerbatimAndJoinsTheText() throws {
        let root = try Element(parsing: "<a>one <![CDATA[<two> & &amp; ]]>three</a>")
        XCTAssertEqual(root.text, "one <two> & &amp; three")
    }

    func testTextIsTheElementsOwnCharacterData() throws {
        let root = try Element(parsing: "<a>x<b>inner</b>y<!-- c --><?pi data?>z</a>")
        XCTAssertEqual(root.text, "xyz")
        XCTAssertEqual(root.child("b")?.text, "inner")
    }

    func testLineEndsAreNormalisedButEscapedCarriageReturnsSurvive() throws {
        let root = try Element(parsing: "<a v=\"1\r\n2\t3\">l1\r\nl2\rl3&#xD;</a>")
        XCTAssertEqual(root.text, "l1\nl2\nl3\r")
        XCTAssertEqual(root.attribute("v"), "1 2 3")
    }

    func testNamespacesArePrefixSplitAndResolvedPerElement() throws {
        let xml = """
            <s3:List xmlns:s3="http://s3/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <s3:Grantee xsi:type="CanonicalUser" id="7"><ID xmlns="http://other/">x</ID></s3:Grantee>\
            <Plain/></s3:List>
            """
        let root = try Element(parsing: xml)
        XCTAssertEqual(root.prefix, "s3")
        XCTAssertEqual(root.localName, "List")
        XCTAssertEqual(root.name, "s3:List")
        XCTAssertEqual(root.namespaceURI, "http://s3/")
        let grantee = try XCTUnwrap(root.child("Grantee"))
        XCTAssertEqual(grantee.namespaceURI, "http://s3/")
        XCTAssertEqual(grantee.attribute("xsi:type"), "CanonicalUser")
        XCTAssertEqual(
            grantee.attribute("type", namespaceURI: "http://www.w3.org/2001/XMLSchema-instance"), "CanonicalUser")
        XCTAssertNil(grantee.attributes.first { $0.localName == "id" }?.namespaceURI)
        XCTAssertEqual(grantee.child("ID")?.namespaceURI, "http://other/")
        XCTAssertNil(root.child("Plain")?.namespaceURI, "an unprefixed element outside a default namespace has none")
    }

    func testAPrefixRedeclaredInsideComesBackWhenItsElementCloses() throws {
        let xml = """
            <p:a xmlns:p="http://one/" xmlns="http://default/"><b><p:c xmlns:p="http://two/"><d><p:e/></d></p:c>\
            <p:f/></b><g xmlns=""/><h/></p:a>
            """
        let root = try Element(parsing: xml)
        let b = try XCTUnwrap(root.child("b"))
        XCTAssertEqual(b.namespaceURI, "http://default/")
        XCTAssertEqual(b.child("c")?.namespaceURI, "http://two/")
        XCTAssertEqual(b.child("c")?.child("d")?.child("e")?.namespaceURI, "http://two/")
        XCTAssertEqual(b.child("f")?.namespaceURI, "http://one/")
        XCTAssertNil(root.child("g")?.namespaceURI)
        XCTAssertEqual(root.child("h")?.namespaceURI, "http://default/")
        XCTAssertEqual(
            parseError("<a><bc></b></a>")?.message, "closing tag </b> does not match <bc> at line 1, column 8 (byte 7)")
        XCTAssertEqual(
            parseError("<a></ab>")?.message, "closing tag </ab> does not match <a> at line 1, column 4 (byte 3)")
    }

    func testSelfClosingTagsAndDoctypeWithoutEntities() throws {
        let root = try Element(parsing: "\u{FEFF}<!DOCTYPE html [<!ELEMENT a ANY>]><a><b x=\"1\"/><c /></a>")
        XCTAssertEqual(root.children.map(\.name), ["b", "c"])
        XCTAssertEqual(root.child("b")?.attribute("x"), "1")
        XCTAssertEqual(root.child("c")?.text, "")
    }

    func testEntityDeclarationsAreRefusedSoNothingExpands() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """
        let error = parseError(laughs)
        XCTAssertTrue(error?.message.contains("declare entities") == true, error?.message ?? "")
        XCTAssertTrue(parseError("<a>&lol;</a>")?.message.contains("unknown entity &lol;") == true)
        XCTAssertNotNil(parseError("<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a>&xxe;</a>"))
    }

    func testErrorsNameWhatWasWrongAndWhere() throws {
        let mismatch = parseError("<a>\n  <b></c>\n</a>")
        XCTAssertEqual(mismatch?.message, "closing tag </c> does not match <b> at line 2, column 6 (byte 9)")
        XCTAssertEqual(mismatch?.fields["line"], .integer(2))
        XCTAssertEqual(mismatch?.fields["column"], .integer(6))
        XCTAssertEqual(mismatch?.fields["offset"], .integer(9))

        XCTAssertTrue(parseError("<a><b>")?.message.hasPrefix("the document ends inside <b>") == true)
        XCTAssertTrue(parseError("")?.message.hasPrefix("the document has no root element") == true)
        XCTAssertTrue(parseError("<a/><b/>")?.message.hasPrefix("unexpected content after the root element") == true)
        XCTAssertTrue(parseError("<a x='1' x='2'/>")?.message.hasPrefix("attribute x is repeated") == true)
        XCTAssertTrue(parseError("<p:a/>")?.message.hasPrefix("undeclared namespace prefix p") == true)
        XCTAssertTrue(parseError("<a>AT&T</a>")?.message.hasPrefix("'&' does not start an entity") == true)
        XCTAssertTrue(parseError("<a>&#xD800;</a>")?.message.hasPrefix("invalid character reference") == true)
        XCTAssertTrue(parseError("<a x=1/>")?.message.hasPrefix("expected a quoted attribute value") == true)
        XCTAssertTrue(parseError("<a><![CDATA[x</a>")?.message.hasPrefix("unterminated CDATA") == true)
        XCTAssertTrue(parseError("<a><!-- x</a>")?.message.hasPrefix("unterminated comment") == true)
        XCTAssertTrue(parseError("just text")?.message.hasPrefix("expected the root element") == true)
        XCTAssertTrue(parseError("<html><body>500</body>")?.message.hasPrefix("the document ends inside") == true)
    }

    func testTextThatIsNotUTF8IsAnError() throws {
        let bytes: [UInt8] = Array("<a>".utf8) + [0xFF, 0xFE] + Array("</a>".utf8)
        XCTAssertThrowsError(try Element(parsing: bytes)) { error in
            XCTAssertEqual((error as? AWSError)?.code, "XMLParseError")
        }
    }

    func testDeepNestingIsAnErrorNotACrash() throws {
        let depth = 100_000
        let deep = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        XCTAssertTrue(parseError(deep)?.message.hasPrefix("elements are nested deeper than 512 levels") == true)

        let allowed = String(repeating: "<a>", count: 500) + "x" + String(repeating: "</a>", count: 500)
        var element = try Element(parsing: allowed)
        var levels = 1
        while let child = element.children.first {
            element = child
            levels += 1
        }
        XCTAssertEqual(levels, 500)
        XCTAssertEqual(element.text, "x")
    }
}
