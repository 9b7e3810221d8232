import CityscoreDiagnostics
import Foundation

/// The settings of `site.yml` that bound what the Reading stage reads: whether links to outside the
/// site are followed, and how large a Markdown file may be.
struct ReadingOptions: Sendable {
    static let followKey = "follow_symlinks"
    static let markdownKey = "max_markdown_mb"
    /// The default largest Markdown file, in megabytes.
    static let defaultMarkdownMegabytes = 10.0

    /// `follow_symlinks: true`: links to files outside the site folder are read.
    var followSymlinks = false
    /// The largest Markdown file read, in bytes.
    var markdownBytes = Int(defaultMarkdownMegabytes * 1_000_000)

    /// The options written in `config` (site.yml), each problem reported at its key.
    init(_ config: YAMLFields, into diagnostics: inout [Diagnostic]) {
        followSymlinks = config.bool(Self.followKey, into: &diagnostics) ?? false
        if let text = config.string(Self.markdownKey, into: &diagnostics) {
            if let megabytes = Double(text.replacingOccurrences(of: "_", with: "")), megabytes > 0,
                megabytes <= 100_000
            {
                markdownBytes = Int(megabytes * 1_000_000)
            } else {
                diagnostics.append(
                    .error(
                        "\"\(Self.markdownKey)\" must be a number of megabytes above 0, found "
                            + text.quotedForMessage(),
                        at: config.location(of: Self.markdownKey),
                        suggestion: "e.g. \"\(Self.markdownKey): 10\"", code: .invalidValue))
            }
        }
    }

    /// `bytes` in megabytes (1 MB = 1,000,000 bytes), as a reader says it: `10 MB`, `11.5 MB`.
    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_000_000
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() && rounded >= 1 { return "\(Int(rounded)) MB" }
        if rounded >= 0.1 { return "\(rounded) MB" }
        return "\(bytes) bytes"
    }
}
