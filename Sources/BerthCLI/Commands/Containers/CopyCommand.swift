import ArgumentParser
import Glibc
import LinuxSys
import OCI

/// `berth cp`: copy files between a container and the host through the
/// archive endpoints (tar bodies; the host's `tar` packs and unpacks), or
/// pass a tar through with `-` for stdin/stdout, as docker does.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cp", abstract: "Copy files/folders between a container and the local filesystem")

    @Flag(name: [.customShort("a"), .customLong("archive")], help: "Archive mode (copy all uid/gid information)") var archive = false
    @Flag(name: [.customShort("L"), .customLong("follow-link")], help: "Always follow symbol link in SRC_PATH") var followLink = false
    @Flag(name: [.customShort("q"), .long], help: "Suppress progress output during copy") var quiet = false
    @Argument(help: "SRC_PATH") var source: String
    @Argument(help: "DEST_PATH") var destination: String

    /// `container:path` → (container, path); a local path → nil.
    static func splitRemote(_ text: String) -> (String, String)? {
        if text.hasPrefix("/") || text.hasPrefix(".") { return nil }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let container = String(text[..<colon])
        if container.contains("/") { return nil }
        return (container, String(text[text.index(after: colon)...]))
    }

    func run() throws {
        let client = APIClient()
        switch (Self.splitRemote(source), Self.splitRemote(destination)) {
        case (let remote?, nil): try copyOut(client, container: remote.0, path: remote.1)
        case (nil, let remote?): try copyIn(client, container: remote.0, path: remote.1)
        case (.some, .some): throw CLIError("copying between containers is not supported")
        case (nil, nil): throw CLIError("must specify at least one container source")
        }
    }

    private func archivePath(_ container: String, _ path: String) -> (String, QueryString) {
        var query = QueryString()
        query.add("path", path.isEmpty ? "/" : path)
        return (APIClient.containerPath(container) + "/archive", query)
    }

    private func copyOut(_ client: APIClient, container: String, path: String) throws {
        let (endpoint, query) = archivePath(container, path)
        if destination == "-" {
            try StreamTransfer.download(client, endpoint, query: query, to: nil, what: "copy")
            return
        }
        let connection = try client.connection()
        let head = try connection.start("GET", client.prefix + endpoint + query.encoded)
        if head.status >= 400 {
            var response = head
            response.body = try connection.readRemainingBody()
            throw APIClient.daemonError(response)
        }
        let sourceName = Self.statName(head.header("X-Docker-Container-Path-Stat")) ?? Self.baseName(path)
        var targetDirectory = destination
        var arguments = ["tar", "-x", "-f", "-", "--no-same-owner"]
        if pathKind(destination) == .directory {
            targetDirectory = destination
        } else {
            if destination.hasSuffix("/") { throw CLIError("Error: destination directory \(destination) does not exist") }
            targetDirectory = Self.parentDirectory(destination)
            let newName = Self.baseName(destination)
            if newName != sourceName { arguments += ["--transform", "s|^\(Self.sedEscape(sourceName))|\(Self.sedReplacement(newName))|"] }
        }
        if archive { arguments.removeAll { $0 == "--no-same-owner" }; arguments.append("--same-owner") }
        arguments += ["-C", targetDirectory]
        let pipe = try makePipe()
        let tar = try Subprocess(arguments, stdin: pipe.read.rawValue)
        pipe.read.close()
        var failure: Error?
        do {
            while let part = try connection.readBodyPart() { try pipe.write.writeAll(part) }
        } catch { failure = error }
        pipe.write.close()
        let status = tar.wait()
        if let failure { throw CLIError("Error: \(failure)") }
        if status != 0 { throw CLIError("Error: extracting the archive failed (tar exited \(status))") }
    }

    private func copyIn(_ client: APIClient, container: String, path: String) throws {
        if source == "-" {
            let (endpoint, query) = archivePath(container, path)
            let response = try StreamTransfer.upload(client, "PUT", endpoint, query: query, from: .standardInput, contentType: "application/x-tar")
            try APIClient.check(response)
            return
        }
        guard pathKind(source) != .missing else { throw CLIError("lstat \(source): no such file or directory") }
        let sourceName = Self.baseName(source)
        var (endpoint, query) = archivePath(container, path)
        let head = try client.send("HEAD", endpoint, query: query)
        var entryName = sourceName
        var isDirectory = false
        if head.status == 200, let stat = Self.pathStat(head.header("X-Docker-Container-Path-Stat")) {
            let mode = stat["mode"]?.uint64Value ?? 0
            isDirectory = mode & 0x8000_0000 != 0
        } else if head.status == 404 {
            if path.hasSuffix("/") { throw CLIError("Error response from daemon: Could not find the file \(path) in container \(container)") }
        } else if head.status >= 400 {
            throw APIClient.daemonError(head)
        }
        if !isDirectory {
            entryName = Self.baseName(path)
            (endpoint, query) = archivePath(container, Self.parentDirectory(path))
        }
        query.add("noOverwriteDirNonDir", "true")
        var arguments = ["tar", "-c", "-f", "-", "-C", Self.parentDirectory(source)]
        if entryName != sourceName { arguments += ["--transform", "s|^\(Self.sedEscape(sourceName))|\(Self.sedReplacement(entryName))|"] }
        if !archive { arguments += ["--owner=0", "--group=0", "--numeric-owner"] }
        if followLink { arguments.append("--dereference") }
        arguments.append(sourceName)
        let pipe = try makePipe()
        let tar = try Subprocess(arguments, stdout: pipe.write.rawValue)
        pipe.write.close()
        defer { pipe.read.close() }
        let response = try StreamTransfer.upload(client, "PUT", endpoint, query: query, from: pipe.read, contentType: "application/x-tar")
        let status = tar.wait()
        try APIClient.check(response)
        if status != 0 { throw CLIError("Error: archiving \(source) failed (tar exited \(status))") }
    }

    static func pathStat(_ header: String?) -> JSONValue? {
        guard let header, let decoded = Base64.decode(header) else { return nil }
        return try? JSONParser.parse(decoded)
    }

    static func statName(_ header: String?) -> String? { pathStat(header)?["name"]?.stringValue }

    static func baseName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix("/.") { trimmed = trimmed.dropLast(2) }
        return trimmed.split(separator: "/").last.map(String.init) ?? "/"
    }

    static func parentDirectory(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    private static func sedReplacement(_ text: String) -> String {
        var out = ""
        for char in text {
            if "|\\&".contains(char) { out.append("\\") }
            out.append(char)
        }
        return out
    }

    private static func sedEscape(_ text: String) -> String {
        var out = ""
        for char in text {
            if "|\\.*[]^$&".contains(char) { out.append("\\") }
            out.append(char)
        }
        return out
    }
}

/// What is at a host path.
enum PathKind { case missing, directory, other }

/// stat(2) of a host path, reduced to what `cp` needs.
func pathKind(_ path: String) -> PathKind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    return info.st_mode & S_IFMT == S_IFDIR ? .directory : .other
}
