import Foundation
import XCTest

/// `aws.table` and `aws.csv` through the binary, and REPL results cut before they flood.
final class RowOutputTests: XCTestCase {
    func testTableIsAlignedWithAHeaderRow() throws {
        let outcome = try GluescriptProcess.run([
            "-e",
            """
            io.write(aws.table({{Name = "weather", State = "SUCCEEDED", Seconds = 123},
                                {Name = "crashes-to-csv", State = "FAILED"}},
                               {columns = {"Name", "State", "Seconds"}, title = "Jobs"}))
            """,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(
            outcome.stdout,
            """
            ----------------------------------------------
            |                    Jobs                    |
            +------------------+-------------+-----------+
            |       Name       |    State    |  Seconds  |
            +------------------+-------------+-----------+
            |  weather         |  SUCCEEDED  |  123      |
            |  crashes-to-csv  |  FAILED     |           |
            +------------------+-------------+-----------+

            """)
    }

    func testCSVRoundTripsAwkwardFieldsThroughTheBinary() throws {
        let outcome = try GluescriptProcess.run([
            "-e",
            """
            local rows = {
              {id = "1", text = 'says "hi", then leaves'},
              {id = "2", text = "two\\nlines"},
              {id = "3", text = "crlf\\r\\ninside"},
              {id = "4", text = ""},
              {id = "5", text = " spaced , commas "},
            }
            local text = aws.csv.encode(rows, {columns = {"id", "text"}})
            io.write(text)
            local back = aws.csv.decode(text)
            for i, row in ipairs(rows) do assert(back[i].text == row.text and back[i].id == row.id, i) end
            print(#back)
            """,
        ])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(
            outcome.stdout,
            "id,text\r\n1,\"says \"\"hi\"\", then leaves\"\r\n2,\"two\nlines\"\r\n3,\"crlf\r\ninside\"\r\n4,\r\n"
                + "5,\" spaced , commas \"\r\n5\n")
    }

    func testAnUnterminatedQuoteNamesTheLineItStartsOn() throws {
        let outcome = try GluescriptProcess.run(["-e", #"aws.csv.decode('a,b\n1,2\n3,"open\nmore\n')"#])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(
            outcome.stderr.contains("CSVParseError: aws.csv.decode: line 3: a quoted field is never closed"),
            outcome.stderr)
    }

    func testALargeREPLResultIsCutWithANote() throws {
        let outcome = try GluescriptProcess.run(
            ["-i"], input: "t = {} for i = 1, 3000 do t[i] = ('row %d'):format(i) end\nt\n")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertLessThan(lines.count, 60, "at most about a screenful: \(lines.count) lines")
        XCTAssertTrue(
            outcome.stdout.contains("more lines; print(aws.inspect(value)) shows it all)"), outcome.stdout)
    }
}
