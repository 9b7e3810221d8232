/// Markdown that other tools understand but CommonMark (libcmark) prints as plain text: pipe tables,
/// `~~strikethrough~~` and footnotes. Found in the text of one paragraph line (its text nodes joined),
/// so that code spans and code blocks, which are never text nodes, are never reported.
enum Unrendered {
    /// What was found, and where in the line's bytes it starts.
    enum Construct: Equatable {
        case strikethrough
        case footnoteReference(String)
        case footnoteDefinition(String)
    }

    /// Whether `line` is the rule under a table's header row (`|---|:---:|`, `--- | ---`), after
    /// smart punctuation may have turned its hyphens into dashes: only pipes, colons, hyphens, en and
    /// em dashes and spaces, at least one dash, under a header row with a pipe.
    static func isTableRule(_ line: String, after header: String) -> Bool {
        guard header.contains("|") else { return false }
        var dash = false
        for scalar in line.unicodeScalars {
            switch scalar {
            case "-", "\u{2013}", "\u{2014}": dash = true
            case "|", ":", " ", "\t": continue
            default: return false
            }
        }
        return dash
    }

    /// A table rule as the author typed it: smart punctuation's en and em dashes back to two and
    /// three hyphens (exact, as cmark makes them from runs of hyphens).
    static func restoringHyphens(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2014}": out.append(contentsOf: "---".unicodeScalars)
            case "\u{2013}": out.append(contentsOf: "--".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Strikethrough and footnote marks in one line of text, with their byte offsets.
    static func constructs(in line: [UInt8]) -> [(offset: Int, construct: Construct)] {
        var found: [(Int, Construct)] = []
        var index = 0
        let tilde = UInt8(ascii: "~")
        while index < line.count {
            let byte = line[index]
            if byte == tilde, index + 2 < line.count, line[index + 1] == tilde,
                line[index + 2] != tilde, line[index + 2] != UInt8(ascii: " "),
                index == 0 || line[index - 1] != tilde,
                let close = closingTildes(in: line, from: index + 2)
            {
                found.append((index, .strikethrough))
                index = close + 2
                continue
            }
            if byte == UInt8(ascii: "["), index + 1 < line.count, line[index + 1] == UInt8(ascii: "^"),
                let end = line[(index + 2)...].firstIndex(where: {
                    $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "[")
                }),
                line[end] == UInt8(ascii: "]"), end > index + 2
            {
                let label = String(decoding: line[(index + 2)..<end], as: UTF8.self)
                let isDefinition =
                    end + 1 < line.count && line[end + 1] == UInt8(ascii: ":")
                    && line[..<index].allSatisfy { $0 == UInt8(ascii: " ") }
                found.append((index, isDefinition ? .footnoteDefinition(label) : .footnoteReference(label)))
                index = end + 1
                continue
            }
            index += 1
        }
        return found
    }

    /// The offset of the `~~` closing a strikethrough opened before `start`, not after a space.
    private static func closingTildes(in line: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < line.count {
            if line[index] == UInt8(ascii: "~"), line[index + 1] == UInt8(ascii: "~"),
                line[index - 1] != UInt8(ascii: " ")
            {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The warning's words for a construct.
    static func message(for construct: Construct) -> (String, String) {
        switch construct {
        case .strikethrough:
            return (
                "\"~~\" strikethrough is not part of CommonMark: the tildes are shown as they are",
                "remove the tildes, or say in words what changed"
            )
        case .footnoteReference(let label):
            return (
                "the footnote mark \"[^\(label)]\" is not part of CommonMark: it is shown as it is, with no link",
                "write the note in brackets where it belongs, or as a numbered list under a heading \"Notes\""
            )
        case .footnoteDefinition(let label):
            return (
                "the footnote \"[^\(label)]:\" is not part of CommonMark: it is shown as an ordinary paragraph",
                "write the notes as a numbered list under a heading \"Notes\""
            )
        }
    }
}
