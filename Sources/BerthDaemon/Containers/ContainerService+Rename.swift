import BerthAPI

/// `docker rename`: the name is a unique column in the store, so a clash is
/// refused there (409, dockerd's words) even against a concurrent create.
extension ContainerService {
    public func rename(_ idOrName: String, to requested: String) throws {
        let name = requested.hasPrefix("/") ? String(requested.dropFirst()) : requested
        guard !name.isEmpty else { throw APIError.badRequest("Neither old nor new names may be empty") }
        guard Self.isValidName(name) else {
            throw APIError.badRequest("Invalid container name (\(name)), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")
        }
        let found = try find(idOrName)
        if found.row.name == name { throw APIError.badRequest("Renaming a container with the same name as its current name") }
        try store.rename(id: found.id, to: name)
        var renamed = found.row
        renamed.name = name
        events.container("rename", renamed, extra: ["oldName": "/" + found.row.name])
    }
}
