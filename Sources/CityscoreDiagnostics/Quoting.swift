extension String {
    /// The text as a diagnostic quotes it: in double quotes, at most `limit` characters (then `…`),
    /// control characters shown as spaces, so one line stays one readable line.
    public func quotedForMessage(limit: Int = 60) -> String {
        var text = String(
            unicodeScalars.prefix(limit + 1).map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        if text.count > limit { text = String(text.prefix(limit)) + "…" }
        return "\"" + text + "\""
    }
}
