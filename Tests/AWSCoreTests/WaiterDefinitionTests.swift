import Foundation
import TestPrerequisites
import XCTest

@testable import AWSCore

final class WaiterDefinitionTests: XCTestCase {
    private func invalid(_ text: String) -> String? {
        do {
            _ = try WaiterDefinition(waiterJSON(text), name: "mine")
            return nil
        } catch let error as AWSError {
            XCTAssertEqual(error.code, "InvalidWaiter")
            return error.message
        } catch {
            return "\(error)"
        }
    }

    func testProblemsAreNamed() {
        XCTAssertTrue(
            invalid(#"{"acceptors": [{"state": "success", "matcher": "status", "expected": 200}]}"#)?.contains(
                "operation") ?? false)
        XCTAssertTrue(
            invalid(#"{"operation": "Get", "acceptors": [{"state": "done", "matcher": "status", "expected": 200}]}"#)?
                .contains("unknown state \"done\"") ?? false)
        XCTAssertTrue(
            invalid(
                #"{"operation": "Get", "acceptors": [{"state": "success", "matcher": "paths", "argument": "a", "expected": 1}]}"#
            )?.contains("acceptor 1: unknown matcher \"paths\"") ?? false)
        XCTAssertTrue(
            invalid(
                #"{"operation": "Get", "acceptors": [{"state": "success", "matcher": "path", "argument": "a[", "expected": 1}]}"#
            )?.contains("mine") ?? false)
        XCTAssertTrue(
            invalid(
                #"{"operation": "Get", "acceptors": [{"state": "success", "matcher": "status", "expected": "200"}]}"#)?
                .contains("status") ?? false)
        XCTAssertTrue(invalid(#"{"operation": "Get", "acceptors": []}"#)?.contains("acceptors") ?? false)
        XCTAssertTrue(
            invalid(
                #"{"operation": "Get", "maxAttempts": 0, "acceptors": [{"state": "success", "matcher": "error", "expected": false}]}"#
            )?.contains("maxAttempts") ?? false)
    }

    func testAScriptsWaiterGetsDefaultPacing() throws {
        let definition = try WaiterDefinition(
            waiterJSON(
                #"{"operation": "GetThing", "acceptors": [{"state": "success", "matcher": "error", "expected": false}]}"#
            ))
        XCTAssertEqual(definition.delay, 5)
        XCTAssertEqual(definition.maxAttempts, 20)
    }

    func testSnakeNamesAreBotocoresForEveryPublishedWaiter() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import json, glob, os, botocore
            from botocore import xform_name
            names = set()
            for f in glob.glob(os.path.join(os.path.dirname(botocore.__file__), 'data/*/*/waiters-2.json')):
                names.update(json.load(open(f))['waiters'].keys())
            print(json.dumps({n: xform_name(n) for n in sorted(names)}))
            """,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw Prerequisite.missing("python3 is not available") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Prerequisite.missing("botocore is not installed") }
        let expected = try XCTUnwrap(try JSONDecoding.decode(Array(data)).objectValue)
        XCTAssertGreaterThan(expected.count, 100)
        for (name, snake) in expected {
            XCTAssertEqual(WaiterName.snakeCase(name), snake.stringValue, name)
            XCTAssertEqual(WaiterName.resolve(snake.stringValue ?? "", among: Array(expected.keys)), name)
        }
    }

    func testPascalCase() {
        XCTAssertEqual(WaiterName.pascalCase("crawler_ready"), "CrawlerReady")
        XCTAssertEqual(WaiterName.resolve("CrawlerReady", among: ["CrawlerReady"]), "CrawlerReady")
        XCTAssertNil(WaiterName.resolve("crawler_gone", among: ["CrawlerReady"]))
    }
}
