import CityscoreDiagnostics

extension SiteReader {
    /// The folder of the actions cities take on their KPIs (issue 16).
    static let actionsFolder = "Content/actions"

    /// Reads `Content/actions/*.md` (front matter and Markdown body), when the folder exists; every
    /// other entry of the folder is reported as ignored, as in `Content/pages/`.
    func readActions(files: SiteFiles, limits: ReadingOptions, into diagnostics: inout [Diagnostic])
        -> [MarkdownFile]
    {
        guard files.exists(Self.actionsFolder) else { return [] }
        guard files.kind(Self.actionsFolder, into: &diagnostics) == .folder else { return [] }
        let paths = self.files(in: Self.actionsFolder, ext: "md", files: files, into: &diagnostics)
        return readMarkdown(paths, files: files, limits: limits, into: &diagnostics)
    }
}
