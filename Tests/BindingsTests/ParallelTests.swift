import Bindings
import Foundation
import Host
import XCTest

/// A loopback Glue that answers `GetDatabase` after `delay` seconds, echoing the name, and
/// counts how many requests it holds at once.
final class SlowGlue: @unchecked Sendable {
    private let lock = NSLock()
    private var inFlight = 0
    private(set) var mostInFlight = 0
    private(set) var answered = 0
    var server: TestHTTPServer!

    private var polls: [String: Int] = [:]

    /// `failing` names are never found; every other name only from its `missingPolls + 1`th poll.
    init(delay: Double, failing: Set<String> = [], missingPolls: Int = 0) throws {
        server = try TestHTTPServer { [unowned self] request in
            self.enter()
            Thread.sleep(forTimeInterval: delay)
            self.leave()
            let body = String(decoding: request.body, as: UTF8.self)
            let name =
                (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["Name"]
                as? String ?? "?"
            if failing.contains(name) || self.poll(name) <= missingPolls {
                return TestHTTPServer.Reply(
                    status: 400, headers: [("Content-Type", "application/x-amz-json-1.1")],
                    body: #"{"__type":"EntityNotFoundException","Message":"no database \#(name)"}"#)
            }
            return TestHTTPServer.Reply(
                headers: [("Content-Type", "application/x-amz-json-1.1")],
                body: #"{"Database":{"Name":"\#(name)"}}"#)
        }
    }

    private func poll(_ name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        polls[name, default: 0] += 1
        return polls[name]!
    }

    private func enter() {
        lock.lock()
        inFlight += 1
        mostInFlight = max(mostInFlight, inFlight)
        lock.unlock()
    }

    private func leave() {
        lock.lock()
        inFlight -= 1
        answered += 1
        lock.unlock()
    }

    /// A state whose `glue` global talks to this server.
    func state() throws -> LuaState {
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": server.baseURL, "AWS_MAX_ATTEMPTS": "1",
        ])
        try state.run(#"glue = aws.client("glue")"#)
        return state
    }
}

final class ParallelTests: XCTestCase {
    func testTwentySlowCallsTakeAboutAsLongAsOne() throws {
        let glue = try SlowGlue(delay: 0.4)
        let state = try glue.state()
        let started = Date()
        let names = try evaluate(
            state,
            """
            local names = {}
            for i = 1, 20 do names[i] = "db" .. i end
            local got = aws.map(names, function(name) return glue:get_database{Name = name}.Database.Name end,
              {limit = 20})
            return table.concat(got, ",")
            """)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(names, .string((1...20).map { "db\($0)" }.joined(separator: ",")))
        XCTAssertEqual(glue.answered, 20)
        XCTAssertLessThan(elapsed, 5 * 0.4, "20 calls of 0.4 s each took \(elapsed) s")
    }

    func testNoMoreCallsInFlightThanTheLimit() throws {
        let glue = try SlowGlue(delay: 0.1)
        let state = try glue.state()
        let count = try evaluate(
            state,
            """
            local functions = {}
            for i = 1, 20 do
              functions[i] = function() return glue:get_database{Name = "db" .. i}.Database.Name end
            end
            return #aws.parallel(functions, {limit = 4})
            """)
        XCTAssertEqual(count, .integer(20))
        XCTAssertEqual(glue.mostInFlight, 4)
    }

    func testResultsComeBackInOrderWhateverFinishesFirst() throws {
        let state = makeState()
        let results = try state.run(
            """
            return aws.parallel(
              function() aws.sleep(0.3); return "slow", "dropped" end,
              function() aws.sleep(0.05); return "quick" end,
              function() return nil end,
              function() return "instant" end)
            """, name: "=test")
        XCTAssertEqual(results, [.string("slow"), .string("quick"), .nil, .string("instant")])
    }

    func testSleepsOverlap() throws {
        let state = makeState()
        let started = Date()
        try state.run("aws.parallel(function() aws.sleep(0.5) end, function() aws.sleep(0.5) end)")
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.9)
    }

    func testAFailureLetsTheOthersFinishThenNamesItsIndex() throws {
        let glue = try SlowGlue(delay: 0.1, failing: ["db2", "db4"])
        let state = try glue.state()
        let results = try state.run(
            """
            local finished = {}
            local functions = {}
            for i = 1, 5 do
              functions[i] = function()
                local name = glue:get_database{Name = "db" .. i}.Database.Name
                finished[#finished + 1] = name
                return name
              end
            end
            local ok, err = pcall(aws.parallel, functions)
            return ok, err.code, err.index, #err.errors, err.errors[2].index, err.errors[1].error.code,
              #finished, tostring(err)
            """, name: "=test")
        XCTAssertEqual(results[0], .boolean(false))
        XCTAssertEqual(results[1], .string("ParallelFailed"))
        XCTAssertEqual(results[2], .integer(2))
        XCTAssertEqual(results[3], .integer(2))
        XCTAssertEqual(results[4], .integer(4))
        XCTAssertEqual(results[5], .string("EntityNotFoundException"))
        XCTAssertEqual(results[6], .integer(3))
        XCTAssertTrue(results[7].stringValue?.contains("function 2 failed") == true, "\(results[7])")
        XCTAssertTrue(results[7].stringValue?.contains("no database db2") == true, "\(results[7])")
    }

    func testFailFastCancelsTheOthers() throws {
        let state = makeState()
        let results = try state.run(
            """
            local finished = 0
            local ok, err = pcall(aws.parallel, {
              function() aws.sleep(0.5); finished = finished + 1 end,
              function() aws.sleep(0.05); error("broken") end,
              function() aws.sleep(0.5); finished = finished + 1 end,
            }, {fail_fast = true})
            return finished, err.index, #err.errors
            """, name: "=test")
        XCTAssertEqual(results, [.integer(0), .integer(2), .integer(1)])
    }

    func testNestedParallelOverlapsToo() throws {
        let glue = try SlowGlue(delay: 0.4)
        let state = try glue.state()
        let started = Date()
        let text = try evaluate(
            state,
            """
            local function pair(a, b)
              return function()
                local x, y = aws.parallel(
                  function() return glue:get_database{Name = a}.Database.Name end,
                  function() return glue:get_database{Name = b}.Database.Name end)
                return x .. "+" .. y
              end
            end
            local one, two, three = aws.parallel(pair("a", "b"), pair("c", "d"), pair("e", "f"))
            return one .. " " .. two .. " " .. three
            """)
        XCTAssertEqual(text, .string("a+b c+d e+f"))
        XCTAssertEqual(glue.mostInFlight, 6)
        XCTAssertLessThan(Date().timeIntervalSince(started), 3 * 0.4)
    }

    func testCallsFromTheScriptsOwnCoroutinesStillWork() throws {
        let glue = try SlowGlue(delay: 0)
        let state = try glue.state()
        let text = try evaluate(
            state,
            """
            local outside = coroutine.wrap(function() return glue:get_database{Name = "out"}.Database.Name end)()
            local inside = aws.parallel(function()
              return coroutine.wrap(function() return glue:get_database{Name = "in"}.Database.Name end)()
            end)
            return outside .. " " .. inside
            """)
        XCTAssertEqual(text, .string("out in"))
    }

    func testABadParameterFailsItsFunctionBeforeSending() throws {
        let glue = try SlowGlue(delay: 0)
        let state = try glue.state()
        let code = try evaluate(
            state,
            """
            local ok, err = pcall(aws.parallel, function() return glue:get_database{Name = 5} end)
            return err.errors[1].error.code
            """)
        XCTAssertEqual(code, .string("ValidationError"))
        XCTAssertEqual(glue.answered, 0)
    }

    func testBadInputGetsClearErrors() throws {
        let state = makeState()
        for (chunk, expected) in [
            ("aws.parallel({function() end, 5})", "item 2 is a number, not a function"),
            ("aws.parallel(function() end, 'x')", "argument 2 is a string, not a function"),
            ("aws.parallel({function() end}, {limit = 0})", "limit must be an integer of 1 or more"),
            ("aws.map({1}, function() end, {limt = 2})", "unknown option 'limt'"),
        ] {
            XCTAssertThrowsError(try state.run(chunk, name: "=test"), chunk) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(chunk): \(error)")
            }
        }
    }

    func testWaitsPollAndPauseSideBySide() throws {
        let glue = try SlowGlue(delay: 0, missingPolls: 2)
        let state = try glue.state()
        let started = Date()
        let text = try evaluate(
            state,
            """
            local polls = {}
            local names = aws.map({"a", "b", "c", "d", "e"}, function(name)
              local last = glue:wait("database_exists", {Name = name}, {delay = 0.4, progress = false,
                on_poll = function(_, attempt) polls[name] = attempt end})
              return last.Database.Name .. polls[name]
            end)
            return table.concat(names, " ")
            """)
        XCTAssertEqual(text, .string("a3 b3 c3 d3 e3"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.0, "five waits of two 0.4 s pauses each")
    }

    func testAWaitThatTimesOutInsideParallelRaisesWaiterTimeout() throws {
        let glue = try SlowGlue(delay: 0, failing: ["gone"])
        let state = try glue.state()
        let results = try state.run(
            """
            local ok, err = pcall(aws.parallel, function()
              return glue:wait("database_exists", {Name = "gone"}, {delay = 0.05, max_attempts = 3, progress = false})
            end)
            return err.errors[1].error.code, err.errors[1].error.attempts, err.errors[1].error.service
            """, name: "=test")
        XCTAssertEqual(results, [.string("WaiterTimeout"), .integer(3), .string("glue")])
    }

    func testPagesOfSeveralPaginationsAreFetchedSideBySide() throws {
        let server = try TestHTTPServer { request in
            Thread.sleep(forTimeInterval: 0.3)
            let first = !String(decoding: request.body, as: UTF8.self).contains("NextToken")
            return TestHTTPServer.Reply(
                headers: [("Content-Type", "application/x-amz-json-1.1")],
                body: first
                    ? #"{"DatabaseList":[{"Name":"one"}],"NextToken":"more"}"# : #"{"DatabaseList":[{"Name":"two"}]}"#)
        }
        let state = makeState(variables: [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": server.baseURL,
        ])
        let started = Date()
        let text = try evaluate(
            state,
            """
            local glue = aws.client("glue")
            local function collected()
              local names = {}
              for _, database in ipairs(glue:collect("get_databases", {}).DatabaseList) do
                names[#names + 1] = database.Name
              end
              return table.concat(names, "+")
            end
            local function paged()
              local names = {}
              for page in glue:paginate("get_databases", {}) do names[#names + 1] = page.DatabaseList[1].Name end
              return table.concat(names, "+")
            end
            local a, b, c, d = aws.parallel(collected, collected, paged, paged)
            return table.concat({a, b, c, d}, " ")
            """)
        XCTAssertEqual(text, .string("one+two one+two one+two one+two"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.5, "four walks of two 0.3 s pages each")
    }

    func testParallelWorksInsideCallbacksThatCannotYield() throws {
        let glue = try SlowGlue(delay: 0, missingPolls: 1)
        let state = try glue.state()
        let text = try evaluate(
            state,
            """
            local seen = {}
            local t = setmetatable({}, {__index = function(_, key)
              local a, b = aws.parallel(function() aws.sleep(0.01) return key end, function() return key .. "!" end)
              return a .. b
            end})
            local from_index, from_poll = aws.parallel(
              function() return t.x end,
              function()
                glue:wait("database_exists", {Name = "db"}, {delay = 0.01, progress = false,
                  on_poll = function(_, attempt)
                    seen[attempt] = aws.parallel(function()
                      local ok, err = pcall(glue.get_database, glue, {Name = "p" .. attempt})
                      return ok and "found" or err.code
                    end)
                  end})
                return table.concat(seen, ",")
              end)
            return from_index .. " " .. from_poll
            """)
        XCTAssertEqual(text, .string("xx! EntityNotFoundException,EntityNotFoundException"))
    }

    func testHelpStillDescribesAnOperation() throws {
        let state = makeState(variables: ["AWS_REGION": "us-east-1"])
        let printed = try evaluate(
            state,
            """
            local lines = {}
            print = function(text) lines[#lines + 1] = text end
            help(aws.client("glue").get_database)
            return lines[1]
            """)
        XCTAssertTrue(printed.stringValue?.contains("Name") == true, "\(printed)")
    }
}
