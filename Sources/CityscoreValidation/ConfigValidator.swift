import CityscoreDiagnostics
import CityscoreModel
import CityscoreReading
import CityscoreText

/// Reads `Content/site.yml` into a `SiteConfig`.
struct ConfigValidator {
    static let known: Set<String> = [
        "title", "description", "baseURL", "baseurl", "base_url", "language", "languages", "theme", "unsafe_html",
        // Read by the Reading stage (ReadingOptions).
        "follow_symlinks", "max_markdown_mb",
        // Read by the Pipeline (DiagnosticSettings).
        "diagnostics",
    ]

    /// Keys read from `params` by cityscore itself.
    static let readFromParams: Set<String> = ["chart_files", "report_pdf", "report_paper", "cities_per_page"]

    func validate(
        _ fields: YAMLFields, baseURLOverride: String?, themeParams: Set<String> = [], diagnostics: inout [Diagnostic]
    ) -> SiteConfig {
        diagnostics += Keys.unknown(
            fields, known: Self.known.union(Self.readFromParams), themeParams: themeParams, in: "site.yml")
        _ = Keys.oneOf(fields, "chart_files", allowed: ["pages", "all"], into: &diagnostics)
        _ = Keys.oneOf(fields, "report_pdf", allowed: ["true", "false"], into: &diagnostics)
        _ = Keys.oneOf(fields, "report_paper", allowed: ["a4", "letter"], into: &diagnostics)
        if let perPage = fields.string("cities_per_page", into: &diagnostics), (Int(perPage) ?? 0) < 1 {
            diagnostics.append(
                .error(
                    "\"cities_per_page\" cannot be \"\(perPage)\": it is how many cities a page lists, a whole number from 1 up",
                    at: fields.valueLocation(of: "cities_per_page"), suggestion: "e.g. cities_per_page: 500",
                    code: .invalidValue))
        }
        let title = fields.string("title", into: &diagnostics) ?? ""
        if title.isEmpty && fields.isReadable {
            diagnostics.append(
                .error(
                    "site.yml needs a title, e.g. \"title: City scorecards\"", at: fields.location(of: "title"),
                    code: .requiredField))
        }
        var baseURL = baseURLOverride
        for key in ["baseURL", "baseurl", "base_url"] where baseURL == nil {
            baseURL = fields.string(key, into: &diagnostics)
        }
        let base = baseURL ?? "/"
        if !(base.hasPrefix("https://") || base.hasPrefix("http://") || base.hasPrefix("/")) {
            diagnostics.append(
                .error(
                    "the base URL \"\(base)\" must start with https://, http:// or /",
                    at: baseURLOverride == nil
                        ? fields.location(of: "baseURL") : SourceLocation(path: "--base-url", line: 0, column: 0),
                    code: .invalidBaseURL))
        }
        let language = fields.string("language", into: &diagnostics) ?? "en"
        if let (message, fix) = Keys.languageProblem(language) {
            diagnostics.append(
                .error(message, at: fields.valueLocation(of: "language"), suggestion: fix, code: .invalidLanguage))
        }
        let theme = fields.string("theme", into: &diagnostics) ?? "default"
        if !Slug.isValid(theme) && theme != "default" {
            diagnostics.append(
                .error(
                    "the theme name \"\(theme)\" must be a folder name of Themes/ (letters, digits, dashes)",
                    at: fields.location(of: "theme"), code: .invalidThemeName))
        }
        let params = fields.scalars(excluding: Self.known)
        return SiteConfig(
            title: title, description: fields.string("description", into: &diagnostics) ?? "", baseURL: base,
            language: language, theme: Slug.isValid(theme) ? theme : "default",
            unsafeHTML: fields.bool("unsafe_html", into: &diagnostics) ?? false, params: params)
    }
}
