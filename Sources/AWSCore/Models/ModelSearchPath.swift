import FoundationEssentials

/// The folders botocore searches for service models, in its order: each entry of
/// `AWS_DATA_PATH` (`:`-separated, `~` expanded), `~/.aws/models`, then the `data` folder of
/// the botocore that `python3` on `PATH` imports.
///
/// Each folder holds `<service>/<api-version>/service-2.json` (or `.json.gz`). The botocore
/// folder is asked of `python3` once, on the first lookup of a service not built in: that finds the same botocore as `import botocore` would (virtual environments,
/// pyenv, user and system installs) without guessing site-packages paths.
public final class ModelSearchPath: @unchecked Sendable {
    /// The folders given by the environment (`AWS_DATA_PATH`, then `~/.aws/models`).
    public let configuredFolders: [String]
    private let findBotocoreData: () -> String?
    private var botocoreData: String??
    private let lock = Lock()

    /// The search path of `environment`; `botocoreData` finds the installed botocore's data
    /// folder (by default by asking `python3`).
    public init(environment: AWSEnvironment, botocoreData: @escaping () -> String? = ModelSearchPath.askPython) {
        var folders: [String] = []
        if let dataPath = environment["AWS_DATA_PATH"] {
            folders += dataPath.split(separator: ":").map { environment.expandingTilde(String($0)) }
        }
        folders.append(environment.homeDirectory + "/.aws/models")
        configuredFolders = folders
        findBotocoreData = botocoreData
    }

    /// The data folder of the installed botocore, looked up on first use; nil without one.
    public var botocoreDataFolder: String? {
        lock.lock()
        defer { lock.unlock() }
        if let known = botocoreData { return known }
        let found = findBotocoreData()
        botocoreData = .some(found)
        return found
    }

    /// The `service-2` file of the newest API version of `service` (the largest version folder
    /// name across all folders, as botocore picks it), from the first folder that has it; nil
    /// when no folder has the service.
    public func serviceModelFile(for service: String) -> String? {
        newestModel(service, in: configuredFolders + (botocoreDataFolder.map { [$0] } ?? []))
    }

    /// Where `serviceModelFile` looked, for error messages.
    public var searchedDescription: String {
        var places = configuredFolders
        places.append(botocoreDataFolder ?? "the data folder of botocore (python3 on PATH found no botocore)")
        return places.joined(separator: ", ")
    }

    private func newestModel(_ service: String, in folders: [String]) -> String? {
        guard !service.isEmpty, !service.contains("/"), service != ".", service != ".." else { return nil }
        var versions: Set<String> = []
        for folder in folders {
            let serviceFolder = folder + "/" + service
            for version in (try? FileManager.default.contentsOfDirectory(atPath: serviceFolder)) ?? []
            where ModelFileLoader.file(named: "service-2", in: serviceFolder + "/" + version) != nil {
                versions.insert(version)
            }
        }
        guard let newest = versions.max() else { return nil }
        for folder in folders {
            if let file = ModelFileLoader.file(named: "service-2", in: folder + "/" + service + "/" + newest) {
                return file
            }
        }
        return nil
    }

    /// Asks `python3` where the botocore it would import lives (without importing it), and
    /// returns its `data` folder when there is one.
    public static func askPython() -> String? {
        let script =
            "import importlib.util as u, os; s = u.find_spec('botocore'); "
            + "print(os.path.join(os.path.dirname(s.origin), 'data') if s and s.origin else '')"
        guard let result = try? ShellCommand.run("python3 -c \"\(script)\" </dev/null 2>/dev/null"),
            result.status == 0
        else { return nil }
        let folder = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(where: \.isWhitespace)
        var isDirectory = false
        guard !folder.isEmpty, FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
            isDirectory
        else { return nil }
        return folder
    }
}
