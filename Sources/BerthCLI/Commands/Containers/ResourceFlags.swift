/// Memory and CPU flags shared by `run`, `create` and `update`, parsed as
/// docker parses them (`64m` → bytes, `--memory-swap -1`, `--cpus 1.5` → nano CPUs).
struct ResourceFlags {
    var memory: Int64 = 0
    var memorySwap: Int64 = 0
    var memoryReservation: Int64 = 0
    var nanoCpus: Int64 = 0

    init(memory: String?, memorySwap: String?, memoryReservation: String?, cpus: String?) throws(CLIError) {
        if let memory { self.memory = try Self.size(memory, flag: "-m, --memory") }
        if let memorySwap {
            self.memorySwap = memorySwap == "-1" ? -1 : try Self.size(memorySwap, flag: "--memory-swap")
        }
        if let memoryReservation { self.memoryReservation = try Self.size(memoryReservation, flag: "--memory-reservation") }
        if let cpus {
            guard let value = Double(cpus), value >= 0 else {
                throw CLIError("invalid argument \"\(cpus)\" for \"--cpus\" flag: failed to parse \(cpus) as a rational number", exitCode: 125)
            }
            nanoCpus = Int64((value * 1e9).rounded())
        }
    }

    private static func size(_ text: String, flag: String) throws(CLIError) -> Int64 {
        guard let bytes = Units.ramInBytes(text) else {
            throw CLIError("invalid argument \"\(text)\" for \"\(flag)\" flag: invalid size: '\(text)'", exitCode: 125)
        }
        return bytes
    }
}
