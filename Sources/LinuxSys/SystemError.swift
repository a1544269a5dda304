import CLinuxSys
import Glibc

/// A failed system call: which call, on what, and the errno — everything a user
/// needs to see what went wrong without a debugger.
public struct SystemError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The C function that failed, e.g. "mount".
    public let call: String
    /// The path or object it acted on, if any.
    public let subject: String?
    /// The errno value.
    public let errno: Int32

    public init(_ call: String, _ subject: String? = nil, errno: Int32 = CLinuxSys.berth_errno()) {
        self.call = call
        self.subject = subject
        self.errno = errno
    }

    /// The kernel's words for the errno, e.g. "No such file or directory".
    public var reason: String {
        guard let message = strerror(errno) else { return "errno \(errno)" }
        return String(cString: message)
    }

    public var description: String {
        if let subject { return "\(call) \(subject): \(reason)" }
        return "\(call): \(reason)"
    }
}

/// Runs a call that returns -1 on failure, retrying on EINTR, and throws a
/// `SystemError` naming the call otherwise.
@discardableResult
@inline(__always)
public func syscallRetrying<T: BinaryInteger>(
    _ call: String, _ subject: String? = nil, _ body: () -> T
) throws(SystemError) -> T {
    while true {
        let result = body()
        if result >= 0 { return result }
        let code = berth_errno()
        if code == EINTR { continue }
        throw SystemError(call, subject, errno: code)
    }
}

/// The current errno.
@inline(__always)
public func currentErrno() -> Int32 { berth_errno() }
