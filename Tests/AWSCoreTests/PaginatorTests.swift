import XCTest

@testable import AWSCore

/// A fake service answering from a list of pages keyed by the token it was sent.
private final class FakePages {
    var requests: [JSONValue] = []
    let answer: (JSONValue) throws -> JSONValue
    init(_ answer: @escaping (JSONValue) throws -> JSONValue) { self.answer = answer }
    func call(_ input: JSONValue) throws -> JSONValue {
        requests.append(input)
        return try answer(input)
    }
}

private func json(_ text: String) -> JSONValue {
    (try? JSONDecoding.decode(text)) ?? .null
}

private func strings(_ value: JSONValue?) -> [String] {
    value?.arrayValue?.compactMap(\.stringValue) ?? []
}

/// Glue-style: NextToken in, NextToken out, 3 pages of items a..g.
private let glueStyle = json(
    #"{"input_token": "NextToken", "output_token": "NextToken", "limit_key": "MaxResults", "result_key": "Items", "non_aggregate_keys": ["Owner"]}"#
)

private func glueService() -> FakePages {
    let pages: [String: String] = [
        "": #"{"Items": ["a", "b", "c"], "Owner": "me", "NextToken": "t1"}"#,
        "t1": #"{"Items": ["d", "e"], "Owner": "other", "NextToken": "t2"}"#,
        "t2": #"{"Items": ["f", "g"], "Owner": "third"}"#,
    ]
    return FakePages { input in json(pages[input["NextToken"]?.stringValue ?? ""] ?? "{}") }
}

final class PaginatorTests: XCTestCase {
    func testFollowsTokensUntilTheLastPage() throws {
        let service = glueService()
        let paginator = try Paginator(
            definition: glueStyle, input: json(#"{"DatabaseName": "db"}"#), call: service.call)
        var items: [String] = []
        while let page = try paginator.nextPage() { items += strings(page["Items"]) }
        XCTAssertEqual(items, ["a", "b", "c", "d", "e", "f", "g"])
        XCTAssertEqual(service.requests.map { $0["NextToken"]?.stringValue }, [nil, "t1", "t2"])
        XCTAssertEqual(service.requests.last?["DatabaseName"], .string("db"))
        XCTAssertNil(paginator.nextToken)
        XCTAssertNil(try paginator.nextPage())
    }

    func testCollectJoinsPagesAndKeepsTheFirstPagesNonAggregateKeys() throws {
        let paginator = try Paginator(definition: glueStyle, input: .null, call: glueService().call)
        let all = try paginator.collect()
        XCTAssertEqual(strings(all["Items"]), ["a", "b", "c", "d", "e", "f", "g"])
        XCTAssertEqual(all["Owner"], .string("me"))
        XCTAssertNil(all["NextToken"])
    }

    func testMaxItemsCutsAPageShortAndTheTokenResumesThere() throws {
        let first = try Paginator(
            definition: glueStyle, input: .null, options: PaginationOptions(maxItems: 4), call: glueService().call)
        let part = try first.collect()
        XCTAssertEqual(strings(part["Items"]), ["a", "b", "c", "d"])
        let token = try XCTUnwrap(part["NextToken"]?.stringValue)
        XCTAssertEqual(first.nextToken, token)

        let service = glueService()
        let rest = try Paginator(
            definition: glueStyle, input: .null, options: PaginationOptions(maxItems: 2, startingToken: token),
            call: service.call)
        let next = try rest.collect()
        XCTAssertEqual(strings(next["Items"]), ["e", "f"])
        XCTAssertEqual(service.requests.first?["NextToken"], .string("t1"), "resumes by asking for the cut page again")

        let last = try Paginator(
            definition: glueStyle, input: .null,
            options: PaginationOptions(startingToken: try XCTUnwrap(next["NextToken"]?.stringValue)),
            call: glueService().call)
        XCTAssertEqual(strings(try last.collect()["Items"]), ["g"])
    }

    func testMaxItemsOnAPageBoundaryGivesTheNextPagesToken() throws {
        let paginator = try Paginator(
            definition: glueStyle, input: .null, options: PaginationOptions(maxItems: 3), call: glueService().call)
        let part = try paginator.collect()
        XCTAssertEqual(strings(part["Items"]), ["a", "b", "c"])
        let resumed = try Paginator(
            definition: glueStyle, input: .null,
            options: PaginationOptions(startingToken: try XCTUnwrap(part["NextToken"]?.stringValue)),
            call: glueService().call)
        XCTAssertEqual(strings(try resumed.collect()["Items"]), ["d", "e", "f", "g"])
    }

    func testTokensAreBotocoresEncoding() throws {
        let paginator = try Paginator(
            definition: glueStyle, input: .null, options: PaginationOptions(maxItems: 4), call: glueService().call)
        _ = try paginator.collect()
        let token = try XCTUnwrap(paginator.nextToken)
        let decoded = try JSONDecoding.decode(try XCTUnwrap(Base64.decode(token)))
        XCTAssertEqual(decoded, json(#"{"NextToken": "t1", "boto_truncate_amount": 1}"#))

        // a token as boto3 writes it (json.dumps spacing) resumes too
        let boto3Token = Base64.encode(Array(#"{"NextToken": "t2", "boto_truncate_amount": 1}"#.utf8))
        let resumed = try Paginator(
            definition: glueStyle, input: .null, options: PaginationOptions(startingToken: boto3Token),
            call: glueService().call)
        XCTAssertEqual(strings(try resumed.collect()["Items"]), ["g"])
    }

    func testBadStartingTokenIsAPaginationError() {
        let foreign = Base64.encode(Array(#"{"Marker": "x"}"#.utf8))
        XCTAssertThrowsError(
            try Paginator(
                definition: glueStyle, input: .null, options: PaginationOptions(startingToken: foreign),
                call: glueService().call)
        ) { error in
            XCTAssertEqual((error as? AWSError)?.code, "PaginationError")
            XCTAssertTrue((error as? AWSError)?.message.contains("Marker") ?? false)
        }
    }

    func testPageSizeSetsTheLimitKey() throws {
        let service = glueService()
        let paginator = try Paginator(
            definition: glueStyle, input: .null, options: PaginationOptions(pageSize: 25), call: service.call)
        _ = try paginator.collect()
        XCTAssertEqual(service.requests.map { $0["MaxResults"] }, Array(repeating: .integer(25), count: 3))

        let noLimit = json(#"{"input_token": "Marker", "output_token": "Marker", "result_key": "Items"}"#)
        XCTAssertThrowsError(
            try Paginator(
                definition: noLimit, input: .null, options: PaginationOptions(pageSize: 5), call: service.call)
        ) { XCTAssertEqual(($0 as? AWSError)?.code, "PaginationError") }
    }

    func testARepeatedTokenStopsWithAnErrorAfterReturningThePage() throws {
        let service = FakePages { input in
            input["NextToken"] == nil
                ? json(#"{"Items": [1], "NextToken": "same"}"#) : json(#"{"Items": [2], "NextToken": "same"}"#)
        }
        let paginator = try Paginator(definition: glueStyle, input: .null, call: service.call)
        XCTAssertNotNil(try paginator.nextPage())
        XCTAssertNotNil(try paginator.nextPage())
        XCTAssertThrowsError(try paginator.nextPage()) { error in
            XCTAssertEqual((error as? AWSError)?.code, "PaginationError")
        }
        XCTAssertEqual(service.requests.count, 2)
    }

    func testMoreResultsFalseEndsEvenWithAToken() throws {
        let definition = json(
            #"{"input_token": "Marker", "output_token": "Marker", "more_results": "IsTruncated", "result_key": "Roles"}"#
        )
        let service = FakePages { input in
            input["Marker"] == nil
                ? json(#"{"Roles": ["r1"], "IsTruncated": true, "Marker": "m1"}"#)
                : json(#"{"Roles": ["r2"], "IsTruncated": false, "Marker": "m2"}"#)
        }
        let all = try Paginator(definition: definition, input: .null, call: service.call).collect()
        XCTAssertEqual(strings(all["Roles"]), ["r1", "r2"])
        XCTAssertEqual(service.requests.count, 2)
    }

    func testAnEmptyOutputTokenEnds() throws {
        let service = FakePages { _ in json(#"{"Items": ["x"], "NextToken": ""}"#) }
        let all = try Paginator(definition: glueStyle, input: .null, call: service.call).collect()
        XCTAssertEqual(strings(all["Items"]), ["x"])
        XCTAssertEqual(service.requests.count, 1)
    }

    func testListResultKeysAndSeveralTokens() throws {
        let definition = json(
            #"{"more_results": "IsTruncated", "limit_key": "MaxKeys", "output_token": ["NextKeyMarker", "NextVersionIdMarker"], "input_token": ["KeyMarker", "VersionIdMarker"], "result_key": ["Versions", "DeleteMarkers", "CommonPrefixes"]}"#
        )
        let service = FakePages { input in
            switch (input["KeyMarker"]?.stringValue, input["VersionIdMarker"]?.stringValue) {
            case (nil, nil):
                return json(
                    #"{"Versions": ["k1v1", "k1v2"], "DeleteMarkers": ["d1"], "IsTruncated": true, "NextKeyMarker": "k1", "NextVersionIdMarker": "v2"}"#
                )
            case ("k1", "v2"):
                return json(#"{"Versions": ["k2v1"], "CommonPrefixes": ["p/"], "IsTruncated": false}"#)
            default:
                return json(#"{"IsTruncated": false}"#)
            }
        }
        let all = try Paginator(definition: definition, input: .null, call: service.call).collect()
        XCTAssertEqual(strings(all["Versions"]), ["k1v1", "k1v2", "k2v1"])
        XCTAssertEqual(strings(all["DeleteMarkers"]), ["d1"])
        XCTAssertEqual(strings(all["CommonPrefixes"]), ["p/"])
        XCTAssertEqual(service.requests.count, 2)
    }

    func testS3ListObjectsOutputTokenFallsBackToTheLastKey() throws {
        let definition = json(
            #"{"more_results": "IsTruncated", "limit_key": "MaxKeys", "output_token": "NextMarker || Contents[-1].Key", "input_token": "Marker", "result_key": ["Contents", "CommonPrefixes"]}"#
        )
        let service = FakePages { input in
            input["Marker"] == nil
                ? json(#"{"Contents": [{"Key": "a"}, {"Key": "b"}], "IsTruncated": true}"#)
                : json(#"{"Contents": [{"Key": "c"}], "IsTruncated": false}"#)
        }
        let all = try Paginator(definition: definition, input: .null, call: service.call).collect()
        XCTAssertEqual(all["Contents"]?.arrayValue?.compactMap { $0["Key"]?.stringValue }, ["a", "b", "c"])
        XCTAssertEqual(service.requests.last?["Marker"], .string("b"))
    }

    func testResumingEmptiesTheSecondaryResultKeysOfTheCutPage() throws {
        let definition = json(
            #"{"input_token": "ContinuationToken", "output_token": "NextContinuationToken", "more_results": "IsTruncated", "result_key": ["Contents", "CommonPrefixes"]}"#
        )
        let service = FakePages { _ in
            json(#"{"Contents": ["a", "b", "c"], "CommonPrefixes": ["p/"], "IsTruncated": false}"#)
        }
        let first = try Paginator(
            definition: definition, input: .null, options: PaginationOptions(maxItems: 2), call: service.call)
        let part = try first.collect()
        XCTAssertEqual(strings(part["Contents"]), ["a", "b"])
        XCTAssertEqual(strings(part["CommonPrefixes"]), ["p/"])
        let rest = try Paginator(
            definition: definition, input: .null,
            options: PaginationOptions(startingToken: try XCTUnwrap(part["NextToken"]?.stringValue)), call: service.call
        ).collect()
        XCTAssertEqual(strings(rest["Contents"]), ["c"])
        XCTAssertEqual(strings(rest["CommonPrefixes"]), [])
    }

    func testADefinitionWithoutTokensIsInvalid() {
        XCTAssertThrowsError(try PaginatorDefinition(json(#"{"result_key": "Items"}"#))) {
            XCTAssertEqual(($0 as? AWSError)?.code, "InvalidPaginator")
        }
        XCTAssertThrowsError(
            try PaginatorDefinition(json(#"{"input_token": "A", "output_token": "B[", "result_key": "Items"}"#))
        ) {
            XCTAssertEqual(($0 as? AWSError)?.code, "InvalidPaginator")
        }
    }
}
