import Testing

@testable import CityscoreValidation

/// Numbers in data files, read by bytes, against the character rule they replace.
@Suite("Numbers in data files")
struct NumbersTests {
    /// The rule as it was written before: every character ASCII and a digit, sign, point or exponent.
    static func reference(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    @Test(arguments: [
        "12", "-3.5", "0.001", "1e3", "+2E-2", "1,5", "inf", "nan", "1e999", "0x10", "", "+", ".", "1\u{301}",
        "\u{661}\u{662}", "١2", "12 ", "1\r\n", "1\u{FF10}", "97.0", "-0", "2.5e",
    ])
    func sameAsTheCharacterRule(_ text: String) {
        #expect(Numbers.decimal(text) == Self.reference(text))
    }
}
