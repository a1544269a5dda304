import OCI

/// `POST /containers/create` for run and create, with docker's behaviour for a
/// missing image (say so, try a pull, create again) and its `berth: …` errors
/// with exit status 125.
struct ContainerCreator {
    let client: APIClient
    let commandName: String

    /// Creates the container and returns its ID; prints the daemon's warnings.
    func create(body: JSONValue, name: String?, image: String, pull: String) throws -> String {
        var query = QueryString()
        if let name { query.add("name", name) }
        var response = try client.send("POST", "/containers/create", query: query, body: body)
        if response.status == 404, pull != "never", APIClient.daemonError(response).message.lowercased().contains("no such image") {
            Output.error("Unable to find image '\(Self.normalized(image))' locally")
            try pullImage(image)
            response = try client.send("POST", "/containers/create", query: query, body: body)
        }
        if response.status >= 400 { throw failure(APIClient.daemonError(response).description) }
        let created = try APIClient.decode(response.body)
        for warning in created["Warnings"]?.arrayValue ?? [] {
            if let text = warning.stringValue { Output.error("WARNING: \(text)") }
        }
        guard let id = created["Id"]?.stringValue else { throw failure("Error response from daemon: no container ID in the response") }
        return id
    }

    /// The error docker prints for a failed run/create, with status 125 (or the given one).
    func failure(_ text: String, exitCode: Int32 = 125) -> CLIError {
        CLIError("berth: \(text)\n\nRun 'berth \(commandName) --help' for more information", exitCode: exitCode)
    }

    private func pullImage(_ image: String) throws {
        let (repository, tag) = Self.splitReference(image)
        var query = QueryString()
        query.add("fromImage", repository)
        query.add("tag", tag)
        let connection = try client.connection()
        let head = try connection.start("POST", client.prefix + "/images/create" + query.encoded, headers: [("X-Registry-Auth", "e30=")])
        var response = head
        response.body = try connection.readRemainingBody()
        if head.status >= 400 { throw failure(APIClient.daemonError(response).description) }
        for line in response.text.split(separator: "\n") {
            guard let message = try? JSONParser.parse(Array(line.utf8)) else { continue }
            if let error = message["error"]?.stringValue { throw failure(error) }
            if let status = message["status"]?.stringValue {
                Output.error(message["id"]?.stringValue.map { "\($0): \(status)" } ?? status)
            }
        }
    }

    /// `busybox` → `busybox:latest` (a digest or tag is kept).
    static func normalized(_ image: String) -> String {
        let (repository, tag) = splitReference(image)
        return image.contains("@") ? image : "\(repository):\(tag)"
    }

    /// Splits `repo[:tag]` at the last `:` after the last `/`.
    static func splitReference(_ image: String) -> (String, String) {
        if let at = image.firstIndex(of: "@") { return (String(image[..<at]), String(image[image.index(after: at)...])) }
        let lastSlash = image.lastIndex(of: "/") ?? image.startIndex
        if let colon = image[lastSlash...].lastIndex(of: ":") {
            return (String(image[..<colon]), String(image[image.index(after: colon)...]))
        }
        return (image, "latest")
    }
}
