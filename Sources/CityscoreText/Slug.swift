/// The one slugger: URL slugs (cities, pages, KPIs, dimensions, chart files and ids) and heading
/// anchors, both built the same way: lowercased, runs of characters that are not kept turned into
/// one `-`, no `-` at either end. See docs/output.md, "Slugs".
public enum Slug {
    /// A URL slug: ASCII letters and digits kept, letters outside ASCII transliterated where
    /// common (`ø` → `o`): `EC: ICT: ICT: 1C` → `ec-ict-ict-1c`, `Society and Culture` →
    /// `society-and-culture`.
    public static func make(_ text: String) -> String {
        join(text) { scalar, _ in
            if isASCIILetterOrDigit(scalar) { return .scalar(scalar) }
            let mapped = transliterate(scalar)
            return mapped.unicodeScalars.allSatisfy(isASCIILetterOrDigit) ? .text(mapped) : .dropped
        }
    }

    /// Whether `text` is already a valid slug (what `make` would leave as it is): lowercase ASCII
    /// letters and digits in runs joined by single `-`, checked byte by byte.
    public static func isValid(_ text: String) -> Bool {
        var previousWasDash = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                if previousWasDash { return false }
                previousWasDash = true
            } else if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            {
                previousWasDash = false
            } else {
                return false
            }
        }
        return !previousWasDash
    }

    /// A heading anchor: letters of any script and decimal digits kept, and combining marks right
    /// after one of those (accents written as separate scalars, the vowel signs and viramas of many
    /// scripts); empty when nothing is kept. It never holds a quote, `<`, `>`, `&`, a space or a
    /// control or format character (such as a right-to-left mark).
    public static func anchor(_ text: String) -> String {
        join(text) { scalar, afterKept in
            isLetterOrDigit(scalar) || (afterKept && isMark(scalar)) ? .scalar(scalar) : .dropped
        }
    }

    /// What a slug keeps of one scalar.
    private enum Kept {
        case dropped
        case scalar(Unicode.Scalar)
        case text(String)
    }

    /// `text` lowercased, each scalar replaced by what `keep` gives for it (given whether the scalar
    /// before was kept), every run of scalars it drops turned into one `-`, none at either end.
    private static func join(_ text: String, keep: (Unicode.Scalar, _ afterKept: Bool) -> Kept) -> String {
        var out = String.UnicodeScalarView()
        var dash = false
        var afterKept = false
        for scalar in text.lowercased().unicodeScalars {
            let kept = keep(scalar, afterKept)
            if case .dropped = kept {
                dash = true
                afterKept = false
                continue
            }
            if dash && !out.isEmpty { out.append("-") }
            dash = false
            afterKept = true
            // Scalar by scalar: a scalar view made per scalar and appended whole took a tenth of a
            // Markdown site's build (its headings' anchors).
            switch kept {
            case .scalar(let one): out.append(one)
            case .text(let text): for one in text.unicodeScalars { out.append(one) }
            case .dropped: break
            }
        }
        return String(out)
    }

    private static func isASCIILetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "0" && c <= "9")
    }

    private static func transliterate(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "æ": return "ae"
        case "ø", "ö", "ó", "ò", "ô", "õ": return "o"
        case "å", "ä", "á", "à", "â", "ã": return "a"
        case "é", "è", "ê", "ë": return "e"
        case "í", "ì", "î", "ï": return "i"
        case "ú", "ù", "û", "ü": return "u"
        case "ç": return "c"
        case "ñ": return "n"
        case "ß": return "ss"
        default: return String(scalar)
        }
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

    /// A combining mark (general category M*).
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
