// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gluescript",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gluescript", targets: ["gluescript"]),
        .library(name: "Host", targets: ["Host"]),
        .library(name: "AWSCore", targets: ["AWSCore"]),
        .library(name: "Bindings", targets: ["Bindings"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLua", pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"]), .brew(["lua"])]),
        // Headers only: libcurl and libedit are opened with dlopen on first use (CCurlShims, CEditShims).
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
        .systemLibrary(
            name: "CEdit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "CShims", dependencies: ["CLua"]),
        .target(name: "CCurlShims", dependencies: ["CCurl"]),
        .target(name: "CEditShims", dependencies: ["CEdit"]),
        .target(name: "CModels"),
        .target(
            name: "Host", dependencies: ["CLua", "CShims", "CEditShims"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .target(
            name: "AWSCore",
            dependencies: [
                "CCurl", "CShims", "CCurlShims", "CModels", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .target(
            name: "Bindings", dependencies: ["Host", "AWSCore"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "gluescript", dependencies: ["Host", "Bindings", "CShims"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "embed-example", dependencies: ["Host"], path: "Examples/EmbedHost",
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .target(
            name: "TestPrerequisites", path: "Tests/TestPrerequisites",
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(
            name: "HostTests", dependencies: ["Host"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(
            name: "AWSCoreTests", dependencies: ["AWSCore", "TestPrerequisites"], exclude: ["Oracles"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(
            name: "BindingsTests", dependencies: ["Bindings", "Host", "AWSCore", "TestPrerequisites"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["gluescript", "TestPrerequisites"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
    ]
)
