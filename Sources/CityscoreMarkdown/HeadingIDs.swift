/// Stable, unique heading ids: the heading text lowercased, then taken scalar by scalar from an
/// allow-list (letters, decimal digits, and combining marks right after one of those); every other
/// run of scalars, `-` included, becomes one `-`, none at either end; `section` when nothing is
/// left. A repeated id gets `-2`, `-3` … An id never holds a quote, `<`, `>`, `&`, a space or a
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

    /// The id `text` gives before it is made unique; empty when no scalar of it is allowed.
    static func base(_ text: String) -> String {
        var base = String.UnicodeScalarView()
        var dash = false
        var afterKept = false
        for scalar in text.lowercased().unicodeScalars {
            if isLetterOrDigit(scalar) || (afterKept && isMark(scalar)) {
                if dash && !base.isEmpty { base.append("-") }
                dash = false
                afterKept = true
                base.append(scalar)
            } else {
                dash = true
                afterKept = false
            }
        }
        return String(base)
    }

    /// A letter (alphabetic, or general category L*) or a decimal digit (Nd).
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9")
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return properties.isAlphabetic
        }
    }

    /// A combining mark (general category M*): kept after a letter or digit, so that accents written
    /// as separate scalars and the vowel signs and viramas of many scripts stay in the word.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
