import FoundationEssentials

extension AWSClient {
    /// Calls `operationName` with `input` and returns its output, or throws the service's
    /// error (with `service`, `operation`, `status`, `attempts` filled in).
    public func call(_ operationName: String, _ input: JSONValue, options: CallOptions = CallOptions()) throws
        -> JSONValue
    {
        var builder = JSONValueBuilder()
        builder.beginObject()
        try call(operationName, input, options: options, into: &builder)
        builder.endObject()
        return builder.result ?? .object([:])
    }

    /// Calls `operationName` with `input` and feeds its output to `builder`, as the members
    /// of an object the caller has begun; json and rest-json answers are read in one pass
    /// from their bytes. Errors are thrown as `call` throws them (a body that turns out to be
    /// invalid midway leaves the builder part-way).
    public func call<B: ResultBuilder>(
        _ operationName: String, _ input: JSONValue, options: CallOptions = CallOptions(), into builder: inout B
    ) throws {
        let operation = try self.operation(operationName)
        let prepared = try prepareInput(operation, input)
        let bucket = isS3 ? prepared["Bucket"]?.stringValue : nil
        let known = try endpoint(for: operation, prepared, region: bucket.flatMap { bucketRegions[$0] })
        do {
            let (response, attempts) = try send(operation, prepared, options: options, endpoint: known)
            try read(response, attempts: attempts, operation, options: options, into: &builder)
        } catch var error as AWSError {
            if let region = redirectRegion(for: error), region != known.signingRegion {
                debugLog?.note("bucket is in \(region): sending the request there")
                if let bucket { bucketRegions[bucket] = region }
                do {
                    let (response, attempts) = try send(
                        operation, prepared, options: options,
                        endpoint: endpoint(for: operation, prepared, region: region))
                    try read(response, attempts: attempts, operation, options: options, into: &builder)
                    return
                } catch let second as AWSError {
                    error = second
                }
            }
            error.service = serviceName
            error.operation = operation.name
            throw error
        }
    }

    /// The signed request `call` would send first, unsent, with every header it would carry
    /// (`Content-Length` and `User-Agent`, which the transport adds, included).
    public func buildRequest(_ operationName: String, _ input: JSONValue) throws -> HTTPRequest {
        let operation = try self.operation(operationName)
        let prepared = try prepareInput(operation, input)
        let endpoint = try endpoint(for: operation, prepared)
        let request = try unsignedRequest(operation, prepared, endpoint: endpoint)
        return try sign(request, operation: operation, endpoint: endpoint).withTransportHeaders(
            userAgent: (transport as? CurlTransport)?.userAgent ?? AWSClient.userAgent)
    }

    /// What `call` would return for `response`, or the error it would throw.
    public func parseResponse(_ operationName: String, _ response: HTTPResponse) throws -> JSONValue {
        let operation = try self.operation(operationName)
        if var error = wireProtocol.error(in: response, for: operation) {
            error.service = serviceName
            error.operation = operation.name
            if error.status == nil { error.status = response.status }
            throw error
        }
        return try wireProtocol.parseResponse(response, for: operation)
    }

    /// `parseResponse` fed to `builder`, as the members of an object the caller has begun.
    public func readResponse<B: ResultBuilder>(_ operationName: String, _ response: HTTPResponse, into builder: inout B)
        throws
    {
        let operation = try self.operation(operationName)
        if var error = wireProtocol.error(in: response, for: operation) {
            error.service = serviceName
            error.operation = operation.name
            if error.status == nil { error.status = response.status }
            throw error
        }
        try wireProtocol.readResponse(response, for: operation, extras: ResponseExtras(), into: &builder)
    }

    /// Input completed (idempotency tokens, S3's location constraint, policy documents given
    /// as tables, `ChecksumMode` except when presigning) and validated against the model.
    func prepareInput(_ operation: OperationModel, _ input: JSONValue, presigning: Bool = false) throws -> JSONValue {
        guard let shape = operation.input else {
            if case .object(let members) = input, !members.isEmpty {
                throw AWSError(
                    code: "ValidationError",
                    message:
                        "\(serviceName).\(operation.name) takes no parameters, got \(members.keys.joined(separator: ", "))"
                )
            }
            return .object([:])
        }
        var prepared = IdempotencyTokens.filled(InputNormalizer.normalize(input, shape: shape), shape: shape)
        prepared = try applyS3Defaults(operation, prepared)
        if !presigning { prepared = withChecksumMode(operation, prepared) }
        try InputValidator().validate(prepared, for: operation, service: serviceName)
        return prepared
    }

    /// The request for `input`, unsigned; `body` replaces the serialized body (a file, or a
    /// region of one for UploadPart) before the flexible checksum is computed over it.
    func unsignedRequest(
        _ operation: OperationModel, _ input: JSONValue, endpoint: ServiceEndpoint, body: HTTPRequest.Body? = nil,
        presigning: Bool = false
    ) throws -> HTTPRequest {
        var bound = operation
        if endpoint.fromRules && isS3 && bound.requestURI.hasPrefix("/{Bucket}") {
            bound.requestURI.removeFirst("/{Bucket}".count)
        }
        var request = try wireProtocol.request(bound, input: input, endpoint: endpoint.url)
        if !endpoint.fromRules && (model.metadata.signingService == "s3" || model.metadata.endpointPrefix == "s3") {
            request = try applyS3Addressing(request, input: input, endpoint: endpoint)
        }
        for header in endpoint.headers { request.setHeader(header.name, header.value) }
        if let body { request.body = body }
        let options = signingOptions(operation, endpoint: endpoint, body: request.body)
        try applyRequestChecksum(
            &request, operation, input, presigning: presigning,
            hashesPayload: !presigning && operation.authType != "none" && options.signBody && !options.unsignedPayload)
        return request
    }

    /// The header in which S3 requests carry their payload hash.
    static let payloadHashHeader = "X-Amz-Content-SHA256"

    /// How requests of `operation` to `endpoint` are signed: S3 sends a file body over https
    /// unhashed (`UNSIGNED-PAYLOAD`), sparing a read of the whole file.
    func signingOptions(_ operation: OperationModel, endpoint: ServiceEndpoint, body: HTTPRequest.Body)
        -> SigV4Signer.Options
    {
        var options = SigV4Signer.Options.forService(model.metadata.signingService)
        if options.signBody, endpoint.url.scheme == "https", case .file = body {
            options.unsignedPayload = true
        }
        if operation.authType == "v4-unsigned-body" { options.unsignedPayload = true }
        return options
    }

    /// `request` signed; a file body's payload hash already computed with its checksum
    /// (`applyRequestChecksum`) is used as it is rather than read again on every attempt.
    func sign(_ request: HTTPRequest, operation: OperationModel, endpoint: ServiceEndpoint) throws -> HTTPRequest {
        try ContentLengthCheck.verify(request, operation: operation)
        if operation.authType == "none" { return request }
        let options = signingOptions(operation, endpoint: endpoint, body: request.body)
        var signer = SigV4Signer(
            credentials: try credentials.credentials(), region: endpoint.signingRegion,
            service: endpoint.signingName ?? model.metadata.signingService, options: options)
        signer.regionSet = endpoint.signingRegionSet
        var known: String?
        if options.signBody, !options.unsignedPayload, case .file = request.body {
            known = request.header(Self.payloadHashHeader)
        }
        return try signer.signed(request, date: now(), bodySHA256: known).request
    }

    /// The answer to `operation`, after retries, with the attempts it took.
    private func send(_ operation: OperationModel, _ input: JSONValue, options: CallOptions, endpoint: ServiceEndpoint)
        throws -> (HTTPResponse, Int)
    {
        if let path = options.responseBodyPath { _ = try DownloadTarget(path) }
        let request = try unsignedRequest(operation, input, endpoint: endpoint, body: options.requestBody)
        var transfer = TransferOptions(
            connectTimeout: connectTimeout, readTimeout: readTimeout, responseBodyPath: options.responseBodyPath,
            caBundle: caBundle, progress: options.progress, isCancelled: isCancelled)
        transfer.responseBodyPath = options.responseBodyPath
        transfer.responseChecksumAlgorithms = responseChecksumAlgorithms(operation, input)
        return try withRetries(
            retryPolicy,
            { _ in
                if self.isCancelled() { throw AWSError(code: "Cancelled", message: "the call was interrupted") }
                return try self.transport.send(
                    try self.sign(request, operation: operation, endpoint: endpoint), options: transfer)
            },
            classify: { response in
                guard var error = self.wireProtocol.error(in: response, for: operation) else { return nil }
                if let region = response.header("x-amz-bucket-region") {
                    error.fields["BucketRegion"] = .string(region)
                }
                return error
            })
    }

    /// Feeds the output of a successful answer, with `ResponseMetadata` (and without the
    /// payload member when the body went to a file).
    private func read<B: ResultBuilder>(
        _ response: HTTPResponse, attempts: Int, _ operation: OperationModel, options: CallOptions,
        into builder: inout B
    ) throws {
        let extras = ResponseExtras(
            attempts: attempts, omitting: options.responseBodyPath != nil ? operation.output?.payload : nil,
            releasesBody: true)
        try wireProtocol.readResponse(response, for: operation, extras: extras, into: &builder)
    }
}
