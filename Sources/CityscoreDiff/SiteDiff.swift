import CityscoreModel
import CityscoreScoring

/// What changed between two versions of a site: values added, corrected and removed, and every
/// band that moved at KPI, category, dimension and city level (both sides scored by ``Scorer``).
public struct SiteDiff: Sendable, Hashable, Codable {
    /// One value of one city, KPI (and data point) and year.
    public struct Value: Sendable, Hashable, Codable {
        public var city: String
        public var cityName: String
        public var kpi: String
        public var name: String
        public var datapoint: String?
        public var year: Int
        /// As written in the old version (nil: added).
        public var old: String?
        /// As written in the new version (nil: removed).
        public var new: String?
    }

    /// A band that moved.
    public struct BandMove: Sendable, Hashable, Codable {
        public var city: String
        public var cityName: String
        /// `kpi`, `category`, `dimension` or `city`.
        public var level: String
        /// What moved: the KPI's label (with its code), the category's or dimension's name, the city's name.
        public var name: String
        /// The band before and after, 1–4; nil when it was or is not scored.
        public var old: Int?
        public var new: Int?
    }

    public var added: [Value] = []
    public var corrected: [Value] = []
    public var removed: [Value] = []
    public var bands: [BandMove] = []

    /// Whether nothing changed.
    public var isEmpty: Bool { added.isEmpty && corrected.isEmpty && removed.isEmpty && bands.isEmpty }

    /// Slugs of the cities anything changed for, sorted.
    public var cities: [String] {
        Set((added + corrected + removed).map(\.city) + bands.map(\.city)).sorted()
    }

    public init() {}

    struct Key: Hashable, Comparable {
        var city: String
        var kpi: String
        var datapoint: String
        var year: Int

        static func < (a: Key, b: Key) -> Bool {
            (a.city, a.kpi, a.datapoint, a.year) < (b.city, b.kpi, b.datapoint, b.year)
        }
    }

    /// Compares two versions.
    public init(old: DiffInput, new: DiffInput) {
        func values(_ input: DiffInput) -> [Key: Observation] {
            var out: [Key: Observation] = [:]
            for o in input.site.observations {
                out[Key(city: o.city, kpi: o.kpi, datapoint: o.datapoint ?? "", year: o.year)] = o
            }
            return out
        }
        let before = values(old)
        let after = values(new)
        var names: [String: String] = [:]
        for city in old.site.cities + new.site.cities { names[city.slug] = city.name }
        func kpiName(_ code: String) -> String {
            new.site.framework.kpi(code)?.name ?? old.site.framework.kpi(code)?.name ?? code
        }
        func value(_ key: Key, _ o: Observation?, _ n: Observation?) -> Value {
            Value(
                city: key.city, cityName: names[key.city] ?? key.city, kpi: key.kpi, name: kpiName(key.kpi),
                datapoint: key.datapoint.isEmpty ? nil : key.datapoint, year: key.year,
                old: o.map(Self.text), new: n.map(Self.text))
        }
        for key in Set(before.keys).union(after.keys).sorted() {
            switch (before[key], after[key]) {
            case (nil, let n?): added.append(value(key, nil, n))
            case (let o?, nil): removed.append(value(key, o, nil))
            case (let o?, let n?) where o.value != n.value: corrected.append(value(key, o, n))
            default: break
            }
        }
        for card in new.scorecards {
            guard let previous = old.scorecards.first(where: { $0.city.slug == card.city.slug }) else { continue }
            bands += Self.moves(previous, card)
        }
    }

    /// A value as written (`97.00`, `NR`, `yes`).
    static func text(_ o: Observation) -> String {
        if !o.valueText.isEmpty { return o.valueText }
        switch o.value {
        case .number(let n): return String(n)
        case .yesNo(let yes): return yes ? "yes" : "no"
        case .notReported: return "NR"
        case .notApplicable: return "N/A"
        }
    }

    /// The bands that moved for one city, from the city down to its KPIs.
    static func moves(_ old: Scorecard, _ new: Scorecard) -> [BandMove] {
        var out: [BandMove] = []
        func add(_ level: String, _ name: String, _ a: Band?, _ b: Band?) {
            guard a != b else { return }
            out.append(
                BandMove(
                    city: new.city.slug, cityName: new.city.name, level: level, name: name, old: a?.rawValue,
                    new: b?.rawValue))
        }
        add("city", new.city.name, old.overall.band, new.overall.band)
        for dimension in new.dimensions {
            let previous = old.dimension(dimension.slug)
            add("dimension", dimension.name, previous?.score.band, dimension.score.band)
            for category in dimension.categories {
                let before = previous?.categories.first { $0.slug == category.slug }
                add("category", category.name, before?.score.band, category.score.band)
            }
        }
        for item in new.items {
            let before = old.item(item.kpi.code, datapoint: item.datapoint)
            add("kpi", "\(item.label) (\(item.kpi.code))", before?.band, item.band)
        }
        return out
    }
}
