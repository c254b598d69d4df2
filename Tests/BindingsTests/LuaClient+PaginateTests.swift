import Host
import XCTest

/// Paginators from Lua against the emulator: pages, collect, max_items and resuming.
final class LuaClientPaginateTests: XCTestCase {
    func testCollectJoinsEveryPageOfRolesAndResumesFromAToken() throws {
        let lua = try makeEmulatorState()
        let prefix = Emulator.uniqueName("pg")
        let result = try lua.run(
            """
            local iam = aws.client("iam")
            for i = 1, 5 do
              iam:create_role{RoleName = "\(prefix)-" .. i, Path = "/\(prefix)/",
                AssumeRolePolicyDocument = {Version = "2012-10-17", Statement = {}}}
            end
            local pages = 0
            for page in iam:paginate("list_roles", {PathPrefix = "/\(prefix)/"}, {page_size = 2}) do
              pages = pages + 1
            end
            local all = iam:collect("list_roles", {PathPrefix = "/\(prefix)/"}, {page_size = 2})
            local first = iam:collect("list_roles", {PathPrefix = "/\(prefix)/"}, {max_items = 3, page_size = 2})
            local rest = iam:collect("list_roles", {PathPrefix = "/\(prefix)/"},
              {starting_token = first.NextToken, page_size = 2})
            for i = 1, 5 do iam:delete_role{RoleName = "\(prefix)-" .. i} end
            return pages, #all.Roles, #first.Roles, type(first.NextToken), #rest.Roles, rest.NextToken
            """)
        XCTAssertEqual(result[0], .integer(3))
        XCTAssertEqual(result[1], .integer(5))
        XCTAssertEqual(result[2], .integer(3))
        XCTAssertEqual(result[3], .string("string"))
        XCTAssertEqual(result[4], .integer(2))
        XCTAssertEqual(result[5], .nil)
    }

    func testCollectGlueTables() throws {
        let lua = try makeEmulatorState()
        let db = Emulator.uniqueName("tables").replacingOccurrences(of: "-", with: "_")
        let result = try lua.run(
            """
            local glue = aws.client("glue")
            glue:create_database{DatabaseInput = {Name = "\(db)"}}
            for i = 1, 4 do glue:create_table{DatabaseName = "\(db)", TableInput = {Name = "t" .. i}} end
            local tables = glue:collect("get_tables", {DatabaseName = "\(db)"}, {page_size = 1}).TableList
            for i = 1, 4 do glue:delete_table{DatabaseName = "\(db)", Name = "t" .. i} end
            glue:delete_database{Name = "\(db)"}
            return #tables
            """)
        XCTAssertEqual(result, [.integer(4)])
    }

    func testAnOperationWithoutAPaginatorIsNamed() throws {
        let lua = try makeEmulatorState()
        let result = try lua.run(
            "local g = aws.client('glue') local ok, e = pcall(g.paginate, g, 'create_job') return e.message")
        XCTAssertTrue(result[0].stringValue?.contains("create_job is not paginated") ?? false, "\(result[0])")
    }
}
