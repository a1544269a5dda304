import Glibc
import OCI

/// What the runtime remembers about a container between commands, stored as
/// `<root>/<id>/state.json`. The pid's start time guards against pid reuse.
/// Mapped to JSON by hand (no Codable) to keep the runtime small.
struct ContainerRecord: JSONMappable {
    var id: String
    var bundle: String
    var rootfs: String
    var pid: Int32
    var pidStartTime: String
    var created: String
    var cgroupPath: String
    var annotations: [String: String]?

    init(id: String, bundle: String, rootfs: String, pid: Int32, pidStartTime: String, created: String,
         cgroupPath: String, annotations: [String: String]?) {
        self.id = id
        self.bundle = bundle
        self.rootfs = rootfs
        self.pid = pid
        self.pidStartTime = pidStartTime
        self.created = created
        self.cgroupPath = cgroupPath
        self.annotations = annotations
    }

    init(json: JSONValue) throws(JSONMappingError) {
        func string(_ key: String) throws(JSONMappingError) -> String {
            guard let value = json[key]?.stringValue else { throw JSONMappingError(path: key, message: "expected a string") }
            return value
        }
        id = try string("id")
        bundle = try string("bundle")
        rootfs = try string("rootfs")
        pidStartTime = try string("pidStartTime")
        created = try string("created")
        cgroupPath = try string("cgroupPath")
        guard let pidValue = json["pid"]?.int64Value, let pid = Int32(exactly: pidValue) else {
            throw JSONMappingError(path: "pid", message: "expected a pid")
        }
        self.pid = pid
        if let object = json["annotations"]?.objectValue {
            var annotations: [String: String] = [:]
            for (key, value) in object {
                guard let text = value.stringValue else { throw JSONMappingError(path: "annotations", message: "expected strings") }
                annotations[key] = text
            }
            self.annotations = annotations
        }
    }

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(id)), ("bundle", .string(bundle)), ("rootfs", .string(rootfs)),
            ("pid", .number(String(pid))), ("pidStartTime", .string(pidStartTime)), ("created", .string(created)),
            ("cgroupPath", .string(cgroupPath)),
        ]
        if let annotations {
            fields.append(("annotations", .object(annotations.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        return .object(fields)
    }
}
