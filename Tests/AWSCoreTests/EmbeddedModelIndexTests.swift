import XCTest

@testable import AWSCore

/// The index `scripts/update-models` writes beside each embedded model places every member
/// exactly where a scan of the text finds it, one that does not fit its text is not used, and
/// the method names written with it are those gluescript spells itself.
final class EmbeddedModelIndexTests: XCTestCase {
    func testTheIndexOfEveryEmbeddedModelMatchesAScanOfItsText() throws {
        for service in EmbeddedModels.serviceNames {
            let text = ModelText(try XCTUnwrap(EmbeddedModels.bytes(service: service, kind: .service)))
            let index = EmbeddedModelIndex(service: service)
            let scanned = try XCTUnwrap(text.members(), service)
            XCTAssertEqual(index.members(of: "", in: text), scanned, service)
            for block in ["operations", "shapes"] {
                let range = try XCTUnwrap(scanned[block], "\(service) \(block)")
                let indexed = try XCTUnwrap(index.members(of: block, in: text, range: range), "\(service) \(block)")
                XCTAssertEqual(indexed, text.members(in: range), "\(service) \(block)")
                XCTAssertGreaterThan(indexed.count, 5, "\(service) \(block)")
            }
        }
    }

    func testAnIndexThatDoesNotFitItsTextIsNotUsed() throws {
        let sts = try XCTUnwrap(EmbeddedModels.bytes(service: "sts", kind: .service))
        let glue = try XCTUnwrap(EmbeddedModels.bytes(service: "glue", kind: .service))
        let glueIndex = EmbeddedModelIndex(service: "glue")
        XCTAssertNil(glueIndex.members(of: "", in: ModelText(sts)))
        XCTAssertNil(glueIndex.members(of: "", in: ModelText(Array(glue.prefix(glue.count / 2)))))

        let (_, operations, shapes) = try ServiceModelDecoder(source: "sts").decode(text: sts, index: glueIndex)
        let (_, scannedOperations, scannedShapes) = try ServiceModelDecoder(source: "sts").decode(text: sts)
        XCTAssertEqual(operations.keys, scannedOperations.keys)
        XCTAssertEqual(shapes.names, scannedShapes.names)
        XCTAssertTrue(operations.keys.contains("AssumeRole"))
    }

    func testAServiceOrBlockWithoutAnIndexHasNone() throws {
        let text = ModelText(try XCTUnwrap(EmbeddedModels.bytes(service: "sts", kind: .service)))
        XCTAssertNil(EmbeddedModelIndex(service: "nope").members(of: "", in: text))
        XCTAssertNil(EmbeddedModelIndex(service: "sts").members(of: "metadata", in: text))
        XCTAssertNil(EmbeddedModelIndex(service: "st\u{0}s").members(of: "", in: text))
    }

    func testTheMethodNamesWrittenBesideEveryEmbeddedModelAreThoseGluescriptSpells() throws {
        for service in EmbeddedModels.serviceNames {
            let bytes = try XCTUnwrap(EmbeddedModels.bytes(service: service, kind: .service))
            let model = try ServiceModel(bytes: bytes)
            let names = try XCTUnwrap(
                EmbeddedModelIndex(service: service).methodNames(count: model.operations.keys.count), service)
            XCTAssertEqual(names, model.operations.keys.map(OperationName.pythonic), service)
            XCTAssertEqual(try ModelRegistry().model(for: service).methodNames, names, service)
        }
        XCTAssertNil(EmbeddedModelIndex(service: "sts").methodNames(count: 3))
        XCTAssertNil(EmbeddedModelIndex(service: "nope").methodNames(count: 0))
    }
}
