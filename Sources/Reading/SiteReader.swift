import BuiltIn
import Diagnostics
import Foundation
import Model

/// The Reading stage: turns a site folder into a `SiteSource`, reporting every file that cannot be
/// read (bad UTF-8, broken CSV quoting, broken YAML) with its position.
public struct SiteReader: Sendable {
    /// The site folder.
    public var root: String

    /// Creates a reader for the site at `root` (absolute or relative to the working folder).
    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    /// Reads the whole site; the source is nil only when the folder is not a site at all.
    public func read() -> (SiteSource?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let content = "Content"
        guard isDirectory(content) else {
            return (
                nil,
                [
                    .error(
                        "this folder is not a cityscore site: it has no Content/ folder",
                        at: SourceLocation(path: "Content", line: 0, column: 0),
                        suggestion: "run `cityscore new DIR` to start one, or pass --site DIR")
                ]
            )
        }

        var config = YAMLFields.parse("", path: "Content/site.yml").0
        if let text = readText("Content/site.yml", into: &diagnostics) {
            let (fields, problems) = YAMLFields.parse(text, path: "Content/site.yml")
            config = fields
            diagnostics += problems
        } else if !exists("Content/site.yml") {
            diagnostics.append(
                .error(
                    "Content/site.yml is missing; it holds the site's title and base URL",
                    at: SourceLocation(path: "Content/site.yml", line: 0, column: 0)))
        }

        let frameworkPath = "Content/framework/kpis.csv"
        var framework: CSVFile
        var builtIn = false
        if isDirectory("Content/framework") {
            framework =
                readCSV(frameworkPath, into: &diagnostics)
                ?? CSVFile(path: frameworkPath, table: CSVTable(header: [], records: []))
        } else {
            builtIn = true
            let path = "(built-in U4SSC framework)/kpis.csv"
            let (table, problems) = CSVReader(path: path).read(Array(BuiltInResources.frameworkCSV.utf8))
            diagnostics += problems
            framework = CSVFile(path: path, table: table ?? CSVTable(header: [], records: []))
        }

        let resultFiles = files(in: "Content/results", ext: "csv")
        let tables = inParallel(resultFiles + files(in: "Content/targets", ext: "csv"), into: &diagnostics) {
            readCSV($0, into: &$1)
        }
        let results = Array(tables.prefix(resultFiles.count).compactMap { $0 })
        let targets = Array(tables.dropFirst(resultFiles.count).compactMap { $0 })
        let cityFiles = files(in: "Content/cities", ext: "md")
        let cities = readMarkdown(cityFiles, into: &diagnostics)
        // Every city's narratives read at once; each folder's keep their (sorted) order.
        let folders = directories(in: "Content/cities").map { ($0 as NSString).lastPathComponent }
        let narrativeFiles = folders.flatMap { slug in files(in: "Content/cities/" + slug, ext: "md") }
        var narratives: [String: [MarkdownFile]] = [:]
        for slug in folders { narratives[slug] = [] }
        for file in readMarkdown(narrativeFiles, into: &diagnostics) {
            let slug = ((file.path as NSString).deletingLastPathComponent as NSString).lastPathComponent
            narratives[slug, default: []].append(file)
        }
        let pages = readMarkdown(files(in: "Content/pages", ext: "md"), into: &diagnostics)
        let assets = allFiles(under: "Content/assets", into: &diagnostics)
        var themeName = "default"
        var language = "en"
        var ignored: [Diagnostic] = []
        if let name = config.string("theme", into: &ignored), !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") {
            themeName = name
        }
        if let lang = config.string("language", into: &ignored), !lang.isEmpty { language = lang }
        let theme = ThemeSource.read(root: root, name: themeName, into: &diagnostics)
        let strings = theme.strings(language: language, into: &diagnostics)

        let source = SiteSource(
            root: root, config: config, framework: framework, frameworkIsBuiltIn: builtIn, results: results,
            targets: targets, cities: cities,
            cityFileNames: cityFiles.map { String(($0 as NSString).lastPathComponent.dropLast(3)) },
            cityNarratives: narratives, pages: pages, assets: assets,
            theme: theme, strings: strings)
        return (source, diagnostics)
    }

    // MARK: Files

    private func absolute(_ path: String) -> String { root + "/" + path }

    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: absolute(path)) }

    private func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isDir) && isDir.boolValue
    }

    private func isSymlink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: absolute(path))) != nil
    }

    /// Entries of a folder, sorted by name (byte order), hidden files left out.
    private func entries(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: absolute(folder))) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { folder + "/" + $0 }
    }

    private func files(in folder: String, ext: String) -> [String] {
        entries(folder).filter { $0.hasSuffix("." + ext) && !isDirectory($0) }
    }

    private func directories(in folder: String) -> [String] {
        entries(folder).filter { isDirectory($0) && !isSymlink($0) }
    }

    /// Every file under `folder`, relative to it; symbolic links to folders are not followed
    /// (a link loop cannot hang the build), and are reported.
    private func allFiles(under folder: String, into diagnostics: inout [Diagnostic]) -> [String] {
        var out: [String] = []
        var stack = [folder]
        while let current = stack.popLast() {
            for entry in entries(current) {
                if isDirectory(entry) {
                    if isSymlink(entry) {
                        diagnostics.append(
                            .warning(
                                "a link to a folder is not followed: copy the files instead",
                                at: SourceLocation(path: entry, line: 0, column: 0)))
                    } else {
                        stack.append(entry)
                    }
                } else {
                    out.append(String(entry.dropFirst(folder.count + 1)))
                }
            }
        }
        return out.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    private func readBytes(_ path: String, into diagnostics: inout [Diagnostic]) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: absolute(path)) else {
            if exists(path) || isSymlink(path) {
                diagnostics.append(
                    .error(Self.unreadable(absolute(path)), at: SourceLocation(path: path, line: 0, column: 0)))
            }
            return nil
        }
        return [UInt8](data)
    }

    private func readText(_ path: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let bytes = readBytes(path, into: &diagnostics) else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(
                .error(
                    "the file is not valid UTF-8 text; save it with the UTF-8 encoding",
                    at: Self.firstInvalidUTF8(bytes, path: path)))
            return nil
        }
        return text
    }

    /// Why a file cannot be read, in plain words.
    public static func unreadable(_ absolutePath: String) -> String {
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: absolutePath)) != nil,
            !FileManager.default.fileExists(atPath: absolutePath)
        {
            return "the file is a link that leads nowhere (a missing file or a loop of links)"
        }
        return "the file cannot be read (check that it exists and that you may read it)"
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

    private func readCSV(_ path: String, into diagnostics: inout [Diagnostic]) -> CSVFile? {
        guard let bytes = readBytes(path, into: &diagnostics) else { return nil }
        let (table, problems) = CSVReader(path: path).read(bytes)
        diagnostics += problems
        return table.map { CSVFile(path: path, table: $0) }
    }

    /// Reads many Markdown files on every core; results and problems keep the order of `paths`.
    private func readMarkdown(_ paths: [String], into diagnostics: inout [Diagnostic]) -> [MarkdownFile] {
        inParallel(paths, into: &diagnostics) { readMarkdown($0, into: &$1) }.compactMap { $0 }
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

    private func readMarkdown(_ path: String, into diagnostics: inout [Diagnostic]) -> MarkdownFile? {
        guard let text = readText(path, into: &diagnostics) else { return nil }
        let (frontMatter, problems) = FrontMatter.split(text, path: path)
        diagnostics += problems
        let name = String((path as NSString).lastPathComponent.dropLast(3))
        return MarkdownFile(path: path, name: name, frontMatter: frontMatter)
    }
}
