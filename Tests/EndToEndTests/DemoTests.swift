import Foundation
import TestPrerequisites
import XCTest

/// The Glue demo (`scripts/demo.lua`, `scripts/cleanup.lua`) run as a user runs it, on a
/// private local emulator: what it creates, reuses, updates and removes, and how it stops.
final class DemoTests: XCTestCase {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// Names no other test uses, passed to the scripts as `name=value` settings.
    private func settings() -> [String: String] {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        return [
            "bucket": "demo-test-\(suffix)", "database": "demo_test_\(suffix)", "crawler": "demo-crawler-\(suffix)",
            "role": "demo-role-\(suffix)", "policy": "demo-policy-\(suffix)",
            "weather_job": "demo-weather-\(suffix)", "crashes_job": "demo-crashes-\(suffix)",
        ]
    }

    private func run(
        _ script: String, on moto: MotoServer, _ settings: [String: String], timeout: TimeInterval = 45
    ) throws -> GluescriptProcess.Outcome {
        let arguments = settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return try GluescriptProcess.run(
            ["--local=\(moto.url)", script] + arguments, in: DemoTests.root, timeout: timeout)
    }

    /// Which of the demo's resources exist, by kind: `bucket`, `role`, ... -> present/absent.
    private func resources(on moto: MotoServer, _ settings: [String: String]) throws -> [String: String] {
        let scratch = try ScratchFolder()
        let check = try scratch.write("check.lua", DemoTests.checkScript)
        let outcome = try run(check, on: moto, settings)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        var found: [String: String] = [:]
        for line in outcome.stdout.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 2 { found[String(words[0])] = String(words[1]) }
        }
        return found
    }

    func testDemoRunsTwiceReusingEverythingThenCleanupRemovesIt() throws {
        let moto = try MotoServer()
        let names = settings()
        let kinds = ["bucket", "role", "policy", "database", "crawler", "weather_job", "crashes_job"]

        let first = try run("scripts/demo.lua", on: moto, names)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("S3 bucket \(names["bucket"]!): created"), first.stdout)
        XCTAssertTrue(first.stdout.contains("IAM role \(names["role"]!): created"), first.stdout)
        XCTAssertTrue(first.stdout.contains("the emulator does not crawl data, no tables catalogued"), first.stdout)
        XCTAssertTrue(first.stdout.contains("the emulator does not run ETL code, no output written"), first.stdout)
        XCTAssertEqual(first.stdout.components(separatedBy: ": SUCCEEDED").count - 1, 2, first.stdout)
        XCTAssertEqual(try resources(on: moto, names), Dictionary(uniqueKeysWithValues: kinds.map { ($0, "present") }))

        let second = try run("scripts/demo.lua", on: moto, names)
        XCTAssertEqual(second.status, 0, second.stderr)
        for reused in [
            "S3 bucket \(names["bucket"]!): exists, reused",
            "IAM policy \(names["policy"]!): exists with this document (v1)",
            "IAM role \(names["role"]!): exists, reused", "Glue database \(names["database"]!): exists, reused",
            "Glue crawler \(names["crawler"]!): exists, reused", "Glue job \(names["weather_job"]!): exists, reused",
            "Glue job \(names["crashes_job"]!): exists, reused", "raw/weather/part1.csv: unchanged, kept",
        ] {
            XCTAssertTrue(second.stdout.contains(reused), "missing '\(reused)' in:\n" + second.stdout)
        }
        XCTAssertFalse(second.stdout.contains("created"), second.stdout)
        XCTAssertFalse(second.stdout.contains("uploaded"), second.stdout)

        let cleanup = try run("scripts/cleanup.lua", on: moto, names)
        XCTAssertEqual(cleanup.status, 0, cleanup.stderr)
        XCTAssertEqual(try resources(on: moto, names), Dictionary(uniqueKeysWithValues: kinds.map { ($0, "absent") }))

        let again = try run("scripts/cleanup.lua", on: moto, names)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("S3 bucket \(names["bucket"]!): already gone"), again.stdout)
    }

    func testChangedPolicyAndDataAreUpdatedOnTheNextRun() throws {
        let moto = try MotoServer()
        let names = settings()
        XCTAssertEqual(try run("scripts/demo.lua", on: moto, names).status, 0)
        let scratch = try ScratchFolder()
        let tamper = try scratch.write("tamper.lua", DemoTests.tamperScript)
        let tampered = try run(tamper, on: moto, names)
        XCTAssertEqual(tampered.status, 0, tampered.stderr)

        let rerun = try run("scripts/demo.lua", on: moto, names)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertTrue(rerun.stdout.contains("document changed, new default version v3"), rerun.stdout)
        XCTAssertTrue(rerun.stdout.contains("raw/weather/part1.csv: changed, uploaded again"), rerun.stdout)
        XCTAssertTrue(rerun.stdout.contains("raw/weather/part2.csv: unchanged, kept"), rerun.stdout)
        let restored = try run(try scratch.write("actions.lua", DemoTests.actionsScript), on: moto, names)
        XCTAssertEqual(
            restored.stdout, "s3:GetObject,s3:PutObject,s3:DeleteObject s3:ListBucket\n", restored.stderr)
        XCTAssertEqual(try run("scripts/cleanup.lua", on: moto, names).status, 0)
    }

    func testInvalidBucketNameStopsTheDemoWithTheAWSError() throws {
        let moto = try MotoServer()
        var names = settings()
        names["bucket"] = "ab"
        let outcome = try run("scripts/demo.lua", on: moto, names)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("InvalidBucketName"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("s3.CreateBucket"), outcome.stderr)
        XCTAssertFalse(outcome.stdout.contains("IAM policy"), outcome.stdout)
    }

    func testUnknownSettingIsRefusedBeforeAnyRequest() throws {
        let outcome = try GluescriptProcess.run(["scripts/demo.lua", "buckett=x"], in: DemoTests.root)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("unknown argument \"buckett=x\""), outcome.stderr)
        XCTAssertEqual(outcome.stdout, "")
    }

    func testETLScriptsCompile() throws {
        let etl = DemoTests.root.appendingPathComponent("etl")
        let scripts = try FileManager.default.contentsOfDirectory(atPath: etl.path).filter { $0.hasSuffix(".py") }
        XCTAssertEqual(scripts.sorted(), ["crashes_to_csv.py", "weather_to_parquet.py"])
        let cache = try ScratchFolder()
        let status = try python(
            ["-m", "py_compile"] + scripts.map { etl.appendingPathComponent($0).path }, cache: cache)
        XCTAssertEqual(status, 0)
    }

    func testCommittedDatasetsAreWhatTheGeneratorWrites() throws {
        let scratch = try ScratchFolder()
        let generator = scratch.url.appendingPathComponent("make_datasets.py")
        try FileManager.default.copyItem(
            at: DemoTests.root.appendingPathComponent("data/make_datasets.py"), to: generator)
        let status = try python([generator.path], cache: scratch)
        XCTAssertEqual(status, 0)
        for file in ["weather/part1.csv", "weather/part2.csv", "crashes/crashes.jsonl"] {
            let committed = try Data(contentsOf: DemoTests.root.appendingPathComponent("data/" + file))
            let generated = try Data(contentsOf: scratch.url.appendingPathComponent(file))
            XCTAssertEqual(committed, generated, file)
        }
        let header = { (part: String) throws -> Substring? in
            try String(contentsOf: DemoTests.root.appendingPathComponent("data/weather/" + part), encoding: .utf8)
                .split(separator: "\n").first
        }
        XCTAssertEqual(try header("part1.csv"), try header("part2.csv"))
    }

    /// Runs python3 with `arguments`, its byte-code cache in `cache`; skips without python3.
    private func python(_ arguments: [String], cache: ScratchFolder) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONPYCACHEPREFIX": cache.url.path]) {
            $1
        }
        do { try process.run() } catch { throw Prerequisite.missing("python3 is not available") }
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw Prerequisite.missing("python3 is not available") }
        return process.terminationStatus
    }

    /// Reads name=value settings from `arg` into `s`, as the demo does.
    private static let settingsPrelude = """
        local s = {}
        for _, a in ipairs(arg) do
            local k, v = a:match("^([%w_]+)=(.*)$")
            if k then s[k] = v end
        end
        local account = aws.client("sts"):get_caller_identity().Account
        local policy_arn = "arn:aws:iam::" .. account .. ":policy/" .. s.policy

        """

    private static let checkScript =
        settingsPrelude + """
            local s3, iam, glue = aws.client("s3"), aws.client("iam"), aws.client("glue")
            local function check(kind, client, method, params, gone)
                local ok, err = pcall(client[method], client, params)
                if not ok and not (type(err) == "table" and gone[err.code]) then error(err, 0) end
                print(kind .. " " .. (ok and "present" or "absent"))
            end
            local glue_gone = { EntityNotFoundException = true }
            local s3_gone = { NotFound = true, ["404"] = true, NoSuchBucket = true }
            check("bucket", s3, "head_bucket", { Bucket = s.bucket }, s3_gone)
            check("role", iam, "get_role", { RoleName = s.role }, { NoSuchEntity = true })
            check("policy", iam, "get_policy", { PolicyArn = policy_arn }, { NoSuchEntity = true })
            check("database", glue, "get_database", { Name = s.database }, glue_gone)
            check("crawler", glue, "get_crawler", { Name = s.crawler }, glue_gone)
            check("weather_job", glue, "get_job", { JobName = s.weather_job }, glue_gone)
            check("crashes_job", glue, "get_job", { JobName = s.crashes_job }, glue_gone)
            """

    /// Widens the policy to s3:* (a new default version) and changes one uploaded dataset.
    private static let tamperScript =
        settingsPrelude + """
            aws.client("iam"):create_policy_version({
                PolicyArn = policy_arn, SetAsDefault = true,
                PolicyDocument = {
                    Version = "2012-10-17", Statement = { { Effect = "Allow", Action = "s3:*", Resource = "*" } },
                },
            })
            local key = "glue-demo/raw/weather/part1.csv"
            aws.client("s3"):put_object({ Bucket = s.bucket, Key = key, Body = "STATION\\n" })
            """

    /// Prints the actions of each statement of the policy's default version.
    private static let actionsScript =
        settingsPrelude + """
            local iam = aws.client("iam")
            local policy = iam:get_policy({ PolicyArn = policy_arn }).Policy
            local document = iam:get_policy_version({ PolicyArn = policy_arn, VersionId = policy.DefaultVersionId })
                .PolicyVersion.Document
            local statements = {}
            for _, statement in ipairs(document.Statement) do
                statements[#statements + 1] = table.concat(statement.Action, ",")
            end
            print(table.concat(statements, " "))
            """
}
