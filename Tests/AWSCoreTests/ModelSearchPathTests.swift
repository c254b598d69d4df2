import Foundation
import XCTest

@testable import AWSCore

/// Finding a service's model where botocore would: `AWS_DATA_PATH`, `~/.aws/models`, then the
/// installed botocore's data folder, gzipped files read as they are shipped.
final class ModelSearchPathTests: XCTestCase {
    private static let tinyModel = """
        {"version":"2.0","metadata":{"apiVersion":"VERSION","endpointPrefix":"thing","protocol":"json",
         "jsonVersion":"1.1","serviceId":"Thing","signatureVersion":"v4","targetPrefix":"Thing"},
         "operations":{"GetThing":{"name":"GetThing","http":{"method":"POST","requestUri":"/"}}},
         "shapes":{}}
        """

    private func writeModel(_ root: String, version: String, gzip: Bool) throws {
        let folder = root + "/thing/" + version
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/service-2.json"
        try Data(Self.tinyModel.replacingOccurrences(of: "VERSION", with: version).utf8)
            .write(to: URL(fileURLWithPath: path))
        if gzip {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["gzip", path]
            try process.run()
            process.waitUntilExit()
        }
    }

    func testTheNewestVersionAcrossAllFoldersWinsAndTheFirstFolderHoldingItIsRead() throws {
        let home = try TemporaryDirectory()
        let data = try TemporaryDirectory()
        let botocore = try TemporaryDirectory()
        try writeModel(data.path, version: "2011-01-01", gzip: false)
        try writeModel(home.path + "/.aws/models", version: "2015-01-01", gzip: true)
        try writeModel(botocore.path, version: "2015-01-01", gzip: false)
        let environment = AWSEnvironment(variables: ["AWS_DATA_PATH": data.path], homeDirectory: home.path)
        let search = ModelSearchPath(environment: environment, botocoreData: { botocore.path })
        XCTAssertEqual(
            search.serviceModelFile(for: "thing"), home.path + "/.aws/models/thing/2015-01-01/service-2.json.gz")
        let registry = ModelRegistry(searchPath: search)
        XCTAssertEqual(try registry.model(for: "thing").metadata.apiVersion, "2015-01-01")
    }

    func testAnUnknownServiceSaysWhereItLooked() throws {
        let home = try TemporaryDirectory()
        let environment = AWSEnvironment(variables: ["AWS_DATA_PATH": "/opt/a:~/b"], homeDirectory: home.path)
        let registry = ModelRegistry(searchPath: ModelSearchPath(environment: environment, botocoreData: { nil }))
        XCTAssertThrowsError(try registry.model(for: "nosuchservice")) { error in
            let error = error as? AWSError
            XCTAssertEqual(error?.code, "UnknownService")
            let message = error?.message ?? ""
            for place in ["/opt/a", home.path + "/b", home.path + "/.aws/models", "python3 on PATH found no botocore"] {
                XCTAssertTrue(message.contains(place), "\(place) missing from: \(message)")
            }
        }
    }

    func testPythonFindsTheInstalledBotocoresDataFolder() throws {
        let expected = String(
            decoding: try BotocoreModelOracle.python([
                "-c", "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))",
            ]), as: UTF8.self
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(ModelSearchPath.askPython(), expected)
    }

    /// Services gluescript does not build in load from botocore's own (gzipped) files with
    /// the same operations, paginators and waiters botocore gives them, and their endpoint rules.
    func testServicesLoadFromBotocoresDataFolderAsBotocoreLoadsThem() throws {
        let services = ["dynamodb", "sqs", "athena", "autoscaling", "secretsmanager", "lambda", "ec2", "kinesis"]
        let expected = try BotocoreModelOracle.summary(of: services)
        let home = try TemporaryDirectory()
        let registry = ModelRegistry(
            searchPath: ModelSearchPath(environment: AWSEnvironment(homeDirectory: home.path)))
        for service in services {
            let model = try registry.model(for: service)
            let oracle = try XCTUnwrap(expected[service])
            XCTAssertEqual(Array(model.operations.keys), oracle.operations.map(\.api), service)
            XCTAssertEqual(Array(model.paginators.keys).sorted(), oracle.paginators.sorted(), service)
            XCTAssertEqual(Array(model.waiters.keys).sorted(), oracle.waiters.sorted(), service)
            XCTAssertNotNil(model.endpointRules, "\(service): endpoint-rule-set-1.json.gz not loaded")
        }
    }

    /// `paginators-1.sdk-extras.json` and `service-2.sdk-extras.json` are merged into the files
    /// they extend.
    func testSdkExtrasAreMerged() throws {
        let home = try TemporaryDirectory()
        let registry = ModelRegistry(
            searchPath: ModelSearchPath(environment: AWSEnvironment(homeDirectory: home.path)))
        let autoscaling = try registry.model(for: "autoscaling")
        XCTAssertEqual(
            autoscaling.paginators["DescribeWarmPool"]?["non_aggregate_keys"],
            .array([.string("WarmPoolConfiguration")]))
        XCTAssertNotNil(autoscaling.paginators["DescribeWarmPool"]?["input_token"], "merged, not replaced")
        let docdb = try registry.model(for: "docdb")
        XCTAssertNotNil(try docdb.shapes.shape(named: "CreateDBClusterMessage")?.members["SourceRegion"])
        XCTAssertNotNil(try docdb.shapes.shape(named: "CreateDBClusterMessage")?.members["DBClusterIdentifier"])
    }
}
