import CityscoreDiagnostics
import Foundation
import Testing

/// The README's table "Diagnostic codes" is generated from `DiagnosticCode`, so it cannot drift:
/// `CITYSCORE_WRITE_README=1 swift test --filter DiagnosticCodeTableTests` rewrites it.
@Suite struct DiagnosticCodeTableTests {
    static let heading = "## Diagnostic codes"

    /// The README next to Package.swift.
    static var readmePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md").path
    }

    /// The table, one row per code in alphabetical order: code | severity | meaning | typical fix.
    static func table() -> String {
        var lines = ["| Code | Severity | Meaning | Typical fix |", "|---|---|---|---|"]
        for code in DiagnosticCode.allCases.sorted() {
            let (meaning, fix) = code.explanation
            lines.append(
                "| `\(code.rawValue)` | \(code.severity.rawValue) | \(cell(meaning)) | \(cell(fix)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    /// The section's lines (heading excluded) up to the next `## ` heading.
    static func section(of readme: String) -> [Substring]? {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == heading }) else { return nil }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
        return Array(lines[(start + 1)..<end])
    }

    /// The codes the README's table lists (the first cell of each row, in backticks).
    static func listedCodes(in section: [Substring]) -> [String] {
        section.filter { $0.hasPrefix("| `") }.compactMap { line in
            line.split(separator: "`", maxSplits: 2).dropFirst().first.map(String.init)
        }
    }

    @Test func everyCodeIsKebabCaseAndUnique() {
        let names = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(
                name.allSatisfy { ($0.isASCII && $0.isLowercase) || $0.isNumber || $0 == "-" } && !name.hasPrefix("-")
                    && !name.hasSuffix("-") && !name.contains("--"), "\(name) is not kebab-case")
            #expect(DiagnosticCode(named: name)?.rawValue == name)
        }
    }

    @Test func everyCodeHasAMeaningAndAFix() {
        for code in DiagnosticCode.allCases {
            #expect(!code.explanation.meaning.isEmpty && !code.explanation.fix.isEmpty, "\(code.rawValue)")
            #expect(!code.explanation.meaning.contains("\n") && !code.explanation.fix.contains("\n"))
        }
    }

    @Test func theREADMETableListsEveryCodeAndNoOther() throws {
        var readme = try String(contentsOfFile: Self.readmePath, encoding: .utf8)
        if ProcessInfo.processInfo.environment["CITYSCORE_WRITE_README"] == "1", let section = Self.section(of: readme)
        {
            let table = section.filter { $0.hasPrefix("|") }.joined(separator: "\n") + "\n"
            readme = readme.replacingOccurrences(of: table, with: Self.table())
            try readme.write(toFile: Self.readmePath, atomically: true, encoding: .utf8)
        }
        let section = try #require(Self.section(of: readme), "README.md has no section \"\(Self.heading)\"")
        let listed = Self.listedCodes(in: section)
        let known = Set(DiagnosticCode.allCases.map(\.rawValue))
        let missing = known.subtracting(listed).sorted()
        let unknown = Set(listed).subtracting(known).sorted()
        #expect(missing.isEmpty, "codes missing from the README's table: \(missing.joined(separator: ", "))")
        #expect(unknown.isEmpty, "the README's table lists codes that do not exist: \(unknown.joined(separator: ", "))")
        let table = section.filter { $0.hasPrefix("|") }.joined(separator: "\n") + "\n"
        #expect(
            table == Self.table(),
            "the README's table differs from DiagnosticCode; run CITYSCORE_WRITE_README=1 swift test --filter DiagnosticCodeTableTests"
        )
    }
}
