// swift-tools-version:6.0
// Berth: a container engine for Linux that speaks Docker's Engine API.
import PackageDescription

let package = Package(
    name: "Berth",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "berth-runtime", targets: ["berth-runtime"]),
    ],
    targets: [
        // Syscalls Swift cannot call directly (variadic, macros, raw clone).
        .target(name: "CLinuxSys"),
        // Typed, EINTR-safe wrappers over the Linux syscalls Berth uses.
        .target(name: "LinuxSys", dependencies: ["CLinuxSys"]),
        // OCI runtime-spec / image-spec types and a Foundation-free JSON codec.
        .target(name: "OCI"),
        // The OCI runtime: namespaces, mounts, cgroups, capabilities.
        .target(name: "BerthRuntime", dependencies: ["OCI", "LinuxSys"]),
        .executableTarget(
            name: "berth-runtime",
            dependencies: ["BerthRuntime"],
            linkerSettings: [.unsafeFlags(["-static-executable"])]
        ),
        .testTarget(name: "OCITests", dependencies: ["OCI"]),
        .testTarget(name: "BerthRuntimeTests", dependencies: ["BerthRuntime", "OCI", "LinuxSys"]),
        // Root-only: real namespaces, mounts and cgroups through the berth-runtime binary.
        .testTarget(name: "BerthRuntimeIntegrationTests", dependencies: ["BerthRuntime", "OCI", "LinuxSys"]),
    ]
)
