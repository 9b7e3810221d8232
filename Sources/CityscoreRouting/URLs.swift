import CityscoreModel

/// Every URL of the built site, from one place, so that links work at a domain root and under a
/// sub-path alike. Page URLs end in `/` (the folder's `index.html` serves them).
public struct URLs: Sendable {
    /// The path part of the base URL, ending in `/` (`/` or `/scores/`).
    public var basePath: String
    /// The absolute base URL, ending in `/`.
    public var baseURL: String

    /// URLs for a site configuration.
    public init(config: SiteConfig) {
        basePath = config.basePath.hasSuffix("/") ? config.basePath : config.basePath + "/"
        baseURL = config.baseURL
    }

    /// The folder of the pages' language (`nb/`), empty for the default language. Downloads,
    /// assets and the theme's files are shared by every language and never take it.
    public var languagePrefix = ""

    /// A link to `path` (relative to the output root, no leading `/`).
    public func link(_ path: String) -> String { basePath + localized(path) }

    /// The absolute URL of `path`, for canonical links, Open Graph and the sitemap.
    public func absolute(_ path: String) -> String {
        (baseURL.hasPrefix("http") ? baseURL : basePath) + localized(path)
    }

    /// `path` in the pages' language: under ``languagePrefix`` unless every language shares it.
    public func localized(_ path: String) -> String {
        languagePrefix.isEmpty || Self.isShared(path) ? path : languagePrefix + path
    }

    /// Whether every language links to the same file (downloads, assets, the theme's files).
    public static func isShared(_ path: String) -> Bool {
        path.hasPrefix("data/") || path.hasPrefix("assets/") || path.hasPrefix("theme/") || path == "sitemap.xml"
            || path == "robots.txt"
    }

    // Output paths (relative to the output root) of every page kind, as docs/output.md, "Pages" fixes them.
    public static let home = ""
    public static let cities = "cities/"
    public static func city(_ slug: String) -> String { "cities/\(slug)/" }
    public static func cityDimension(_ city: String, _ dimension: String) -> String { "cities/\(city)/\(dimension)/" }
    /// An earlier evaluation round of a city (`cities/<slug>/<round>/`).
    public static func cityRound(_ city: String, _ round: Int) -> String { "cities/\(city)/\(round)/" }
    public static let dimensions = "dimensions/"
    public static func dimension(_ slug: String) -> String { "dimensions/\(slug)/" }
    public static let indicators = "indicators/"
    public static func indicator(_ kpi: KPI) -> String { "indicators/\(kpi.slug)/" }
    public static func page(_ slug: String) -> String { slug == "index" ? "" : "\(slug)/" }
    public static let methodology = "methodology/"
    public static func cityReport(_ slug: String) -> String { "cities/\(slug)/report/" }
    public static let programmeReport = "report/"
    /// The PDF of a report in the built site (`report_pdf: true`): `reports/<slug>.pdf`, `reports/programme.pdf`.
    public static func reportPDF(_ name: String) -> String { "reports/\(name).pdf" }
    public static func action(_ slug: String) -> String { "actions/\(slug)/" }
    public static let programme = "programme/"
    public static let actionsCSV = "data/actions.csv"
    public static let programmeJSON = "data/programme.json"
    public static let resultsCSV = "data/results.csv"
    public static let frameworkCSV = "data/framework.csv"
    public static let dataPackage = "data/datapackage.json"
    public static func cityJSON(_ slug: String) -> String { "data/cities/\(slug).json" }
    public static func asset(_ path: String) -> String { "assets/\(path)" }
}
