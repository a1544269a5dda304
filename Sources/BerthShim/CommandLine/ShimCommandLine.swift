import Glibc
import LinuxSys

/// The `berth-shim` program: parse the command line, detach, start the
/// container and monitor it. Returns the process exit code.
public enum ShimCommandLine {
    /// Runs the shim with the arguments after the program name.
    public static func main(_ arguments: [String]) -> Int32 {
        let options: ShimOptions
        do {
            options = try ShimOptions.parse(arguments)
        } catch {
            Daemonizer.printLine("berth-shim: \(error)\n" + ShimOptions.usage, to: .standardError)
            return 2
        }
        let reporter: Daemonizer.Reporter
        do {
            reporter = try Daemonizer.detach()
        } catch {
            Daemonizer.printLine("berth-shim: \(error)", to: .standardError)
            return 1
        }
        var monitor: ShimMonitor
        do {
            monitor = try ShimMonitor.launch(options)
        } catch {
            reporter.failed(error.description)
            return 1
        }
        reporter.succeeded()
        return monitor.run()
    }
}
