import BerthTestSupport
import Foundation
import Testing

/// `berth run -it` and `berth exec -it` in a real terminal (tmux): raw mode,
/// the window size, detach keys, and the exit code.
@Suite(.serialized) struct TerminalRootTests {
    /// A tmux session running `command`.
    final class Session {
        let name = "berth-cli-\(UUID().uuidString.prefix(8))"
        init(_ command: String) {
            _ = SpawnedCommand.run(["tmux", "new-session", "-d", "-s", name, "-x", "90", "-y", "25", "\(command); echo EXIT=$?; sleep 60"])
        }
        func type(_ keys: String...) { _ = SpawnedCommand.run(["tmux", "send-keys", "-t", name] + keys) }
        func waitFor(_ text: String, seconds: Double = 10) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if SpawnedCommand.run(["tmux", "capture-pane", "-t", name, "-p"]).stdout.contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
        deinit { _ = SpawnedCommand.run(["tmux", "kill-session", "-t", name]) }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "needs tmux"))
    func runAndExecInATerminal() throws {
        guard let cli = try ContainerCommandsRootTests.harness() else { return }
        let prefix = "BERTH_HOST=unix://\(cli.socketPath) \(CLIHarness.berthPath)"
        let run = Session("\(prefix) run -it --name term busybox sh")
        #expect(run.waitFor("/ #"))
        run.type("echo $((6*7)); stty size", "Enter")
        #expect(run.waitFor("42"))
        #expect(run.waitFor("25 90"), "the window size reached the container")
        run.type("C-p", "C-q")
        #expect(run.waitFor("EXIT=0"), "detached")
        #expect(cli.berth(["inspect", "-f", "{{.State.Running}}", "term"]).stdout == "true\n")
        let exec = Session("\(prefix) exec -it term sh")
        #expect(exec.waitFor("/ #"))
        exec.type("stty size; exit 6", "Enter")
        #expect(exec.waitFor("25 90"))
        #expect(exec.waitFor("EXIT=6"))
        let attach = Session("\(prefix) attach term")
        Thread.sleep(forTimeInterval: 0.5)
        attach.type("echo rejoined", "Enter")
        #expect(attach.waitFor("rejoined"))
        attach.type("exit 4", "Enter")
        #expect(attach.waitFor("EXIT=4"), "attach exits with the container's code")
        let stopped = cli.berth(["attach", "term"])
        #expect(stopped.status == 1 && stopped.stderr.contains("You cannot attach to a stopped container"), "\(stopped.stderr)")
        #expect(cli.berth(["rm", "-f", "term"]).status == 0)
    }
}
