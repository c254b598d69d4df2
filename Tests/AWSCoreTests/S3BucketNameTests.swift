import XCTest

@testable import AWSCore

/// boto3's bucket name rule (botocore's VALID_BUCKET and VALID_S3_ARN); the expected answers
/// were taken from botocore.handlers.
final class S3BucketNameTests: XCTestCase {
    func testNamesAndARNsAsBotocoreJudgesThem() {
        let cases: [(String, Bool)] = [
            ("my-bucket", true), ("My_Bucket.1", true), ("s3://my-bucket/raw", false), ("my-bucket/raw", false),
            (String(repeating: "a", count: 255), true), (String(repeating: "a", count: 256), false), ("", false),
            ("bucket name", false), ("arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap", true),
            ("arn:aws-cn:s3-object-lambda:cn-north-1:123456789012:accesspoint:ap.1", true),
            ("arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-01234567890123456/accesspoint/ap", true),
            ("arn:aws:s3:us-east-1:12345:accesspoint/x", false), ("arn:aws:s3:::my-bucket", false), ("ünï", false),
        ]
        for (name, valid) in cases {
            XCTAssertEqual(
                S3BucketName.isPlainName(name) || S3BucketName.isAccessPointARN(name), valid, "\(name.prefix(60))")
        }
    }

    func testAnS3URLGetsTheFix() {
        XCTAssertThrowsError(try S3BucketName.check("s3://my-bucket/raw/", service: "s3", operation: "PutObject")) {
            let error = $0 as? AWSError
            XCTAssertEqual(error?.code, "ValidationError")
            XCTAssertEqual(
                error?.message,
                "Invalid parameters for s3.PutObject: Bucket: invalid bucket name \"s3://my-bucket/raw/\": a bucket "
                    + "name has only letters, digits, '.', '-' and '_' (1 to 255), or is an access point ARN; for "
                    + "\"s3://my-bucket/raw/\" give Bucket = \"my-bucket\" and put \"raw/\" in front of the key")
        }
        XCTAssertNoThrow(try S3BucketName.check("my-bucket", service: "s3", operation: "PutObject"))
    }
}
