import BerthArchive
import Foundation

/// A fresh directory under /tmp, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "berth-archive-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func sub(_ name: String) throws -> String {
        let sub = path + "/" + name
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        return sub
    }
}

/// Helpers to build and read archives in memory.
enum Archive {
    /// An archive of `entries` (contents applied to regular files), as bytes.
    static func write(_ entries: [(TarEntry, [UInt8])], subsecond: Bool = false) throws -> [UInt8] {
        var writer = TarWriter(MemoryByteSink(), preservesSubsecondTimes: subsecond)
        for (entry, contents) in entries { try writer.append(entry, contents: contents) }
        try writer.finish()
        return writer.sink.bytes
    }

    /// Every entry of an archive with its contents.
    static func read(_ bytes: [UInt8]) throws -> [(TarEntry, [UInt8])] {
        var reader = TarReader(MemoryByteSource(bytes))
        var result: [(TarEntry, [UInt8])] = []
        while let entry = try reader.next() { result.append((entry, try reader.readAllData())) }
        return result
    }

    /// Every entry of an archive file read through a file descriptor.
    static func read(file path: String) throws -> [(TarEntry, [UInt8])] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CocoaError(.fileNoSuchFile) }
        defer { close(fd) }
        var reader = TarReader(FileDescriptorByteSource(fileDescriptor: fd))
        var result: [(TarEntry, [UInt8])] = []
        while let entry = try reader.next() { result.append((entry, try reader.readAllData())) }
        return result
    }

    /// Extracts `bytes` into `root`.
    static func extract(_ bytes: [UInt8], into root: String, options: ExtractionOptions = ExtractionOptions()) throws -> ExtractionReport {
        try SafeExtractor(rootPath: root, options: options).extract(from: MemoryByteSource(bytes))
    }
}

/// Runs a program and returns its standard output; throws when it exits non-zero.
@discardableResult
func run(_ arguments: [String], in directory: String? = nil, input: [UInt8]? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let inputPipe = Pipe()
    if input != nil { process.standardInput = inputPipe }
    try process.run()
    if let input {
        inputPipe.fileHandleForWriting.write(Data(input))
        try inputPipe.fileHandleForWriting.close()
    }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ProcessFailure(arguments: arguments, status: process.terminationStatus, stderr: String(decoding: err, as: UTF8.self))
    }
    return String(decoding: out, as: UTF8.self)
}

struct ProcessFailure: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let stderr: String
    var description: String { "\(arguments.joined(separator: " ")) exited \(status): \(stderr)" }
}

/// Paths of everything under `directory`, relative, sorted (symlinks not followed).
func listTree(_ directory: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
    return enumerator.compactMap { $0 as? String }.sorted()
}

/// lstat(2) of a path.
func lstatPath(_ path: String) -> stat? {
    var info = stat()
    return lstat(path, &info) == 0 ? info : nil
}

/// The bytes of a file.
func contents(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { Array($0) }
}
