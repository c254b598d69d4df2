import AWSCore
import FoundationEssentials
import Host

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
                var isFolder = false
                guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder
                else {
                    throw AWSError(code: "NoSuchFolder", message: "s3:sync: \(root.path) is not a folder")
                }
                var found: [LuaValue] = []
                for file in regularFiles(under: root.path) {
                    var entry = LuaTable(array: [])
                    entry["path"] = .string(file.path)
                    entry["size"] = .integer(file.size)
                    entry["mtime"] = .number(file.mtime)
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

    /// Every regular file under `folder`, recursively, with its path relative to `folder`, its
    /// size and its modification time in seconds. Symbolic links are neither followed nor
    /// listed, and a folder that cannot be opened is skipped, as Foundation's directory
    /// enumerator did.
    static func regularFiles(under folder: String) -> [(path: String, size: Int64, mtime: Double)] {
        var found: [(path: String, size: Int64, mtime: Double)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? folder : folder + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) {
                    String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
                }
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(folder + "/" + path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(path)
                case S_IFREG:
                    let mtime = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
                    found.append((path, Int64(status.st_size), mtime))
                default:
                    continue
                }
            }
        }
        return found
    }
}
