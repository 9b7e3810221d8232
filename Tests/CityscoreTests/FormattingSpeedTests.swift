import CityscoreFormatting
import Testing

/// The byte-level `NumberFormat.published` gives what the first, character-level one gave.
struct FormattingSpeedTests {
    /// The first implementation, kept here as the reference.
    static func reference(_ format: NumberFormat, _ text: String) -> String? {
        var rest = Substring(text)
        var sign = ""
        if let first = rest.first, first == "-" || first == "+" {
            if first == "-" { sign = "−" }
            rest = rest.dropFirst()
        }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty || parts.count == 2,
            (whole + (parts.count == 2 ? parts[1] : "")).allSatisfy({ $0.isASCII && $0.isNumber }),
            !(whole + (parts.count == 2 ? parts[1] : "")).isEmpty
        else { return nil }
        let wholeText = whole.isEmpty ? "0" : String(whole)
        var out = sign + (wholeText.count > 3 ? group(format, wholeText) : wholeText)
        if parts.count == 2 && !parts[1].isEmpty { out += format.decimalSeparator + parts[1] }
        if sign == "−" && wholeText.allSatisfy({ $0 == "0" }) && (parts.count < 2 || parts[1].allSatisfy { $0 == "0" })
        {
            out.removeFirst()
        }
        return out
    }

    static func group(_ format: NumberFormat, _ digits: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += format.groupingSeparator }
            out.append(c)
        }
        return out
    }

    static let formats = [NumberFormat(), NumberFormat.forLanguage("nb"), NumberFormat.forLanguage("de")]

    @Test(arguments: [
        "0", "-0", "-0.00", "+0.0", "97.00", "0.001", "3.90", "95424", "-95424.5", "1234567.891", ".5", "-.5", "5.",
        "-5.", "", "-", "+", ".", "-.", "1.2.3", "1e5", "12a", " 12", "12 ", "١٢", "½", "1\u{301}", "+12", "--1",
        "00012", "1,000", "∞", "NaN",
    ])
    func publishedMatchesTheReference(_ text: String) {
        for format in Self.formats {
            #expect(format.published(text) == Self.reference(format, text), "\(text)")
        }
    }

    @Test func publishedMatchesTheReferenceOnRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["0", "1", "5", "9", ".", "-", "+", "e", " ", "٣", "\u{301}", ","]
        var compared = 0
        for _ in 0..<5000 {
            let length = Int.random(in: 0...9, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
            for format in Self.formats {
                #expect(format.published(text) == Self.reference(format, text), "\(text)")
                compared += 1
            }
        }
        #expect(compared == 15000)
    }
}
