import Foundation
import XCTest

@testable import AWSCore

/// Every error met while reading a credential source names the field or line at fault and
/// never quotes a secret: each case plants secrets in a broken source and greps the error (and
/// the wire log, where there is one) for them.
final class CredentialErrorSecretsTests: XCTestCase {
    static let secret = "wJalrSECRETplanted"
    static let token = "FwoTOKENplanted"
    static let password = "PASSWORDplanted"
    static let planted = [secret, token, password]

    /// A credentials document carrying the planted secrets, with `extra` members added.
    static func document(_ extra: String = "", tokenKey: String = "SessionToken") -> String {
        #"{"AccessKeyId":"ASIAPLANTED","SecretAccessKey":"\#(secret)","\#(tokenKey)":"\#(token)"\#(extra)}"#
    }

    /// The tables of cases below are built once and only read (`nonisolated(unsafe)`).
    struct Case {
        var name: String
        /// Text the error must hold: the field, line or status it is about.
        var names: String
        /// Raises the error; may write to `log`.
        var run: (_ home: TempHome, _ log: DebugLog) throws -> Void
    }

    func testNoErrorFromACredentialSourceQuotesASecret() throws {
        var failures = 0
        for item in Self.cases {
            let home = try TempHome()
            defer { home.remove() }
            var logged = ""
            let log = DebugLog { logged += $0 }
            do {
                try item.run(home, log)
                XCTFail("\(item.name): no error")
                failures += 1
                continue
            } catch {
                let shown = "\(error)" + ((error as? AWSError)?.message ?? "") + logged
                for planted in Self.planted where shown.contains(planted) {
                    XCTFail("\(item.name): \(planted) appears in \(shown)")
                    failures += 1
                }
                if !shown.contains(item.names) {
                    XCTFail("\(item.name): the error does not name \"\(item.names)\": \(shown)")
                    failures += 1
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testErrorsAndLogsQuotingAURLHideItsPassword() throws {
        let password = Self.password
        for url in ["ftp://user:\(password)@host/", "http://user:\(password)@host:80x/", "http://user:\(password)@/"] {
            let configuration = AWSConfiguration(
                profile: "default", region: "us-east-1", endpointURL: url, retry: RetrySettings(), caBundle: nil,
                credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AK", secretAccessKey: "SK")))
            XCTAssertThrowsError(
                try AWSClient(
                    serviceName: "sts", model: try ModelRegistry().model(for: "sts"), configuration: configuration)
            ) { error in
                XCTAssertFalse("\(error)".contains(password), "\(error)")
                XCTAssertTrue("\(error)".contains("user:<redacted>@"), "\(error)")
            }
        }
        var logged = ""
        DebugLog { logged += $0 }.logRequest(HTTPRequest(method: "GET", url: "http://user:\(password)@127.0.0.1/x"))
        XCTAssertEqual(logged, "> GET http://user:<redacted>@127.0.0.1/x\n")
    }

    func testOnlyTheUserInfoPasswordIsRedacted() {
        XCTAssertEqual(Redaction.url("https://u:p@h:1/a?b=c@d"), "https://u:<redacted>@h:1/a?b=c@d")
        XCTAssertEqual(Redaction.url("https://u:p:q@x@h/"), "https://u:<redacted>@h/")
        XCTAssertEqual(Redaction.url("https://u@h/a:b@c"), "https://u@h/a:b@c")
        XCTAssertEqual(Redaction.url("https://h:443/"), "https://h:443/")
        XCTAssertEqual(Redaction.url("not a url: a:b@c"), "not a url: a:b@c")
    }

    nonisolated(unsafe) static let cases: [Case] =
        processCases + containerCases + fileCases + environmentCases + metadataCases + assumeRoleCases

    // MARK: credential_process

    static func process(printing output: String, exit status: Int = 0, stderr: String = "") -> Case.Run {
        { home, _ in
            let script = home.root + "/print-credentials"
            try "#!/bin/sh\ncat <<'END'\n\(output)\nEND\ncat >&2 <<'END'\n\(stderr)\nEND\nexit \(status)\n"
                .write(toFile: script, atomically: true, encoding: .utf8)
            try home.write(config: "[default]\ncredential_process = sh \(script) --token \(token)\n")
            let files = try SharedConfigFiles.load(configPath: home.configPath, credentialsPath: home.credentialsPath)
            _ = try ProcessCredentialsProvider(files: files, profileName: "default").credentials()
        }
    }

    nonisolated(unsafe) static let processCases: [Case] = [
        Case(
            name: "process: not JSON", names: "not a JSON object", run: process(printing: String(document().dropLast()))
        ),
        Case(
            name: "process: Version 2", names: "Version",
            run: process(printing: document(#","Version":2"#))),
        Case(
            name: "process: no AccessKeyId", names: "AccessKeyId",
            run: process(printing: #"{"Version":1,"SecretAccessKey":"\#(secret)","SessionToken":"\#(token)"}"#)),
        Case(
            name: "process: no SecretAccessKey", names: "SecretAccessKey",
            run: process(printing: #"{"Version":1,"AccessKeyId":"AK","SessionToken":"\#(token)"}"#)),
        Case(
            name: "process: bad Expiration", names: "Expiration",
            run: process(printing: document(#","Version":1,"Expiration":"\#(password)""#))),
        Case(
            name: "process: Expiration not a string", names: "Expiration",
            run: process(printing: document(#","Version":1,"Expiration":12"#))),
        Case(
            name: "process: failing command", names: "status 3",
            run: process(printing: document(), exit: 3, stderr: #"{"SecretAccessKey": "\#(secret)"}"#)),
        Case(
            name: "process: a JSON array", names: "not a JSON object",
            run: process(printing: "[" + document(#","Version":1"#) + "]")),
        Case(name: "process: no output", names: "not a JSON object", run: process(printing: "")),
        Case(
            name: "process: AccessKeyId not a string", names: "AccessKeyId",
            run: process(
                printing: #"{"Version":1,"AccessKeyId":7,"SecretAccessKey":"\#(secret)","SessionToken":"\#(token)"}"#)),
    ]

    // MARK: container credentials

    static func container(
        _ reply: TestHTTPServer.Reply, url: @escaping (TestHTTPServer) -> String = { $0.baseURL + "/creds" },
        variables: [String: String] = [:]
    ) -> Case.Run {
        { home, _ in
            let server = try TestHTTPServer(replies: [], fallback: reply)
            defer { server.stop() }
            let provider = ContainerCredentialsProvider(
                environment: home.environment(
                    variables.merging(["AWS_CONTAINER_CREDENTIALS_FULL_URI": url(server)]) { $1 }),
                client: try CurlTransport(), timeout: 2, attempts: 2, sleep: { _ in })
            _ = try CredentialProviderChain(providers: [provider]).credentials()
        }
    }

    nonisolated(unsafe) static let containerCases: [Case] = [
        Case(
            name: "container: not JSON", names: "not a JSON object",
            run: container(.init(body: String(document(tokenKey: "Token").dropLast())))),
        Case(
            name: "container: no AccessKeyId", names: "AccessKeyId",
            run: container(.init(body: #"{"SecretAccessKey":"\#(secret)","Token":"\#(token)"}"#))),
        Case(
            name: "container: bad Expiration", names: "Expiration",
            run: container(.init(body: document(#","Expiration":"\#(password)""#, tokenKey: "Token")))),
        Case(
            name: "container: HTTP 500 with a document", names: "HTTP 500",
            run: container(.init(status: 500, body: document(tokenKey: "Token")))),
        Case(
            name: "container: HTTP 403 with text", names: "HTTP 403",
            run: container(.init(status: 403, body: "denied: \(secret)"))),
        Case(
            name: "container: password in the URL, connection refused", names: "<redacted>",
            run: container(.init(), url: { _ in "http://user:\(password)@127.0.0.1:9/creds" })),
        Case(
            name: "container: password in a refused URL", names: "not allowed",
            run: container(.init(), url: { _ in "http://user:\(password)@evil.example.com/creds" })),
        Case(
            name: "container: a token that is no header value", names: "authorization token",
            run: container(.init(), variables: ["AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer \(token)\nX-Evil: 1"])),
    ]

    // MARK: credentials and config files

    static func files(config: String = "", credentials: String = "") -> Case.Run {
        { home, _ in
            try home.write(config: config, credentials: credentials)
            let resolver = try home.resolver(["AWS_EC2_METADATA_DISABLED": "true"])
            _ = try resolver.credentialChain(httpClient: try CurlTransport()).credentials()
        }
    }

    nonisolated(unsafe) static let fileCases: [Case] = [
        Case(
            name: "credentials file: line without =", names: "line 3",
            run: files(credentials: "[default]\naws_access_key_id = AK\naws_secret_access_key \(secret)\n")),
        Case(
            name: "credentials file: secret before any section", names: "line 1",
            run: files(credentials: "aws_secret_access_key = \(secret)\n")),
        Case(
            name: "credentials file: broken section header", names: "line 2",
            run: files(credentials: "[default]\n[\(secret)\n")),
        Case(
            name: "config file: nested line without =", names: "line 3",
            run: files(config: "[default]\ns3 =\n  \(token)\n")),
        Case(
            name: "config file: a secret written twice", names: "line 3",
            run: files(config: "[default]\naws_secret_access_key = \(password)\naws_secret_access_key = \(secret)\n")),
        Case(
            name: "credentials file: key without secret", names: "aws_secret_access_key",
            run: files(credentials: "[default]\naws_access_key_id = AK\naws_session_token = \(token)\n")),
    ]

    // MARK: environment

    nonisolated(unsafe) static let environmentCases: [Case] = [
        Case(
            name: "environment: key without secret", names: "AWS_SECRET_ACCESS_KEY",
            run: { home, _ in
                let resolver = try home.resolver([
                    "AWS_ACCESS_KEY_ID": "AK", "AWS_SESSION_TOKEN": token, "AWS_EC2_METADATA_DISABLED": "true",
                ])
                _ = try resolver.credentialChain(httpClient: try CurlTransport()).credentials()
            }),
        Case(
            name: "environment: secret without key", names: "Unable to locate",
            run: { home, _ in
                let resolver = try home.resolver([
                    "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": token, "AWS_EC2_METADATA_DISABLED": "true",
                ])
                _ = try resolver.credentialChain(httpClient: try CurlTransport()).credentials()
            }),
    ]

    // MARK: instance metadata

    static func metadata(_ document: String) -> Case.Run {
        { home, _ in
            let server = try TestHTTPServer { request in
                if request.method == "PUT" { return .init(body: "imds-session") }
                if request.target.hasSuffix("/security-credentials/") { return .init(body: "role") }
                return .init(body: document)
            }
            defer { server.stop() }
            let resolver = try home.resolver(["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL])
            let provider = InstanceMetadataCredentialsProvider(resolver: resolver, client: try CurlTransport())
            _ = try CredentialProviderChain(providers: [provider]).credentials()
        }
    }

    nonisolated(unsafe) static let metadataCases: [Case] = [
        Case(
            name: "instance metadata: not JSON", names: "instance metadata",
            run: metadata(String(document(tokenKey: "Token").dropLast()))),
        Case(
            name: "instance metadata: no Expiration", names: "instance metadata",
            run: metadata(document(tokenKey: "Token"))),
    ]

    // MARK: STS AssumeRole answers

    static func assumeRole(_ reply: TestHTTPServer.Reply) -> Case.Run {
        { _, log in
            let server = try TestHTTPServer(replies: [], fallback: reply)
            defer { server.stop() }
            let configuration = AWSConfiguration(
                profile: "default", region: "us-east-1", endpointURL: server.baseURL,
                retry: RetrySettings(maxAttempts: 1), caBundle: nil,
                credentials: StaticCredentialsProvider(Credentials(accessKeyID: "AKSOURCE", secretAccessKey: "source")))
            let sts = try AWSClient(
                serviceName: "sts", model: try ModelRegistry().model(for: "sts"), configuration: configuration,
                debugLog: log)
            let settings = AssumeRoleSettings(
                roleARN: "arn:aws:iam::123456789012:role/r", sourceProfile: "base", credentialSource: nil,
                sessionName: "session", externalID: nil, durationSeconds: nil)
            _ = try AssumeRoleCredentialsProvider(settings: settings, sts: sts).credentials()
        }
    }

    static let stsCredentials =
        "<Credentials><AccessKeyId>ASIAPLANTED</AccessKeyId><SecretAccessKey>\(secret)</SecretAccessKey>"
        + "<SessionToken>\(token)</SessionToken>"

    nonisolated(unsafe) static let assumeRoleCases: [Case] = [
        Case(
            name: "STS: answer cut short", names: "not XML",
            run: assumeRole(.init(body: "<AssumeRoleResponse><AssumeRoleResult>" + stsCredentials))),
        Case(
            name: "STS: no AccessKeyId", names: "no credentials",
            run: assumeRole(
                .init(
                    body: "<AssumeRoleResponse><AssumeRoleResult><Credentials><SecretAccessKey>\(secret)"
                        + "</SecretAccessKey><SessionToken>\(token)</SessionToken></Credentials>"
                        + "</AssumeRoleResult></AssumeRoleResponse>"))),
        Case(
            name: "STS: HTTP 500 holding credentials", names: "500",
            run: assumeRole(.init(status: 500, body: "<html>" + stsCredentials + "</html>"))),
        Case(
            name: "STS: HTTP 500 cut inside a secret", names: "500",
            run: assumeRole(.init(status: 500, body: "oops <SecretAccessKey>\(secret)"))),
    ]
}

extension CredentialErrorSecretsTests.Case {
    typealias Run = (_ home: TempHome, _ log: DebugLog) throws -> Void
}
