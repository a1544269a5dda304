import BerthClient
import Glibc
import LinuxSys

/// Moves large bodies between the daemon and files without holding them in
/// memory: downloads (export, save, cp out) to a file or stdout, uploads
/// (load, import, cp in) from a file or stdin.
enum StreamTransfer {
    /// GETs `path` and writes the body to `output` (a file path) or stdout;
    /// like docker, refuses to write binary data to a terminal.
    static func download(_ client: APIClient, _ path: String, query: QueryString = QueryString(), to output: String?, what: String) throws {
        if output == nil, isatty(1) == 1 {
            throw CLIError("Error: cowardly refusing to save to a terminal. Use the -o flag or redirect")
        }
        let connection = try client.connection()
        let head = try connection.start("GET", client.prefix + path + query.encoded)
        if head.status >= 400 {
            var response = head
            response.body = try connection.readRemainingBody()
            throw APIClient.daemonError(response)
        }
        let target: FileDescriptor
        if let output {
            do { target = try FileDescriptor.open(output + ".berth-tmp", O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600) } catch {
                throw CLIError("failed to \(what): \(error)")
            }
        } else {
            target = .standardOutput
        }
        do {
            while let part = try connection.readBodyPart() { try target.writeAll(part) }
        } catch {
            if let output { target.close(); unlink(output + ".berth-tmp") }
            throw CLIError("failed to \(what): \(error)")
        }
        if let output {
            target.close()
            if rename(output + ".berth-tmp", output) != 0 { throw CLIError("failed to \(what): rename \(output)") }
        }
    }

    /// Opens `input` (a path, or stdin for nil/`-`) for an upload.
    static func openInput(_ input: String?) throws -> (FileDescriptor, close: Bool) {
        guard let input, input != "-" else { return (.standardInput, false) }
        do { return (try FileDescriptor.open(input, O_RDONLY), true) } catch {
            throw CLIError("open \(input): no such file or directory")
        }
    }

    /// Sends `source` as a chunked request body and returns the response, body read.
    static func upload(
        _ client: APIClient, _ method: String, _ path: String, query: QueryString, from source: FileDescriptor, contentType: String
    ) throws -> EngineResponse {
        let connection = try client.newConnection()
        var response = try connection.start(method, client.prefix + path + query.encoded, body: .stream(source),
                                            headers: [("Content-Type", contentType)])
        response.body = try connection.readRemainingBody()
        return response
    }
}
