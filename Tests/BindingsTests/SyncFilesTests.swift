import Foundation
import XCTest

@testable import Bindings

/// The local side of `s3:sync`: every regular file under a folder, with its size and time;
/// symbolic links neither followed nor listed.
final class SyncFilesTests: XCTestCase {
    func testListsRegularFilesRecursivelyWithoutFollowingLinks() throws {
        let root = NSTemporaryDirectory() + "gluescript-sync-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/sub/deeper", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/.hidden", withIntermediateDirectories: true)
        XCTAssertTrue(manager.createFile(atPath: root + "/a.txt", contents: Data("abc".utf8)))
        XCTAssertTrue(manager.createFile(atPath: root + "/sub/deeper/b.bin", contents: Data(count: 1000)))
        XCTAssertTrue(manager.createFile(atPath: root + "/.hidden/h", contents: Data()))
        try manager.createSymbolicLink(atPath: root + "/sub/link.txt", withDestinationPath: "../a.txt")
        try manager.createSymbolicLink(atPath: root + "/sub/folder-link", withDestinationPath: "deeper")
        try manager.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_700_000_000.25)], ofItemAtPath: root + "/a.txt")

        let files = SyncFiles.regularFiles(under: root).sorted { $0.path < $1.path }
        XCTAssertEqual(files.map(\.path), [".hidden/h", "a.txt", "sub/deeper/b.bin"])
        XCTAssertEqual(files.map(\.size), [0, 3, 1000])
        XCTAssertEqual(files[1].mtime, 1_700_000_000.25, accuracy: 1e-6)
    }
}
