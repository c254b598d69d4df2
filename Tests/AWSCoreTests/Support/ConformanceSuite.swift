import Foundation
import TestPrerequisites
import XCTest

/// Where the public conformance suites lie: `$GLUESCRIPT_CONFORMANCE` when set (scripts/test
/// sets it), else `../shared/conformance` beside the package.
enum ConformanceSuite {
    static func folder(_ name: String) throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let base =
            ProcessInfo.processInfo.environment["GLUESCRIPT_CONFORMANCE"].map { URL(fileURLWithPath: $0) }
            ?? root.appendingPathComponent("../shared/conformance").standardized
        let folder = base.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw Prerequisite.missing(
                "the \(name) conformance suite is not at \(folder.path); set GLUESCRIPT_CONFORMANCE")
        }
        return folder
    }
}
