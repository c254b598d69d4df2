/// Calls one AWS operation: the operation's input in, its output out.
///
/// Paginators and waiters drive an operation through this closure, so they work with any
/// client (or a fake one in tests). A service error is thrown as an `AWSError` whose `code`
/// and `status` waiters match on. A success output may carry
/// `ResponseMetadata.HTTPStatusCode` (as botocore's do); when it does not, waiters take the
/// status to be 200.
public typealias OperationCall = (JSONValue) throws -> JSONValue
