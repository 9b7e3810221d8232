import CityscoreDiagnostics
import CityscoreText

/// The panel shown over every page while the latest build has errors: the same
/// `path:line:column: error: …` lines the terminal shows, escaped, above the last good site.
public enum ErrorOverlay {
    /// The element's id, for tests and for styles that want to find it.
    public static let id = "cityscore-build-errors"

    /// The overlay for `diagnostics` (sorted as the terminal sorts them); `overSite` says whether a
    /// last good build is shown under it.
    public static func html(_ diagnostics: [Diagnostic], overSite: Bool = true) -> String {
        var list = DiagnosticList()
        list.append(contentsOf: diagnostics)
        let sorted = list.sorted
        let errors = sorted.filter { $0.severity == .error }.count
        let title = "The site could not be built: \(errors) error\(errors == 1 ? "" : "s")"
        let items = sorted.map {
            "<li style=\"margin:.3em 0;white-space:pre-wrap\">\(HTMLEscaping.escape($0.description))</li>"
        }
        let under = overSite ? "The page below is the last build that worked. " : ""
        // A disclosure element: a click on the title folds the panel away, without any script.
        return """
            <div id="\(id)" role="alert" style="position:fixed;z-index:2147483647;inset:0 0 auto 0;\
            max-height:75vh;overflow:auto;box-sizing:border-box;margin:0;padding:.8rem 1.5rem;\
            background:#2d0f12;color:#ffeaea;border-bottom:4px solid #e5484d;\
            box-shadow:0 6px 24px rgba(0,0,0,.45);\
            font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace;text-align:left">
            <details open>
            <summary style="cursor:pointer;font-size:16px;font-weight:bold">\(HTMLEscaping.escape(title))</summary>
            <p style="margin:.4em 0 .6em">\(under)Fix the problems and save: this page reloads by itself. Click the title to fold this panel.</p>
            <ol style="margin:0;padding-left:1.5em;overflow-wrap:anywhere">
            \(items.joined(separator: "\n"))
            </ol>
            </details>
            </div>
            """
    }

    /// The page served for every request before any build has worked: the overlay goes on it.
    public static var emptyPage: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Build failed · cityscore</title></head>
        <body>
        </body>
        </html>

        """
    }
}
