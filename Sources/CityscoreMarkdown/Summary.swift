/// A page description made from the first paragraph: about `limit` characters, cut after a whole
/// word with `…`, so that a long paragraph is not copied into every `<meta>` that describes the page.
public enum Summary {
    /// Characters of a description at most, before the `…`.
    public static let limit = 300

    /// Bytes of the paragraph read at most: room for `limit` characters of any script with
    /// combining marks, so that the cost does not grow with the paragraph.
    static let byteBudget = limit * 16

    /// `text` when it has at most `limit` characters and is whole; else its first characters up to
    /// the last space within `limit` (or exactly `limit` characters when the words are longer than
    /// half of it), then `…`. `truncated` says that `text` is only the start of the paragraph: its
    /// last character may then be missing combining marks, and is never kept. Walks at most
    /// `limit` characters; never splits one.
    public static func cut(_ text: String, truncated: Bool = false, limit: Int = limit) -> String {
        var index = text.startIndex
        var count = 0
        // The start of the last space seen, and how many characters come before it.
        var space: (index: String.Index, count: Int)?
        while index < text.endIndex && count < limit {
            if text[index].isWhitespace { space = (index, count) }
            index = text.index(after: index)
            count += 1
        }
        if index == text.endIndex {
            guard truncated else { return text }
            // The last character of a cut text may be incomplete.
            guard count > 0 else { return "" }
            index = text.index(before: index)
            count -= 1
            if let found = space, found.count >= count { space = nil }
        }
        var end = index
        if !(index < text.endIndex && text[index].isWhitespace), let space, space.count >= limit / 2 {
            end = space.index
        }
        var kept = text[..<end]
        while let last = kept.last, last.isWhitespace { kept = kept.dropLast() }
        return kept + "…"
    }
}
