import CityscoreDiagnostics
import Foundation

/// `Content/site.yml`: the site's settings.
public struct SiteConfig: Sendable, Hashable {
    /// Site title, shown in every page's header and `<title>`.
    public var title: String
    /// One sentence about the site, used as the default meta description.
    public var description: String
    /// Absolute URL the site is served from, always ending in `/` (`https://example.org/scores/`).
    public var baseURL: String
    /// BCP 47 language of the site (`en`).
    public var language: String
    /// Every language the site is published in, the default (``language``) first; the others are
    /// served under `/<language>/` (`languages: [en, nb]`).
    public var languages: [String] = []
    /// Theme folder name (`default`).
    public var theme: String
    /// Whether raw HTML in Markdown reaches the page (off by default).
    public var unsafeHTML: Bool
    /// Other keys of `site.yml`, as text, passed to templates as `site.params`.
    public var params: [String: String]

    /// Creates a configuration; `baseURL` is normalised to end in `/`.
    public init(
        title: String, description: String = "", baseURL: String = "/", language: String = "en",
        theme: String = "default", unsafeHTML: Bool = false, params: [String: String] = [:]
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.language = language
        self.theme = theme
        self.unsafeHTML = unsafeHTML
        self.params = params
    }

    /// The path part of `baseURL` (`/scores/` for `https://example.org/scores/`), used to build
    /// every internal link so that the site works under a sub-path.
    public var basePath: String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            if let slash = rest.firstIndex(of: "/") { rest = rest[slash...] } else { rest = "/" }
        }
        let path = String(rest)
        return path.hasPrefix("/") ? path : "/" + path
    }
}

/// A Markdown document with optional front matter: a city, a narrative or a free page.
public struct Document: Sendable, Hashable {
    /// Path relative to the site folder.
    public var path: String
    /// The Markdown after the front matter.
    public var body: String
    /// Line of the site file where `body` starts (for diagnostics from the Markdown).
    public var bodyLine: Int
    /// The file the text was read from when it is a translation (`Content/cities/karmoy.nb.md`
    /// standing in for `path`), or nil; diagnostics name this file.
    public var translationPath: String?
    /// Front matter `title`.
    public var title: String?
    /// Front matter `description`.
    public var description: String?
    /// Front matter `slug`, or the file name without `.md`.
    public var slug: String
    /// Front matter `draft`: drafts are not published.
    public var draft: Bool
    /// Front matter `weight`: lower comes first in menus.
    public var weight: Int
    /// Front matter `menu: true` (or `menu: main`, as in Hugo): listed in the site's main navigation.
    public var menu: Bool

    /// Creates a document.
    public init(
        path: String, body: String, bodyLine: Int = 1, title: String? = nil, description: String? = nil,
        slug: String, draft: Bool = false, weight: Int = 0, menu: Bool = false
    ) {
        self.path = path
        self.body = body
        self.bodyLine = bodyLine
        self.title = title
        self.description = description
        self.slug = slug
        self.draft = draft
        self.weight = weight
        self.menu = menu
    }
}

/// A city: its front matter and narrative.
public struct City: Sendable, Hashable {
    /// File name of `Content/cities/<slug>.md`.
    public var slug: String
    /// Display name (`Karmøy`).
    public var name: String
    public var country: String?
    public var region: String?
    public var population: Int?
    /// Slugs of comparable cities.
    public var peers: [String]
    /// Other front matter keys, as text, passed to templates as `city.params`.
    public var params: [String: String]
    /// The narrative.
    public var document: Document
    /// Optional narratives per dimension slug (`Content/cities/<slug>/<dimension>.md`).
    public var dimensionNarratives: [String: Document]

    /// Creates a city.
    public init(
        slug: String, name: String, country: String? = nil, region: String? = nil, population: Int? = nil,
        peers: [String] = [], params: [String: String] = [:], document: Document,
        dimensionNarratives: [String: Document] = [:]
    ) {
        self.slug = slug
        self.name = name
        self.country = country
        self.region = region
        self.population = population
        self.peers = peers
        self.params = params
        self.document = document
        self.dimensionNarratives = dimensionNarratives
    }
}

/// A reported value: yes-no, a number, not reported (`NR`) or not applicable (`N/A`).
public enum ObservedValue: Sendable, Hashable {
    case number(Double)
    case yesNo(Bool)
    /// `NR` or an empty cell: the city did not report the KPI.
    case notReported
    /// `N/A`: the KPI does not apply to the city (no coastline, no metro).
    case notApplicable

    /// Whether a value was reported.
    public var isReported: Bool {
        switch self {
        case .number, .yesNo: true
        case .notReported, .notApplicable: false
        }
    }
}

/// U4SSC data-quality levels.
public enum DataQuality: String, Sendable, Hashable, CaseIterable {
    case measured
    case survey
    case higherLevel = "higher-level"
    case assumptions
    case personalEstimate = "personal-estimate"
    case unknown
}

/// One row of `results/*.csv`, validated.
public struct Observation: Sendable, Hashable {
    public var city: String
    public var kpi: String
    public var datapoint: String?
    public var year: Int
    /// The evaluation round the row belongs to (the `round` column, a year; an empty cell means the
    /// row's year). Nil when the row was not read with a round: every such row of a city is then
    /// one round, labelled by its latest year.
    public var round: Int?
    public var value: ObservedValue
    /// The value cell as written (`0.001`, `3.90`, `97.00`), trimmed: shown with the digits it was
    /// given and written back as read. Empty when the observation was not read from a file.
    public var valueText: String
    /// `benchmark` column `none`: the city's report says the KPI has no benchmark, so it is shown
    /// but never scored, even where the site has a goal for it.
    public var noBenchmark: Bool
    public var unit: String
    public var source: String
    public var note: String
    public var quality: DataQuality?
    public var verified: Bool?
    /// `x-` columns, by column name.
    public var extra: [String: String]
    /// Where the row is.
    public var location: SourceLocation

    /// Creates an observation.
    public init(
        city: String, kpi: String, datapoint: String? = nil, year: Int, value: ObservedValue, unit: String = "",
        source: String = "", note: String = "", quality: DataQuality? = nil, verified: Bool? = nil,
        extra: [String: String] = [:], location: SourceLocation = SourceLocation(path: ""), valueText: String = "",
        noBenchmark: Bool = false, round: Int? = nil
    ) {
        self.round = round
        self.city = city
        self.kpi = kpi
        self.datapoint = datapoint
        self.year = year
        self.value = value
        self.valueText = valueText
        self.noBenchmark = noBenchmark
        self.unit = unit
        self.source = source
        self.note = note
        self.quality = quality
        self.verified = verified
        self.extra = extra
        self.location = location
    }
}

/// Where a target comes from (`target_origin.kind`; docs/data-formats.md, "targets/*.csv").
public enum TargetKind: String, Sendable, Hashable, CaseIterable {
    /// A U4SSC benchmark.
    case benchmark
    /// The city's own goal.
    case local
    /// Set by a national programme for all its cities.
    case programme
    /// For demos and training only; never presented as a city's goal.
    case illustrative
}

/// One row of `targets/*.csv`: a goal for a KPI or data point of one city, and where it comes from.
public struct LocalTarget: Sendable, Hashable {
    public var city: String
    public var kpi: String
    public var datapoint: String?
    public var target: Double
    public var note: String
    /// The `kind` column; `local` when the file has none.
    public var kind: TargetKind
    public var location: SourceLocation

    /// Creates a local target.
    public init(
        city: String, kpi: String, datapoint: String? = nil, target: Double, note: String = "",
        kind: TargetKind = .local, location: SourceLocation = SourceLocation(path: "")
    ) {
        self.kind = kind
        self.city = city
        self.kpi = kpi
        self.datapoint = datapoint
        self.target = target
        self.note = note
        self.location = location
    }
}

/// A validated site: everything the later stages need, and nothing they must check again.
public struct Site: Sendable {
    public var config: SiteConfig
    public var framework: Framework
    /// Cities sorted by slug.
    public var cities: [City]
    /// Observations sorted by city, KPI, data point and year.
    public var observations: [Observation]
    /// Local targets sorted by city, KPI and data point.
    public var targets: [LocalTarget]
    /// Published free pages (drafts left out), sorted by weight then slug.
    public var pages: [Document]
    /// Files of `Content/assets/`, as paths relative to that folder, sorted.
    public var assets: [String]
    /// The site's other languages (``SiteConfig/languages`` after the first), by language.
    public var translations: [String: SiteTranslation] = [:]
    /// `Content/actions/*.md` (drafts left out), sorted by city, then slug.
    public var actions: [Action]
    /// The entries of `Content/changes/`, oldest first.
    public var changes: [ChangeEntry] = []

    /// Creates a site.
    public init(
        config: SiteConfig, framework: Framework, cities: [City], observations: [Observation],
        targets: [LocalTarget], pages: [Document], assets: [String] = [], actions: [Action] = []
    ) {
        self.config = config
        self.framework = framework
        self.cities = cities
        self.observations = observations
        self.targets = targets
        self.pages = pages
        self.assets = assets
        self.actions = actions
    }
}
