import ArgumentParser

/// What `stop` and `restart` share: the grace period, the signal, the
/// containers — and sending one request per container with them.
struct StopOptions: ParsableArguments {
    @Option(name: [.customShort("t"), .customLong("timeout"), .customLong("time")], help: "Seconds to wait before killing the container") var timeout: Int?
    @Option(name: [.customShort("s"), .long], help: "Signal to send to the container") var signal: String?
    @Argument(help: "CONTAINER") var containers: [String] = []

    /// `POST /containers/NAME/<action>?signal=&t=` for each container, printing names as docker does.
    func send(_ action: String) throws {
        let client = APIClient()
        var query = QueryString()
        if let signal { query.add("signal", signal) }
        if let timeout { query.add("t", String(timeout)) }
        try NameLoop.run(containers) { name in
            try client.call("POST", APIClient.containerPath(name) + "/" + action, query: query)
        }
    }
}
