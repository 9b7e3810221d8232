/// The interface text of one language, from the theme's `strings/<language>.yml`.
public struct Strings: Sendable {
    /// Text by key.
    public var table: [String: String]

    /// Creates the table.
    public init(_ table: [String: String]) { self.table = table }

    /// The text of `key`, or the key itself (visible, so a missing string is noticed).
    public subscript(_ key: String) -> String { table[key] ?? key }

    /// The text of `key` with `{name}` placeholders filled in, in one pass (a value is never read as
    /// a placeholder); a placeholder without a value stays as written.
    public func format(_ key: String, _ values: [String: String]) -> String {
        let text = self[key]
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 32)
        var rest = text[...]
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")),
            let close = rest[open...].utf8.firstIndex(of: UInt8(ascii: "}"))
        {
            out += rest[..<open]
            let name = rest[rest.utf8.index(after: open)..<close]
            if let value = values[String(name)] { out += value } else { out += rest[open...close] }
            rest = rest[rest.utf8.index(after: close)...]
        }
        out += rest
        return out
    }
}
