import Foundation

/// Reading numbers the way the site's data formats write them: `.` as decimal separator, no grouping.
enum Numbers {
    /// A finite decimal number, or nil. Accepts `12`, `-3.5`, `0.001`, `1e3`; rejects `1,5`, `inf`, `nan`.
    static func decimal(_ text: String) -> Double? {
        guard !text.isEmpty,
            text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
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
