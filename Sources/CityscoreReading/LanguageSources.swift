import CityscoreBuiltIn
import CityscoreDiagnostics
import Foundation

/// What a site publishes in its other languages: `languages:` of `site.yml`, each language's
/// strings, framework translation (`framework/kpis.<language>.csv`) and translated narratives
/// (`karmoy.nb.md` beside `karmoy.md`).
public struct LanguageSources: Sendable {
    /// Every language, the default first (`languages:`, else `language:`, else `en`).
    public var languages: [String] = ["en"]
    /// The theme's strings of each language, English filling the gaps.
    public var strings: [String: [String: String]] = [:]
    /// The theme's own strings of each language, without the English fallback, for `check`.
    public var ownStrings: [String: (path: String, keys: [String: SourceLocation])] = [:]
    /// The framework translation of each language that has one.
    public var framework: [String: CSVFile] = [:]
    /// Translated Markdown by language, then by the path of the file it translates.
    public var documents: [String: [String: MarkdownFile]] = [:]

    public init() {}

    /// The languages of `site.yml`: `languages: [en, nb]`, else `language: nb`, else English.
    static func languages(_ config: YAMLFields) -> [String] {
        var ignored: [Diagnostic] = []
        if let list = config.strings("languages", into: &ignored)?.filter({ !$0.isEmpty }), !list.isEmpty {
            var seen = Set<String>()
            return list.filter { seen.insert($0).inserted }
        }
        if let lang = config.string("language", into: &ignored), !lang.isEmpty { return [lang] }
        return ["en"]
    }

    /// The language a Markdown file is a translation into (`nb` of `karmoy.nb.md`), when it is one
    /// of `others`, with the path of the file it translates.
    static func translation(_ path: String, others: Set<String>) -> (language: String, original: String)? {
        guard path.hasSuffix(".md") else { return nil }
        let stem = path.dropLast(3)
        guard let dot = stem.lastIndex(of: "."), !stem[..<dot].hasSuffix("/") else { return nil }
        let language = String(stem[stem.index(after: dot)...])
        guard others.contains(language) else { return nil }
        return (language, String(stem[..<dot]) + ".md")
    }

    /// Splits translations out of `files` (`karmoy.nb.md`), keeping the rest in order.
    mutating func takeTranslations(_ files: [MarkdownFile]) -> [MarkdownFile] {
        let others = Set(languages.dropFirst())
        guard !others.isEmpty else { return files }
        var kept: [MarkdownFile] = []
        for file in files {
            if let (language, original) = Self.translation(file.path, others: others) {
                documents[language, default: [:]][original] = file
            } else {
                kept.append(file)
            }
        }
        return kept
    }

    /// A framework translation's table: `#` comment lines at the top (a header saying where the
    /// words come from) are skipped, and positions stay those of the file.
    static func readTranslationCSV(_ bytes: [UInt8], path: String, into diagnostics: inout [Diagnostic]) -> CSVFile? {
        var start = 0
        var skipped = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: "#") {
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            start = end + 1
            skipped += 1
        }
        let (table, problems) = CSVReader(path: path).read(Array(bytes[start...]))
        diagnostics += problems.map { problem in
            var moved = problem
            if moved.location.line > 0 { moved.location.line += skipped }
            return moved
        }
        guard var table else { return nil }
        table.shiftLines(by: skipped)
        return CSVFile(path: path, table: table)
    }

    /// Whether `Content/framework/` holds framework translations (`kpis.<language>.csv`).
    static func hasTranslations(_ files: SiteFiles, into diagnostics: inout [Diagnostic]) -> Bool {
        var ignored: [Diagnostic] = []
        return files.entries(of: "Content/framework", into: &ignored).contains {
            $0.kind == .file && $0.path.hasPrefix("Content/framework/kpis.") && $0.path.hasSuffix(".csv")
                && $0.path != "Content/framework/kpis.csv"
        }
    }

    /// The built-in framework's translation into `language`, if the binary carries one.
    static func builtInFramework(_ language: String, into diagnostics: inout [Diagnostic]) -> CSVFile? {
        guard let csv = BuiltInResources.frameworkTranslations.first(where: { $0.language == language })?.csv else {
            return nil
        }
        return readTranslationCSV(
            Array(csv.utf8), path: "(built-in U4SSC framework)/kpis.\(language).csv", into: &diagnostics)
    }
}

extension CSVTable {
    /// The same table with every position `lines` further down (rows read after skipped lines).
    mutating func shiftLines(by lines: Int) {
        guard lines > 0 else { return }
        let shift = Int32(clamping: lines)
        for i in header.indices { header[i].line += shift }
        for r in records.indices {
            records[r].location.line += lines
            for f in records[r].fields.indices { records[r].fields[f].line += shift }
        }
    }
}
