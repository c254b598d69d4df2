import XCTest

@testable import Host

/// Swift objects exposed as userdata: methods, metamethods, identity and lifetime.
final class LuaStateObjectsTests: XCTestCase {
    final class Client {
        let service: String
        var calls = 0
        init(service: String) { self.service = service }
    }

    private func makeState() -> LuaState {
        let state = LuaState()
        state.registerType(
            Client.self, name: "Client",
            methods: [
                "service": { call in
                    guard let client = call[1].object(as: Client.self) else { throw LuaError("not a client") }
                    client.calls += 1
                    return [.string(client.service)]
                },
                "same": { call in [.boolean(call[1].object(as: Client.self) === call[2].object(as: Client.self))] },
            ],
            metamethods: [
                "__tostring": { call in [.string("Client(\(call[1].object(as: Client.self)?.service ?? "?"))")] }
            ])
        return state
    }

    func testMethodsReceiveTheObjectBack() throws {
        let state = makeState()
        let client = Client(service: "glue")
        state.setGlobal("glue", .object(AnyHashableObject(client)))
        XCTAssertEqual(try state.run("return glue:service(), glue:service()"), ["glue", "glue"])
        XCTAssertEqual(client.calls, 2)
        XCTAssertEqual(try state.run("return glue:same(glue)"), [true])
    }

    func testTostringAndTypeAreThoseOfTheRegisteredType() throws {
        let state = makeState()
        state.setGlobal("s3", .object(AnyHashableObject(Client(service: "s3"))))
        XCTAssertEqual(try state.run("return tostring(s3), type(s3)"), ["Client(s3)", "userdata"])
    }

    func testObjectReadsBackAsTheSameSwiftObject() throws {
        let state = makeState()
        let client = Client(service: "iam")
        state.setGlobal("iam", .object(AnyHashableObject(client)))
        let back = try state.global("iam")
        XCTAssertTrue(back.object(as: Client.self) === client)
    }

    func testSameObjectPushedTwiceIsTheSameUserdata() throws {
        let state = makeState()
        let client = Client(service: "glue")
        state.setGlobal("a", .object(AnyHashableObject(client)))
        state.setGlobal("b", .object(AnyHashableObject(client)))
        state.setGlobal("c", .object(AnyHashableObject(Client(service: "glue"))))
        XCTAssertEqual(try state.run("return rawequal(a, b), rawequal(a, c)"), [true, false])
        XCTAssertEqual(try state.run("local t = {[a] = 1}; return t[b]"), [1])
    }

    func testObjectReleasedWhenLuaCollectsIt() throws {
        let state = makeState()
        weak var weakClient: Client?
        do {
            let client = Client(service: "glue")
            weakClient = client
            state.setGlobal("glue", .object(AnyHashableObject(client)))
        }
        XCTAssertNotNil(weakClient, "Lua holds the object while a global refers to it")
        try state.run("collectgarbage()")
        XCTAssertNotNil(weakClient)
        try state.run("glue = nil; collectgarbage(); collectgarbage()")
        XCTAssertNil(weakClient)
    }

    func testObjectPushedAgainAfterCollectionWorks() throws {
        let state = makeState()
        let client = Client(service: "glue")
        state.setGlobal("glue", .object(AnyHashableObject(client)))
        try state.run("glue = nil; collectgarbage(); collectgarbage()")
        state.setGlobal("glue", .object(AnyHashableObject(client)))
        XCTAssertEqual(try state.run("return glue:service()"), ["glue"])
    }

    func testObjectReleasedWhenTheStateIsDestroyed() throws {
        weak var weakClient: Client?
        do {
            let state = makeState()
            let client = Client(service: "glue")
            weakClient = client
            state.setGlobal("glue", .object(AnyHashableObject(client)))
        }
        XCTAssertNil(weakClient)
    }

    func testUnregisteredObjectStillTravelsAsUserdata() throws {
        let state = LuaState()
        final class Plain {}
        let plain = Plain()
        state.setGlobal("p", .object(AnyHashableObject(plain)))
        XCTAssertEqual(try state.run("return type(p)"), ["userdata"])
        XCTAssertTrue(try state.global("p").object(as: Plain.self) === plain)
    }

    func testMethodOnWrongValueIsACatchableError() throws {
        let state = makeState()
        state.setGlobal("glue", .object(AnyHashableObject(Client(service: "glue"))))
        XCTAssertEqual(try state.run("return pcall(glue.service, {})"), [false, "not a client"])
    }
}
