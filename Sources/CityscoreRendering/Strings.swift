import CityscoreFormatting

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
    public func format(_ key: String, _ values: [String: String]) -> String { Template.fill(self[key], values) }
}
