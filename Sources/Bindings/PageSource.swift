import AWSCore

/// Where a page's answer is read from: a call made now (`PageCall`), or an answer
/// `CallScheduler` brought inside `aws.parallel` (`CallAnswer`). Both feed a builder the
/// members a plain call would, with `ResponseMetadata`.
protocol PageSource {
    func read<B: ResultBuilder>(into builder: inout B) throws
}

extension CallAnswer: PageSource {}

/// The call for a page, made when it is read.
struct PageCall: PageSource {
    let client: AWSClient
    let operation: String
    let input: JSONValue

    func read<B: ResultBuilder>(into builder: inout B) throws {
        try client.call(operation, input, into: &builder)
    }
}
