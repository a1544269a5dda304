import Glibc

/// The pid that signals received by `run`/`exec` are passed on to. A global
/// because a C signal handler cannot capture context; written once, before
/// the handlers are installed.
nonisolated(unsafe) private var forwardTarget: pid_t = 0

/// Forwards the signals a user sends to `berth-runtime run` (Ctrl-C, kill)
/// to the container's process, as runc does.
enum SignalForwarder {
    static let forwarded: [Int32] = [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGWINCH, SIGCONT]

    static func install(target: pid_t) {
        forwardTarget = target
        for signal in forwarded {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                if forwardTarget > 0 { _ = kill(forwardTarget, received) }
            }
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }
}
