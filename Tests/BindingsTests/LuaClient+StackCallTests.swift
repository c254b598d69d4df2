import AWSCore
import Host
import XCTest

@testable import Bindings

/// An operation's params are read where they lie in Lua (`LuaSearchDocument.json`), not
/// copied first (`LuaValue.toJSON`): both must give the same data, and the same errors.
final class LuaClientStackCallTests: XCTestCase {
    /// Registers `inplace(v)` and `copied(v)`: `v` as JSON text (blobs base64), or the error.
    private func stateWithBothReadings() -> LuaState {
        let state = makeState()
        func text(_ read: () throws -> JSONValue) -> LuaValue {
            do {
                return .string(try JSONEncoding.encodeString(try read(), options: [.base64Binary]))
            } catch let error as AWSError {
                return .string("error: " + error.message)
            } catch let error as LuaError {
                return .string("error: " + (error.value.stringValue ?? "\(error.value)"))
            } catch {
                return .string("error: \(error)")
            }
        }
        state.setGlobal(
            "inplace",
            .function(
                LuaFunction(stack: "inplace") { state, L in
                    let view = try LuaDataView(on: L)
                    let document = LuaSearchDocument(state: state, view: view)
                    let result = text { try document.json(of: try document.root(at: 1)) }
                    view.close()
                    state.push(result, on: L)
                    return 1
                }))
        state.setGlobal(
            "copied",
            .function(LuaFunction("copied") { call in [text { try call[1].toJSON() }] }))
        return state
    }

    func testEveryKindOfParamsReadsAsACopyWouldRead() throws {
        let state = stateWithBothReadings()
        let values = [
            "{}", "{1, 2, 3}", "{a = 1, b = 'x', c = true, d = 1.5, e = 2^53}", "{10, 20, x = 3}",
            "{[1] = 'a', [3] = 'c'}", "{[1.5] = 'f', [-2] = 'n', [0] = 'z'}", "aws.json.decode('[]')",
            "{a = aws.json.null, list = {aws.json.null, 1}}", "{s = 'caf\\xC3\\xA9', b = '\\xFF\\xFE'}",
            "{deep = {{{{{x = {1, {y = 'z'}}}}}}}}", "{Tables = {{Name = 't1', Columns = {}}, {Name = 't2'}}}",
            "{f = print}", "{nested = {fn = function() end}}", "{[true] = 1}", "{[{}] = 1}",
            "{['\\xFF'] = 1}", "{list = {1, 2, print}}", "(function() local t = {} t.self = t return t end)()",
            "(function() local t = {} local c = t for i = 1, 1100 do c.n = {} c = c.n end return t end)()",
            "{co = coroutine.create(print)}", "{u = io.stdout}",
        ]
        for value in values {
            let result = try state.run(
                """
                local v = \(value)
                local ok, copy = pcall(copied, v)
                if not ok then copy = "error: " .. tostring(copy):gsub("^[^:]*:%d+: ", "") end
                return inplace(v), copy
                """, name: "=test")
            XCTAssertEqual(result.first, result.last, value)
            XCTAssertEqual(result.count, 2, value)
        }
    }

    func testACallReadsItsParamsInPlaceAndStillRefusesBadOnes() throws {
        let state = makeState(variables: [
            "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b",
        ])
        let message = try state.run(
            """
            local glue = aws.client("glue", {endpoint_url = "http://127.0.0.1:9"})
            local ok, err = pcall(glue.create_database, glue, {DatabaseInput = {Name = "x", Parameters = {f = print}}})
            local ok2, err2 = pcall(glue.create_database, glue, "not a table")
            local ok3, err3 = pcall(glue.create_database, glue, {DatabaseInput = {Nme = "x"}})
            return tostring(err.message or err), tostring(err2.message or err2), tostring(err3.message or err3)
            """, name: "=test")
        XCTAssertEqual(
            message.first, .string("DatabaseInput.Parameters.f: a function cannot be converted to data"))
        XCTAssertTrue(message[1].stringValue?.contains("params") == true, "\(message[1])")
        XCTAssertTrue(message[2].stringValue?.contains("did you mean Name?") == true, "\(message[2])")
    }
}
