import OrderedCollections

/// The query protocol of IAM and STS (`metadata.protocol == "query"`), and EC2's variant of it
/// (`ec2`).
///
/// Requests are `POST`s of a form (`Action=Op&Version=apiVersion&...`) to the endpoint's
/// path, fields named as `QueryFormEncoder` describes. Responses are
/// `<OpResponse><OpResult>...</OpResult><ResponseMetadata>...` and are read from the
/// result wrapper by `XMLShapeDecoder`, with `ResponseMetadata` (`RequestId`,
/// `HTTPStatusCode`) added as boto3 does and IAM's URL-encoded policy documents decoded.
/// An empty body is an empty result.
/// Errors are `<ErrorResponse>` bodies, read by `QueryErrorParser`.
public struct QueryProtocol: AWSProtocol {
    public static let contentType = "application/x-www-form-urlencoded; charset=utf-8"

    /// The API version sent as `Version` (`2010-05-08` for IAM).
    public var apiVersion: String
    /// Named in errors (`AWSError.service`).
    public var serviceID: String?

    /// Speaks the `ec2` variant: fields named as `QueryFormEncoder` describes for it, answers
    /// without a result wrapper, `requestId` at their root.
    public var ec2 = false

    public init(apiVersion: String, serviceID: String? = nil, ec2: Bool = false) {
        self.apiVersion = apiVersion
        self.serviceID = serviceID
        self.ec2 = ec2
    }

    public init(metadata: ServiceMetadata, ec2: Bool = false) {
        self.init(apiVersion: metadata.apiVersion, serviceID: metadata.serviceID, ec2: ec2)
    }

    public func buildRequest(_ operation: OperationModel, input: JSONValue, endpoint: AWSURL) throws -> HTTPRequest {
        let body = Array(try formBody(operation, input: input).utf8)
        return HTTPRequest(
            method: "POST", url: endpoint.description,
            headers: [("Content-Type", QueryProtocol.contentType)], body: .bytes(body))
    }

    /// The form body: `Action` and `Version`, then the input's fields, keys and values
    /// percent-encoded (RFC 3986, as botocore does).
    public func formBody(_ operation: OperationModel, input: JSONValue) throws -> String {
        var encoder = QueryFormEncoder(ec2: ec2)
        if let shape = operation.input { try encoder.encode(input, as: shape) }
        let fields = [("Action", operation.name), ("Version", apiVersion)] + encoder.fields.map { ($0.key, $0.value) }
        return fields.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
    }

    public func error(in response: HTTPResponse, for operation: OperationModel) -> AWSError? {
        guard response.status >= 300 else { return nil }
        var error = QueryErrorParser.error(in: response, operation: operation)
        error.service = serviceID
        return error
    }

    public func parseResponse(_ response: HTTPResponse, for operation: OperationModel) throws -> JSONValue {
        let root: XMLElement
        do {
            guard response.body.contains(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) else {
                return .object(["ResponseMetadata": Self.metadata(of: nil, response)])
            }
            root = try XMLElement(parsing: response.body)
        } catch var error as AWSError {
            error.message = "the \(operation.name) response is not XML: " + error.message
            error.status = response.status
            error.service = serviceID
            error.operation = operation.name
            throw error
        }
        var output: OrderedDictionary<String, JSONValue> = [:]
        if let shape = operation.output {
            var start: XMLElement? = root
            if let wrapper = operation.resultWrapper { start = root.child(wrapper) }
            if let start {
                let decoder = XMLShapeDecoder(decodesPolicyDocuments: true)
                output = try decoder.decode(start, as: shape).objectValue ?? [:]
            }
        }
        output["ResponseMetadata"] = Self.metadata(of: root, response)
        return .object(output)
    }

    /// `ResponseMetadata`: the body's (`RequestId`), else the request id header, and the status.
    private static func metadata(of root: XMLElement?, _ response: HTTPResponse) -> JSONValue {
        var metadata: OrderedDictionary<String, JSONValue> = [:]
        for child in root?.child("ResponseMetadata")?.children ?? [] { metadata[child.localName] = .string(child.text) }
        if metadata["RequestId"] == nil, let id = root?.childText("requestId") { metadata["RequestId"] = .string(id) }
        if metadata["RequestId"] == nil,
            let id = response.header("x-amzn-requestid") ?? response.header("x-amz-request-id")
        {
            metadata["RequestId"] = .string(id)
        }
        metadata["HTTPStatusCode"] = .integer(Int64(response.status))
        return .object(metadata)
    }
}
