import AWSCore
import Foundation
import Host
import XCTest

/// `on_progress = function(done, total)` of `s3:upload_file`, `s3:download_file` and `s3:copy`
/// against the emulator: called with bytes that grow and end at the total, outside and inside
/// `aws.parallel`; an error it raises stops the transfer and undoes it; a value that is not a
/// function is refused, naming the option.
final class TransferProgressCallbackTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "gluescript-on-progress-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func file(_ name: String, size: Int) throws -> String {
        let path = folder + "/" + name
        var generator = SystemRandomNumberGenerator()
        let block = Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) })
        var bytes = Data(capacity: size)
        while bytes.count < size { bytes.append(block.prefix(size - bytes.count)) }
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Lua that records the calls of a callback in `calls[name]` and `check(name)`, which gives
    /// "ok" when the bytes done grew at each call, every call gave `total` and the last gave
    /// the total done; else what was wrong.
    private static let recorder = """
        local calls = {}
        local function recorder(name)
          calls[name] = {}
          return function(done, total) table.insert(calls[name], {done, total}) end
        end
        local function check(name, total)
          local list = calls[name]
          if #list == 0 then return name .. ": never called" end
          for i, call in ipairs(list) do
            if call[2] ~= total then return string.format("%s: call %d gave total %s", name, i, call[2]) end
            if i > 1 and call[1] <= list[i - 1][1] then
              return string.format("%s: call %d went from %d to %d", name, i, list[i - 1][1], call[1])
            end
          end
          if list[#list][1] ~= total then return string.format("%s: ended at %d of %d", name, list[#list][1], total) end
          return "ok"
        end

        """

    private static let multipart = "threshold = 5 * 1024 * 1024, part_size = 5 * 1024 * 1024, concurrency = 2"

    func testUploadsAndDownloadsReportGrowingBytesEndingAtTheTotalOutsideParallel() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("onprogress")
        let large = try file("large.bin", size: 12 * 1024 * 1024 + 17)
        let small = try file("small.bin", size: 70_000)
        let result = try lua.run(
            Self.recorder + """
                local s3 = aws.client("s3")
                s3:create_bucket{Bucket = "\(bucket)"}
                local up = s3:upload_file("\(large)", "\(bucket)", "large.bin",
                  {progress = false, \(Self.multipart), on_progress = recorder("up large")})
                s3:upload_file("\(small)", "\(bucket)", "small.bin", {on_progress = recorder("up small")})
                local down = s3:download_file("\(bucket)", "large.bin", "\(folder)/large.out",
                  {\(Self.multipart), on_progress = recorder("down large")})
                s3:download_file("\(bucket)", "small.bin", "\(folder)/small.out", {on_progress = recorder("down small")})
                return check("up large", \(12 * 1024 * 1024 + 17)), check("up small", 70000),
                  check("down large", \(12 * 1024 * 1024 + 17)), check("down small", 70000), up.parts, down.parts
                """)
        XCTAssertEqual(
            result, ["ok", "ok", "ok", "ok", .integer(3), .integer(3)], "multipart both ways, single both ways")
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: folder + "/large.out")),
            try Data(contentsOf: URL(fileURLWithPath: large)))
    }

    func testTransfersSideBySideInParallelEachReportTheirOwnBytes() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("onprogress")
        let size = 11 * 1024 * 1024
        let first = try file("a.bin", size: size)
        let second = try file("b.bin", size: 3_000)
        let result = try lua.run(
            Self.recorder + """
                local s3 = aws.client("s3")
                s3:create_bucket{Bucket = "\(bucket)"}
                local threads, record_b, buckets = {}, recorder("up b"), nil
                aws.parallel(
                  function()
                    s3:upload_file("\(first)", "\(bucket)", "a.bin", {\(Self.multipart), on_progress = recorder("up a")})
                  end,
                  function()
                    s3:upload_file("\(second)", "\(bucket)", "b.bin", {on_progress = function(done, total)
                      threads[#threads + 1] = coroutine.isyieldable()
                      buckets = buckets or #s3:list_buckets().Buckets
                      return record_b(done, total)
                    end})
                  end)
                aws.parallel(
                  function()
                    s3:download_file("\(bucket)", "a.bin", "\(folder)/a.out", {\(Self.multipart),
                      on_progress = recorder("down a")})
                  end,
                  function()
                    s3:download_file("\(bucket)", "b.bin", "\(folder)/b.out", {on_progress = recorder("down b")})
                  end)
                return check("up a", \(size)), check("down a", \(size)), threads[1], #calls["up b"] > 0,
                  buckets > 0
                """)
        XCTAssertEqual(
            result, ["ok", "ok", true, true, true], "the callback runs in the function's own coroutine and may call AWS"
        )
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/a.out")).count, size)
    }

    func testSmallFilesReportTheirOneFinalCallWithTheTotal() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("onprogress")
        let empty = try file("empty.bin", size: 0)
        let small = try file("small.bin", size: 10)
        let result = try lua.run(
            Self.recorder + """
                local s3 = aws.client("s3")
                s3:create_bucket{Bucket = "\(bucket)"}
                s3:upload_file("\(empty)", "\(bucket)", "empty.bin", {on_progress = recorder("empty")})
                aws.parallel(function()
                  s3:upload_file("\(small)", "\(bucket)", "small.bin", {on_progress = recorder("small")})
                end)
                local last = calls.small[#calls.small]
                return check("empty", 0), #calls.empty, last[1], last[2]
                """)
        XCTAssertEqual(result, ["ok", .integer(1), .integer(10), .integer(10)])
    }

    func testCopiesReportPartsThenTheWholeInsideAndOutsideParallel() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("onprogress")
        let size = 16 * 1024 * 1024 + 5
        let result = try lua.run(
            Self.recorder + """
                local s3 = aws.client("s3")
                s3:create_bucket{Bucket = "\(bucket)"}
                s3:put_object{Bucket = "\(bucket)", Key = "big", Body = string.rep("x", \(size))}
                local options = {multipart_threshold = 5 * 1024 * 1024, part_size = 5 * 1024 * 1024, concurrency = 1}
                options.on_progress = recorder("multipart")
                local copied = s3:copy("\(bucket)/big", "\(bucket)", "copy1", options)
                s3:copy("\(bucket)/big", "\(bucket)", "copy2", {on_progress = recorder("single")})
                aws.parallel(
                  function()
                    s3:copy("\(bucket)/big", "\(bucket)", "copy3", {multipart_threshold = 5 * 1024 * 1024,
                      part_size = 5 * 1024 * 1024, on_progress = recorder("multipart inside")})
                  end,
                  function() s3:copy("\(bucket)/big", "\(bucket)", "copy4", {on_progress = recorder("single inside")}) end)
                return check("multipart", \(size)), check("single", \(size)), check("multipart inside", \(size)),
                  check("single inside", \(size)), copied.parts, #calls.multipart, #calls.single,
                  s3:head_object{Bucket = "\(bucket)", Key = "copy3"}.ContentLength
                """)
        XCTAssertEqual(Array(result[0..<5]), ["ok", "ok", "ok", "ok", .integer(4)])
        XCTAssertGreaterThanOrEqual(result[5].integerValue ?? 0, 2, "the first part, then the whole")
        XCTAssertEqual(result[6], .integer(1), "a single CopyObject reports once, at the end")
        XCTAssertEqual(result[7], .integer(Int64(size)))
    }

    func testAnErrorInTheCallbackAbortsTheTransferAndNamesOnProgress() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("onprogress")
        let large = try file("large.bin", size: 11 * 1024 * 1024)
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            s3:create_bucket{Bucket = "\(bucket)"}
            local function boom() error("no more, please") end
            local ok1, up = pcall(s3.upload_file, s3, "\(large)", "\(bucket)", "up.bin",
              {\(Self.multipart), on_progress = boom})
            s3:upload_file("\(large)", "\(bucket)", "large.bin", {progress = false})
            local ok2, down = pcall(s3.download_file, s3, "\(bucket)", "large.bin", "\(folder)/out.bin",
              {\(Self.multipart), on_progress = boom})
            local ok3, copy = pcall(s3.copy, s3, "\(bucket)/large.bin", "\(bucket)", "copy.bin",
              {multipart_threshold = 5 * 1024 * 1024, part_size = 5 * 1024 * 1024, concurrency = 1, on_progress = boom})
            local ok4, inside = pcall(aws.parallel, function()
              s3:upload_file("\(large)", "\(bucket)", "inside.bin", {\(Self.multipart), on_progress = boom})
            end)
            local pending = s3:list_multipart_uploads{Bucket = "\(bucket)"}.Uploads or {}
            local keys = {}
            for _, object in ipairs(s3:list_objects_v2{Bucket = "\(bucket)"}.Contents or {}) do
              keys[#keys + 1] = object.Key
            end
            return ok1, up.code, up.message, ok2, down.code, down.message, ok3, copy.code, copy.message,
              ok4, inside.errors[1].error.code, #pending, table.concat(keys, " ")
            """)
        XCTAssertEqual(result[0], false)
        XCTAssertEqual(result[1], "ProgressCallbackFailed")
        XCTAssertTrue(result[2].stringValue?.contains("s3:upload_file: on_progress") == true, "\(result[2])")
        XCTAssertTrue(result[2].stringValue?.contains("no more, please") == true, "\(result[2])")
        XCTAssertEqual(result[3], false)
        XCTAssertEqual(result[4], "ProgressCallbackFailed")
        XCTAssertTrue(result[5].stringValue?.contains("s3:download_file: on_progress") == true, "\(result[5])")
        XCTAssertEqual(result[6], false)
        XCTAssertEqual(result[7], "ProgressCallbackFailed")
        XCTAssertTrue(result[8].stringValue?.contains("s3:copy: on_progress") == true, "\(result[8])")
        XCTAssertEqual(result[9], false)
        XCTAssertEqual(result[10], "ProgressCallbackFailed")
        XCTAssertEqual(result[11], .integer(0), "every multipart upload was aborted")
        XCTAssertEqual(result[12], "large.bin", "nothing but the object uploaded without a callback")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder), ["large.bin"], "no temporary file is left")
    }

    func testACallbackThatIsNotAFunctionIsRefusedNamingTheOption() throws {
        let lua = try makeEmulatorState()
        let small = try file("small.bin", size: 10)
        let result = try lua.run(
            """
            local s3 = aws.client("s3")
            local _, up = pcall(s3.upload_file, s3, "\(small)", "b", "k", {on_progress = "yes"})
            local _, down = pcall(s3.download_file, s3, "b", "k", "\(folder)/out", {on_progress = 1})
            local _, copy = pcall(s3.copy, s3, "b/k", "b", "k2", {on_progress = true})
            local _, inside = pcall(aws.parallel, function()
              s3:upload_file("\(small)", "b", "k", {on_progress = {}})
            end)
            return up.message, down.message, tostring(copy), tostring(inside.errors[1].error)
            """)
        XCTAssertEqual(result[0], "s3:upload_file: option 'on_progress' must be a function(done, total), got string")
        XCTAssertEqual(result[1], "s3:download_file: option 'on_progress' must be a function(done, total), got number")
        XCTAssertTrue(
            result[2].stringValue?.contains(
                "s3:copy: option 'on_progress' must be a function(done, total), got boolean")
                == true, "\(result[2])")
        XCTAssertTrue(
            result[3].stringValue?.contains("option 'on_progress' must be a function(done, total), got table") == true,
            "\(result[3])")
    }
}
