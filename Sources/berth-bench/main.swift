// berth-bench: runs Berth's library code paths on their own so bench/ scripts
// can time them beside the reference tools (GNU tar, gzip).
//   berth-bench extract TAR DIR     unpack TAR into DIR (SafeExtractor)
//   berth-bench layer DIR OUT       DIR as a gzip layer (LayerDiff + ParallelGzipSink)
import BerthArchive
import Glibc

func fail(_ message: String) -> Never {
    let line = "berth-bench: \(message)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(1)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 3 else { fail("usage: berth-bench extract TAR DIR | layer DIR OUT.gz") }
switch arguments[0] {
case "extract":
    let fd = open(arguments[1], O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { fail("cannot open \(arguments[1])") }
    do {
        _ = try SafeExtractor(rootPath: arguments[2]).extract(from: FileDescriptorByteSource(fileDescriptor: fd))
    } catch {
        fail("\(error)")
    }
case "layer":
    let fd = open(arguments[2], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { fail("cannot create \(arguments[2])") }
    do {
        let sink = try ParallelGzipSink(FileDescriptorByteSink(fileDescriptor: fd))
        var writer = TarWriter(sink)
        try LayerDiff.write(upperDirectory: arguments[1], to: &writer)
        try writer.sink.finish()
    } catch {
        fail("\(error)")
    }
    close(fd)
default:
    fail("unknown command \(arguments[0])")
}
