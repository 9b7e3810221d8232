import CityscoreDiagnostics
import CityscoreModel

/// A CSV file of the site, read.
public struct CSVFile: Sendable {
    /// Site-relative path.
    public var path: String
    public var table: CSVTable

    /// Creates a file from a table read elsewhere (`cityscore import` checks the rows it would write).
    public init(path: String, table: CSVTable) {
        self.path = path
        self.table = table
    }
}

/// A Markdown file of the site, split into front matter and body.
public struct MarkdownFile: Sendable {
    /// Site-relative path.
    public var path: String
    /// File name without `.md`.
    public var name: String
    public var frontMatter: FrontMatter
}

/// Everything read from a site folder, before any meaning is checked: the output of the Reading stage.
public struct SiteSource: Sendable {
    /// The site folder (absolute).
    public var root: String
    /// How the site's files are listed and read (links followed under the site's rules); assets are
    /// read through it when they are copied.
    public var files: SiteFiles
    /// `Content/site.yml`, read.
    public var config: YAMLFields
    /// The framework table: the site's `Content/framework/kpis.csv` or the built-in one.
    public var framework: CSVFile
    /// Whether `framework` is the built-in U4SSC framework.
    public var frameworkIsBuiltIn: Bool
    /// `Content/results/*.csv`, sorted by path.
    public var results: [CSVFile]
    /// `Content/results/*.csv` listed but not read yet, when the site was read with
    /// `deferringResults` (`results` is then empty): the validator reads each file as it checks it.
    public var deferredResults: DeferredResults?
    /// `Content/targets/*.csv`, sorted by path.
    public var targets: [CSVFile]
    /// `Content/cities/*.md`, sorted by path.
    public var cities: [MarkdownFile]
    /// The names (without `.md`) of every city file, including those that could not be read, so
    /// that one unreadable file does not make its city unknown everywhere else.
    public var cityFileNames: [String]
    /// `Content/cities/<slug>/*.md`, by city slug, each sorted by path.
    public var cityNarratives: [String: [MarkdownFile]]
    /// `Content/pages/*.md`, sorted by path.
    public var pages: [MarkdownFile]
    /// Files under `Content/assets/`, relative to it, sorted.
    public var assets: [String]
    /// `Content/actions/*.md`, sorted by path.
    public var actions: [MarkdownFile] = []
    /// The theme's files, overrides applied.
    public var theme: ThemeSource
    /// The theme's interface strings for the site's language.
    public var strings: [String: String]
    /// The site's other languages: their strings, framework translations and narratives.
    public var languageSources = LanguageSources()
    /// Every site-relative path of a Markdown file read, for link checking.
    public var markdownPaths: Set<String> {
        Set(
            cities.map(\.path) + cityNarratives.values.flatMap { $0.map(\.path) } + pages.map(\.path)
                + actions.map(\.path))
    }
}
