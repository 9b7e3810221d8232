import CityscoreFormatting
import CityscoreModel
import Testing

@testable import CityscoreRendering

/// Numbers and interface strings as pages show them: the one formatter and the placeholders.
@Suite("Numbers and strings")
struct TextFormatTests {
    @Test func numbersAreRoundedGroupedAndTrimmed() {
        let en = NumberFormat()
        #expect(en.number(0) == "0")
        #expect(en.number(0.5) == "0.5")
        #expect(en.number(12.30) == "12.3")
        #expect(en.number(1234.5678) == "1,234.57")
        #expect(en.number(1_000_000.004) == "1,000,000")
        #expect(en.number(3.14159, maxFractionDigits: 4) == "3.1416")
        #expect(en.number(0.05, maxFractionDigits: 1) == "0.1")
        #expect(en.number(2.0501, maxFractionDigits: 3) == "2.05")
        #expect(en.number(1.007) == "1.01")
        #expect(en.number(0.0001) == "0")
        #expect(en.number(-0.001) == "0", "minus zero is shown as zero")
        #expect(en.number(-1234.5) == "−1,234.5")
        #expect(en.number(.infinity) == "–")
        #expect(en.count(999) == "999")
        #expect(en.count(1000) == "1,000")
        #expect(en.count(-5) == "−5")
        #expect(en.percent(71.43) == "71.4\u{00A0}%")
        let nb = NumberFormat.forLanguage("nb-NO")
        #expect(nb.number(1234.5) == "1\u{202F}234,5")
        #expect(nb.number(0.25) == "0,25")
    }

    @Test func ranksShareTiesAtTheShownPrecision() {
        #expect(Ranking.ranks([90, 80, 90, nil, 70.04, 70.0]) == ["=1", "3", "=1", "–", "=4", "=4"])
        #expect(Ranking.ranks([nil, nil]) == ["–", "–"])
        #expect(Ranking.ranks([0, 100]) == ["2", "1"])
        let many = (0..<5000).map { Double($0 % 100) }
        let ranks = Ranking.ranks(many)
        #expect(ranks[99] == "=1" && ranks[0] == "=4951", "50 cities share each score")
    }

    @Test func placeholdersAreFilledInOnePass() {
        let strings = Strings([
            "line": "{reported} of {items} reported", "plain": "no placeholders", "odd": "{unknown} and {",
        ])
        #expect(strings.format("line", ["reported": "3", "items": "{reported}"]) == "3 of {reported} reported")
        #expect(strings.format("plain", ["x": "y"]) == "no placeholders")
        #expect(strings.format("odd", [:]) == "{unknown} and {")
        #expect(strings.format("missing-key", [:]) == "missing-key")
    }
}
