import CityscoreDiagnostics
import Foundation

extension SiteReader {
    /// `source` with the files at `changed` (site-relative paths) read again and the problems of
    /// those files in `problems` replaced by the new ones, for `serve`, which keeps what it read.
    /// Results files that `source` only lists (`deferredResults`) stay listed: the validator reads
    /// the changed ones again.
    /// A theme file changed makes the theme and its strings read again. Nil when the change cannot
    /// be applied file by file: a file added, removed or now unreadable, or one that is not a city,
    /// narrative, free page, action, results, targets or theme file (site.yml, the framework,
    /// assets): the site is then read whole.
    public func reread(_ changed: Set<String>, in source: SiteSource, problems: [Diagnostic]) -> (
        SiteSource, [Diagnostic]
    )? {
        // A site in several languages is read whole: its translations are read beside the originals.
        guard source.languageSources.languages.count <= 1 else { return nil }
        var source = source
        var fresh: [Diagnostic] = []
        var ignored: [Diagnostic] = []
        let limits = ReadingOptions(source.config, into: &ignored)
        let files = source.files
        func markdown(_ path: String) -> MarkdownFile? {
            var found: [Diagnostic] = []
            let file = readMarkdown([path], files: files, limits: limits, into: &found).first
            fresh += found
            return file
        }
        func replace(_ path: String, in list: inout [MarkdownFile]) -> Bool {
            guard let i = list.firstIndex(where: { $0.path == path }), let file = markdown(path) else { return false }
            list[i] = file
            return true
        }
        func replace(_ path: String, in list: inout [CSVFile]) -> Bool {
            guard let i = list.firstIndex(where: { $0.path == path }) else { return false }
            var found: [Diagnostic] = []
            guard let file = readCSV(path, files: files, into: &found) else { return false }
            fresh += found
            list[i] = file
            return true
        }
        var theme = false
        for path in changed.sorted() {
            var kind: [Diagnostic] = []
            guard files.kind(path, into: &kind) == .file, kind.isEmpty else { return nil }
            if path.hasPrefix("Themes/") {
                theme = true
                continue
            }
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count >= 3, parts[0] == "Content" else { return nil }
            let done: Bool
            switch (parts[1], parts.count) {
            case ("cities", 3): done = replace(path, in: &source.cities)
            case ("cities", 4):
                guard var list = source.cityNarratives[parts[2]] else { return nil }
                done = replace(path, in: &list)
                source.cityNarratives[parts[2]] = list
            case ("pages", 3): done = replace(path, in: &source.pages)
            case ("actions", 3): done = replace(path, in: &source.actions)
            case ("results", 3):
                // Results listed but not read (`deferredResults`) are read again by the validator.
                done = source.deferredResults?.paths.contains(path) ?? replace(path, in: &source.results)
            case ("targets", 3): done = replace(path, in: &source.targets)
            default: done = false
            }
            guard done else { return nil }
        }
        var kept = problems.filter { !changed.contains($0.location.path) }
        if theme {
            // The theme read again as `read` reads it, its problems replacing those found before.
            kept.removeAll { $0.location.path.hasPrefix("Themes/") || $0.location.path.hasPrefix("(built-in theme)") }
            var name = "default"
            if let named = source.config.string("theme", into: &ignored), !named.isEmpty, !named.contains("/"),
                !named.hasPrefix(".")
            {
                name = named
            }
            let language = source.languageSources.languages.first ?? "en"
            source.theme = ThemeSource.read(
                files: files, name: name, at: source.config.valueLocation(of: "theme"), into: &fresh)
            source.strings = source.theme.strings(language: language, into: &fresh)
            source.languageSources.strings[language] = source.strings
            source.languageSources.ownStrings[language] = source.theme.ownStrings(language: language)
        }
        return (source, kept + fresh)
    }
}
