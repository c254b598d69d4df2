import XCTest

@testable import AWSCore

/// Every fourth service botocore ships (106 of them; gluescript reads each model file from
/// botocore's data folder itself, gzipped as botocore ships it, with its sdk-extras), the first
/// three operations of each, sent and read by gluescript and by botocore
/// as `WireDifferentialTests` does. The figures are printed; the test fails when fewer cases
/// agree than `floor` says, so a change that breaks services outside the built-in four shows.
final class WireSweepTests: XCTestCase {
    /// Cases known to agree (requests, outputs) of the 622; raise them as differences are fixed.
    /// The two outputs that differ are Bedrock's `ConverseStream`, an event stream botocore
    /// parses only inside a live response.
    static let floor = (requests: 622, outputs: 620)

    func testBotocoreServicesSweep() throws {
        let services = try BotocoreProtocolOracle.ask([["kind": "sweep", "step": 4, "limit": 3]])
        XCTAssertGreaterThanOrEqual(services.count, 100, "at least 100 services")
        var total = 0
        var sameRequests = 0
        var sameOutputs = 0
        var byProtocol: [String: (total: Int, requests: Int, outputs: Int)] = [:]
        var differences: [String] = []
        for service in services {
            let name = service["service"]?.stringValue ?? "?"
            let folder = service["folder"]?.stringValue ?? ""
            guard let file = ModelFileLoader.file(named: "service-2", in: folder) else {
                XCTFail("\(name): no service-2 file in \(folder)")
                continue
            }
            let model = try ServiceModel.load(path: file)
            XCTAssertEqual(
                Double(model.operations.count), service["operations"]?.numberValue, "\(name): operations of \(file)")
            let endpoint = try AWSURL(parsing: service["endpoint"]?.stringValue ?? "")
            let protocolName = ProtocolRegistry.chosenName(for: model.metadata)
            let wire = try? ProtocolRegistry.make(for: model)
            for answer in service["cases"]?.arrayValue ?? [] {
                let operationName = answer["operation"]?.stringValue ?? "?"
                total += 1
                byProtocol[protocolName, default: (0, 0, 0)].total += 1
                guard let wire, let operation = model.operations[operationName] else {
                    differences.append("\(name) \(operationName): gluescript cannot speak \(protocolName)")
                    continue
                }
                if let problem = WireDifferentialTests.requestDifference(wire, operation, answer, endpoint) {
                    differences.append("\(name) request \(operationName) \(problem)")
                } else {
                    sameRequests += 1
                    byProtocol[protocolName]?.requests += 1
                }
                if let problem = WireDifferentialTests.outputDifference(wire, operation, answer) {
                    differences.append("\(name) output \(operationName) \(problem)")
                } else {
                    sameOutputs += 1
                    byProtocol[protocolName]?.outputs += 1
                }
            }
        }
        print(
            "wire sweep of \(services.count) services: requests same \(sameRequests)/\(total), outputs same \(sameOutputs)/\(total)"
        )
        for (name, figures) in byProtocol.sorted(by: { $0.key < $1.key }) {
            print(
                "  \(name): requests \(figures.requests)/\(figures.total), outputs \(figures.outputs)/\(figures.total)")
        }
        for difference in differences { print("  DIFFERS \(difference)") }
        XCTAssertGreaterThanOrEqual(sameRequests, Self.floor.requests, "requests that agree with botocore")
        XCTAssertGreaterThanOrEqual(sameOutputs, Self.floor.outputs, "outputs that agree with botocore")
    }
}
