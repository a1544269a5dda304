/// `GET /info`'s `Plugins`: the volume, network and log drivers available.
public struct PluginsInfo: Codable, Sendable, Equatable {
    /// Volume drivers, e.g. `local`.
    public var volume: [String]
    /// Network drivers, e.g. `bridge`, `host`, `null`.
    public var network: [String]
    /// Log drivers, e.g. `json-file`.
    public var log: [String]

    enum CodingKeys: String, CodingKey { case volume = "Volume", network = "Network", log = "Log" }

    /// Berth's built-in drivers.
    public init(volume: [String] = ["local"], network: [String] = ["bridge", "host", "null"], log: [String] = ["json-file"]) {
        self.volume = volume
        self.network = network
        self.log = log
    }
}
