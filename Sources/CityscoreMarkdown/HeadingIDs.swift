import CityscoreText

/// Stable, unique heading ids: the heading text as ``Slug/anchor(_:)`` makes it (letters, decimal
/// digits, and combining marks right after one of those; every other run of scalars, `-` included,
/// becomes one `-`, none at either end); `section` when nothing is left. A repeated id gets `-2`, `-3` … An id never holds a quote, `<`, `>`, `&`, a space or a
/// control or format character (such as a right-to-left mark), whatever the heading says.
struct HeadingIDs {
    private var used: [String: Int] = [:]

    mutating func id(for text: String) -> String {
        var base = Self.base(text)
        if base.isEmpty { base = "section" }
        if let count = used[base] {
            var n = count + 1
            while used["\(base)-\(n)"] != nil { n += 1 }
            used[base] = n
            let id = "\(base)-\(n)"
            used[id] = 1
            return id
        }
        used[base] = 1
        return base
    }

    /// The id `text` gives before it is made unique (``Slug/anchor(_:)``); empty when no scalar of it is allowed.
    static func base(_ text: String) -> String { Slug.anchor(text) }
}
