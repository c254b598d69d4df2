import Host
import XCTest

/// `aws.search` reads Lua data where it lies: what comes back, and the rules of Lua data
/// (null sentinel, array marker, mixed tables, numbers, bad keys) it keeps.
final class SearchInPlaceTests: XCTestCase {
    func testTablesOfTheDataComeBackAsThemselves() throws {
        let state = makeState()
        let result = try state.run(
            """
            local d = {a = {b = {c = 1}}, items = {{n = 1}, {n = 2}}}
            return aws.search('a.b', d) == d.a.b, aws.search('items[1]', d) == d.items[2],
              aws.search('items[*]', d)[2] == d.items[2], aws.search('items', d) == d.items,
              aws.search('[a.b]', d)[1] == d.a.b, aws.search('items', d) ~= aws.search('items[*]', d)
            """)
        XCTAssertEqual(result, Array(repeating: .boolean(true), count: 6))
    }

    func testTheNullSentinelIsNull() throws {
        let state = makeState()
        let result = try state.run(
            """
            local d = {a = aws.json.null, items = {{v = aws.json.null}, {v = 1}}}
            return aws.search('a', d) == nil, aws.search('type(a)', d), aws.search('[a]', d)[1] == aws.json.null,
              aws.search('{x: a}', d).x == aws.json.null, #aws.search('items[?v == null]', d),
              aws.search('items[*].v', d)[1], aws.search('not_null(a, `5`)', d)
            """)
        XCTAssertEqual(
            result,
            [.boolean(true), .string("null"), .boolean(true), .boolean(true), .integer(1), .integer(1), .integer(5)])
    }

    func testEmptyTablesAreObjectsUnlessMarkedAsArrays() throws {
        let state = makeState()
        let result = try state.run(
            """
            local marked = aws.json.decode('[]')
            local r = aws.search('a[?x]', {a = {{x = false}}})
            return aws.search('type(@)', {}), aws.search('type(@)', marked), aws.search('to_array(@)', marked) == marked,
              aws.json.encode(r), aws.search('length(@)', marked), aws.search('@ == `[]`', marked)
            """)
        XCTAssertEqual(
            result, [.string("object"), .string("array"), .boolean(true), .string("[]"), .integer(0), .boolean(true)])
    }

    func testMixedTablesAreObjectsWithNumberKeysAsText() throws {
        let state = makeState()
        let result = try state.run(
            """
            local mixed = {10, 20, x = 3}
            return aws.search('type(@)', mixed), table.concat(aws.search('keys(@)', mixed), ','),
              aws.search('"1"', mixed), aws.search('"1"', {10, 20}), aws.search('type(@)', {1, nil, 3}),
              aws.search('"3"', {1, nil, 3}), aws.search('"1.5"', {[1.5] = 'f'}), aws.search('[0]', {10, 20}),
              aws.search('length(@)', {1, nil, 3})
            """)
        XCTAssertEqual(
            result,
            [
                .string("object"), .string("1,2,x"), .integer(10), .nil, .string("object"), .integer(3), .string("f"),
                .integer(10), .integer(2),
            ])
    }

    func testNumbersStayIntegerOrFloatAsLuaHasThem() throws {
        let state = makeState()
        let result = try state.run(
            """
            return math.type(aws.search('a', {a = 1})), math.type(aws.search('a', {a = 1.0})),
              aws.search('a == `1`', {a = 1.0}), math.type(aws.search('sum(@)', {1, 2})), aws.search('sum(@)', {1, 2.5}),
              math.type(aws.search('abs(@)', -3)), aws.search('max(@)', {3, 7.5, 2}), aws.search('sort(@)[0]', {3, 1.5})
            """)
        XCTAssertEqual(
            result,
            [
                .string("integer"), .string("float"), .boolean(true), .string("integer"), .number(3.5),
                .string("integer"),
                .number(7.5), .number(1.5),
            ])
    }

    func testCyclesEndInAnErrorOrAreNeverWalked() throws {
        let state = makeState()
        let result = try state.run(
            """
            local t = {n = 1}
            t.self = t
            local ok1, e1 = pcall(aws.search, 'to_string(@)', t)
            local ok2, e2 = pcall(aws.search, 'self == @', t)
            return aws.search('self.self.self', t) == t, aws.search('self.self.n', t), ok1, tostring(e1):find('itself') ~= nil,
              ok2, e2.code
            """)
        XCTAssertEqual(
            result,
            [
                .boolean(true), .integer(1), .boolean(false), .boolean(true), .boolean(false),
                .string("JMESPathInvalidValue"),
            ])
    }

    func testMetatablesDoNotRun() throws {
        let state = makeState()
        let result = try state.run(
            """
            local trap = {__index = function() error('ran') end, __len = function() error('ran') end,
              __pairs = function() error('ran') end, __eq = function() error('ran') end}
            local list = setmetatable({1, 2, 3}, trap)
            local object = setmetatable({a = setmetatable({b = 'x'}, trap)}, trap)
            return aws.search('length(@)', list), aws.search('missing', object), aws.search('a.b', object),
              aws.search('[?@ > `1`] | length(@)', list), aws.search('a == a', object), aws.search('values(a)[0]', object)
            """)
        XCTAssertEqual(result, [.integer(3), .nil, .string("x"), .integer(2), .boolean(true), .string("x")])
    }

    func testBadKeysAndValuesAreErrorsNamingTheirPath() throws {
        let state = makeState()
        let result = try state.run(
            """
            local _, e1 = pcall(aws.search, 'a.*', {a = {['\\xff'] = 1}})
            local _, e2 = pcall(aws.search, 'a.f', {a = {f = print}})
            local _, e3 = pcall(aws.search, 'keys(@)', {[true] = 1})
            local _, e4 = pcall(aws.search, 'items[*].f', {items = {{f = 1}, {f = coroutine.create(print)}}})
            return e1.message, e2.message, e3.message, e4.message, aws.search('b', {b = 1, ['\\xff'] = 2, f = print})
            """)
        XCTAssertEqual(
            result,
            [
                .string(#"a["\255"]: a table key must be UTF-8 text"#),
                .string("a.f: a function cannot be converted to data"),
                .string("value: a boolean key cannot be converted"),
                .string("items[2].f: a thread cannot be converted to data"), .integer(1),
            ])
    }

    func testStringsComeBackByteForByte() throws {
        let state = makeState()
        let result = try state.run(
            """
            local d = {a = '\\xff\\xfe', long = string.rep('x', 100)}
            return aws.search('a', d) == '\\xff\\xfe', aws.search('long', d) == d.long, aws.search('length(long)', d),
              aws.search("[?@ == 'x']", {'x', 'y', 'x'})[2]
            """)
        XCTAssertEqual(result, [.boolean(true), .boolean(true), .integer(100), .string("x")])
    }

    func testTheCollectorRunsAgainAfterASearchAsBefore() throws {
        let state = makeState()
        let result = try state.run(
            """
            aws.search('a', {a = 1})
            local running = collectgarbage('isrunning')
            collectgarbage('stop')
            aws.search('a', {a = 1})
            pcall(aws.search, 'a.f', {a = {f = print}})
            local stopped = not collectgarbage('isrunning')
            collectgarbage('restart')
            return running, stopped
            """)
        XCTAssertEqual(result, [.boolean(true), .boolean(true)])
    }
}
