/// Finds YAML anchors (`&name`) and aliases (`*name`) in one pass over the text, before Yams sees it:
/// a few hundred aliases of aliases expand into millions of values (97 s and 1 GB for 10,000 of them
/// in a 131 KB front matter), and cityscore has no use for them.
///
/// A `*` or `&` counts only where YAML starts a value: at the start of a line's content, after `- `,
/// `? `, `key: `, `[`, `{` or `,`. Quoted text, comments, block scalars (`|`, `>`) and the
/// continuation lines of plain text are text, so `title: "*new*"` and `a *b* c` are accepted.
struct YAMLAliases {
    /// One anchor or alias: its 1-based line and column (counted in characters) and its text.
    struct Found: Equatable {
        var line: Int
        var column: Int
        var text: String
        var isAlias: Bool { text.hasPrefix("*") }
    }

    /// The first anchor or alias of `text`, and how many there are in all.
    static func scan(_ text: String) -> (first: Found, count: Int)? {
        var scanner = YAMLAliases(bytes: Array(text.utf8))
        scanner.run()
        guard let first = scanner.first else { return nil }
        return (first, scanner.count)
    }

    private let bytes: [UInt8]
    private var first: Found?
    private var count = 0

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // Where the scan is.
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// Open `[`/`{` brackets: inside them lines do not matter, only punctuation.
    private var flow = 0
    /// A value may start here.
    private var nodeStart = true
    /// Inside a quoted scalar, with its quote byte.
    private var quote: UInt8?
    /// The column (0-based, bytes) of the node that owns the current value: lines indented more than
    /// it continue a block scalar or a plain scalar.
    private var owner = -1
    /// The last token is a plain scalar that may still go on.
    private var inPlain = false
    /// Where the tag of the node about to start was written (a node starts at its properties).
    private var propertiesColumn: Int?
    /// The owner of a value that the previous line left to come (after `key:` or `- `), -1 at the top.
    private var pendingOwner: Int? = -1
    /// Column of the last node begun on this line (a key, until a `:` makes it one).
    private var lastNode = 0
    /// Lines indented more than this are text of a block scalar.
    private var blockScalar: Int?
    /// Lines indented more than this continue a plain scalar.
    private var plainScalar: Int?

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    private func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }

    /// Whether the byte at `at` ends a token: a space, a tab, the end of a line or of the text.
    private func isBlank(_ at: Int) -> Bool {
        guard let b = byte(at) else { return true }
        return b == Self.space || b == Self.tab || b == Self.newline || b == Self.cr
    }

    private mutating func run() {
        while i < bytes.count {
            beginLine()
            scanLine()
        }
    }

    /// At the start of a line: decides whether the line is text of a scalar begun above.
    private mutating func beginLine() {
        lineStart = i
        var indent = 0
        while byte(i + indent) == Self.space { indent += 1 }
        let end = lineEnd(from: i)
        let blank = (i + indent..<end).allSatisfy {
            bytes[$0] == Self.space || bytes[$0] == Self.tab || bytes[$0] == Self.cr
        }
        if quote != nil || flow > 0 {
            i += indent
            if quote == nil && byte(i) == UInt8(ascii: "#") { i = end }
            return
        }
        if let parent = blockScalar {
            if blank || indent > parent {
                i = end
                return
            }
            blockScalar = nil
        }
        if let parent = plainScalar {
            if !blank && indent > parent && bytes[i + indent] != UInt8(ascii: "#") {
                i = end
                return
            }
            if !blank { plainScalar = nil }
        }
        i += indent
        if blank { return }
        if bytes[i] == UInt8(ascii: "#") {
            i = end
            return
        }
        nodeStart = true
        inPlain = false
        propertiesColumn = nil
        owner = pendingOwner ?? indent - 1
        pendingOwner = nil
        lastNode = indent
        // `---` and `...` at the start of a line end and start documents.
        if indent == 0, end - i >= 3, bytes[i] == bytes[i + 1], bytes[i] == bytes[i + 2],
            bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "."), isBlank(i + 3)
        {
            i += 3
            owner = -1
        }
    }

    private func lineEnd(from start: Int) -> Int {
        var end = start
        while end < bytes.count && bytes[end] != Self.newline { end += 1 }
        return end
    }

    /// Scans to the end of the line (or of the quoted scalar that goes on past it).
    private mutating func scanLine() {
        while i < bytes.count {
            let b = bytes[i]
            if b == Self.newline {
                i += 1
                line += 1
                endLine()
                return
            }
            if let q = quote {
                if b == UInt8(ascii: "\\") && q == UInt8(ascii: "\"") {
                    i += 2
                    if byte(i - 1) == Self.newline {
                        line += 1
                        lineStart = i
                    }
                    continue
                }
                if b == q {
                    if q == UInt8(ascii: "'") && byte(i + 1) == q {
                        i += 2
                        continue
                    }
                    quote = nil
                }
                i += 1
                continue
            }
            if b == Self.space || b == Self.tab || b == Self.cr {
                i += 1
                // A comment starts at `#` after a blank.
                if byte(i) == UInt8(ascii: "#") { i = lineEnd(from: i) }
                continue
            }
            // Between tokens (after a quote or a bracket) `#` starts a comment without a blank before it.
            if b == UInt8(ascii: "#") && !inPlain {
                i = lineEnd(from: i)
                continue
            }
            if nodeStart {
                if startNode(b) { continue }
                inPlain = true
                nodeStart = false
                beginContent(at: i - lineStart)
                i += 1
                continue
            }
            afterNode(b)
        }
        endLine()
    }

    /// At the end of a line outside brackets and quotes: a plain scalar may go on in the lines below,
    /// and a value not yet begun (`key:`, `- `) belongs to the same owner on the next line.
    private mutating func endLine() {
        guard flow == 0 && quote == nil else { return }
        if inPlain { plainScalar = owner } else if nodeStart { pendingOwner = owner }
    }

    /// At a place where a value may start; true when `b` was taken as punctuation or a scalar's start.
    private mutating func startNode(_ b: UInt8) -> Bool {
        let column = i - lineStart
        let block = flow == 0
        if b == UInt8(ascii: "*") || b == UInt8(ascii: "&") {
            var end = i + 1
            while !isBlank(end) && (block || !Self.flowPunctuation.contains(bytes[end])) { end += 1 }
            record(String(decoding: bytes[i..<end], as: UTF8.self))
            i = end
            inPlain = false
            // An anchor is followed by its value; an alias is the value.
            if b == UInt8(ascii: "&") {
                if propertiesColumn == nil { propertiesColumn = column }
            } else {
                nodeStart = false
                beginContent(at: column)
            }
        } else if b == UInt8(ascii: "!") {
            if propertiesColumn == nil { propertiesColumn = column }
            while !isBlank(i) { i += 1 }
        } else if block && Self.blockIndicators.contains(b) && isBlank(i + 1) {
            owner = column
            propertiesColumn = nil
            i += 1
        } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
            quote = b
            nodeStart = false
            inPlain = false
            beginContent(at: column)
            i += 1
        } else if block && (b == UInt8(ascii: "|") || b == UInt8(ascii: ">")) {
            blockScalar = owner
            nodeStart = false
            i = lineEnd(from: i)
        } else if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
            if flow == 0 { beginContent(at: column) }
            flow += 1
            i += 1
        } else if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
            flow = max(0, flow - 1)
            nodeStart = false
            inPlain = false
            i += 1
        } else if !block && b == UInt8(ascii: ",") {
            i += 1
        } else {
            return false
        }
        return true
    }

    /// `- `, `? ` and `: ` at the start of a value in block context: a value follows.
    private static let blockIndicators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":")]
    /// What ends an alias's name inside brackets.
    private static let flowPunctuation: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")]

    /// A node's content starts at `column`: it is the last node of the line, from its properties on.
    private mutating func beginContent(at column: Int) {
        lastNode = propertiesColumn ?? column
        propertiesColumn = nil
    }

    /// What may follow `:` inside a plain scalar in brackets for the `:` to end it.
    private static let afterFlowColon: Set<UInt8> = Set(",?[]{}".utf8)

    /// Inside or after a scalar: only `: `, `,` and brackets make a new value start.
    private mutating func afterNode(_ b: UInt8) {
        let block = flow == 0
        let next = byte(i + 1) ?? Self.space
        if b == UInt8(ascii: ":") && (isBlank(i + 1) || (!block && (!inPlain || Self.afterFlowColon.contains(next)))) {
            if block { owner = lastNode }
            nodeStart = true
            inPlain = false
        } else if !block && b == UInt8(ascii: ",") {
            nodeStart = true
            inPlain = false
        } else if !block && (b == UInt8(ascii: "]") || b == UInt8(ascii: "}")) {
            flow -= 1
            inPlain = false
        } else if !block && (b == UInt8(ascii: "[") || b == UInt8(ascii: "{")) {
            flow += 1
            nodeStart = true
            inPlain = false
        }
        i += 1
    }

    private mutating func record(_ text: String) {
        count += 1
        guard first == nil else { return }
        let column = bytes[lineStart..<i].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        first = Found(line: line, column: column, text: text)
    }
}
