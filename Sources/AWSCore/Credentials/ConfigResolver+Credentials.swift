extension ConfigResolver {
    /// The providers of the default credential chain, in botocore's order: explicit credentials,
    /// environment (skipped when the profile was chosen explicitly, as the AWS CLI's `--profile`
    /// does), shared credentials file, `credential_process`, config file, container, instance
    /// metadata. A provider for assume-role profiles belongs right after the environment one,
    /// then the sign-in providers (web identity, IAM Identity Center).
    public func defaultCredentialProviders(
        httpClient: CredentialHTTPClient, assumeRole: CredentialsProvider? = nil, signIn: [CredentialsProvider] = []
    ) -> [CredentialsProvider] {
        var providers: [CredentialsProvider] = []
        if let credentials = overrides.credentials {
            providers.append(StaticCredentialsProvider(credentials))
        }
        if !profileIsExplicit {
            providers.append(EnvironmentCredentialsProvider(environment: environment))
        }
        if let assumeRole { providers.append(assumeRole) }
        providers += signIn
        providers.append(
            ProfileCredentialsProvider(file: .credentials, files: files, profileName: profileName.value))
        providers.append(ProcessCredentialsProvider(files: files, profileName: profileName.value))
        providers.append(
            ProfileCredentialsProvider(file: .config, files: files, profileName: profileName.value))
        providers.append(ContainerCredentialsProvider(environment: environment, client: httpClient))
        providers.append(InstanceMetadataCredentialsProvider(resolver: self, client: httpClient))
        return providers
    }

    /// The default credential chain for this configuration.
    public func credentialChain(
        httpClient: CredentialHTTPClient, assumeRole: CredentialsProvider? = nil, signIn: [CredentialsProvider] = []
    ) -> CredentialProviderChain {
        CredentialProviderChain(
            providers: defaultCredentialProviders(httpClient: httpClient, assumeRole: assumeRole, signIn: signIn))
    }
}
