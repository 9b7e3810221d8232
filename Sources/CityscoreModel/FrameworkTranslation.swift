import CityscoreDiagnostics

/// A framework's names in another language (`framework/kpis.<language>.csv`): by KPI code, the
/// translated name, description, data point names, dimension, sub-dimension and category. Codes,
/// slugs, data point identifiers and URLs stay those of the framework: only the words change.
public struct FrameworkTranslation: Sendable, Hashable {
    /// One KPI's words; empty text keeps the framework's own.
    public struct Entry: Sendable, Hashable {
        public var name = ""
        public var description = ""
        /// Display names of the data points, in the framework's order.
        public var datapoints: [String] = []
        public var dimension = ""
        public var subdimension = ""
        public var category = ""
        public var level = ""
        public var kind = ""
        public var sdg = ""
        public var targetSource = ""
        public var evidence = ""
        public var directionBasis = ""

        public init(
            name: String = "", description: String = "", datapoints: [String] = [], dimension: String = "",
            subdimension: String = "", category: String = "", level: String = "", kind: String = "", sdg: String = "",
            targetSource: String = "", evidence: String = "", directionBasis: String = ""
        ) {
            self.evidence = evidence
            self.directionBasis = directionBasis
            self.targetSource = targetSource
            self.level = level
            self.kind = kind
            self.sdg = sdg
            self.name = name
            self.description = description
            self.datapoints = datapoints
            self.dimension = dimension
            self.subdimension = subdimension
            self.category = category
        }
    }

    /// BCP 47 language of the words.
    public var language: String
    /// Words by KPI code.
    public var entries: [String: Entry]

    public init(language: String, entries: [String: Entry]) {
        self.language = language
        self.entries = entries
    }

    /// `framework` in these words: names and descriptions replaced where given, every slug kept (so
    /// URLs are the same in every language). A dimension, sub-dimension or category whose KPIs
    /// disagree on its translation takes the first KPI's.
    public func apply(to framework: Framework) -> Framework {
        var dimensions = framework.dimensions
        for d in dimensions.indices {
            for s in dimensions[d].subdimensions.indices {
                for c in dimensions[d].subdimensions[s].categories.indices {
                    let kpis = dimensions[d].subdimensions[s].categories[c].kpis
                    let first = kpis.first.flatMap { entries[$0.code] }
                    if let name = first?.category, !name.isEmpty {
                        dimensions[d].subdimensions[s].categories[c].name = name
                    }
                    dimensions[d].subdimensions[s].categories[c].kpis = kpis.map(translated)
                }
                let first = dimensions[d].subdimensions[s].categories.first?.kpis.first.flatMap { entries[$0.code] }
                if let name = first?.subdimension, !name.isEmpty { dimensions[d].subdimensions[s].name = name }
            }
            let first = dimensions[d].kpis.first.flatMap { entries[$0.code] }
            if let name = first?.dimension, !name.isEmpty { dimensions[d].name = name }
        }
        return Framework(dimensions: dimensions, origin: framework.origin)
    }

    /// One KPI in these words; its data point identifiers stay (results name them), their display
    /// names are in ``KPI/datapointNames``.
    func translated(_ kpi: KPI) -> KPI {
        guard let entry = entries[kpi.code] else { return kpi }
        var names: [String: String] = [:]
        if entry.datapoints.count == kpi.datapoints.count {
            names = Dictionary(
                zip(kpi.datapoints, entry.datapoints).filter { !$0.1.isEmpty }, uniquingKeysWith: { a, _ in a })
        }
        return KPI(
            code: kpi.code, name: entry.name.isEmpty ? kpi.name : entry.name, datapoints: kpi.datapoints,
            level: entry.level.isEmpty ? kpi.level : entry.level, kind: entry.kind.isEmpty ? kpi.kind : entry.kind,
            unit: kpi.unit, direction: kpi.direction,
            datapointDirections: kpi.datapointDirections, range: kpi.range,
            directionBasis: entry.directionBasis.isEmpty ? kpi.directionBasis : entry.directionBasis,
            target: kpi.target, targetSource: entry.targetSource.isEmpty ? kpi.targetSource : entry.targetSource,
            sdg: entry.sdg.isEmpty ? kpi.sdg : entry.sdg,
            description: entry.description.isEmpty ? kpi.description : entry.description,
            evidence: entry.evidence.isEmpty ? kpi.evidence : entry.evidence,
            dimension: entry.dimension.isEmpty ? kpi.dimension : entry.dimension,
            subdimension: entry.subdimension.isEmpty ? kpi.subdimension : entry.subdimension,
            category: entry.category.isEmpty ? kpi.category : entry.category, location: kpi.location,
            datapointNames: names)
    }
}

/// One of a site's other languages: its framework words and translated narratives.
public struct SiteTranslation: Sendable {
    /// BCP 47 language.
    public var language: String
    /// The framework in this language, when a translation exists.
    public var framework: FrameworkTranslation?
    /// Translated documents by the path of the document they translate; each keeps that path
    /// and names its own file in ``Document/translationPath``.
    public var documents: [String: Document]

    public init(language: String, framework: FrameworkTranslation?, documents: [String: Document]) {
        self.language = language
        self.framework = framework
        self.documents = documents
    }
}
