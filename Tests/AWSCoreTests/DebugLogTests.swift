import AWSCore
import XCTest

final class DebugLogTests: XCTestCase {
    private final class Capture {
        var text = ""
    }

    private func log(limit: Int = 2048) -> (DebugLog, Capture) {
        let capture = Capture()
        return (DebugLog(bodyLimit: limit) { capture.text += $0 }, capture)
    }

    func testCredentialHeadersAreRedacted() {
        let (log, capture) = log()
        log.logRequest(
            HTTPRequest(
                method: "POST", url: "https://iam.amazonaws.com/",
                headers: [
                    (
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/iam/aws4_request, Signature=f00d"
                    ),
                    ("X-Amz-Security-Token", "FQoGZXIvYXdzEJr//////////token"),
                    ("X-Amz-Date", "20260101T000000Z"),
                ]))
        XCTAssertTrue(capture.text.contains("> POST https://iam.amazonaws.com/"))
        XCTAssertTrue(capture.text.contains("> Authorization: <redacted>"))
        XCTAssertTrue(capture.text.contains("> X-Amz-Security-Token: <redacted>"))
        XCTAssertTrue(capture.text.contains("> X-Amz-Date: 20260101T000000Z"))
        XCTAssertFalse(capture.text.contains("f00d"))
        XCTAssertFalse(capture.text.contains("token"))
    }

    func testJSONSecretsAreRedacted() {
        let (log, capture) = log()
        let body =
            #"{"Credentials":{"AccessKeyId":"ASIAEXAMPLE","SecretAccessKey":"wJalr/K7MDENG+bPx\"RfiCY","SessionToken" : "IQoJb3JpZ2lu","Expiration":1}}"#
        log.logResponse(
            HTTPResponse(
                status: 200, headers: [("content-type", "application/json")], body: Array(body.utf8)),
            seconds: 0.25)
        XCTAssertTrue(capture.text.contains("< HTTP 200 (0.250 s)"), capture.text)
        XCTAssertTrue(capture.text.contains(#""AccessKeyId":"ASIAEXAMPLE""#))
        XCTAssertTrue(capture.text.contains(#""SecretAccessKey":"<redacted>""#), capture.text)
        XCTAssertTrue(capture.text.contains(#""SessionToken" : "<redacted>""#), capture.text)
        XCTAssertTrue(capture.text.contains(#""Expiration":1"#))
        XCTAssertFalse(capture.text.contains("wJalr"))
        XCTAssertFalse(capture.text.contains("RfiCY"))
        XCTAssertFalse(capture.text.contains("IQoJb3"))
    }

    func testXMLSecretsAreRedacted() {
        let (log, capture) = log()
        let body = """
            <AssumeRoleResponse><AssumeRoleResult><Credentials>
            <AccessKeyId>ASIAEXAMPLE</AccessKeyId>
            <SecretAccessKey>wJalrXUtnFEMI</SecretAccessKey>
            <SessionToken>FwoGZXIvYXdz</SessionToken>
            </Credentials></AssumeRoleResult></AssumeRoleResponse>
            """
        log.logResponse(HTTPResponse(status: 200, body: Array(body.utf8)), seconds: 0)
        XCTAssertTrue(
            capture.text.contains("<SecretAccessKey><redacted></SecretAccessKey>"), capture.text)
        XCTAssertTrue(capture.text.contains("<SessionToken><redacted></SessionToken>"))
        XCTAssertTrue(capture.text.contains("<AccessKeyId>ASIAEXAMPLE</AccessKeyId>"))
        XCTAssertFalse(capture.text.contains("wJalrXUtnFEMI"))
        XCTAssertFalse(capture.text.contains("FwoGZXIvYXdz"))
    }

    func testFormAndIniSecretsAreRedacted() {
        let (log, capture) = log()
        let form = "Action=CreateLoginProfile&UserName=bob&Password=hunter2&Version=2010-05-08"
        log.logRequest(
            HTTPRequest(method: "POST", url: "https://iam.amazonaws.com/", body: .bytes(Array(form.utf8)))
        )
        let ini =
            "[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = wJalrSECRET\naws_session_token=tokTOKEN\n"
        log.logResponse(HTTPResponse(status: 200, body: Array(ini.utf8)), seconds: 0)
        XCTAssertTrue(
            capture.text.contains("UserName=bob&Password=<redacted>&Version=2010-05-08"), capture.text)
        XCTAssertTrue(capture.text.contains("aws_access_key_id = AKIDEXAMPLE"))
        XCTAssertTrue(capture.text.contains("aws_secret_access_key = <redacted>"), capture.text)
        XCTAssertTrue(capture.text.contains("aws_session_token=<redacted>"))
        XCTAssertFalse(capture.text.contains("hunter2"))
        XCTAssertFalse(capture.text.contains("wJalrSECRET"))
        XCTAssertFalse(capture.text.contains("tokTOKEN"))
    }

    func testSignInTokensAreRedacted() {
        let (log, capture) = log()
        let form =
            "Action=AssumeRoleWithWebIdentity&RoleArn=arn&WebIdentityToken=eyJhbGciOiJSUzI1NiJ9.jwt&Version=2011-06-15"
        log.logRequest(
            HTTPRequest(
                method: "POST", url: "https://sts.amazonaws.com/",
                headers: [("x-amz-sso_bearer_token", "bearerSECRET")],
                body: .bytes(Array(form.utf8))))
        let json =
            #"{"accessToken":"accessSECRET","refreshToken":"refreshSECRET","clientId":"id","clientSecret":"clientSECRET"}"#
        log.logResponse(HTTPResponse(status: 200, body: Array(json.utf8)), seconds: 0)
        XCTAssertTrue(capture.text.contains("WebIdentityToken=<redacted>&Version"), capture.text)
        XCTAssertTrue(capture.text.contains(#""clientId":"id""#), capture.text)
        for secret in ["eyJhbGci", "bearerSECRET", "accessSECRET", "refreshSECRET", "clientSECRET"] {
            XCTAssertFalse(capture.text.contains(secret), "\(secret) shows in \(capture.text)")
        }
    }

    func testLongBodiesAreCutAtTheLimit() {
        let (log, capture) = log(limit: 100)
        let body = String(repeating: "a", count: 100) + String(repeating: "b", count: 5000)
        log.logResponse(HTTPResponse(status: 200, body: Array(body.utf8)), seconds: 0)
        XCTAssertTrue(capture.text.contains(String(repeating: "a", count: 100)))
        XCTAssertFalse(capture.text.contains("ab"))
        XCTAssertTrue(capture.text.contains("5100 bytes in all, first 100 shown"), capture.text)
    }

    func testSecretCutOffByTheLimitStaysHidden() {
        let (log, capture) = log(limit: 40)
        let body = #"{"SecretAccessKey":"wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY"}"#
        log.logResponse(HTTPResponse(status: 200, body: Array(body.utf8)), seconds: 0)
        XCTAssertFalse(capture.text.contains("wJalr"), capture.text)
    }

    func testBinaryBodiesAreSummarised() {
        let (log, capture) = log()
        log.logResponse(HTTPResponse(status: 200, body: [0xff, 0xfe, 0x00, 0x81]), seconds: 0)
        XCTAssertTrue(capture.text.contains("<4 bytes of binary data>"), capture.text)
    }

    func testFileBodiesAreNamedNotRead() {
        let (log, capture) = log()
        log.logRequest(
            HTTPRequest(
                method: "PUT", url: "http://s3/b/k",
                body: .file(path: "/data/big.csv", offset: 10, length: 5)))
        XCTAssertTrue(capture.text.contains("<5 bytes from /data/big.csv at offset 10>"), capture.text)
    }

    func testTransportLogsTheExchange() throws {
        let server = try TestHTTPServer { _ in
            .init(
                status: 400, headers: [("X-Amzn-RequestId", "req-1")],
                body: #"{"__type":"InvalidInputException"}"#)
        }
        let (log, capture) = log()
        let transport = try CurlTransport(debugLog: log)
        _ = try transport.send(
            HTTPRequest(
                method: "POST", url: server.baseURL + "/",
                headers: [("Authorization", "AWS4-HMAC-SHA256 secret-sig")],
                body: .bytes(Array("{}".utf8))))
        XCTAssertTrue(capture.text.contains("> POST \(server.baseURL)/"), capture.text)
        XCTAssertTrue(capture.text.contains("> Authorization: <redacted>"))
        XCTAssertTrue(capture.text.contains("< HTTP 400"))
        XCTAssertTrue(capture.text.contains("< X-Amzn-RequestId: req-1"), "names as the server sent them")
        XCTAssertTrue(capture.text.contains(#"< {"__type":"InvalidInputException"}"#), capture.text)
        XCTAssertFalse(capture.text.contains("secret-sig"))
    }

    func testTransportLogsFailures() throws {
        let server = try TestHTTPServer { _ in .init(action: .reset) }
        let (log, capture) = log()
        XCTAssertThrowsError(
            try CurlTransport(debugLog: log).send(HTTPRequest(method: "GET", url: server.baseURL + "/")))
        XCTAssertTrue(capture.text.contains("! ConnectionError after"), capture.text)
    }
}
