import ArgumentParser

/// A startup error printed as `Error: <message>` with exit status 1.
struct ValidationFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
