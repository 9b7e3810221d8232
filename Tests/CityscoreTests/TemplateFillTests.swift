import CityscoreFormatting
import Testing

/// `Template.fill` works over bytes: it must fill exactly as the plain reading of the rule does.
@Suite struct TemplateFillTests {
    /// The rule read plainly: each `{name}` closed by the next `}` is replaced by its value when
    /// there is one and kept as written when not; values are never read again.
    static func reference(_ text: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    @Test func fillsAsTheRuleSays() {
        let values = ["city": "Tromsø", "percent": "72 %", "empty": "", "brace": "{city}", "a {b": "x"]
        let cases = [
            "", "plain", "{city} scores {percent} overall", "{missing} stays", "{", "}", "{city", "city}",
            "{{city}}", "{a {b}", "{empty}|{brace}", "æøå {city} ≥ {percent}{percent}", "{}", "x{city}y{",
        ]
        for text in cases {
            #expect(Template.fill(text, values) == Self.reference(text, values), "\(text)")
        }
        #expect(Template.fill("{brace}", values) == "{city}")
    }

    @Test func fillsRandomTextsAsTheRuleSays() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["{", "}", "city", "percent", "ø", "a {b", " ", "{city}", "{nope}", "😀"]
        let values = ["city": "Bergen", "percent": "{percent}", "a {b": "AB"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            #expect(Template.fill(text, values) == Self.reference(text, values), "\(text)")
        }
    }
}
