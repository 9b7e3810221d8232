import CityscoreBuiltIn
import CityscoreConcurrency
import CityscoreDiagnostics
import CityscoreModel
import Foundation

/// The Reading stage: turns a site folder into a `SiteSource`, reporting every file that cannot be
/// read (bad UTF-8, broken CSV quoting, broken YAML) with its position.
public struct SiteReader: Sendable {
    /// The site folder.
    public var root: String

    /// Creates a reader for the site at `root` (absolute or relative to the working folder).
    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    /// Reads the whole site; the source is nil only when the folder is not a site at all. With
    /// `deferringResults`, the results files are listed but not read (`SiteSource.deferredResults`):
    /// the validator reads them one at a time, so that a large site's tables are never all in memory.
    public func read(deferringResults: Bool = false) -> (SiteSource?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // Until site.yml is read, links to outside the site are refused.
        let strict = SiteFiles(root: root)
        guard strict.kind("Content", into: &diagnostics) == .folder else {
            if !diagnostics.isEmpty { return (nil, diagnostics) }
            return (
                nil,
                [
                    .error(
                        "this folder is not a cityscore site: it has no Content/ folder",
                        at: SourceLocation(path: "Content", line: 0, column: 0),
                        suggestion: "run `cityscore new DIR` to start one, or pass --site DIR", code: .notASite)
                ]
            )
        }

        var config = YAMLFields.parse("", path: "Content/site.yml").0
        if let text = readText("Content/site.yml", files: strict, into: &diagnostics) {
            let (fields, problems) = YAMLFields.parse(text, path: "Content/site.yml")
            config = fields
            diagnostics += problems
        } else if !strict.exists("Content/site.yml") {
            diagnostics.append(
                .error(
                    "Content/site.yml is missing; it holds the site's title and base URL",
                    at: SourceLocation(path: "Content/site.yml", line: 0, column: 0), code: .missingSiteYML))
        }
        let limits = ReadingOptions(config, into: &diagnostics)
        let files = strict.following(limits.followSymlinks)

        let frameworkPath = "Content/framework/kpis.csv"
        var framework: CSVFile
        var builtIn = false
        // A folder with only translations (kpis.<language>.csv) translates the built-in framework.
        if files.kind("Content/framework", into: &diagnostics) == .folder,
            files.exists(frameworkPath) || !LanguageSources.hasTranslations(files, into: &diagnostics)
        {
            var listed: [Diagnostic] = []
            diagnostics += ContentInventory.frameworkFolder(files.entries(of: "Content/framework", into: &listed))
            framework =
                readCSV(frameworkPath, files: files, into: &diagnostics)
                ?? CSVFile(path: frameworkPath, table: CSVTable(header: [], records: []))
        } else {
            builtIn = true
            let path = "(built-in U4SSC framework)/kpis.csv"
            let (table, problems) = CSVReader(path: path).read(Array(BuiltInResources.frameworkCSV.utf8))
            diagnostics += problems
            framework = CSVFile(path: path, table: table ?? CSVTable(header: [], records: []))
        }

        var unlisted: [Diagnostic] = []
        diagnostics += ContentInventory.topLevel(files.entries(of: "Content", into: &unlisted))
        let resultFiles = self.files(in: "Content/results", ext: "csv", files: files, into: &diagnostics)
        let targetFiles = self.files(in: "Content/targets", ext: "csv", files: files, into: &diagnostics)
        let deferred =
            deferringResults ? DeferredResults(paths: resultFiles, position: diagnostics.count, files: files) : nil
        let tables = inParallel((deferringResults ? [] : resultFiles) + targetFiles, into: &diagnostics) {
            readCSV($0, files: files, into: &$1)
        }
        let read = deferringResults ? 0 : resultFiles.count
        let results = Array(tables.prefix(read).compactMap { $0 })
        let targets = Array(tables.dropFirst(read).compactMap { $0 })
        let cityEntries = files.entries(of: "Content/cities", into: &diagnostics)
        let cityFiles = cityEntries.filter { $0.kind == .file && $0.path.hasSuffix(".md") }.map(\.path)
        diagnostics += ContentInventory.markdownFolder(cityEntries, foldersAllowed: true)
        var languageSources = LanguageSources()
        languageSources.languages = LanguageSources.languages(config)
        let cities = languageSources.takeTranslations(
            readMarkdown(cityFiles, files: files, limits: limits, into: &diagnostics))
        // Every city's narratives read at once; each folder's keep their (sorted) order.
        let folders = cityEntries.filter { $0.kind == .folder }.map { ($0.path as NSString).lastPathComponent }
        let narrativeFiles = folders.flatMap { slug in
            self.files(in: "Content/cities/" + slug, ext: "md", files: files, into: &diagnostics)
        }
        var narratives: [String: [MarkdownFile]] = [:]
        for slug in folders { narratives[slug] = [] }
        for file in languageSources.takeTranslations(
            readMarkdown(narrativeFiles, files: files, limits: limits, into: &diagnostics))
        {
            let slug = ((file.path as NSString).deletingLastPathComponent as NSString).lastPathComponent
            narratives[slug, default: []].append(file)
        }
        let pages = languageSources.takeTranslations(
            readMarkdown(
                self.files(in: "Content/pages", ext: "md", files: files, into: &diagnostics), files: files,
                limits: limits, into: &diagnostics))
        let assets = files.allFiles(under: "Content/assets", into: &diagnostics)
        let actions = readActions(files: files, limits: limits, into: &diagnostics)
        var themeName = "default"
        var language = "en"
        var ignored: [Diagnostic] = []
        if let name = config.string("theme", into: &ignored), !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") {
            themeName = name
        }
        if let lang = config.string("language", into: &ignored), !lang.isEmpty { language = lang }
        if let first = languageSources.languages.first { language = first }
        let theme = ThemeSource.read(
            files: files, name: themeName, at: config.valueLocation(of: "theme"), into: &diagnostics)
        let strings = theme.strings(language: language, into: &diagnostics)
        for other in languageSources.languages {
            languageSources.strings[other] =
                other == language ? strings : theme.strings(language: other, into: &ignored)
            languageSources.ownStrings[other] = theme.ownStrings(language: other)
            guard other != language else { continue }
            let path = "Content/framework/kpis.\(other).csv"
            if files.exists(path), let bytes = readBytes(path, files: files, into: &diagnostics) {
                languageSources.framework[other] = LanguageSources.readTranslationCSV(
                    bytes, path: path, into: &diagnostics)
            } else if builtIn {
                languageSources.framework[other] = LanguageSources.builtInFramework(other, into: &diagnostics)
            }
        }

        var source = SiteSource(
            root: root, files: files, config: config, framework: framework, frameworkIsBuiltIn: builtIn,
            results: results, targets: targets, cities: cities,
            cityFileNames: cityFiles.filter {
                LanguageSources.translation($0, others: Set(languageSources.languages.dropFirst())) == nil
            }.map { String(($0 as NSString).lastPathComponent.dropLast(3)) },
            cityNarratives: narratives, pages: pages, assets: assets, actions: actions,
            theme: theme, strings: strings)
        source.languageSources = languageSources
        source.deferredResults = deferred
        return (source, diagnostics)
    }

    // MARK: Files

    /// The files of `folder` whose names end in `.ext` (`.csv` in any case), links followed under
    /// the site's rules; every other entry of the folder is reported as ignored.
    func files(in folder: String, ext: String, files: SiteFiles, into diagnostics: inout [Diagnostic])
        -> [String]
    {
        let entries = files.entries(of: folder, into: &diagnostics)
        if ext == "csv" {
            diagnostics += ContentInventory.dataFolder(entries)
            return entries.filter { $0.kind == .file && ContentInventory.hasExtension($0.path, ext) }.map(\.path)
        }
        diagnostics += ContentInventory.markdownFolder(entries, foldersAllowed: false)
        return entries.filter { $0.kind == .file && $0.path.hasSuffix("." + ext) }.map(\.path)
    }

    private func readBytes(
        _ path: String, files: SiteFiles, limit: (bytes: Int, key: String)? = nil,
        into diagnostics: inout [Diagnostic]
    ) -> [UInt8]? {
        switch files.read(path, limit: limit?.bytes ?? Int.max, into: &diagnostics) {
        case .bytes(let bytes): return bytes
        case .missing, .refused: return nil
        case .tooLarge(let size):
            let limitText = limit.map { ReadingOptions.megabytes($0.bytes) } ?? ""
            diagnostics.append(
                .error(
                    "the file is \(ReadingOptions.megabytes(size)), more than the \(limitText) a Markdown file may have",
                    at: SourceLocation(path: path, line: 0, column: 0),
                    suggestion:
                        "split it into smaller files, or raise \(limit?.key ?? "the limit") in Content/site.yml",
                    code: .fileTooLarge
                ))
            return nil
        }
    }

    private func readText(
        _ path: String, files: SiteFiles, limit: (bytes: Int, key: String)? = nil,
        into diagnostics: inout [Diagnostic]
    ) -> String? {
        guard let bytes = readBytes(path, files: files, limit: limit, into: &diagnostics) else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(
                .error(
                    "the file is not valid UTF-8 text; save it with the UTF-8 encoding",
                    at: Self.firstInvalidUTF8(bytes, path: path), code: .notUTF8))
            return nil
        }
        return text
    }

    /// Where the first byte that is not UTF-8 is.
    static func firstInvalidUTF8(_ bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if length == 0 || i + length > bytes.count
                || String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil
            {
                let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
                return SourceLocation(path: path, line: line, column: column)
            }
            if b == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            }
            i += length
        }
        return SourceLocation(path: path, line: line, column: 1)
    }

    func readCSV(_ path: String, files: SiteFiles, into diagnostics: inout [Diagnostic]) -> CSVFile? {
        guard let bytes = readBytes(path, files: files, into: &diagnostics) else { return nil }
        let (table, problems) = CSVReader(path: path).read(bytes)
        diagnostics += problems
        return table.map { CSVFile(path: path, table: $0) }
    }

    /// Reads many Markdown files on every core; results and problems keep the order of `paths`.
    func readMarkdown(
        _ paths: [String], files: SiteFiles, limits: ReadingOptions, into diagnostics: inout [Diagnostic]
    ) -> [MarkdownFile] {
        inParallel(paths, into: &diagnostics) { readMarkdown($0, files: files, limits: limits, into: &$1) }
            .compactMap { $0 }
    }

    /// `read` applied to every path on every core; the results (nil for a file that could not be
    /// read) and the problems keep the order of `paths`.
    private func inParallel<T: Sendable>(
        _ paths: [String], into diagnostics: inout [Diagnostic],
        _ read: @Sendable (String, inout [Diagnostic]) -> T?
    ) -> [T?] {
        let results = Parallel.map(paths) { path -> (T?, [Diagnostic]) in
            var problems: [Diagnostic] = []
            let value = read(path, &problems)
            return (value, problems)
        }
        var values: [T?] = []
        values.reserveCapacity(results.count)
        for (value, problems) in results {
            diagnostics += problems
            values.append(value)
        }
        return values
    }

    private func readMarkdown(
        _ path: String, files: SiteFiles, limits: ReadingOptions, into diagnostics: inout [Diagnostic]
    ) -> MarkdownFile? {
        let limit = (limits.markdownBytes, ReadingOptions.markdownKey)
        guard let text = readText(path, files: files, limit: limit, into: &diagnostics) else { return nil }
        let (frontMatter, problems) = FrontMatter.split(text, path: path)
        diagnostics += problems
        let name = String((path as NSString).lastPathComponent.dropLast(3))
        return MarkdownFile(path: path, name: name, frontMatter: frontMatter)
    }
}
