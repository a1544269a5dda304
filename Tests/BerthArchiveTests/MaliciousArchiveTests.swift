import BerthArchive
import Foundation
import Testing

/// Hostile archives: whatever they try, nothing may appear outside the root.
@Suite struct MaliciousArchiveTests {
    /// A root, an empty sentinel directory beside it, and a victim file beside it.
    struct Scene {
        let temp: TemporaryDirectory
        let root: String
        let sentinel: String
        let victim: String

        init() throws {
            temp = try TemporaryDirectory()
            root = try temp.sub("root")
            sentinel = try temp.sub("outside")
            victim = temp.path + "/victim.txt"
            try Data("original".utf8).write(to: URL(fileURLWithPath: victim))
        }

        /// Asserts the sentinel is empty and the victim untouched.
        func expectContained(_ comment: Comment? = nil) {
            #expect(listTree(sentinel).isEmpty, comment)
            #expect(contents(victim) == Array("original".utf8), comment)
            #expect(lstatPath(victim)?.st_nlink == 1, comment)
            #expect(listTree(temp.path).allSatisfy { $0.hasPrefix("root") || $0 == "outside" || $0 == "victim.txt" }, comment)
        }
    }

    /// Extracts with the given policy; returns the thrown error, if any, and the report.
    static func extract(_ bytes: [UInt8], _ scene: Scene, policy: UnsafeEntryPolicy) -> (ExtractionError?, ExtractionReport?) {
        do {
            let report = try Archive.extract(bytes, into: scene.root, options: ExtractionOptions(unsafeEntries: policy))
            return (nil, report)
        } catch let error as ExtractionError {
            return (error, nil)
        } catch {
            Issue.record("unexpected \(error)")
            return (nil, nil)
        }
    }

    /// Archives written by a Python tarfile script (a second, independent writer).
    static func python(_ script: String) throws -> [UInt8] {
        let program = """
        import io, sys, tarfile
        buf = io.BytesIO()
        t = tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT)
        def add(name, type=tarfile.REGTYPE, link="", data=b""):
            i = tarfile.TarInfo(name); i.type = type; i.linkname = link; i.size = len(data)
            t.addfile(i, io.BytesIO(data))
        \(script)
        t.close()
        sys.stdout.buffer.write(buf.getvalue())
        """
        let out = try Data(run(["python3", "-c", program]).utf8)
        return Array(out)
    }

    @Test(arguments: ["../evil", "a/../../evil", "./../../outside/evil", "..", "../outside/"])
    func dotDotIsRejected(name: String) throws {
        let scene = try Scene()
        defer { scene.temp.remove() }
        let bytes = try Archive.write([(TarEntry(name: name), Array("pwned".utf8))])
        let (error, _) = Self.extract(bytes, scene, policy: .reject)
        guard case .escapesRoot(let entry, _) = error else { Issue.record("expected escapesRoot, got \(String(describing: error))"); return }
        #expect(entry == name)
        scene.expectContained()
        let (skipError, report) = Self.extract(bytes, scene, policy: .skip)
        #expect(skipError == nil)
        #expect(report?.warnings.count == 1)
        scene.expectContained()
    }

    @Test func pythonDotDotAndAbsoluteNames() throws {
        let scene = try Scene()
        defer { scene.temp.remove() }
        let bytes = try Self.python("""
        add("\(scene.sentinel)/abs", data=b"abs")
        add("../outside/rel", data=b"rel")
        """)
        let (error, _) = Self.extract(bytes, scene, policy: .reject)
        #expect(error == .escapesRoot(entry: "../outside/rel", path: "../outside/rel"))
        // The absolute name was neutralised: it landed inside the root.
        #expect(contents(scene.root + scene.sentinel + "/abs") == Array("abs".utf8))
        scene.expectContained()
    }

    @Test func absoluteNameIsStrippedWithAWarning() throws {
        let scene = try Scene()
        defer { scene.temp.remove() }
        let bytes = try Archive.write([(TarEntry(name: scene.victim), Array("pwned".utf8))])
        let (error, report) = Self.extract(bytes, scene, policy: .reject)
        #expect(error == nil)
        #expect(report?.warnings.first?.message.contains("leading") == true)
        #expect(contents(scene.root + scene.victim) == Array("pwned".utf8))
        scene.expectContained()
    }

    /// Symlinks planted by the archive, then written through.
    @Test(arguments: [
        ("/", "a/PLACEHOLDER/evil"),
        ("SENTINEL", "a/evil"),
        ("../../../../../../../..", "a/SENTINEL_REL/evil"),
        ("..", "a/outside/evil"),
    ])
    func plantedSymlinkCannotBeWrittenThrough(target: String, name: String) throws {
        let scene = try Scene()
        defer { scene.temp.remove() }
        let sentinelRelative = String(scene.sentinel.dropFirst())
        let link = target.replacingOccurrences(of: "SENTINEL", with: scene.sentinel)
        let path = name.replacingOccurrences(of: "PLACEHOLDER", with: sentinelRelative)
            .replacingOccurrences(of: "SENTINEL_REL", with: sentinelRelative)
        let bytes = try Archive.write([
            (TarEntry(name: "a", type: .symbolicLink, linkName: link), []),
            (TarEntry(name: path), Array("pwned".utf8)),
            (TarEntry(name: "a/dir/", type: .directory), []),
        ])
        _ = Self.extract(bytes, scene, policy: .reject)
        scene.expectContained("link \(link), name \(path)")
    }

    @Test func symlinkChainsToDotDot() throws {
        let scene = try Scene()
        defer { scene.temp.remove() }
        let bytes = try Self.python("""
        add("l1", tarfile.SYMTYPE, "..")
        add("l2", tarfile.SYMTYPE, "l1/..")
        add("l3", tarfile.SYMTYPE, "l2/../l1/../outside")
        add("l1/victim.txt", data=b"pwned")
        add("l2/outside/evil2", data=b"pwned")
        add("l3/evil", data=b"pwned")
        """)
        _ = Self.extract(bytes, scene, policy: .reject)
        scene.expectContained()
        #expect(contents(scene.root + "/victim.txt") == Array("pwned".utf8))
    }

    @Test func symlinkAlreadyInTheTree() throws {
        let scene = try Scene()
        defer { scene.temp.remove() }
        try FileManager.default.createSymbolicLink(atPath: scene.root + "/pre", withDestinationPath: scene.sentinel)
        try FileManager.default.createSymbolicLink(atPath: scene.root + "/leaf", withDestinationPath: scene.victim)
        // The dangling in-root target makes this fail with ENOENT; it must not reach the sentinel.
        let (error, _) = Self.extract(try Archive.write([(TarEntry(name: "pre/evil"), Array("pwned".utf8))]), scene, policy: .reject)
        #expect(error != nil || contents(scene.root + scene.sentinel + "/evil") != nil)
        scene.expectContained()
        _ = Self.extract(try Archive.write([(TarEntry(name: "leaf"), Array("pwned".utf8))]), scene, policy: .reject)
        scene.expectContained()
        // The leaf symlink was replaced by a regular file, not written through.
        #expect(contents(scene.root + "/leaf") == Array("pwned".utf8))
        #expect(lstatPath(scene.root + "/leaf").map { $0.st_mode & S_IFMT } == S_IFREG)
    }

    @Test(arguments: ["/etc/shadow", "/etc/passwd", "../victim.txt", "../../victim.txt", "VICTIM"])
    func hardLinkOutsideTheRoot(target: String) throws {
        let scene = try Scene()
        defer { scene.temp.remove() }
        let linkTarget = target == "VICTIM" ? scene.victim : target
        let passwdLinks = lstatPath("/etc/passwd")?.st_nlink
        let bytes = try Archive.write([
            (TarEntry(name: "h", type: .hardLink, linkName: linkTarget), []),
            (TarEntry(name: "h"), Array("pwned".utf8)),
        ])
        let (error, _) = Self.extract(bytes, scene, policy: .reject)
        guard case .badHardLinkTarget(let entry, _, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(entry == "h")
        #expect(lstatPath("/etc/passwd")?.st_nlink == passwdLinks)
        scene.expectContained()
        let (_, report) = Self.extract(bytes, scene, policy: .skip)
        #expect(report?.warnings.isEmpty == false)
        #expect(contents(scene.root + "/h") == Array("pwned".utf8))
        scene.expectContained()
    }

    @Test func hardLinkThroughAPlantedSymlink() throws {
        let scene = try Scene()
        defer { scene.temp.remove() }
        let bytes = try Archive.write([
            (TarEntry(name: "s", type: .symbolicLink, linkName: scene.victim), []),
            (TarEntry(name: "d", type: .symbolicLink, linkName: "/"), []),
            (TarEntry(name: "h1", type: .hardLink, linkName: "s"), []),
            (TarEntry(name: "h2", type: .hardLink, linkName: "d" + scene.victim), []),
            (TarEntry(name: "h1"), Array("pwned".utf8)),
        ])
        _ = Self.extract(bytes, scene, policy: .skip)
        scene.expectContained()
    }
}
