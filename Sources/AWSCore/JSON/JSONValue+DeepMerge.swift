extension JSONValue {
    /// This value with `extra` merged in as botocore's `deep_merge` does: where both sides
    /// hold an object under the same key the objects are merged, otherwise `extra`'s value wins.
    func deepMerged(with extra: JSONValue) -> JSONValue {
        guard case .object(var base) = self, case .object(let additions) = extra else { return extra }
        for (key, value) in additions {
            if let existing = base[key], existing.objectValue != nil, value.objectValue != nil {
                base[key] = existing.deepMerged(with: value)
            } else {
                base[key] = value
            }
        }
        return .object(base)
    }
}
