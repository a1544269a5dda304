// swift-tools-version:6.0
// Berth: a container engine for Linux that speaks Docker's Engine API.
import PackageDescription

/// berth-runtime is linked fully static, by lld, with its hot functions first
/// (Sources/berth-runtime/link-order.txt, made by scripts/profile-link-order):
/// it must start in a few milliseconds and stay under 4 MB resident.
let runtimeLinkerFlags = [
    "-static-executable", "-use-ld=lld",
    "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/berth-runtime/link-order.txt",
    "-Xlinker", "--no-warn-symbol-ordering",
]

/// One section per function, so the link order above can place each one.
let orderable: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections"])]

let package = Package(
    name: "Berth",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "berth-runtime", targets: ["berth-runtime"]),
        .executable(name: "berth-bench", targets: ["berth-bench"]),
        .executable(name: "berth-shim", targets: ["berth-shim"]),
        .executable(name: "berthd", targets: ["berthd"]),
        .executable(name: "berth", targets: ["berth"]),
        .executable(name: "berth-init", targets: ["berth-init"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // Syscalls Swift cannot call directly (variadic, macros, raw clone).
        .target(name: "CLinuxSys"),
        // Typed, EINTR-safe wrappers over the Linux syscalls Berth uses.
        .target(name: "LinuxSys", dependencies: ["CLinuxSys"], swiftSettings: orderable),
        // OCI runtime-spec / image-spec types and a Foundation-free JSON codec.
        .target(name: "OCI", swiftSettings: orderable),
        // The OCI runtime: namespaces, mounts, cgroups, capabilities.
        .target(name: "BerthRuntime", dependencies: ["OCI", "LinuxSys"], swiftSettings: orderable),
        // Debian's zlib and libzstd (zlib1g-dev, libzstd-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // Tar read/write, compression and safe extraction for image layers; Foundation-free.
        .target(name: "BerthArchive", dependencies: ["CLinuxSys", "CZlib", "CZstd"]),
        // Images: references, content store, layers (issue 3; grows here).
        .target(name: "BerthImage", dependencies: ["LinuxSys", "BerthArchive", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(
            name: "berth-runtime",
            dependencies: ["BerthRuntime"],
            exclude: ["link-order.txt"],
            linkerSettings: [.unsafeFlags(runtimeLinkerFlags)]
        ),
        // The per-container monitor: stdio, json-file logs, exit status, control socket; Foundation-free.
        .target(name: "BerthShim", dependencies: ["LinuxSys", "OCI"]),
        .executableTarget(name: "berth-shim", dependencies: ["BerthShim"],
                          linkerSettings: [.unsafeFlags(["-static-executable", "-use-ld=lld"])]),
        // Engine API HTTP server on a Unix socket: router, version prefixes, Docker errors, system routes.
        .target(name: "BerthAPI", dependencies: [
            "LinuxSys",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // berthd's logic: configuration, data-root lock, logging, signals, backend wiring.
        .target(name: "BerthDaemon", dependencies: [
            "BerthAPI", "LinuxSys", "BerthImage", "BerthArchive", "BerthStore", "BerthRuntime", "OCI",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "berthd", dependencies: [
            "BerthDaemon", "LinuxSys",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Engine API client over the Unix socket, for the berth CLI.
        .target(name: "BerthClient", dependencies: ["LinuxSys"]),
        // The berth CLI's commands, flags and output (docker's), over BerthClient.
        .target(name: "BerthCLI", dependencies: [
            "BerthClient", "LinuxSys", "OCI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "berth", dependencies: ["BerthCLI"]),
        // `docker run --init`'s PID 1 (bind-mounted at /sbin/docker-init): forwards signals, reaps zombies. C, linked
        // static by swiftc (which brings a static Swift runtime along; stripped and gc'd, it only costs disk).
        .executableTarget(name: "berth-init", linkerSettings: [.unsafeFlags(["-static-executable", "-Xlinker", "--gc-sections", "-Xlinker", "-s"])]),
        // berthd's metadata: one SQLite database (WAL, migrations) through GRDB.
        .target(name: "BerthStore", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // Library code paths on their own, for bench/ to time.
        .executableTarget(name: "berth-bench", dependencies: ["BerthArchive"]),
        .testTarget(name: "OCITests", dependencies: ["OCI"]),
        .testTarget(name: "BerthStoreTests", dependencies: ["BerthStore"]),
        .testTarget(name: "BerthClientTests", dependencies: ["BerthClient"]),
        // Unit tests of the CLI plus root tests driving the real `berth` binary against a real berthd.
        .testTarget(name: "BerthCLITests", dependencies: ["BerthCLI", "BerthClient", "BerthTestSupport"]),
        // Helpers shared by test targets (a raw HTTP client over Unix sockets).
        .target(name: "BerthTestSupport", path: "Tests/BerthTestSupport"),
        .testTarget(name: "BerthAPITests", dependencies: [
            "BerthAPI", "BerthTestSupport",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Starts the real berthd binary (beside the test runner, or $BERTHD) and drives it with /usr/local/bin/docker.
        .testTarget(name: "BerthDaemonTests", dependencies: ["BerthDaemon", "BerthAPI", "BerthTestSupport"]),
        // Unit tests need no root; the integration suites drive the real berth-shim and berth-runtime.
        .testTarget(name: "BerthShimTests", dependencies: ["BerthShim", "OCI", "LinuxSys", "BerthTestSupport"]),
        .testTarget(name: "BerthImageTests", dependencies: ["BerthImage", "BerthTestSupport", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "BerthArchiveTests", dependencies: ["BerthArchive", "CLinuxSys"]),
        .testTarget(name: "BerthRuntimeTests", dependencies: ["BerthRuntime", "OCI", "LinuxSys"]),
        // Root-only: real namespaces, mounts and cgroups through the berth-runtime binary.
        .testTarget(name: "BerthRuntimeIntegrationTests", dependencies: ["BerthRuntime", "OCI", "LinuxSys", "BerthTestSupport"]),
    ]
)
