import Glibc
import LinuxSys

extension AttachStream {
    /// Copies a process's output to each of `clients` and sends what each
    /// takes now; drops clients that are gone.
    static func relay(_ bytes: UnsafeRawBufferPointer, stream: String, to clients: inout [AttachStream]) {
        var gone: [Int] = []
        for index in clients.indices {
            clients[index].enqueue(bytes, stream: stream)
            if !clients[index].flush() { gone.append(index) }
        }
        for index in gone.reversed() { clients.remove(at: index).fd.close() }
    }

    /// After poll: reads client input into `stdin`, writes queued output, and
    /// retires clients that are gone or, once closing, fully served.
    static func service(
        _ clients: inout [AttachStream], revents: [Int16], stdin: inout StdinForwarder, buffer: UnsafeMutableRawBufferPointer
    ) {
        var gone: [Int] = []
        for index in revents.indices where index < clients.count {
            let events = revents[index]
            var alive = true
            if events & Int16(POLLIN) != 0 {
                let count = recv(clients[index].fd.rawValue, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT))
                if count > 0 {
                    stdin.pending.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                } else if count == 0 {
                    clients[index].inputClosed = true
                    if clients[index].options.stdinOnce { stdin.closeWhenFlushed = true }
                } else if errno != EAGAIN && errno != EINTR {
                    alive = false
                }
            } else if events & Int16(POLLERR | POLLHUP) != 0 && events & Int16(POLLOUT) == 0 {
                alive = false
            }
            if alive && !clients[index].outbound.isEmpty { alive = clients[index].flush() }
            if alive && clients[index].closing && clients[index].outbound.isEmpty {
                shutdown(clients[index].fd.rawValue, Int32(SHUT_RDWR))
                alive = false
            }
            if !alive {
                // A stdin-once client that vanished ends the input as a half-close would (as dockerd).
                if clients[index].options.stdinOnce && clients[index].options.stdin { stdin.closeWhenFlushed = true }
                gone.append(index)
            }
        }
        for index in gone.reversed() { clients.remove(at: index).fd.close() }
    }

    /// The process has ended and its output is drained: each client is
    /// closed once it has received the rest.
    static func finish(_ clients: inout [AttachStream]) {
        for index in clients.indices { clients[index].closing = true }
        var none = StdinForwarder(writer: nil, isTerminal: false)
        service(&clients, revents: Array(repeating: 0, count: clients.count), stdin: &none,
                buffer: UnsafeMutableRawBufferPointer(start: nil, count: 0))
    }
}
