import Host

extension LuaSearchDocument {
    /// Pushes a search result: tables and strings of the data as themselves, arrays and
    /// objects the expression made as new tables (an empty array marked `aws.json.array`).
    /// A null result is nil; a null inside one is `aws.json.null`, in arrays and objects alike.
    func push(_ value: LuaSearchValue, isResult: Bool = true) {
        switch value {
        case .null: state.push(isResult ? .nil : JSONNull.value, on: view.L)
        case .boolean(let b): state.push(.boolean(b), on: view.L)
        case .integer(let i): state.push(.integer(i), on: view.L)
        case .number(let d): state.push(.number(d), on: view.L)
        case .string(let s): view.pushString(s)
        case .text(let s): state.push(.string(s), on: view.L)
        case .table(let table): view.pushTable(table)
        case .array(let elements):
            view.pushNewTable(arrayCount: elements.count, fieldCount: 0)
            if elements.isEmpty { view.setMetatable(named: jsonArrayMetatable) }
            for (offset, element) in elements.enumerated() {
                push(element, isResult: false)
                view.setElement(Int64(offset + 1))
            }
        case .object(let members):
            view.pushNewTable(arrayCount: 0, fieldCount: members.count)
            for (key, member) in members {
                push(member, isResult: false)
                view.setField(key)
            }
        }
    }
}
