/// Sentence templates with named placeholders (`"{city} scores {percent} overall"`), the form every
/// translatable sentence takes in a theme's `strings/<language>.yml`.
public enum Template {
    /// `text` with `{name}` placeholders filled in from `values`, in one pass (a value is never read
    /// as a placeholder); a placeholder without a value stays as written.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            let (open, shut) = (UInt8(ascii: "{"), UInt8(ascii: "}"))
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            var position = bytes.firstIndex(of: open) ?? bytes.count
            out.append(contentsOf: bytes[..<position])
            // At each `{`: a placeholder when a `}` closes it, its value (or itself) copied out,
            // then the text up to the next `{`; with no `}` after it, the rest as written.
            while position < bytes.count {
                guard let close = bytes[(position + 1)...].firstIndex(of: shut) else {
                    out.append(contentsOf: bytes[position...])
                    break
                }
                let name = String(decoding: bytes[(position + 1)..<close], as: UTF8.self)
                if var value = values[name] {
                    value.withUTF8 { out.append(contentsOf: $0) }
                } else {
                    out.append(contentsOf: bytes[position...close])
                }
                position = close + 1
                let next = bytes[position...].firstIndex(of: open) ?? bytes.count
                out.append(contentsOf: bytes[position..<next])
                position = next
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The names of the placeholders of `text`, in order (`["city", "percent"]`).
    public static func placeholders(_ text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// A CLDR plural category. A strings file gives a counted phrase as `key_one`, `key_other` and, for
/// languages that have them, `key_zero`, `key_two`, `key_few`, `key_many`; `other` is always needed.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

/// The CLDR plural rule of a language, for the whole numbers that pages count.
public struct PluralRule: Sendable, Hashable {
    /// The primary language subtag, lowercased (`nb` of `nb-NO`).
    public var language: String

    /// The rule of a BCP 47 language tag.
    public init(language tag: String) {
        language = String(tag.split(separator: "-").first ?? "").lowercased()
    }

    /// The category of the whole number `n` (CLDR 44, integer operands only).
    public func category(_ n: Int) -> PluralCategory {
        switch language {
        // No plural distinction.
        case "ja", "zh", "ko", "vi", "th", "id", "ms", "tr": return .other
        // 0 and 1 take the singular.
        case "fr", "pt", "hi", "bn", "fa": return n == 0 || n == 1 ? .one : .other
        case "pl":
            if n == 1 { return .one }
            return (2...4).contains(n % 10) && !(12...14).contains(n % 100) ? .few : .many
        case "ru", "uk", "be", "sr", "hr", "bs":
            if n % 10 == 1 && n % 100 != 11 { return .one }
            if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return .few }
            return language == "sr" || language == "hr" || language == "bs" ? .other : .many
        case "cs", "sk": return n == 1 ? .one : (2...4).contains(n) ? .few : .other
        case "lt":
            if n % 10 == 1 && !(11...19).contains(n % 100) { return .one }
            return (2...9).contains(n % 10) && !(11...19).contains(n % 100) ? .few : .other
        case "lv":
            return n % 10 == 0 || (11...19).contains(n % 100) ? .zero : n % 10 == 1 && n % 100 != 11 ? .one : .other
        case "ar":
            if n == 0 { return .zero }
            if n == 1 { return .one }
            if n == 2 { return .two }
            if (3...10).contains(n % 100) { return .few }
            return (11...99).contains(n % 100) ? .many : .other
        case "cy":
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            case 3: return .few
            case 6: return .many
            default: return .other
            }
        // English, the Scandinavian and most European languages: one for 1, other otherwise.
        default: return n == 1 ? .one : .other
        }
    }
}
