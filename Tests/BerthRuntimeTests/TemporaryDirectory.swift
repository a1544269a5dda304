import Glibc
@testable import LinuxSys

/// Runs `body` with a fresh directory under /tmp and removes it afterwards.
@discardableResult
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    var template = Array("/tmp/berth-unit-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw SystemError("mkdtemp", "/tmp") }
    let directory = String(cString: made)
    defer { try? FileSystem.removeTree(directory) }
    return try body(directory)
}

/// Creates `directory` (and parents) holding an empty file for each name.
func makeControlFiles(_ directory: String, _ names: [String]) throws {
    try FileSystem.makeDirectories(directory)
    for name in names { try FileSystem.write(directory + "/" + name, []) }
}

/// The whole content of a file as text ("" if it cannot be read).
func contents(_ path: String) -> String {
    (try? FileSystem.readString(path)) ?? ""
}
