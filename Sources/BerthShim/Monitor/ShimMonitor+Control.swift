import Glibc
import LinuxSys
import OCI

extension ShimMonitor {
    /// Answers one control request line.
    mutating func handle(_ line: String, from serial: Int) {
        switch ControlCommand.parse(line) {
        case .failure(let error):
            control.send(Self.errorReply(error.message), to: serial)
        case .success(.status):
            control.send(statusReply(), to: serial)
        case .success(.wait):
            if let exitRecord {
                control.send(exitRecord.json, to: serial)
            } else {
                waiters.append(serial)
            }
        case .success(.kill(let signal, let all)):
            do {
                try runtime.kill(signal: signal, all: all)
                control.send(#"{"ok":true}"#, to: serial)
            } catch {
                control.send(Self.errorReply(error.description), to: serial)
            }
        case .success(.shutdown):
            if exitRecord == nil {
                control.send(Self.errorReply("the container is still running"), to: serial)
            } else {
                control.send(#"{"ok":true}"#, to: serial)
                shutdownRequested = true
                shutdownDeadline = Timestamp.monotonicSeconds() + 30
            }
        case .success(.attach(let options)):
            attach(serial, options: options)
        case .success(.start):
            startRequested(serial)
        case .success(.resize(let rows, let columns, nil)):
            resize(serial, rows: rows, columns: columns)
        case .success(.resize(let rows, let columns, let exec?)):
            resizeExec(serial, exec, rows: rows, columns: columns)
        case .success(.exec(let request)):
            startExec(serial, request)
        case .success(.waitExec(let id)):
            waitForExec(serial, id)
        }
    }

    /// `{"id":…,"pid":P,"shimPid":S,"running":bool[,"exitCode":N,"oomKilled":b,"finishedAt":"…"]}`.
    func statusReply() -> String {
        var members: [(String, JSONValue)] = [
            ("id", .string(options.id)), ("pid", .number(String(initPID))), ("shimPid", .number(String(getpid()))),
            ("running", .bool(initStatus == nil)),
        ]
        if let exitRecord { members += exitRecord.members }
        return JSONValue.object(members).serialized()
    }

    /// `{"error":"…"}`.
    static func errorReply(_ message: String) -> String {
        JSONValue.object([("error", .string(message))]).serialized()
    }
}
