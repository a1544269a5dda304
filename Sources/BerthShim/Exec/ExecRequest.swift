/// `exec ID [tty] [stdin] [stdout] [stderr]`: what berthd asks the
/// container's shim to run. The process itself is ID's process.json in the
/// shim's --exec-root, written by berthd beforehand.
public struct ExecRequest: Sendable, Equatable {
    /// The exec's key: its directory's name under --exec-root.
    public var id: String
    /// A pseudo-terminal instead of pipes.
    public var tty = false
    /// Which streams the requesting connection carries once the exec runs;
    /// with none, the reply ends the exchange and the output is discarded.
    public var streams = AttachOptions()

    /// A request for exec `id`.
    public init(id: String, tty: Bool = false, streams: AttachOptions = AttachOptions()) {
        self.id = id
        self.tty = tty
        self.streams = streams
    }

    /// Whether the connection becomes the exec's stream.
    public var attached: Bool { streams.stdin || streams.stdout || streams.stderr }

    /// An exec key names a directory: letters and digits only, so no path can be smuggled in.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64 && id.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
        }
    }
}
