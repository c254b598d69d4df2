import Host
import XCTest

/// Pages read straight into Lua tables give what the pages read as JSON values give: the
/// same walk is made twice, once plain (whole pages) and once with a `max_items` it never
/// reaches (which makes the paginator read each page as a `JSONValue` it may cut), and the
/// results are compared deeply, metatables included.
final class LuaClientWholePagesTests: XCTestCase {
    /// `same(a, b, path)`: raises naming the first difference.
    static let same = """
        local function same(a, b, path)
          if type(a) ~= type(b) then error(path .. ": " .. type(a) .. " vs " .. type(b)) end
          if type(a) ~= "table" then
            if a ~= b or math.type(a) ~= math.type(b) then
              error(path .. ": " .. tostring(a) .. " vs " .. tostring(b))
            end
            return
          end
          if getmetatable(a) ~= getmetatable(b) then error(path .. ": metatables differ") end
          for k, v in pairs(a) do same(v, rawget(b, k), path .. "." .. tostring(k)) end
          for k in pairs(b) do
            if rawget(a, k) == nil then error(path .. "." .. tostring(k) .. " is only in the second") end
          end
        end
        local function both(client, op, params, options)
          options = options or {}
          local old = {max_items = 1000000000}
          for k, v in pairs(options) do old[k] = v end
          local whole, cut = client:collect(op, params, options), client:collect(op, params, old)
          same(whole, cut, op)
          local pages, oldPages = {}, {}
          -- Each answer has its own request id: the metadata is checked for presence only.
          local function strip(page)
            same(type(page.ResponseMetadata), "table", op .. " metadata")
            page.ResponseMetadata = nil
            return page
          end
          for page in client:paginate(op, params, options) do pages[#pages + 1] = strip(page) end
          for page in client:paginate(op, params, old) do oldPages[#oldPages + 1] = strip(page) end
          same(pages, oldPages, op .. " pages")
          return whole, #pages
        end
        """

    func testS3ListObjectsWithItsMarkerExpressionAndPagesMissingAResultKey() throws {
        let lua = try makeEmulatorState()
        let bucket = Emulator.uniqueName("whole")
        let result = try lua.run(
            Self.same + "\n"
                + """
                local s3 = aws.client("s3")
                s3:create_bucket{Bucket = "\(bucket)"}
                local keys = {"a/1", "a/2", "b", "c", "d/x", "e"}
                for _, key in ipairs(keys) do s3:put_object{Bucket = "\(bucket)", Key = key, Body = key} end
                local all, pages = both(s3, "list_objects", {Bucket = "\(bucket)"}, {page_size = 2})
                local split, splitPages = both(s3, "list_objects", {Bucket = "\(bucket)", Delimiter = "/"},
                  {page_size = 1})
                local empty, emptyPages = both(s3, "list_objects", {Bucket = "\(bucket)", Prefix = "none/"})
                local v2 = both(s3, "list_objects_v2", {Bucket = "\(bucket)"}, {page_size = 4})
                s3:put_bucket_versioning{Bucket = "\(bucket)", VersioningConfiguration = {Status = "Enabled"}}
                s3:delete_object{Bucket = "\(bucket)", Key = "c"}
                local versions, versionPages = both(s3, "list_object_versions", {Bucket = "\(bucket)"},
                  {page_size = 2})
                local seen = {}
                for page in s3:paginate("list_object_versions", {Bucket = "\(bucket)"}, {page_size = 2}) do
                  seen[#seen + 1] = (page.Versions and "V" or "-") .. (page.DeleteMarkers and "D" or "-")
                end
                for _, list in ipairs{versions.Versions, versions.DeleteMarkers} do
                  for _, v in ipairs(list) do
                    s3:delete_object{Bucket = "\(bucket)", Key = v.Key, VersionId = v.VersionId}
                  end
                end
                s3:delete_bucket{Bucket = "\(bucket)"}
                return #all.Contents, pages, all.Contents[6].Key, #split.Contents, #split.CommonPrefixes,
                  splitPages, empty.Contents, emptyPages, #v2.Contents, table.concat(seen, ","), #versions.Versions, #versions.DeleteMarkers
                """)
        XCTAssertEqual(result[0], .integer(6))
        XCTAssertEqual(result[1], .integer(3))
        XCTAssertEqual(result[2], .string("e"))
        // moto sends both common prefixes again on each of the three pages.
        XCTAssertEqual(result[3], .integer(3))
        XCTAssertEqual(result[4], .integer(6))
        XCTAssertEqual(result[5], .integer(3))
        XCTAssertEqual(result[6], .nil)
        XCTAssertEqual(result[7], .integer(1))
        XCTAssertEqual(result[8], .integer(6))
        // Two tokens; DeleteMarkers is missing from the first page and two others.
        XCTAssertEqual(result[9], .string("V-,VD,V-,V-"))
        XCTAssertEqual(result[10], .integer(6))
        XCTAssertEqual(result[11], .integer(1))
    }

    func testIAMTruncationAndAnEmptyListAndGlueTables() throws {
        let lua = try makeEmulatorState()
        let prefix = Emulator.uniqueName("wp")
        let db = prefix.replacingOccurrences(of: "-", with: "_")
        let result = try lua.run(
            Self.same + "\n"
                + """
                local iam = aws.client("iam")
                for i = 1, 5 do
                  iam:create_role{RoleName = "\(prefix)-" .. i, Path = "/\(prefix)/",
                    AssumeRolePolicyDocument = {Version = "2012-10-17", Statement = {}}}
                end
                local roles, rolePages = both(iam, "list_roles", {PathPrefix = "/\(prefix)/"}, {page_size = 2})
                local none, nonePages = both(iam, "list_roles", {PathPrefix = "/\(prefix)-none/"})
                for i = 1, 5 do iam:delete_role{RoleName = "\(prefix)-" .. i} end
                local glue = aws.client("glue")
                glue:create_database{DatabaseInput = {Name = "\(db)"}}
                for i = 1, 5 do glue:create_table{DatabaseName = "\(db)", TableInput = {Name = "t" .. i}} end
                local tables, tablePages = both(glue, "get_tables", {DatabaseName = "\(db)"}, {page_size = 2})
                for i = 1, 5 do glue:delete_table{DatabaseName = "\(db)", Name = "t" .. i} end
                glue:delete_database{Name = "\(db)"}
                return #roles.Roles, rolePages, roles.IsTruncated, roles.Marker, #none.Roles,
                  getmetatable(none.Roles) ~= nil, nonePages, #tables.TableList, tablePages
                """)
        XCTAssertEqual(result[0], .integer(5))
        XCTAssertEqual(result[1], .integer(3))
        XCTAssertEqual(result[2], .nil)
        XCTAssertEqual(result[3], .nil)
        XCTAssertEqual(result[4], .integer(0))
        XCTAssertEqual(result[5], .boolean(true))
        XCTAssertEqual(result[6], .integer(1))
        XCTAssertEqual(result[7], .integer(5))
        // moto sends every table at once, whatever the page size.
        XCTAssertEqual(result[8], .integer(1))
    }
}
