extension ConfigResolver {
    /// The one provider an assume-role profile's `credential_source` names, as botocore's
    /// canonical names go: `Environment`, `Ec2InstanceMetadata` or `EcsContainer` (in any
    /// case). Only that source is asked; when it has nothing the error says so. Any other name
    /// is an error naming the setting and the profile.
    public func credentialSourceProvider(named name: String, httpClient: CredentialHTTPClient) throws
        -> CredentialsProvider
    {
        let provider: CredentialsProvider
        switch name.lowercased() {
        case "environment": provider = EnvironmentCredentialsProvider(environment: environment)
        case "ec2instancemetadata": provider = InstanceMetadataCredentialsProvider(resolver: self, client: httpClient)
        case "ecscontainer": provider = ContainerCredentialsProvider(environment: environment, client: httpClient)
        default:
            throw AWSError(
                code: "InvalidConfiguration",
                message:
                    "credential_source \"\(name)\" in \(profileDescription) is not valid: "
                    + "use Environment, Ec2InstanceMetadata or EcsContainer")
        }
        return NamedSourceCredentialsProvider(wrapped: provider, name: name, profile: profileDescription)
    }
}

/// The provider a `credential_source` names, whose "nothing here" is an error rather than a
/// reason to look elsewhere.
struct NamedSourceCredentialsProvider: CredentialsProvider {
    let wrapped: CredentialsProvider
    let name: String
    let profile: String

    var source: String { wrapped.source }

    func credentials() throws -> Credentials {
        do {
            return try wrapped.credentials()
        } catch CredentialsProviderError.notFound(let reason) {
            throw AWSError(
                code: "CredentialRetrievalError",
                message: "credential_source \(name) of \(profile) has no credentials: \(reason)")
        }
    }
}
