import Foundation

/// libFuzzer's entry point. One binary holds every target; `GLUESCRIPT_FUZZ_TARGET` names the
/// one to run (see `FuzzTarget.all`). An input that makes a target trap, overflow or read out
/// of bounds is a finding; an error thrown by the code under test is an ordinary rejection.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.selected.run(bytes)
    return 0
}

/// Runs the selected target once on an empty input before fuzzing starts, so that what it
/// loads once (models, caches) is not counted against the first input by the leak check
/// (Fuzz/lsan.supp tells the check to leave what is loaded here alone).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>?,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    FuzzTarget.selected.run([])
    return 0
}

/// A named fuzz target: a function of one input.
struct FuzzTarget {
    let name: String
    let run: ([UInt8]) -> Void

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "json", run: JSONFuzzTarget.run),
        FuzzTarget(name: "xml", run: XMLFuzzTarget.run),
        FuzzTarget(name: "jmespath", run: JMESPathFuzzTarget.run),
        FuzzTarget(name: "ini", run: INIFuzzTarget.run),
        FuzzTarget(name: "timestamp", run: TimestampFuzzTarget.run),
        FuzzTarget(name: "response-json", run: ResponseFuzzTarget.json.run),
        FuzzTarget(name: "response-rest-json", run: ResponseFuzzTarget.restJSON.run),
        FuzzTarget(name: "response-rest-xml", run: ResponseFuzzTarget.restXML.run),
        FuzzTarget(name: "response-query", run: ResponseFuzzTarget.query.run),
    ]

    /// The target named by `GLUESCRIPT_FUZZ_TARGET`; the process stops when there is none.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["GLUESCRIPT_FUZZ_TARGET"] ?? ""
        guard let target = all.first(where: { $0.name == name }) else {
            let names = all.map(\.name).joined(separator: ", ")
            FileHandle.standardError.write(Data("set GLUESCRIPT_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(2)
        }
        return target
    }()
}

/// Stops the run with `message` when `condition` is false: a broken invariant is a finding.
func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}
