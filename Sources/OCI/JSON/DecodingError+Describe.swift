// User-facing rendering of Codable errors, e.g. `process.args[0]: expected String, found number`.

/// Renders a decoding (or encoding, or JSON syntax) error as one readable line for users of the runtime.
///
/// Examples: `process.args[0]: expected String, found number`,
/// `missing key "ociVersion"`, `annotations["io.x"]: expected String, found null`,
/// `invalid JSON at byte 17: expected ',' or '}'`. Callers typically prefix the file name.
public func describeDecodingError(_ error: any Error) -> String {
    if let error = error as? DecodingError {
        switch error {
        case .keyNotFound(let key, let context):
            return _prefixed(context.codingPath, "missing key \(_quotedKey(key.stringValue))")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return _prefixed(context.codingPath, context.debugDescription)
        case .dataCorrupted(let context):
            if let syntax = context.underlyingError as? JSONError {
                return _prefixed(context.codingPath, syntax.description)
            }
            return _prefixed(context.codingPath, context.debugDescription)
        @unknown default:
            return String(describing: error)
        }
    }
    if let error = error as? EncodingError {
        switch error {
        case .invalidValue(_, let context):
            return _prefixed(context.codingPath, context.debugDescription)
        @unknown default:
            return String(describing: error)
        }
    }
    if let error = error as? JSONError {
        return error.description
    }
    return String(describing: error)
}

/// `path: message`, or just `message` at the root.
private func _prefixed(_ codingPath: [any CodingKey], _ message: String) -> String {
    let path = _renderCodingPath(codingPath)
    return path.isEmpty ? message : "\(path): \(message)"
}

/// Renders a coding path like `process.args[0]` or `annotations["org.example.key"]`.
func _renderCodingPath(_ codingPath: [any CodingKey]) -> String {
    var out = ""
    for key in codingPath {
        if let index = key.intValue, key.stringValue == "Index \(index)" {
            out += "[\(index)]"
        } else if _isIdentifier(key.stringValue) {
            if !out.isEmpty { out += "." }
            out += key.stringValue
        } else {
            out += "[\(_quotedKey(key.stringValue))]"
        }
    }
    return out
}

private func _quotedKey(_ key: String) -> String {
    JSONValue.string(key).serialized()
}

private func _isIdentifier(_ s: String) -> Bool {
    guard let first = s.utf8.first else { return false }
    func isLetter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b == UInt8(ascii: "_")
    }
    guard isLetter(first) else { return false }
    return s.utf8.allSatisfy { isLetter($0) || ($0 >= _ASCII.zero && $0 <= _ASCII.nine) }
}
