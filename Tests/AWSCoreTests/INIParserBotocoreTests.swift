import Foundation
import XCTest

@testable import AWSCore

/// `INIParser` against botocore's config loader (`Oracles/config_oracle.py`) over files that
/// tell INI dialects apart: comments, `key : value`, nested blocks, continuations, duplicates.
/// The oracle is part of the test set-up (`scripts/test` installs botocore): when it cannot
/// run, the test fails.
final class INIParserBotocoreTests: XCTestCase {
    static let oracleScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Oracles/config_oracle.py")

    static let files = [
        "[default]\nregion = us-east-1 # prod\n",
        "[default]\nregion = us-east-1 ;prod\noutput=json;x\n",
        "[default]\nregion : eu-west-1\n",
        "[a]\nk:v=x\nj = a:b\n",
        "[services s]\ns3 =\n  endpoint_url : http://localhost:5000\n",
        "[services s]\ns3 =\n  endpoint_url = http://localhost:5000 # local\n  Addressing_Style = path\n",
        "[a]\ns3 =\n\n  # a comment\n  a = 1\n\n  b = 2\n\n",
        "[a]\ns3 =\n  a = b = c\n",
        "[a]\nk = first\n  second\n\n  third\n",
        "[a]\n  k = 1\n  j = 2\n",
        "[a]\n  k = 1\n    more\n  j = 2\n",
        "[profile a] # c\nk=1\n",
        "[profile a] extra\nk=1\n",
        "[a]]\nk=1\n",
        "[a] ; x]\nk=1\n",
        "[]\nk=1\n",
        "[ a ]\nk=1\n",
        "[a]\nk=1\n[a]\nj=2\n",
        "[a]\nk=1\nK=2\n",
        "[DEFAULT]\nregion=x\n[a]\nk=1\n[b]\nregion=y\n",
        "k=1\n[a]\n",
        "[a]\njunk\n",
        "[a]\n= v\n",
        "[a]\nk =\n",
        "[a]\nk =\n\n\n[b]\n",
        "[a]\r\nk = v\r\n  w\r\n",
        "[a]\ns3 =\n\tx = 1\n",
        "[a]\nk = v\n  # not part\n  w\n",
        "[a]\nmy key = v\n",
        "[a]\nAWS_Access_Key_ID = X\n",
        "[a]\nk = v\n  [b]\nj = 1\n",
        "[a]\nk = \tv \t\n",
        "[a]\n   ; c\nk=1\n",
        "[a]\ns3 = x\n  a = 1\n",
        "# c\n; d\n",
        "",
        "[a]\ns3 =\n  bare\n",
        "[profile \"my p\"]\nk=1\n",
        "[a]\nk = v\n\n\n",
        "[a]\nk = v\n\n  w\n",
        "[a]\nk = v\n[a b]\nk = w\n",
    ]

    /// One property's value as both parsers give it, for comparing them.
    enum Value: Equatable {
        case text(String)
        case nested([String: String])
    }

    func testReadsTrickyFilesAsBotocoreDoes() throws {
        let answers = try Self.askBotocore(Self.files)
        XCTAssertEqual(answers.count, Self.files.count)
        for (text, answer) in zip(Self.files, answers) {
            let expected = try Self.sections(answer)
            let got: [String: [String: Value]]?
            do {
                got = Self.sections(try INIParser.parse(text, path: "config"))
            } catch {
                got = nil
            }
            XCTAssertEqual(got, expected, "file: \(text.debugDescription)")
        }
    }

    /// botocore's reading, nil for a `ConfigParseError`.
    static func sections(_ answer: JSONValue) throws -> [String: [String: Value]]? {
        guard let sections = answer["sections"]?.objectValue else { return nil }
        var result: [String: [String: Value]] = [:]
        for (name, properties) in sections {
            var values: [String: Value] = [:]
            for (key, value) in properties.objectValue ?? [:] {
                if let text = value.stringValue {
                    values[key] = .text(text)
                } else {
                    values[key] = .nested(
                        Dictionary(
                            uniqueKeysWithValues: (value.objectValue ?? [:]).map {
                                ($0.key, $0.value.stringValue ?? "")
                            }))
                }
            }
            result[name] = values
        }
        return result
    }

    static func sections(_ document: INIDocument) -> [String: [String: Value]] {
        var result: [String: [String: Value]] = [:]
        for section in document.sections {
            result[section.name] = section.properties.mapValues { value in
                switch value {
                case .text(let text): return .text(text)
                case .nested(let nested): return .nested(nested)
                }
            }
        }
        return result
    }

    static func askBotocore(_ files: [String]) throws -> [JSONValue] {
        let input = try JSONEncoding.encode(.array(files.map { .string($0) }))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", oracleScript.path]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            XCTFail("the botocore config oracle did not run: \(String(decoding: error, as: UTF8.self))")
            return []
        }
        return try JSONDecoding.decode([UInt8](output)).arrayValue ?? []
    }
}
