import CityscoreDiagnostics

/// No silent files: every entry of `Content/` that the build does not read is a warning naming it
/// and saying what to do. Hidden entries (names starting with `.`, such as `.DS_Store` or
/// `.gitkeep`) are never listed, so they are ignored without a word; `Content/assets/` is copied
/// whole, so nothing in it is ever ignored.
enum ContentInventory {
    /// The entries the build reads directly in `Content/`.
    static let known = [
        "site.yml", "framework", "results", "targets", "cities", "pages", "assets", "actions", "changes",
    ]

    /// Whether `path` ends in `.ext`, in any case (`.CSV` too).
    static func hasExtension(_ path: String, _ ext: String) -> Bool {
        path.lowercased().hasSuffix("." + ext)
    }

    /// The lower-case extension of a file name, or "" when it has none.
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    static func ignored(_ path: String, _ message: String, _ fix: String) -> Diagnostic {
        .warning(message, at: SourceLocation(path: path, line: 0, column: 0), suggestion: fix, code: .ignoredFile)
    }

    /// Warnings for the top level of `Content/`.
    static func topLevel(_ entries: [(path: String, kind: SiteFiles.Kind)]) -> [Diagnostic] {
        entries.compactMap { entry in
            let name = String(entry.path.dropFirst("Content/".count))
            guard !known.contains(name) else { return nil }
            let what = entry.kind == .folder ? "folder" : "file"
            return ignored(
                entry.path, "the build ignores this \(what): Content/ has no place for it",
                Suggestions.didYouMean(name, in: known)
                    ?? "move it into one of \(known.map { $0 == "site.yml" ? $0 : $0 + "/" }.joined(separator: ", ")), "
                    + "or out of Content/")
        }
    }

    /// Warnings for `Content/results/` or `Content/targets/`: everything but `.csv` files.
    static func dataFolder(_ entries: [(path: String, kind: SiteFiles.Kind)]) -> [Diagnostic] {
        entries.compactMap { entry in
            if entry.kind == .folder {
                return ignored(
                    entry.path, "the build ignores folders here: only the .csv files of this folder are read",
                    "move its .csv files up into this folder")
            }
            switch fileExtension(entry.path) {
            case "csv":
                return nil
            case "xlsx", "xls", "xlsm", "ods", "numbers":
                return ignored(
                    entry.path, "the build ignores spreadsheet files: only .csv files are read",
                    "save the sheet as \"CSV UTF-8\" beside it, or convert it with `cityscore import`")
            case "txt", "tsv", "tab":
                return ignored(
                    entry.path, "the build ignores this file: only .csv files are read",
                    "if it holds comma-separated values, rename it to .csv; if its columns are separated by tabs, "
                        + "save it as \"CSV UTF-8\" from a spreadsheet program")
            default:
                return ignored(
                    entry.path, "the build ignores this file: only .csv files are read here",
                    "move it out of Content/, or into Content/assets/ to publish it as it is")
            }
        }
    }

    /// Warnings for `Content/pages/`, `Content/cities/` or a city's narrative folder: everything but
    /// `.md` files (and, in `Content/cities/`, the cities' folders).
    static func markdownFolder(_ entries: [(path: String, kind: SiteFiles.Kind)], foldersAllowed: Bool)
        -> [Diagnostic]
    {
        entries.compactMap { entry in
            if entry.kind == .folder {
                return foldersAllowed
                    ? nil
                    : ignored(
                        entry.path, "the build ignores folders here: only the .md files of this folder are read",
                        "move its .md files up into this folder")
            }
            if entry.path.hasSuffix(".md") { return nil }
            switch fileExtension(entry.path) {
            case "md", "markdown", "mdown", "txt":
                return ignored(
                    entry.path, "the build ignores this file: only files ending in .md (lower case) are read",
                    "rename it to end in .md")
            case "docx", "doc", "odt", "rtf", "pages":
                return ignored(
                    entry.path, "the build ignores word-processor files: narratives are Markdown (.md) files",
                    "copy the text into a .md file")
            default:
                return ignored(
                    entry.path, "the build ignores this file: only .md files are read here",
                    "move it into Content/assets/ to publish it, and link to it from a .md file")
            }
        }
    }

    /// Warnings for `Content/framework/`: everything but `kpis.csv`.
    static func frameworkFolder(_ entries: [(path: String, kind: SiteFiles.Kind)]) -> [Diagnostic] {
        entries.compactMap { entry in
            guard entry.path != "Content/framework/kpis.csv" else { return nil }
            // Translations of the framework: kpis.<language>.csv.
            if entry.kind != .folder, entry.path.hasPrefix("Content/framework/kpis."), entry.path.hasSuffix(".csv") {
                return nil
            }
            return ignored(
                entry.path,
                "the build ignores this \(entry.kind == .folder ? "folder" : "file"): "
                    + "only Content/framework/kpis.csv and its translations kpis.<language>.csv are read here",
                fileExtension(entry.path) == "csv"
                    ? "name the framework file kpis.csv" : "move it out of Content/framework/")
        }
    }
}
