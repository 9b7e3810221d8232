import CityscoreModel

/// What a page is made from, finer than its files: a city's scores, what a city's file says about
/// the city, the text of one document. Every page also depends on what every page shows (site.yml,
/// the framework, the theme and its strings, the free pages in the menu): a change there is
/// `SiteChange.everything`.
public enum Dependency: Sendable, Hashable {
    /// One city's rows and targets, and so its scorecard (by slug).
    case cityData(String)
    /// Every city's scores (an index, a ranking, an aggregate): a change of the sources and notes of
    /// values alone, which only a city's own pages, the indicator pages and the data files show,
    /// leaves them as they were (`SiteChange.cityScores`).
    case everyCityData
    /// Every city's scores in one dimension (by position in the framework): its categories and
    /// items (a dimension's page, its heat map).
    case everyCityDimension(Int)
    /// Every city's items of one KPI (by code), and each city's latest year (an indicator's page).
    case kpiData(String)
    /// One earlier round of a city (slug, round) and the list of the city's rounds with their
    /// overall scores (a round's page).
    case cityRound(String, Int)
    /// What one city's files say about it apart from the text of its narratives: name, country,
    /// region, population, peers, description, which narratives it has and their titles.
    case cityFacts(String)
    /// What every city's file says about it (a list of every city).
    case everyCityFacts
    /// The rendered text of one Markdown document (site path).
    case text(String)
    /// The site's actions (`Content/actions/`), apart from the text of each.
    case actions
    /// The site's targets (`Content/targets/`): how many of each kind (the methodology page).
    case targets
    /// The record of changes (`Content/changes/`), its texts included.
    case changes
}

/// What changed between two versions of a site, in the terms of `Dependency`.
public struct SiteChange: Sendable, Equatable {
    /// A change whose effect cannot be bounded (site.yml, framework, theme, strings, the set of
    /// pages, the free pages' front matter): every output is made again.
    public var everything = false
    /// Cities whose scorecard changed.
    public var cityData: Set<String> = []
    /// The cities of `cityData` whose scorecard changed in more than the sources and notes of its
    /// values; nil: every city of `cityData`.
    public var cityScores: Set<String>?
    /// The dimensions (by position in the framework) in which the scores of those cities changed;
    /// nil: any dimension.
    public var dimensions: Set<Int>?
    /// The KPIs (codes) whose items changed in those scorecards, or whose every item may have
    /// changed (a city's latest year changed); nil: any KPI of a changed scorecard.
    public var kpiData: Set<String>?
    /// The earlier rounds whose page changed, for some of the cities in `cityData` (each city not
    /// named here: every round).
    public var cityRounds: [String: Set<Int>] = [:]
    /// Cities whose facts changed.
    public var cityFacts: Set<String> = []
    /// Documents whose text changed.
    public var texts: Set<String> = []
    /// Whether the actions changed.
    public var actions = false
    /// Whether the targets changed (their cities are in `cityData` too).
    public var targets = false
    /// Whether the record of changes changed.
    public var changes = false

    /// Creates a change.
    public init(
        everything: Bool = false, cityData: Set<String> = [], kpiData: Set<String>? = nil, cityFacts: Set<String> = [],
        texts: Set<String> = [], actions: Bool = false, changes: Bool = false
    ) {
        self.everything = everything
        self.cityData = cityData
        self.kpiData = kpiData
        self.cityFacts = cityFacts
        self.texts = texts
        self.actions = actions
        self.changes = changes
    }

    /// A change that rebuilds everything.
    public static let all = SiteChange(everything: true)

    /// Whether nothing changed.
    public var isEmpty: Bool {
        !everything && cityData.isEmpty && cityFacts.isEmpty && texts.isEmpty && !actions && !changes && !targets
    }

    /// Whether something that depends on `dependency` must be made again.
    public func touches(_ dependency: Dependency) -> Bool {
        if everything { return true }
        switch dependency {
        case .cityData(let slug): return cityData.contains(slug)
        case .everyCityData: return !(cityScores ?? cityData).isEmpty
        case .everyCityDimension(let d): return touches(.everyCityData) && (dimensions?.contains(d) ?? true)
        case .kpiData(let code): return kpiData.map { $0.contains(code) } ?? !cityData.isEmpty
        case .cityRound(let slug, let round):
            return cityData.contains(slug) && (cityRounds[slug].map { $0.contains(round) } ?? true)
        case .cityFacts(let slug): return cityFacts.contains(slug)
        case .everyCityFacts: return !cityFacts.isEmpty
        case .text(let path): return texts.contains(path)
        case .actions: return actions
        case .targets: return targets
        case .changes: return changes
        }
    }

    /// Whether something that depends on any of `dependencies` must be made again.
    public func touches(any dependencies: [Dependency]) -> Bool { everything || dependencies.contains(where: touches) }

    /// The change that an edit of the site files at `paths` (site-relative) can make, bounded by
    /// the file alone (without reading it): a city's file or narrative changes that city's facts
    /// and the file's text; a results or targets file may hold rows of any city; an action or an
    /// entry of the record of changes changes those; anything else (site.yml, the framework, the
    /// theme, free pages, assets, an unknown place) cannot be bounded.
    public static func ofFiles(_ paths: [String], in site: Site) -> SiteChange {
        var change = SiteChange()
        for path in paths {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3, parts[0] == "Content", path.hasSuffix(".md") || parts[1] != "cities" else {
                return .all
            }
            switch parts[1] {
            case "cities" where parts.count == 3:
                change.cityFacts.insert(String(parts[2].dropLast(3)))
                change.texts.insert(path)
            case "cities" where parts.count == 4:
                change.cityFacts.insert(parts[2])
                change.texts.insert(path)
            case "results", "targets":
                // Any city's rows may be in any file: every scorecard may change.
                change.cityData.formUnion(site.cities.map(\.slug))
                if parts[1] == "targets" { change.targets = true }
            case "actions":
                change.actions = true
                change.texts.insert(path)
            case "changes":
                change.changes = true
            default:
                return .all
            }
        }
        return change
    }
}

extension PageKind {
    /// What a page of this kind at `place` shows, beyond what every page shows (`SiteChange.everything`).
    /// An exhaustive switch: a new kind of page does not compile until it says what it reads.
    public func dependencies(of place: Route.Place, in site: Site) -> [Dependency] {
        let city = place.city.flatMap { site.cities.indices.contains($0) ? site.cities[$0] : nil }
        // A city's own page (and its report): its scores, its facts and the names of its peers
        // (linked from the page; their scores are compared on the dimension pages), its actions
        // and its latest recorded change.
        func cityPage(_ city: City?) -> [Dependency] {
            guard let city else { return [.everyCityData, .everyCityFacts, .actions, .changes] }
            return [.cityData(city.slug), .cityFacts(city.slug), .text(city.document.path), .actions, .changes]
                + city.peers.map { Dependency.cityFacts($0) }
        }
        let aggregate: [Dependency] = [.everyCityData, .everyCityFacts, .actions]
        switch self {
        case .home: return aggregate + [.text("Content/pages/index.md")]
        case .cities, .indicators, .programme, .programmeReport:
            return aggregate
        case .dimensions:
            // The framework's dimensions and categories only.
            return []
        case .dimension:
            // Every city's scores in the dimension (ranks, heat map, peer groups) and names.
            guard let d = place.dimension, site.framework.dimensions.indices.contains(d) else { return aggregate }
            return [.everyCityDimension(d), .everyCityFacts, .actions]
        case .indicator:
            // Every city's items of the KPI, each shown with its city's latest year.
            guard let k = place.kpi, site.framework.kpis.indices.contains(k) else { return aggregate }
            return [.kpiData(site.framework.kpis[k].code), .everyCityFacts, .actions]
        case .methodology:
            // The framework, and how many targets of each kind the cities have.
            return [.targets, .text("Content/pages/methodology.md")]
        case .city, .cityReport: return cityPage(city)
        case .cityDimension:
            guard let city, let d = place.dimension, site.framework.dimensions.indices.contains(d) else {
                return cityPage(city)
            }
            let narrative = city.dimensionNarratives[site.framework.dimensions[d].slug]
            return [.cityData(city.slug), .cityFacts(city.slug), .actions] + (narrative.map { [.text($0.path)] } ?? [])
        case .cityRound:
            guard let city, let round = place.round else { return cityPage(city) }
            return [.cityRound(city.slug, round), .cityFacts(city.slug)]
        case .page:
            guard let p = place.page, site.pages.indices.contains(p) else { return [] }
            return [.text(site.pages[p].path)]
        case .action:
            guard let a = place.action, site.actions.indices.contains(a) else { return aggregate }
            let action = site.actions[a]
            return [.cityData(action.city), .cityFacts(action.city), .actions, .text(action.document.path)]
        case .changes: return [.changes, .everyCityFacts]
        default:
            // A kind with no data of its own (the 404 page): it shows only what every page shows,
            // whose change is `SiteChange.everything`.
            return []
        }
    }
}

extension RouteTable {
    /// The pages a change makes again: every page (`nil`) or those that depend on what changed.
    public func routes(affectedBy change: SiteChange, in site: Site) -> [Route]? {
        if change.everything { return nil }
        return routes.filter { change.touches(any: $0.kind.dependencies(of: $0.place, in: site)) }
    }

    /// The pages an edit of the site files at `paths` makes again: every page (`nil`) when the
    /// change cannot be bounded by the files alone (see `SiteChange.ofFiles`).
    public func routes(affectedByFiles paths: [String], in site: Site) -> [Route]? {
        routes(affectedBy: SiteChange.ofFiles(paths, in: site), in: site)
    }
}
