/// `withUnsafeBytes` variants that keep a closure's typed error, which the
/// standard library's rethrowing versions erase to `any Error`.
extension Array where Element == UInt8 {
    /// Calls `body` with the array's bytes, rethrowing its typed error.
    func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = withUnsafeBytes { buffer in Result { () throws(E) -> R in try body(buffer) } }
        return try result.get()
    }

    /// Calls `body` with the array's mutable bytes, rethrowing its typed error.
    mutating func withMutableBytes<R, E: Error>(_ body: (UnsafeMutableRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = withUnsafeMutableBytes { buffer in Result { () throws(E) -> R in try body(buffer) } }
        return try result.get()
    }
}
