import CityscoreDiagnostics

/// The results files of a site listed but not read yet (`SiteReader.read(deferringResults: true)`):
/// the Validation stage reads each one when it checks it and keeps only its validated rows, so that
/// the tables of a large site are never held all at once (a table costs about 300 bytes a row, its
/// validated rows a third of that).
public struct DeferredResults: Sendable {
    /// `Content/results/*.csv`, sorted by path.
    public var paths: [String]
    /// Where the problems of reading these files go among the problems of reading the site: after
    /// those of the files listed before them, before those of the targets files.
    public var position: Int
    /// How the files are read (links followed under the site's rules).
    public var files: SiteFiles

    /// The files at `paths`, read through `files`; their reading problems belong at `position`.
    public init(paths: [String], position: Int, files: SiteFiles) {
        self.paths = paths
        self.position = position
        self.files = files
    }

    /// Reads one of the files as `SiteReader.read` reads it: the table, nil when the file cannot be
    /// read, and the problems found reading it.
    public func read(_ path: String) -> (CSVFile?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let file = SiteReader(root: files.root).readCSV(path, files: files, into: &problems)
        return (file, problems)
    }

    /// `problems` with `results` (the reading problems of the files, in the order of `paths`) put
    /// where `read` would have put them.
    public func merged(_ results: [Diagnostic], into problems: [Diagnostic]) -> [Diagnostic] {
        var merged = problems
        merged.insert(contentsOf: results, at: min(max(0, position), merged.count))
        return merged
    }
}
