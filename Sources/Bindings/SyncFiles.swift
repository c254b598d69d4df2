import AWSCore
import Foundation
import Host

/// What `s3:sync` needs of local files and times that Lua lacks: `list(folder)` (every file
/// under it, recursively, as `{path =, size =, mtime =}` with `/`-separated relative paths),
/// `epoch(time)` (an ISO 8601 time in seconds), `prepare(path)` (makes the file's folders) and
/// `touch(path, seconds)` (sets its modification time).
enum SyncFiles {
    static func table() -> LuaTable {
        var files = LuaTable(array: [])
        files["list"] = .function(
            LuaFunction("list") { call in
                let root = URL(fileURLWithPath: try call.string(1, "folder")).standardizedFileURL
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue
                else {
                    throw AWSError(code: "NoSuchFolder", message: "s3:sync: \(root.path) is not a folder")
                }
                let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
                var found: [LuaValue] = []
                let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys)
                while let url = walker?.nextObject() as? URL {
                    let values = try url.resourceValues(forKeys: Set(keys))
                    guard values.isRegularFile == true else { continue }
                    let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
                    var entry = LuaTable(array: [])
                    entry["path"] = .string(relative)
                    entry["size"] = .integer(Int64(values.fileSize ?? 0))
                    entry["mtime"] = .number(values.contentModificationDate?.timeIntervalSince1970 ?? 0)
                    found.append(.table(entry))
                }
                return [.table(LuaTable(array: found))]
            })
        files["epoch"] = .function(
            LuaFunction("epoch") { call in
                [Timestamp(parsing: try call.string(1, "time")).map { .number($0.epochSeconds) } ?? .nil]
            })
        files["prepare"] = .function(
            LuaFunction("prepare") { call in
                let folder = URL(fileURLWithPath: try call.string(1, "path")).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                return []
            })
        files["touch"] = .function(
            LuaFunction("touch") { call in
                let date = Date(timeIntervalSince1970: call[2].numberValue ?? 0)
                try FileManager.default.setAttributes(
                    [.modificationDate: date], ofItemAtPath: try call.string(1, "path"))
                return []
            })
        return files
    }
}
