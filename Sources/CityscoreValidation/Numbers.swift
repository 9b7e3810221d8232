import CityscoreText
import Foundation

/// Reading numbers the way the site's data formats write them: `.` as decimal separator, no grouping.
enum Numbers {
    /// A finite decimal number, or nil. Accepts `12`, `-3.5`, `0.001`, `1e3`; rejects `1,5`, `inf`, `nan`.
    static func decimal(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy(isNumberByte), let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }

    /// An ASCII digit, sign, point or exponent: the only characters a number may have. (Checking
    /// bytes is the same as checking characters here: none of these bytes joins a character with
    /// another, and any other byte, including every byte of a non-ASCII character, is refused.)
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }

    /// What to say about a text that is not a number.
    static func explain(_ text: String, column: String) -> (String, String?) {
        if text.contains(",") && Double(text.replacingOccurrences(of: ",", with: ".")) != nil {
            return (
                "\(text.quotedForMessage()) in column \"\(column)\" is not a number: use a point as the decimal separator",
                "write \(text.replacingOccurrences(of: ",", with: "."))"
            )
        }
        if text.hasSuffix("%"), Double(String(text.dropLast()).trimmingSpaces) != nil {
            return (
                "\(text.quotedForMessage()) in column \"\(column)\" is not a number: leave the % sign out (the unit says it)",
                "write \(String(text.dropLast()).trimmingSpaces)"
            )
        }
        return ("\(text.quotedForMessage()) in column \"\(column)\" is not a number", nil)
    }
}
