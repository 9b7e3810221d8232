import CityscoreText
import Testing

/// `Slug` appends scalar by scalar: its slugs and anchors must be those of the rule read plainly.
@Suite struct SlugRuleTests {
    /// The rule read plainly: lowercased; each scalar kept as `keep` maps it; each run of dropped
    /// scalars one `-`; none at either end.
    static func reference(_ text: String, keep: (Unicode.Scalar, Bool) -> String?) -> String {
        var out = ""
        var dash = false
        var afterKept = false
        for scalar in text.lowercased().unicodeScalars {
            if let kept = keep(scalar, afterKept) {
                if dash && !out.isEmpty { out += "-" }
                (dash, afterKept) = (false, true)
                out += kept
            } else {
                (dash, afterKept) = (true, false)
            }
        }
        return out
    }

    static let transliterated: [Unicode.Scalar: String] = [
        "æ": "ae", "ø": "o", "ö": "o", "ó": "o", "ò": "o", "ô": "o", "õ": "o", "å": "a", "ä": "a", "á": "a",
        "à": "a", "â": "a", "ã": "a", "é": "e", "è": "e", "ê": "e", "ë": "e", "í": "i", "ì": "i", "î": "i",
        "ï": "i", "ú": "u", "ù": "u", "û": "u", "ü": "u", "ç": "c", "ñ": "n", "ß": "ss",
    ]

    static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool { (s >= "a" && s <= "z") || (s >= "0" && s <= "9") }

    @Test func slugsAndAnchorsFollowTheRule() {
        var generator = SplitMix(seed: 30)
        let pieces = [
            "EC: ICT", " ", "1C", "Ærøskøbing", "ß", "Tromsø", "--", "é", "e\u{301}", "\u{301}", "नमस्ते", "😀", "&",
            "\u{200F}", "Ålesund", "İ", "x", "",
        ]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let slug = Self.reference(text) { scalar, _ in
                let mapped = Self.transliterated[scalar] ?? String(scalar)
                return mapped.unicodeScalars.allSatisfy(Self.isASCIIAlphanumeric) ? mapped : nil
            }
            #expect(Slug.make(text) == slug, "\(text)")
            let anchor = Self.reference(text) { scalar, afterKept in
                let category = scalar.properties.generalCategory
                let letterOrDigit =
                    scalar.isASCII
                    ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                    : [
                        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                        .decimalNumber,
                    ]
                    .contains(category) || scalar.properties.isAlphabetic
                let mark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(category)
                return letterOrDigit || (afterKept && mark) ? String(scalar) : nil
            }
            #expect(Slug.anchor(text) == anchor, "\(text)")
        }
    }
}
