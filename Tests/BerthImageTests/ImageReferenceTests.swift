@testable import BerthImage
import Testing

/// Guards reference parsing: Docker's normalisation (docker.io, library/,
/// latest), registries with ports, digests, and Docker's wording for bad names.
@Suite struct ImageReferenceTests {
    static let digest = "sha256:" + String(repeating: "ab", count: 32)

    @Test(arguments: [
        ("busybox", "docker.io/library/busybox:latest", "busybox:latest"),
        ("busybox:1.36", "docker.io/library/busybox:1.36", "busybox:1.36"),
        ("library/busybox", "docker.io/library/busybox:latest", "busybox:latest"),
        ("docker.io/library/busybox:latest", "docker.io/library/busybox:latest", "busybox:latest"),
        ("index.docker.io/foo/bar", "docker.io/foo/bar:latest", "foo/bar:latest"),
        ("user/app:v1", "docker.io/user/app:v1", "user/app:v1"),
        ("localhost:5000/app", "localhost:5000/app:latest", "localhost:5000/app:latest"),
        ("localhost/app", "localhost/app:latest", "localhost/app:latest"),
        ("127.0.0.1:5000/a/b/c:tag", "127.0.0.1:5000/a/b/c:tag", "127.0.0.1:5000/a/b/c:tag"),
        ("[::1]:5000/app:t", "[::1]:5000/app:t", "[::1]:5000/app:t"),
        ("registry.example.com/ns/app_x.y-z__w--v:1.0-rc_1", "registry.example.com/ns/app_x.y-z__w--v:1.0-rc_1",
         "registry.example.com/ns/app_x.y-z__w--v:1.0-rc_1"),
        ("busybox@" + digest, "docker.io/library/busybox@" + digest, "busybox@" + digest),
        ("busybox:1@" + digest, "docker.io/library/busybox:1@" + digest, "busybox:1@" + digest),
    ])
    func parsesAndNormalises(input: String, canonical: String, familiar: String) throws {
        let reference = try ImageReference.parse(input)
        #expect(reference.description == canonical)
        #expect(reference.familiarString == familiar)
    }

    @Test(arguments: [
        ("", "invalid reference format"),
        ("Busybox", "invalid reference format: repository name (library/Busybox) must be lowercase"),
        ("user/App:v1", "invalid reference format: repository name (user/App) must be lowercase"),
        ("busybox:", "invalid reference format"),
        ("busybox::tag", "invalid reference format"),
        ("-busybox", "invalid reference format"),
        ("busybox-", "invalid reference format"),
        ("a//b", "invalid reference format"),
        ("busybox@sha256:abc", "invalid reference format"),
        (":tag", "invalid reference format"),
        ("busy box", "invalid reference format"),
        ("busybox:" + String(repeating: "t", count: 129), "invalid reference format"),
        ("localhost:port/app", "invalid reference format"),
        (String(repeating: "a", count: 64), "invalid repository name, cannot specify 64-byte hexadecimal strings"),
    ])
    func rejectsWithDockersWords(input: String, message: String) {
        #expect(throws: ReferenceError(message)) { try ImageReference.parse(input) }
    }

    @Test func tagDefaultsOnlyWhenAsked() throws {
        #expect(try ImageReference.parse("busybox", defaultingTag: false).tag == nil)
        #expect(try ImageReference.parse("busybox").withTag("x").familiarString == "busybox:x")
        #expect(try ImageReference.parse("user/app").familiarRepository == "user/app")
    }
}
