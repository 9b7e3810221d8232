/// URL slugs as README, "Output" fixes them.
public enum Slug {
    /// Lowercased, runs of characters other than ASCII letters and digits turned into one `-`,
    /// no `-` at either end: `EC: ICT: ICT: 1C` → `ec-ict-ict-1c`, `Society and Culture` →
    /// `society-and-culture`. Letters outside ASCII are transliterated where common (`ø` → `o`).
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let mapped = transliterate(scalar)
            for c in mapped.unicodeScalars {
                if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                    if pendingDash && !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(c)
                } else {
                    pendingDash = true
                }
            }
        }
        return out
    }

    /// Whether `text` is already a valid slug (what `make` would leave as it is).
    public static func isValid(_ text: String) -> Bool { !text.isEmpty && make(text) == text }

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
}
