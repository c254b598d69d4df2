/// A resolved setting and where it came from (`"AWS_REGION"`, `"profile \"dev\" in /home/me/.aws/config"`).
public struct ConfiguredValue<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var source: String

    public init(_ value: Value, source: String) {
        self.value = value
        self.source = source
    }
}
